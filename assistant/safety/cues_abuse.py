"""Phrase patterns for violence, abuse and coercive control, as raw regex strings.

Entries are (pattern, negatable) pairs, except ABUSE_TOPIC: words that name abuse, which fire
only in a first-person sentence. Tokens such as <AGENT> are expanded in patterns.py.
"""

VIOLENCE = [
    (
        r"\b(?:slam|shov|push|throw|threw|thrown|pin|smash|bang|knock|chuck|hurl|slung|fling|flung)"
        r"\w*\s+<ME>\s+(?:against|onto|across the room|down the stairs|to the (?:floor|ground|bed|"
        r"wall)|into (?:the|a|my) (?:wall|door|table|fridge|floor|ground|counter|car|"
        r"cupboard|mirror|"
        r"window|bed|chair|dresser|bathtub|stairs|furniture))\b",
        True,
    ),
    (r"\b(?:rough|violent|physical|aggressive)\s+with\s+<ME>\b", True),
    (
        r"\b(?:hurt|injured|beat|attacked|assaulted)\s+me\b(?:\s+[\w']+){0,8}?\s+(?:hospital|a&e|"
        r"er|emergency room|stitches|bruis\w*|blood|bleeding|bled|broken|doctor|ambulance)\b",
        True,
    ),
    (
        r"\b(?:threw|throws|throwing|smashed|smashes|broke|breaks|swung|swings|slammed|hit|hits)\s+"
        r"<SOFT>(?:[\w']+\s+){1,3}?(?:at|over|on|against|into|across)\s+(?:<ME>|my (?:head|face|"
        r"back|body|"
        r"chest))\b",
        True,
    ),
    (r"\blive?(?:s|ing)?\s+in\s+fear\b|\bin\s+fear\s+(?:of|for)\s+(?:my|our|<PERSON>)\b", True),
    (
        r"\b(?:said|says|told me|tells me|swore|swears|warned|warns|keeps saying|threatens|"
        r"threatened|screamed|yelled|texted)\b(?:\s+[\w',]+){0,10}?\s+(?:he|she|they|you)<WILL>\s+"
        r"(?:\w+\s+){0,2}?(?:kill|hurt|harm|hit|beat|shoot|stab|strangle|burn|bury|murder|destroy|"
        r"end me|finish me|make sure i never see|"
        r"take (?:the|my|our) (?:kids|children|baby)|make me pay|make me sorry|come after)\b",
        True,
    ),
    (
        r"\b(?:he|she|they)<WILL>\s+(?:\w+\s+)?(?:do something|hurt|beat|hit|"
        r"harm)\s+(?:to\s+)?<ME>\b",
        True,
    ),
    (
        r"\b(?:punch|slap|kick|chok|strangl|smack|shov|stab|headbutt|spat on|spit on|spits on)"
        r"(?:es|s|ed|ing|e|ped|bed|ked)?\s+<ME>\b(?!\s+(?:up|out|in the back|under)\b)",
        True,
    ),
    (r"\bbeat(?:s|ing)?\s+(?:me|us|<KIDS>)\s+up\b", True),
    (
        r"\b<AGENT><GAP>(?:hit|hits|hitting|beat|beats|beating|attacked|attacks|hurts|burned|"
        r"burns|bit|bites|shook|shakes|pins|pinned)\s+<ME>\b(?!\s+(?:at|in|to|by|up|with the "
        r"(?:news|truth))\b)",
        True,
    ),
    (
        r"\b<AGENT><GAP>(?:pushed|pushes|pushing|shoved|shoves)\s+<ME>\b(?!\s+(?:to\b|away|too\b|"
        r"towards?|for\b|into (?:therapy|counsel\w*|doing|going|agreeing|it\b|this|that|a decision|"
        r"making)\b))",
        True,
    ),
    (
        r"\b<AGENT><GAP>(?:grabbed|grabs|grabbing)\s+<ME>\b(?!\s+(?:a|an|some|coffee|lunch|dinner|"
        r"breakfast|one|something|the|flowers|tickets)\b)",
        True,
    ),
    (
        r"\b(?:grabbed|grabs|grabbing|squeezed|squeezes|choked|gripped|grips|pinned|pulled|pulls|"
        r"yanked|yanks)\s+(?:me\s+by\s+)?(?:the|my)\s+(?:throat|neck|hair|wrists?|arms?|"
        r"face|jaw)\b",
        True,
    ),
    (r"\bhands?\s+(?:around|round|on|to|at)\s+my\s+(?:throat|neck)\b", True),
    (
        r"\b(?:gave|give|gives|left|leaves)\s+me\s+(?:a\s+)?(?:black eye|bruises?|split lip|"
        r"fat lip|"
        r"marks|a concussion)\b",
        True,
    ),
    (
        r"\bbruises?\b(?:\s+[\w']+){0,6}?\s+(?:where|from where|after|because)\s+(?:he|she|they)\b",
        True,
    ),
    (r"\b<AGENT><GAP>broke\s+my\s+(?:nose|arm|ribs?|wrist|jaw|fingers?|tooth|teeth|leg)\b", True),
    (r"\bthrew\s+<SOFT>(?:[\w']+\s+){1,3}?(?:at|towards?)\s+(?:<ME>|my (?:head|face))\b", True),
    (
        r"\b(?:punch|kick|smash|hit|slam|bang)\w*\s+(?:a hole|holes|dents?)\s+in\s+(?:the|a|our)\s+"
        r"(?:wall|door)s?\b",
        True,
    ),
    (
        r"\b(?:wall|door|table)\b(?:\s+[\w']+){0,4}?\s+(?:next to|beside|near|right by|behind|"
        r"inches from|(?:an?|one|two|three|a few|few)\s+inch(?:es)?\s+(?:from|away from)|"
        r"inches away from|(?:milli|centi)met\w+\s+(?:from|away from)|just missed)\s+"
        r"(?:me|my (?:head|face))\b",
        True,
    ),
    (r"\bthrew\s+<ME>\s+(?:against|into|down|across|onto|on the|to the)\b", True),
    (r"\b(?:held|holds|holding|pinned|pins|pinning)\s+me\s+(?:down|against|to the)\b", True),
    (
        r"\b(?:<FEAR>|dread|dreading)\s+(?:to\s+go|of\s+going|going|to\s+be)\s+(?:back\s+)?"
        r"(?:home|alone with (?:him|her|them))\b",
        False,
    ),
    (r"\b(?:by|grabs?|grabbed|pulls?|pulled)\s+(?:my|the)\s+(?:hair|throat|neck)\b", True),
    (
        r"\bdrag(?:ged|ging|s)?\s+me\s+(?:around\s+|out\s+|along\s+)?(?:by|across|along|"
        r"down the|through the|into the)\b",
        True,
    ),
    (r"\b(?:laid|lay|lays|put|puts)\s+(?:a\s+)?(?:hands?|finger)\s+on\s+(?:me|<KIDS>)\b", True),
    (
        r"\bthreat(?:en|ens|ened|ening)\s+<ME>\b(?!\s+with\s+(?:divorce|a divorce|leaving|a "
        r"breakup|(?:a\s+)?lawyers?|court|rehab|therapy|counsel\w*)\b)",
        True,
    ),
    (
        r"\bthreat(?:en|ens|ened|ening)\s+to\s+(?:\w+\s+)?(?:kill|hurt|harm|hit|beat|shoot|stab|"
        r"strangle|burn|take (?:the|my|our) (?:kids|children|baby)|come after)\b",
        True,
    ),
    (
        r"\b(?:said|says|told me|tells me|swore|swears|promised|warned me|warns me|screamed|yelled|"
        r"texted|threatens)\s+(?:that\s+)?(?:he|she|they|you)<WILL>\s+(?:\w+\s+)?(?:kill|hurt|harm|"
        r"hit|beat|shoot|stab|strangle|burn|make me pay|make me sorry|come after)\b",
        True,
    ),
    (r"\b(?:regret it|be sorry|pay)\s+if\s+(?:i|you)\s+(?:ever\s+)?(?:<LEAVE>|leaves)\b", False),
    (r"\b(?:kill|hurt|find|hunt)\s+<ME>\s+if\s+(?:i|we)\s+(?:ever\s+)?<LEAVE>\b", False),
    (
        r"\bif\s+i\s+(?:ever\s+)?<LEAVE>\b,?\s+(?:he|she|they)<WILL>\s+(?:\w+\s+)?(?:kill|"
        r"hurt|find|"
        r"take (?:the|my|our) (?:kids|children|baby)|ruin|destroy|hunt)\b",
        False,
    ),
    (
        r"\b(?:pull(?:ed|s)?|point(?:ed|s)?|brandish(?:ed|es)?|came at me with|comes at me with|"
        r"threaten\w* me with)\s+(?:a|the|his|her|their|my)\s+(?:knife|gun|blade|pistol|rifle|"
        r"shotgun|weapon|machete|bat|hammer)\b",
        True,
    ),
    (
        r"\b(?:knife|gun|blade|pistol|rifle|weapon)\b(?:\s+[\w']+){0,2}?\s+(?:at|to|on|against|"
        r"towards?)\s+(?:me|us|<KIDS>|my (?:throat|neck|head|face|chest))\b",
        True,
    ),
    (
        r"\b(?:<FEAR>|fear)\s+(?:to death\s+)?of\s+<PERSON>(?=\s*(?:$|[.,!?;]|\s+(?:when|"
        r"and|now|sometimes|"
        r"lately|because|so|right now|again|these days|at times|most of the time|all the time|"
        r"every|whenever|if|after|since|too|honestly|really)\b))",
        True,
    ),
    (
        r"\b(?:<FEAR>|fear|fearing)\s+for\s+(?:my (?:life|safety)|<KIDS>|our (?:safety|lives)|the "
        r"safety of)\b",
        False,
    ),
    (
        r"\b(?:<FEAR>|worried|fear|think|thought|sure|convinced)\s+(?:that\s+)?(?:[\w']+\s+){0,3}?"
        r"(?:he|she|they|my "
        r"\w+)<WILL>\s+(?:\w+\s+)?(?:hurt|kill|hit|harm|attack|beat|strangle|shoot|stab)\s+<ME>\b",
        False,
    ),
    (
        r"\b(?:(?:don'?t|do not|never|no longer|didn'?t)\s+feel\s+safe|(?:am|'m|are|feel)\s+not\s+"
        r"safe|(?:isn'?t|is not|not)\s+safe\s+for\s+(?:me|us|<KIDS>))(?:\s+(?:at home|in (?:my|our|"
        r"the) (?:own )?(?:home|house|flat|apartment|bed)|with <PERSON>|around <PERSON>|any ?more|"
        r"when (?:he|she|they)|here|in this (?:house|home|relationship|marriage))|<END>)",
        False,
    ),
    (
        r"\b(?:it|things|he|she|they|the (?:fight|argument|fighting|row))\s+(?:got|gets|get|became|"
        r"becomes|turned|turns|has gotten|had gotten|'s gotten|can get)\s+(?:\w+\s+)?(?:physical|"
        r"violent)\b",
        True,
    ),
    (
        r"\b(?:<AGENT>)(?:'s|\s+is|\s+was|\s+has been|\s+can be|\s+gets)\s+(?:\w+\s+)?violent\b",
        True,
    ),
    (
        r"\bphysical(?:ly)?\s+(?:fight|fights|fighting|violence|hurt|harmed|attacked|abused|"
        r"assaulted|abusive|violent)\b|\bhurts? me physically\b",
        True,
    ),
]

