"""Pattern families for sexual coercion and coercive control.

Coercive control is a controlling verb crossed with a resource the speaker needs (messages,
passwords, location, wages, phone, keys, family, work); sexual coercion is pressure, a "no"
ignored, or sex while unable to consent. Entries are (pattern, negatable[, context]).
"""

from assistant.safety.lexicon import Entry

_SEX = (
    r"\b(?:sex|sexual\w*|in bed|bedroom|sleep with (?:him|her|them)|intimate|intimacy|"
    r"touch\w*|undress\w*|naked)\b"
)
_UNWILLING = (
    r"\beven\s+(?:when|if|though)\s+i(?:'m| am|'ve| have)?\s+(?:\w+\s+)?(?:crying|cry|cried|asleep|"
    r"sick|ill|in pain|bleeding|say no|said no|don'?t want|didn'?t want|begged|beg)\b"
)
SEXUAL_COERCION: list[Entry] = [
    (r"\b(?:won'?t|doesn'?t|wouldn'?t|didn'?t|does not|will not|never)\s+take\s+no\b", False, _SEX),
    (r"\bunless\s+i\s+(?:sleep with|have sex|do it with|give (?:in|him|her|them))\b", False),
    (
        r"\bso\s+i\s+(?:just\s+)?(?:let (?:him|her|them)<END>|give in|gave in|go along with it)",
        False,
        _SEX + "|" + r"\b(?:sulk\w*|punish\w*|guilt\w*|nag\w*|pressur\w*)\b",
    ),
    (
        r"\b(?:duty|obligation)\s+as\s+(?:his|her|their)\s+(?:wife|husband|partner|girlfriend|"
        r"boyfriend)\b",
        False,
        _SEX + "|" + _UNWILLING,
    ),
    (
        r"\bowe\s+(?:him|her|them)\s+(?:sex|it|that)\b",
        False,
        _SEX + r"|\b(?:says?|said|tells?|"
        r"told|thinks?|acts? like|makes? me feel)\b",
    ),
    (_UNWILLING, False, _SEX),
    (
        r"\b(?:said|say|told (?:him|her|them)|tell (?:him|her|them))\s+(?:no|stop)\b(?:\s+[\w',]+)"
        r"{0,5}?\s+(?:(?:he|she|they)\s+)?(?:did it|does it|kept going(?! on)|carried on(?! "
        r"talking)|still did|still does|didn'?t stop|doesn'?t stop|wouldn'?t stop|won'?t stop)\b",
        False,
    ),
    (
        r"\b(?:wake|wakes|woke|waking|asleep|sleeping|passed out|unconscious)\b(?:\s+[\w',]+){0,8}?"
        r"\s+(?:doing|does|did|do)\s+(?:things|stuff|it)\s+to\s+me\b",
        False,
    ),
    (
        r"\b(?:mak\w*|made|forc\w*|pressur\w*|push\w*|gets?|got)\s+me\s+(?:to\s+)?(?:do|try|"
        r"perform)\s+(?:things|stuff|acts?)\b(?:\s+[\w']+){0,3}?\s+(?:in bed|sexual\w*|in the "
        r"bedroom)\b",
        False,
    ),
    (
        r"\b(?:nudes?|naked (?:photos?|pictures?|pics|videos?)|intimate (?:photos?|pictures?|"
        r"videos?|images?)|sex tapes?|(?:film\w*|record\w*|photograph\w*)\s+(?:us|me)\s+(?:in bed|"
        r"naked|having sex|without (?:asking|my consent|me knowing)))\b",
        True,
        r"\b(?:threat\w*|without|if i|(?:he|she|they)(?:'ll| will|'d| would| is going to|'s going"
        r" to)\s+(?:\w+\s+)?(?:share|post|leak|upload|send|show))\b",
    ),
]

