"""Word families shared by the cue patterns, as ``<TOKEN>`` → regex group (expanded in patterns.py).

Each family is a closed list of the words people use for one idea (a partner, a body part, a
weapon, a way of saying "I would be gone"), so that one cue covers every combination of a verb
with the objects it can take instead of one phrase at a time. Patterns run on lower-cased text
with straight apostrophes.
"""

_REL = (
    r"(?:ex[- ]?)?(?:husband|wife|partner|spouse|boyfriend|girlfriend|bf|gf|fianc[eé]e?|dad|"
    r"father|mom|mum|mother|step ?dad|step ?father|step ?mom|step ?mum|step ?mother|brother|"
    r"sister|son|daughter|ex)"
)

_KIDS = (
    r"(?:the|my|our|his|her) (?:kids|children|child|baby|son|daughter|boys|girls|"
    r"little ones?|little (?:girl|boy)|toddler|step ?(?:son|daughter|kids|children)|youngest|"
    r"eldest|oldest|twins|teenager)"
)

_BODY = (
    r"(?:neck|throat|chest|face|head|skull|stomach|belly|ribs?|back|arms?|legs?|wrists?|jaw|"
    r"nose|eyes?|mouth|hair|kidneys|shoulders?|hands?|fingers?|windpipe|groin|spine)"
)

_HURT = (
    r"(?:punched|punches|kicked|kicks|slapped|slaps|squeezed|squeezes|choked|chokes|strangled|"
    r"strangles|stamped on|stamps on|stomped on|stomps on|kneed|knees|elbowed|elbows|headbutted|"
    r"headbutts|bit|bites|scratched|scratches|clawed|claws|burned|burns|burnt|scalded|scalds|"
    r"sat on|sits on|knelt on|kneels on|"
    r"kneeled on|stood on|stands on|struck|strikes|smacked|smacks|twisted|twists|bent back|"
    r"crushed|crushes|pressed on|presses on|pressed down on|dug (?:his|her|their) nails into|"
    r"spat in|spits in)"
)

_WEAPON = (
    r"(?:knife|knives|gun|guns|blade|pistol|rifle|shotgun|machete|baseball bat|bat|hammer|axe|"
    r"razor|scissors|screwdriver|crowbar|weapon|broken bottle)"
)

_PET = (
    r"(?:(?:the|my|our|his|her) (?:dog|dogs|cat|cats|puppy|kitten|pets?|rabbit|hamster|bird|horse))"
)

_GONE = (
    # what follows "if i" when someone imagines their own absence
    r"(?:(?:was|were|am|'m)\s+(?:dead|gone(?!\s+(?:more|for|on|at|to|all|most|a lot|longer|out))|"
    r"out of the picture|no longer (?:here|around|alive)|not (?:here|around|alive|in the picture))|"
    r"(?:was|were)(?:n'?t| not)\s+(?:here|around|alive|in the picture|in (?:their|your|his|her|"
    r"everyone'?s|the kids'?) li(?:fe|ves))|died|disappeared|vanished|stopped existing|"
    r"ceased to exist|(?:didn'?t|never) (?:exist|wake up|come back))"
)

_ABSENCE = (
    # a noun phrase for one's own absence or death
    r"(?:(?:me\s+)?not being (?:here|around|alive)|(?:me\s+)?not existing|not waking up|"
    r"never waking up|being gone|me gone|to disappear|disappearing|dying|to die|death|ending it|"
    r"ending my life|killing myself|to end it|to not exist)"
)

_DRINK = (
    r"(?:drinks|drinking|drunk|had a few|has a few|had a drink|had drinks|been drinking|on the "
    r"(?:beer|booze|bottle)|wasted|hammered|high|using again|in (?:a|one of his|one of her|one "
    r"of their) (?:rages?|moods?|tempers?|states?))"
)

Entry = tuple[str, bool] | tuple[str, bool, str]
"""A cue: (pattern, negatable) or (pattern, negatable, context pattern needed in its sentence)."""

TOKENS = {
    "<KIDS>": _KIDS,
    "<AGENT>": rf"(?:he|she|they|my {_REL})",
    "<PERSON>": rf"(?:him|her|them|my {_REL})",
    "<REL>": _REL,
    "<ME>": r"(?:me|us|<KIDS>)",
    "<OTHER>": rf"(?:him|her|them|my {_REL}|<KIDS>|someone|somebody)",
    "<GAP>": r"(?:\s+[\w']+){0,3}?\s+",
    "<MYGAP>": r"(?:(?!(?:he|she|they|you|we)\b)[\w']+\s+){0,4}?",
    "<FEAR>": r"(?:scared|afraid|terrified|frightened|fearful)",
    "<WILL>": (
        r"(?:'?ll|'?d|\s+will|\s+would|\s+might|\s+could|\s+may|'s going to|\s+is going to|"
        r"\s+was going to|'s gonna|\s+is gonna|\s+was gonna)"
    ),
    "<LEAVE>": (
        r"(?:leave|left|try to leave|tried to leave|go|went|tell anyone|told anyone|tell someone|"
        r"told someone|call the police|called the police|report|reported)"
    ),
    "<END>": r"(?=\s*(?:$|[.!?;,]))",
    "<BODY>": _BODY,
    "<HURT>": _HURT,
    "<WEAPON>": _WEAPON,
    "<PET>": _PET,
    "<GONE>": _GONE,
    "<ABSENCE>": _ABSENCE,
    "<DRINK>": _DRINK,
    "<SOFT>": (
        # things thrown in play or in words, not to hurt (used right after "threw")
        r"(?!(?:a |an |the |her |his |their |my |some )?(?:pillow|cushion|sock|socks|ball|"
        r"snowball|popcorn|paper|kiss|look|glance|smile|wink|grin|compliment|party|tantrum|fit|"
        r"wobbly|shade|questions?|curve ?ball|bone|idea)\b)"
    ),
    "<HIS>": r"(?:his|her|their|my (?:\w+'s))",
}
"""Every token the cue patterns may use; tokens may nest (expanded up to three levels)."""