ABUSE = [
    (
        r"\b(?:pressur|forc|coerc|push|guilt|guilt-trip|manipulat|bull)\w*\s+me\s+into\s+(?:sex|"
        r"sexual|sleeping with|bed|having sex)\b",
        False,
    ),
    (
        r"\b(?:doesn'?t|does not|won'?t|didn'?t|wouldn'?t|did not|never)\s+stop\s+(?:even\s+)?"
        r"(?:when|after|if)\s+i\s+(?:cry|cried|say no|said no|say stop|said stop|"
        r"tell (?:him|her|them) "
        r"to stop|told (?:him|her|them) to stop|beg|begged|scream|screamed|push (?:him|her|them) "
        r"away)\b",
        False,
    ),
    (
        r"\bforc(?:ed|es|ing|e)\s+(?:me|us)\s+(?:to\s+(?:have sex|sleep with|do (?:sexual|things|"
        r"stuff)|perform|watch porn|give)|into\s+(?:sex|bed|sexual))",
        False,
    ),
    (r"\bforc\w*\s+(?:himself|herself|themselves)\s+on\s+me\b", False),
    (
        r"\b(?:sex|touch\w*)\b(?:\s+[\w']+){0,5}?\s+(?:while|when)\s+i\s+(?:was|am|'m)\s+(?:asleep|"
        r"sleeping|passed out|unconscious|too drunk|crying)\b",
        False,
    ),
    (r"\b(?:mak(?:es|e|ing)|made)\s+me\s+(?:\w+\s+){0,2}?(?:sexual|sex)\b", False),
    (
        r"\b(?:sex|touch\w*|kiss\w*)\b(?:\s+[\w']+){0,6}?\s+(?:when|after|even though|although)"
        r"\s+i\s+(?:said|say|told (?:him|her|them))\s+(?:no|stop|not to)\b",
        False,
    ),
]

