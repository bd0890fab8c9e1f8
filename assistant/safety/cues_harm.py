"""Phrase patterns for harm to oneself and to others, as raw regex strings (see patterns.py).

Self-harm cues are never negated: a denial of suicidal thoughts is still worth a gentle check.
Harm-to-others entries are (pattern, negatable) pairs.
"""

SELF_HARM = [
    r"\bsuicid(?:e|al|ality)\b",
    r"\b(?:kill|hurt|harm|cut|burn|hang|drown|starve|shoot|off|unalive)(?:s|ing|ed|t)?\s+"
    r"(?:myself|my ?self)\b",
    r"\b(?:kill|harm|hang|off|unalive)(?:s|ing|ed)?\s+(?:himself|herself|themselves|themself)\b",
    r"\bkms\b|\bunalive\b",
    r"\bself[- ]?(?:harm|injur|mutilat)\w*",
    r"\bcutting (?:again|my (?:arms?|legs?|wrists?|thighs?|skin))\b",
    r"\b(?:started|been|keep|kept|back to|relapsed|urge to start) cutting\b(?!\s+(?:back|down|"
    r"corners|ties|off|out|costs|class|coupons|hair|the|his|her|their|our|it|them|him|me|you|us|in|"
    r"through|across)\b)",
    r"\buntil (?:it|they|i) (?:bleeds?|bled|bruises?|bruised)\b",
    r"\b(?:bang|banging|hit|hitting|punch|punching) my (?:own )?head (?:against|on|into) (?:the|a) "
    r"(?:wall|walls|floor|desk|door)\b",
    r"\b(?:want|wanna|wanted|wanting|plan|planning|deserve|deserved) (?:to )?"
    r"(?:just )?die\b",
    r"\bwish(?:ed|ing)? (?:that )?i (?:could|would) (?:just )?die\b",
    r"\bwish(?:ed|ing)? (?:that )?i (?:was|were|'d|had) (?:dead|gone for good|never been born|"
    r"not been born|n'?t been born|never existed)\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:everyone|everybody|they|people|my family|the kids|my kids|the world|all)\b"
    r"(?:\s+[\w']+){0,3}?\s+(?:be\s+)?(?:better off|happier|easier|relieved|fine)\s+without me\b",
    r"\b(?:i'?m|i am|being|feel(?:s|ing)? like|felt like|i'?ve become)\s+(?:such\s+|just\s+|"
    r"only\s+)*"
    r"(?:a\s+)?(?:burden|waste of space)\b",
    r"\b(?:dying|being dead|death|not being here|not existing|not waking up|disappearing|being "
    r"gone|ending it|ending my life)\b(?:\s+[\w']+){0,4}?\s+(?:would|will|might|could|'d|seems|"
    r"feels|sounds)\s+(?:\w+\s+)?(?:be\s+)?(?:a\s+|like\s+a\s+)?(?:relief|easier|better|peaceful|"
    r"peace|solution|release|escape)\b",
    r"\bfavou?r\s+(?:if|by)\s+(?:i\s+)?(?:disappear\w*|die|died|dying|being gone|was gone|were "
    r"gone|not being here|wasn'?t here|killing myself|ending it|leaving for good)\b",
    r"\b(?:ways|how|methods?|means)\s+to\s+(?:end it|die|kill myself|end my life|not wake up|"
    r"do it painlessly)\b",
    r"\b(?:no|what'?s the|what is the)\s+point\s+(?:any ?more|in anything|to anything|in life|"
    r"of anything|of life|in being alive|in me)\b",
    r"\b(?:thoughts?|urges?|images?)\s+(?:\w+\s+)?(?:of|about)\s+(?:dying|death|ending (?:it|my "
    r"life|everything)|not being here|not waking up|not existing)\b",
    r"\brather (?:be )?dead\b|\brather die\b",
    r"\bnot (?:be|being|to be|exist|existing)(?: (?:here|around|alive))?\s*(?:any ?more|"
    r"any longer)",
    r"\b(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing)(?: \w+)? about "
    r"(?:not (?:being|existing|waking up|living)|dying|ending it all|ending my life|"
    r"disappearing for good)\b",
    r"\b(?:don'?t|do not|didn'?t) want to (?:be (?:alive|here any ?more|around any ?more)|exist|"
    r"wake up|go on|keep going|keep living|live(?!\s+(?:with|in|there|here|near|together|like|"
    r"somewhere|abroad|alone|apart|so|on|off|without)\b))\b",
    r"\bi (?:won'?t|will not|would ?n'?t|never|don'?t want to|do not want to) wake up\b",
    r"\bhope i (?:don'?t|do not|won'?t|never) wake up\b|\bsleep and (?:never|not) wake up\b",
    r"\b(?:point|reason|purpose|use)\b(?:\s+[\w']+){0,4}?\s+(?:in\s+|of\s+|to\s+)?"
    r"(?:going on|carrying on|keep(?:ing)? going|(?:keep |go on |going on )?living|"
    r"be(?:ing)? alive|stay(?:ing)? alive|existing|waking up)(?!\s+(?:a|an|the|holiday|"
    r"vacation|about|and|with|at|to|dates?|trips?|together|in|here|there|apart|near|on)\b)",
    r"\bnothing (?:left )?to live for\b|\bno (?:reason|will) to live\b",
    r"\b(?:life|living|it)(?:'s| is| was)?(?:n'?t| not) worth (?:living|it any ?more)\b",
    r"\bcan'?t (?:go on|carry on|keep going)(?:\s+(?:living|any ?more|any longer)|<END>)",
    r"\b(?:can'?t|cannot|don'?t think i can|unable to)\s+(?:keep|go on|carry on)\s+living\b",
    r"\b(?:tired|sick) of (?:living|being alive|life|existing|being here)\b(?!\s+(?:with|in|"
    r"here|there|like|under|together|apart|paycheck|on|out)\b)",
    r"\bdone with (?:life|living|being alive)\b",
    r"(?<!the )\b(?:end|ending|ended|take|taking|took)\s+(?:it all|my (?:own )?life)\b(?!\s+back)",
    r"\bend(?:ing)? everything\b(?!\s+(?:between|with)\b)",
    r"\b(?:disappear|vanish|go to sleep|sleep|fall asleep)(?: \w+)? (?:for good|forever|"
    r"permanently|and never (?:come back|wake up))\b",
    r"\bwant(?:ed)? (?:it all|everything|the pain|my life|it) (?:all )?to (?:end|stop|be over)\b",
    r"\b(?:easier|better|happier|care|notice|miss(?: me)?|relieved)(?:\s+[\w']+){0,4}?\s+if i "
    r"(?:died|was dead|were dead|was gone|were gone|(?:just )?disappeared|(?:just )?stopped "
    r"existing|(?:was|were)(?:n'?t| not) "
    r"(?:here|around|alive))\b",
    r"\b(?:want|wanna|wish|pray|praying|hope|hoping|think|thinking|thought|plan(?:s|ned|ning)?\b|ready|"
    r"imagin\w*|dream\w*|tempted|urge)\w*\b(?:\s+[\w']+){0,5}?\s+(?:(?:i|me)\s+)?(?:(?:don'?t|"
    r"won'?t|not|never)\s+wake up|stop(?:ped)? existing|not exist(?:ing)?|dying|jump(?:ing)?<END>)",
    r"\bway\s+out\b(?:\s+[\w']+){0,4}?\s+(?:dying|death|to die|ending it|suicide)\b",
    r"\bgiv\w*\s+(?:away\s+)?(?:all\s+)?my\s+(?:things|stuff|belongings|possessions)\b|\bwon'?t "
    r"(?:need|be needing) (?:them|it|anything|my things)(?: any ?more| much longer|"
    r" where i'?m going)?"
    r"<END>",
    r"\b(?:pills|tablets|rope|meds)\s+(?:are\s+|is\s+)?ready\b|\b(?:have|got|bought|saved)\s+"
    r"(?:enough\s+)?(?:the\s+)?(?:pills|tablets)\b(?!\s+for)",
    r"\b(?:burn|cut|scratch|carv|slash|slit)(?:ing|ed|s|t)?\s+(?:into\s+)?my\s+(?:arms|legs|"
    r"wrists?|thighs|skin)\b",
    r"\bdisappear(?:ing)?\b(?:\s+[\w']+){0,5}?\s+(?:permanently|for good|forever)\b",
    r"\bbetter off\s+with\s+(?:a different|another|a new|a better)\s+(?:mum|mom|mother|dad|"
    r"father|parent|wife|husband|partner)\b",
    r"\bi\b(?:\s+[\w']+){0,4}?\s+overdos\w*|\boverdos\w*\s+on\b|\b(?:an|to) overdose\b|"
    r"\bo\.?d\.? on\b",
    r"\b(?:stockpil\w*|saving up|saved up|hoarding|collecting)\s+(?:my |the |some )?"
    r"(?:pills|meds|medication|tablets)\b",
    r"\b(?:all|handful|bunch|bottle) of (?:my |the |his |her )?(?:sleeping )?"
    r"(?:pills|tablets|meds)\b",
    r"\bjump(?:ing|ed)? (?:off|from|in front of) (?:a|the) (?:bridge|roof|building|train|"
    r"balcony|cliff|car|bus)\b|\bin front of a (?:train|bus|truck|lorry)\b|\bnoose\b",
]