_RESOURCE = (
    r"(?:messages|texts|emails|e-mails|phone|phones|chats|dms|calls|call log|browser history|"
    r"passwords?|passcodes?|pins?|logins?|accounts?|social media|location|sim(?: card)?|wages|"
    r"pay|salary|money|bank (?:card|account|app|statements?)|cards?|receipts|spending|car keys|"
    r"keys|passport|bag|purse|pockets|wallet|mileage|odometer)"
)
_FAMILY = (
    r"(?:my (?:family|friends|parents|mum|mom|dad|sister|brother|sisters|brothers|kids|children|"
    r"best friend|mates|folks)|my own (?:family|mum|mom|mother|dad|father))"
)
_BLOCKED = (
    r"\b(?:because|since|as|cos|cause)\s+(?:he|she|they|my <REL>)\s+(?:won'?t|doesn'?t|don'?t|"
    r"didn'?t|wouldn'?t|forbids?|forbade|banned|bans)\s*(?:let|allow|have|want me|approve|like "
    r"me)?"
)

COERCIVE_CONTROL: list[Entry] = [
    # surveillance: "reads all my messages", "changes my passwords", "goes through my bag"
    (
        r"\b(?:reads?|reading|goes through|went through|going through|checks?|checking|checked|"
        r"monitors?|monitoring|monitored|scrolls? through)\s+(?:all|every|each|every one)\s+"
        rf"(?:of\s+)?my\s+{_RESOURCE}\b",
        True,
    ),
    (
        r"\b(?:changes?|changed|changing|demands?|demanded|took|takes|controls?|controlled)\s+"
        r"(?:all\s+)?(?:of\s+)?my\s+(?:passwords?|passcodes?|pins?|logins?)\b",
        True,
    ),
    (
        r"\b(?:goes|went|going|go)\s+through\s+my\s+(?:phone|bag|purse|pockets|things|stuff|"
        r"messages|texts|emails|receipts|drawers|wallet)\b",
        True,
    ),
    (
        r"\b(?:has|tracks|checks|watches|monitors|follows|demands)\s+my\s+(?:location|mileage|"
        r"odometer)\b",
        True,
        r"\b(?:if|when|whenever|every|make sure|prove|calls?|rings?|texts?|"
        r"explain|account for|straight)\b",
    ),
    (r"\b(?:checks?|checked|checking|watches|monitors)\s+(?:the\s+)?(?:mileage|odometer)\b", True),
    (
        r"\bso\s+(?:that\s+)?(?:he|she|they)\s+(?:can|could)\s+(?:see|track|read|watch|hear|listen "
        r"to|know|check)\s+(?:everything|where i|who i|what i|my|all)\b",
        True,
    ),
    (
        r"\b(?:to\s+prove|prove\s+to\s+(?:him|her|them))\s+(?:where i|i'?m (?:alone|at|where|home|"
        r"not)|who i'?m with|i was|i am|that i)\b",
        False,
    ),
    (
        r"\b(?:makes?|made|forces?|forced)\s+me\s+(?:to\s+)?(?:send|call|ring|video|facetime|text|"
        r"check in|report)\w*\b(?:\s+[\w'-]+){0,4}?\s+(?:every|from|whenever|each|to prove)\b",
        True,
    ),
    (
        r"\bhave\s+to\s+(?:tell|text|ask|report to|check in with|let)\s+(?:him|her|them)(?:\s+\w+)?"
        r"\s+(?:where i am|where i'?m going|where i'?ve been|who i'?m with|who i'?m seeing)\b",
        True,
        r"\b(?:at all times|every (?:time|minute|hour|single)|all the time|or (?:else|he|she|they)|"
        r"otherwise|always)\b",
    ),
    (
        r"\btim(?:es|ed|ing)\s+me\s+(?:when|whenever|every|if|on)\b|\b(?:account for|justify|"
        r"explain)\s+every\s+(?:penny|pound|cent|dollar|receipt|purchase|minute|hour)\b",
        True,
    ),
    (
        r"\b(?:cameras?|recorders?|trackers?|air ?tags?|spyware|an app|apps?)\b(?:\s+[\w']+){0,5}?"
        r"\s+(?:to|so (?:he|she|they) can|and)\s+(?:watch|spy on|monitor|track|record|listen to)\s+"
        r"(?:me|my|where i|what i)\b",
        True,
    ),
    (
        r"\b(?:turns?|turned|turning|shows?|showed|showing)\s+up\s+(?:at|outside)\s+my\s+(?:work|"
        r"job|house|flat|home|door|school|office|mum'?s|mom'?s|parents'?)\b",
        True,
        r"\b(?:uninvited|unannounced|won'?t stop|won'?t leave me alone|scared|afraid|terrified|"
        r"even though|after i told|restraining|stalk\w*)\b",
    ),
    # money: "all my wages go into his account", "I need his say-so to buy anything"
    (
        r"\bmy\s+(?:whole\s+|entire\s+)?(?:wages|pay|salary|money|benefits|earnings|"
        r"pay ?checks?|pension|savings)\s+(?:\w+\s+){0,2}?(?:go|goes|went|gets? paid|is paid|"
        r"are paid)\s+(?:in|into|to|straight (?:in)?to)\s+(?:his|her|their)\b",
        True,
    ),
    (
        r"\b(?:need|needs|needed|have to get|has to give|must get|without)\s+(?:his|her|their)\s+"
        r"(?:permission|say-?so|ok|okay|approval|sign-?off|blessing)\s+(?:to|before i)\s+(?:buy|"
        r"spend|go|see|leave|wear|use|eat|get|have|call|text|visit|work|drive)\b",
        True,
    ),
    (
        r"\bcan'?t\s+(?:buy|spend|get|have|do)\s+(?:anything|a thing|a penny|money)\s+without\s+"
        r"(?:him|her|them|asking|his|her|their)\b",
        False,
    ),
    # taking away what one needs to reach people or leave
    (
        r"\b(?:took|takes|taken|taking|hid|hides|hidden|hiding|removed|removes|changed|changes|broke|"
        r"breaks|smashed|smashes|disconnected|unplugged|cancelled|canceled|blocked|deleted|"
        r"locked)\b(?:\s+[\w']+){0,3}?\s+(?:keys|car keys|phone|sim(?: card)?|wifi(?: password)?|"
        r"internet|router|charger|passport|id|documents|bank card|cards?|money|wallet|purse|shoes|"
        r"coat)\b(?:\s+[\w']+){0,6}?\s+so\s+(?:that\s+)?(?:i|we)(?:'m| am| was| were)?\s+"
        r"(?:can'?t|couldn'?t|can not|cannot|could not|have no|had no|stuck|trapped|cut off|unable)"
        r"\b",
        True,
    ),
    # isolation and forbidding
    (
        r"\b(?:forbid\w*|forbade|banned|bans)\s+(?:me\s+)?(?:from|to)\s+(?:see|talk|speak|call|"
        r"visit|go|work|leave|text|contact)\w*\b",
        True,
    ),
    (
        r"\b(?:haven'?t|hasn'?t|not|never|rarely|barely)\s+(?:seen|spoken to|talked to|been to "
        rf"see|visited)\s+{_FAMILY}\b",
        False,
        _BLOCKED,
    ),
    (
        rf"\b(?:won'?t|doesn'?t|will not|does not)\s+(?:have|allow|let)\s+(?:them|{_FAMILY})\s+"
        r"(?:in|into|near|around)\s+(?:my|our)\s+(?:life|lives|house|home)\b",
        False,
    ),
    (
        r"\b<AGENT><GAP>(?:deleted|deletes|blocked|blocks|removed|removes|unfriended|unfriends)\s+"
        r"(?:all\s+(?:of\s+)?)?my\s+(?:friends|contacts|family|numbers|mates)\b",
        True,
    ),
    (
        r"\bno\s+(?:wife|husband|partner|girlfriend|boyfriend|woman|man)\s+of\s+(?:his|hers|theirs)"
        r"\b",
        False,
    ),
    (
        r"\b(?:won'?t|doesn'?t|didn'?t|wouldn'?t)\s+(?:let|allow)\s+me\s+(?:to\s+)?(?:have\s+(?:a\s+)?"
        r"(?:bank account|account|card|job|phone|my own)|work|get a job|go back to work)\b",
        False,
    ),
]
