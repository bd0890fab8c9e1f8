"""Pattern families for indirect suicidal thinking: passive wishes, preparations, plans, methods.

These are templates, not phrases: "<something good> if i <would be gone>", "<escape> is
<my absence>", "<wish> ... not come back up". Self-harm cues are never negated (see
patterns.py). Entries are (pattern, negatable[, context]) like the other cue modules.
"""

from assistant.safety.lexicon import Entry

_WISH = r"(?:wish\w*|hop(?:e|es|ed|ing)|pray\w*|want\w*|tempt\w*|could|keep)"
_IMAGINE = (
    r"(?:imagin\w*|think\w*|thought|want\w*|wish\w*|hop(?:e|es|ed|ing)|urges?|tempt\w*|pictur\w*|"
    r"fantasi\w*|dream\w*|consider\w*|close to|nearly|almost|keep)"
)

_PASSIVE = [
    # "everyone would be better off if I wasn't in the picture", "simpler if I wasn't alive"
    r"\b(?:better off|happier|easier|simpler|relieved|lighter|freer|fine|okay|ok|better)\b"
    r"(?:\s+[\w']+){0,5}?\s+(?:if|once|when)\s+i\s+(?:just\s+)?<GONE>",
    r"\bif i (?:didn'?t|did not|don'?t|never|wouldn'?t) wake up\b",
    r"\brather\s+(?:just\s+)?(?:not\s+(?:be\s+alive|exist|be here|be around|wake up|live)|"
    r"never wake up|stop existing|disappear for good)\b",
    r"\b(?:leave|leaving|left)\s+this\s+(?:world|earth|life)\b|\bnot long for this world\b",
    r"\b(?:no ?one|nobody|no-one)\s+(?:would|will|'d|is going to)\s+(?:even\s+)?(?:miss|mourn)"
    r"\s+me\b",
    r"\b(?:hit|hitting|punch\w*|bit|bite|biting|burn\w*|bruis\w*|starv\w*|hurt\w*|harm\w*)\s+"
    r"myself\b(?!\s+(?:for|over|laughing|on (?:the|a)|when i (?:realised|realized|remembered))\b)",
    r"\bif i (?:died|was gone|were gone|disappeared)\b(?:\s+[\w',]+){0,5}?\s+(?:i'?d be|i would be|"
    r"that'?d be|that would be|it'?d be|it would be)\s+(?:\w+\s+)?(?:okay|ok|fine|alright|glad|"
    r"relieved|a relief|for the best)\b",
    # "the only way out I can see is me not being here"
    r"\b(?:way out|answer|solution|escape|only option|only way)\b(?:\s+[\w']+){0,6}?\s+(?:is\s+)?"
    r"<ABSENCE>\b(?!\s+(?:my|her|his|the)\s+hair)",
    # "what's the point of me even being here"
    r"\bpoint\s+(?:of|in)\s+(?:me\s+)?(?:even\s+)?(?:being here|being around|existing|being on "
    r"this earth|staying around|sticking around)\b",
    # "I'm just a weight around everyone's neck", "I'm nothing but a drain"
    r"\b(?:i'?m|i am|i feel like|i'?ve become|i have become|feel like i'?m|being)\s+(?:just\s+|"
    r"only\s+|such\s+|nothing but\s+|a\s+|an\s+)*(?:\w+\s+)?(?:weight|millstone|dead weight|"
    r"albatross|burden)\s+(?:around|round|on|to|for)\s+(?:everyone|everybody|my|their|them|"
    r"people|the)\b",
    # "I don't see myself still being around by Christmas"
    r"\b(?:don'?t|can'?t|do not|cannot|never)\s+see\s+myself\s+(?:still\s+)?(?:being\s+)?"
    r"(?:around|alive|still here)\b",
    r"\b(?:won'?t|will not|wont)\s+be\s+(?:alive|around much longer|around to see|here much "
    r"longer)\b",
    r"\bcan'?t\s+(?:do|live|handle|take|face)\s+(?:this\s+)?life\s+(?:any ?more|any longer)",
    r"\bnever\s+(?:have\s+to\s+)?(?:face|see|wake up to|live through|get through)\s+(?:another|"
    r"one more|a new)\s+(?:day|morning|night|week|year)\b",
    rf"\b{_WISH}\b(?:\s+[\w']+){{0,4}}?\s+(?:(?:didn'?t|not|never|wouldn'?t)\s+(?:have\s+to\s+)?"
    r"come\s+(?:back\s+)?up|stay(?:ed)?\s+under|slip(?:ped)?\s+under|never\s+(?:come|coming)\s+"
    r"back)\b",
    rf"\b{_WISH}\b(?:\s+[\w']+){{0,3}}?\s+(?:fall asleep|go to sleep|sleep|close my eyes|drift "
    r"off)\b(?:\s+[\w']+){0,2}?\s+and\s+(?:that\s+(?:would\s+be|'?d\s+be|be|is|was)|be)\s+it\b",
    rf"\b{_WISH}\b(?:\s+[\w']+){{0,3}}?\s+(?:the|my|this)\s+(?:plane|flight|car|train|bus|"
    r"boat)\s+(?:would\s+|will\s+|just\s+)?(?:crash\w*|goes down|went down|go down|hits me|"
    r"hit me)\b",
    # "picturing my own funeral and feeling relieved"
    r"\b(?:my|my own)\s+funeral\b(?:\s+[\w',]+){0,5}?\s+(?:relie\w*|peace\w*|calm\w*|happy|"
    r"comfort\w*|good|nice|soon|ready)\b",
]