ABUSE_TOPIC = [
    r"\b(?:rap(?:ed|es|ing|ist)|rape)\b|\bmolest\w*|\bgrop(?:ed|es|ing)\s+me\b",
    r"\bsexual(?:ly)?\s+(?:assault\w*|abus\w*|coerc\w*|violence|harass\w*)\b",
    r"\babus(?:ive|er|ers)\b|\babus(?:ing|es|ed|e)\s+(?:me|us|<KIDS>)\b",
    r"\b(?:domestic|intimate partner|family)\s+(?:violence|abuse)\b",
    r"\b(?:being|been|was|were|am|get|got)\s+abused\b|\babuse\b",
]
"""Words that name abuse; they fire only in a first-person sentence (a disclosure)."""

_SEE = r"(?:see|talk to|call|visit|text|speak to|contact|spend time with|go see)"
_FREEDOM = (
    rf"(?:{_SEE}\s+(?:my|anyone|any|friends|family|people|them)|go\s+to\s+(?:work|school|"
    r"college|church|the doctor|my)|leave(?:\s+the house|\s+home|\s+without"
    r"|<END>)|go\s+(?:out|anywhere|outside)|have\s+(?:a|my own|any)\s+(?:job|phone|money|friends|"
    r"bank|car|account|life|cards?)|drive|get a job|work(?:<END>|\s+outside|\s+any ?more)|wear "
    r"what i)"
)
COERCIVE_CONTROL = [
    (
        r"\b(?:keeps?|kept|keeping|locks?|locked|holds? onto|held onto)\s+my\s+(?:passport|id|"
        r"documents|papers|visa|bank card|debit card|credit cards?|wages|pay ?check|pay|"
        r"salary|phone|"
        r"car keys|keys|medication|meds|money)\b(?:\s+[\w']+){0,3}?\s*(?:locked|away|hidden|"
        r"from me|"
        r"in (?:his|her|their)|so i)",
        True,
    ),
    (
        r"\b(?:who|where|what|when|whether|if)\s+i(?:'?m|\s+am)\s+(?:allowed|permitted)\s+to\b|"
        r"\bonly\s+(?:allowed|permitted)\s+to\b",
        False,
    ),
    (
        r"\b(?:if|when|whenever)\s+i\s+(?:go out|see|visit|talk to|call|text|"
        r"spend time with|meet)\b"
        r"(?:\s+[\w']+){0,5}?,?\s+so\s+i\s+(?:stopped|don'?t|never|no longer|can'?t|gave up)\b",
        False,
    ),
    (
        r"\b(?:takes?|took|taking|confiscat\w+|smashed|smashes|broke|breaks|hides?|hid|hiding|"
        r"withhold\w*|locks? up|locked up|won'?t give me|refuses to give me)\s+(?:my|our)\s+"
        r"(?:whole\s+|entire\s+)?(?:pay ?checks?|pay|wages?|salary|earnings|bank cards?|debit "
        r"cards?|bank account|benefits|passport|id|car keys|phone|meds|medication)\b",
        True,
    ),
    (
        r"\b(?:takes?|took|taking|controls?|controlled|controlling|confiscat\w+|withhold\w*|hides?|"
        r"hid|hiding)\s+all\s+(?:of\s+)?(?:my|our|the)\s+(?:money|cards|finances|wages|pay)\b|"
        r"\b(?:controls?|controlled|controlling|withhold\w*|hides?|hid|hiding)\s+(?:my|our|the)\s+"
        r"(?:money|finances|bank account|cards|keys)\b",
        True,
    ),
    (r"\b(?:gives?|giving|gave|puts?|put)\s+me\s+(?:on\s+)?an?\s+allowance\b", True),
    (
        r"\b(?:makes?|made|forces?|forced)\s+me\s+(?:to\s+)?(?:hand over|give (?:him|her|them))\s+"
        r"(?:all\s+)?(?:my|the)\s+(?:wages|pay|pay ?check|salary|money|earnings|cards?)\b",
        True,
    ),
    (
        r"\b(?:have|had|need|needed|has)\s+to\s+(?:ask|beg)\s+(?:his|her|their|him|them|my \w+)"
        r"(?:\s+for)?\s+(?:permission|money)\b",
        True,
    ),
    (rf"\b(?:not|never|n'?t)\s+(?:allowed|permitted)\s+to\s+{_FREEDOM}", False),
    (
        rf"\b(?:won'?t|will not|wouldn'?t|doesn'?t|does not|didn'?t|"
        rf"never)\s+lets?\s+me\s+{_FREEDOM}",
        False,
    ),
    (
        r"\b(?:stops?|stopped|keeps?|kept|stopping|keeping)\s+me\s+from\s+(?:seeing|talking to|"
        r"calling|visiting|going out|leaving|working|having)\b",
        True,
    ),
    (r"\bcut(?:s|ting)?\s+me\s+off\s+from\b|\bisolat(?:es|ed|ing)\s+me\b", True),
    (
        r"\b(?:makes?|made)\s+me\s+(?:stop|quit|give up)\s+(?:seeing|talking to|my job|work|"
        r"my friends)\b",
        True,
    ),
    (
        r"\b(?:tracking|tracker|spyware|stalkerware|gps)\b(?:\s+[\w']+){0,4}?\s+(?:on|in|to)\s+"
        r"(?:my|me)\b|\btracks\s+(?:my|me|where i)\b|\bstalk(?:s|ed|ing)?\s+me\b",
        True,
    ),
    (
        r"\bcontrols?\s+(?:everything|what i (?:wear|eat|do|spend|say)|who i (?:see|talk to|text)|"
        r"where i go|my (?:money|finances|phone|life|every move))\b",
        True,
    ),
    (r"\block(?:ed|s)?\s+me\s+(?:in|out|inside)\b", True),
    (r"\bfollows\s+me\s+(?:everywhere|to work)\b|\bmonitors\s+(?:everything|my every)\b", True),
]