HARM_TO_OTHERS = [
    (
        r"\b(?:thoughts?|think|thinking|thought|urges?|images?|fantas\w+|dream\w*|imagin\w*)\s+"
        r"(?:\w+\s+)?(?:(?:of|about)\s+)?(?:hurting|killing|harming|hitting|strangling|"
        r"stabbing|shooting|choking|"
        r"attacking|punching|beating|murdering)\s+<OTHER>",
        False,
    ),
    (
        r"\bi\b(?:'?m|'?ll|\s+am|\s+will|\s+might|\s+could|\s+would|"
        r"'?d)?(?:\s+[\w']+){0,5}?\s+do\s+"
        r"something\s+(?:\w+\s+)?to\s+<OTHER>\b",
        True,
    ),
    (
        r"\b(?:<FEAR>|worried|worry|fear)\b(?:\s+of)?\s+what i(?:'?ll|\s+will|\s+might|\s+could|"
        r"\s+would|'m going to|\s+am going to|\s+may)?\s+(?:do|end up doing)"
        r"(?:\s+to\s+<OTHER>|\s+if\b|\s+when\b|<END>)",
        False,
    ),
    (
        r"\b(?:<FEAR>|worried|worry|fear)\s+(?:that\s+)?i(?:'?ll|\s+will|\s+might|\s+could|"
        r"\s+would|'m going to|\s+am going to|'m gonna|\s+may)?\s+(?:\w+\s+){0,3}?(?:hurt|hit|kill|"
        r"harm|strangle|stab|shoot|choke|attack|lash out at)\s+<OTHER>(?!'?s?\s+feelings)\b",
        False,
    ),
    (
        r"\bi\s+(?:want|wanna|wanted|feel like|felt like|am going|'m going|'m gonna|am gonna|"
        r"could|might|will|'ll|would|'d|am tempted|'m tempted|think about|thought about|"
        r"keep thinking about|fantasi[sz]e about|dream about|imagine)(?:\s+to)?\s+"
        r"(?:\w+\s+){0,2}?(?:hurt(?:ing)?|hit(?:ting)?|kill(?:ing)?|harm(?:ing)?|strangl(?:e|ing)|"
        r"stab(?:bing)?|shoot(?:ing)?|chok(?:e|ing)|punch(?:ing)?|beat(?:ing)?|murder(?:ing)?|"
        r"attack(?:ing)?)\s+<OTHER>(?!'?s?\s+feelings)\b",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?(?:hit|punched|slapped|kicked|shoved|choked|strangled|smacked|"
        r"attacked|bit|scratched|slammed|shook|headbutted)\s+<OTHER>\b(?!\s+(?:at|in|to|by|"
        r"up\b|out\b|back\s+at\s+"
        r"(?:chess|cards))\b)",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?beat\s+<OTHER>\s+(?:up|black and blue|senseless|badly|until|"
        r"with)\b",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?(?:pushed|shoved)\s+<OTHER>\s+(?:against|into|down|over|onto|off|"
        r"to the (?:ground|floor)|hard)\b",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?grabbed\s+<OTHER>(?:'s)?\s+(?:by|arm|arms|wrist|wrists|throat|neck|"
        r"hair|shoulders?|face|hard|so hard)\b",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?threaten\w*\s+<OTHER>\b(?!\s+with\s+(?:divorce|a divorce|leaving|"
        r"a breakup|(?:a\s+)?lawyers?|court|rehab|therapy|counsel\w*)\b)|\bi\s+(?:\w+\s+){0,2}?"
        r"threaten\w*\s+to\s+(?:kill|hurt|harm|hit|beat|stab|shoot)\s+<OTHER>",
        True,
    ),
    (r"\bi\s+(?:\w+\s+){0,2}?threw\s+<SOFT>(?:[\w']+\s+){1,3}?at\s+<OTHER>\b", True),
    (
        r"\bi\s+(?:was|got|have been|'ve been|can be|get|became|become|am|'m)\s+(?:\w+\s+)?"
        r"(?:violent|abusive|physical with|rough with)\b",
        True,
    ),
]