_PREPARATION = [
    r"\b(?:goodbye|farewell)\s+(?:letters?|notes?|messages?|videos?|texts?)\b",
    r"\b(?:wrote|written|writing|write|left|leave|leaving)\s+(?:\w+\s+)?(?:letters?|notes?)\s+"
    r"(?:to|for)\s+(?:everyone|everybody|each of|all of|my loved ones)\b(?!\s+(?:for|about|at|"
    r"on|thanking)\b)",
    r"\b(?:when|after|once)\s+i'?m\s+(?:gone|dead|no longer (?:here|around))\b(?!\s+(?:for|to|"
    r"on|at|away|out|home|with|from|a|the|all|most|during|this|next)\b)",
    r"\b(?:told|tell|telling|said|say|saying|texted|text|wrote)\s+(?:\w+\s+){0,2}?goodbyes?"
    r"\b(?:\s+[\w']+){0,4}?\s+(?:for good|forever|for the last time|without (?:him|her|them|"
    r"anyone|any of them) (?:knowing|realising|realizing))\b",
    r"\b(?:made|have|got|making|worked out|figured out)\s+(?:a|the|my)\s+plan\b(?:\s+[\w',]+)"
    r"{0,10}?\s+(?:do it|end it|go through with it)<END>",
    r"\b(?:know|decided|picked|chosen|chose|set|planned)\s+(?:when|how|where|the (?:day|date|"
    r"night|time))\s+(?:i'?m going to|i'?ll|i will|i'?m gonna|to)\s+(?:do it|end it)<END>",
    r"\b(?:the|tonight'?s?|today'?s?)\s+(?:the\s+)?(?:night|day)\s+i\s+(?:\w+\s+)?(?:do it|go "
    r"through with it|end it)<END>",
]

_METHOD = [
    r"\bhow\s+(?:many|much)\s+(?:of\s+)?(?:(?:my|the|those|these)\s+)?(?:\w+\s+)?(?:pills|"
    r"tablets|paracetamol|tylenol|painkillers|meds|medication|insulin)\b(?:\s+[\w']+){0,4}?\s+"
    r"(?:take|kill|fatal|lethal|enough|to die|would need)\b",
    r"\bhow\s+(?:high|far)\s+(?:a|the)\s+(?:fall|drop)\b|\blethal dose\b",
    rf"\b{_IMAGINE}\b(?:\s+[\w']+){{0,4}}?\s+(?:(?:step|jump|fall|lean|walk|throw)\w*"
    r"(?: myself)?\s+(?:off|from)\s+(?:the|a)\s+(?:platform|edge|ledge|roof|balcony|bridge|"
    r"cliff|building|multi-?storey)|(?:step|walk|jump|throw)\w*(?: myself)?\s+(?:out\s+)?"
    r"(?:into|in front of|under)\s+(?:the\s+|a\s+|an\s+)?(?:traffic|oncoming|lorry|truck|bus|"
    r"train|car)|(?:swerv|driv|crash)\w*(?: my car| the car)?\s+(?:into|off)\s+(?:a|the)\s+"
    r"(?:tree|wall|bridge|cliff|river|lake|sea|oncoming|lorry|truck))\b",
    r"\b(?:bridge|edge|ledge|roof|platform|tracks|balcony|cliff|railing|motorway|pills|tablets|"
    r"rope|river)\b(?:\s+[\w',]+){0,8}?\s+how easy (?:it would be|it'?d be|it is|it'?s)\b",
    r"\bhow easy it (?:would|'?d) be to (?:just )?(?:jump|step|let go|swerve|end it|die|not "
    r"wake|fall|disappear|stop)\b",
]

IDEATION: list[Entry] = [(pattern, False) for pattern in (*_PASSIVE, *_PREPARATION, *_METHOD)]
"""Every indirect self-harm family (never negated)."""
