"""Pattern families for violent acts done to the speaker, a child or a pet, or urged by the speaker.

Built from word families (lexicon.py) crossed with each other: a partner × a violent verb × a
body part, a weapon × a display verb, an urge × a harm done to a partner. Entries are
(pattern, negatable[, context needed in the same sentence]).
"""

from assistant.safety.lexicon import Entry

_FIGHT = (
    r"\b(?:fight|fighting|fought|argument|arguing|argued|row|rowing|rowed|at (?:him|her|them)|"
    r"on (?:him|her|them)|what i (?:would|might|could|'d)|angry|rage|furious|lost it|snapped)\b"
)
_DRINKING = (
    r"\b(?:when|whenever|if|after|once)\s+(?:he|she|they|my <REL>)(?:'s|'d|'ve|'re)?\b"
    r"(?:\s+[\w']+){0,3}?\s+<DRINK>\b"
)
_RESTRAINT = (
    r"(?:headlock|choke ?hold|chokehold|held|holding|pinned|pinning|squeez\w*|press\w*|sat on|"
    r"sitting on|knelt on|kneeling on|pillow|hands?|grip\w*|strangl\w*|chok\w*|smother\w*)"
)

VIOLENCE: list[Entry] = [
    # a partner × violent verb × a body part: "my husband squeezed my neck", "sat on my chest"
    (
        r"\b<AGENT><GAP><HURT>\s+(?:me\s+(?:in|on|across|over)\s+)?(?:the|my)\s+<BODY>\b"
        r"(?!\s+of\b)",
        True,
    ),
    (
        rf"\b{_RESTRAINT}\b(?:\s+[\w',]+){{0,8}}?\s+(?:until|till|til|so)\s+i\s+(?:couldn'?t|could "
        r"not|can'?t|cannot)\s+breathe\b",
        True,
    ),
    (
        rf"\b{_RESTRAINT}\b(?:\s+[\w',]+){{0,8}}?\s+(?:until|till|til|and)\s+i\s+(?:blacked out|"
        r"passed out|went limp|saw stars|lost consciousness)\b",
        True,
    ),
    (
        r"\b(?:put|puts|had|has|got|gets|held|holds|holding)\s+me\s+in\s+(?:a\s+)?(?:headlock|"
        r"choke ?hold|chokehold|stranglehold)\b",
        True,
    ),
    (
        r"\b(?:won'?t|wouldn'?t|didn'?t|doesn'?t|would not|did not)\s+let\s+me\s+(?:up|breathe|get "
        r"up|out of the (?:room|house|car|bedroom|bathroom))\b",
        False,
    ),
    (
        r"\brais(?:ed|es|ing)\s+(?:his|her|their|a)\s+(?:hand|fist)s?\s+(?:to|at|against)\s+"
        r"(?:me|us|<KIDS>)\b",
        True,
    ),
    (
        r"\b(?:black eye|bruises?|split lip|broken (?:nose|rib|ribs|arm|wrist|finger|tooth))\b"
        r"(?:\s+[\w']+){0,4}?\s+(?:from|because of|thanks to|courtesy of)\s+(?:him|her|them|"
        r"my <REL>)\b",
        True,
    ),
    (
        r"\b<AGENT><GAP>(?:smash|break|destroy|trash|wreck)(?:es|ed|s|ing)?\s+(?:up\s+)?(?:things|"
        r"everything|stuff|the (?:house|place|kitchen|furniture|tv)|my (?:things|stuff|belongings))"
        r"\b",
        True,
        r"\b(?:angry|rage|raging|temper|furious|mad|lost it|drunk|punish\w*|whenever|"
        r"every time|at me|in front of)\b",
    ),
    # weapons
    (
        r"\b(?:came|comes|coming|went|goes|going|lunged|lunges|ran|runs|charged)\s+(?:at|for|after)"
        r"\s+(?:me|us|<KIDS>)\s+with\s+(?:a|an|the|his|her|their|my)\s+(?:\w+\s+)?<WEAPON>",
        True,
    ),
    (
        r"\b<WEAPON>\b(?:\s+[\w',]+){0,8}?\s+(?:remind\w*|wav\w*|point\w*|flash\w*|brandish\w*)\s+"
        r"(?:it\s+)?(?:at\s+)?(?:me|us|<KIDS>)\b",
        True,
    ),
    # vehicles and pets
    (
        r"\b(?:drove|drives|driving|swerved|swerves|swerving|reversed|reverses|accelerated)\s+"
        r"(?:the\s+|his\s+|her\s+|their\s+)?(?:car\s+|truck\s+|van\s+)?(?:straight\s+|right\s+|"
        r"deliberately\s+)?at\s+(?:me|us|<KIDS>)\b",
        True,
    ),
    (
        r"\b<AGENT><GAP>(?:kicked|kicks|kicking|hit|hits|hitting|beat|beats|beating|hurt|hurts|"
        r"hurting|killed|kills|drowned|drowns|strangled|strangles|choked|chokes|threw|throws|burned|"
        r"burnt|burns|starved|starves|poisoned|poisons|punched|punches|slammed|slams|stabbed|shot|"
        r"tortured|tortures|abused|abuses)\s+<PET>\b",
        True,
    ),
    (
        r"\bthreat\w*\s+to\s+(?:\w+\s+)?(?:kill|hurt|drown|poison|get rid of|put down|shoot|"
        r"harm)\s+<PET>",
        True,
    ),
    # implements: "hit my little girl with a belt"
    (
        r"\b(?:hit|hits|hitting|beat|beats|beating|whip\w*|smack\w*|struck|strikes|thrash\w*)\s+"
        r"(?:<ME>|him|her|them)\s+with\s+(?:a|an|the|his|her|their|my)\s+(?:\w+\s+)?(?:belt|stick|"
        r"cane|spoon|shoe|cord|cable|slipper|hanger|ruler|fist|bat|hammer|pan|bottle)\b",
        True,
    ),
    # threats of death
    (
        r"\b(?:nobody|no one|no-one|they|you|the police)\s+(?:would|will|'d|'ll|wouldn'?t|"
        r"won'?t)\s+(?:ever\s+)?find\s+(?:my|your|the|our)\s+bod(?:y|ies)\b",
        False,
    ),
    (
        r"\b(?:end up|wind up)\s+(?:dead\s+)?in\s+(?:a|the)\s+(?:ditch|river|grave|body bag|morgue|"
        r"canal)\b",
        True,
    ),
    # fear of what someone will do; safety behaviours where someone's drinking is mentioned
    (
        r"\b(?:<FEAR>|dread\w*)\s+(?:of\s+)?what\s+(?:he|she|they|my <REL>)<WILL>\s+do\s+(?:to\s+"
        r"(?:me|us|<KIDS>)|when|once|after|tonight)\b",
        False,
    ),
    (
        r"\b(?:lock|locks|locked|locking|barricad\w*|hide|hides|hid|hiding|wedge\w*)\s+(?:myself|"
        r"ourselves|us|me|<KIDS>|the (?:kids'?|children'?s|bedroom|bathroom) doors?|the doors?|"
        r"a chair)\b|\bdoors?\s+locked\b",
        False,
        _DRINKING,
    ),
    (r"\b(?:<FEAR>|on edge|walk(?:ing)? on eggshells)\b", False, _DRINKING),
]

_URGE = (
    r"\bi\b(?:'?m|'?d|'?ll|'?ve)?(?:\s+[\w']+){0,4}?\s+(?:want|wanna|wanted|wish|feel like|felt "
    r"like|going to|gonna|tempted|think\w*|thought|imagin\w*|pictur\w*|fantasi\w*|dream\w*|"
    r"plan(?:s|ned|ning)?\b|urges?|keep|kept|consider\w*|see myself)(?:\s+[\w']+){0,3}?\s+"
)
_HARM_ACT = (
    r"(?:(?:smash|bash|cave|kick|punch)(?:ing)?\s+<HIS>\s+(?:head|face|skull|teeth)\s+in|"
    r"(?:break|snap)(?:ping|ing)?\s+<HIS>\s+(?:fingers|neck|arms?|legs?|jaw|nose|ribs)|"
    r"(?:put|putting|hold|holding|press|pressing)\s+(?:a|the)\s+pillow\s+(?:over|on)\s+<HIS>\s+"
    r"face|(?:put|putting|slip|slipping|drop|dropping|pour|pouring)\s+(?:something|stuff|bleach|"
    r"poison|pills|\w+)\s+(?:in|into)\s+<HIS>\s+(?:coffee|drink|tea|food|dinner|wine|beer|meal)|"
    r"run(?:ning)?\s+(?:him|her|them|my <REL>)\s+(?:over|down)|run(?:ning)?\s+over\s+(?:him|her|"
    r"them)|(?:push|pushing|shove|shoving)\s+(?:him|her|them)\s+(?:down|off|out of|in front of|"
    r"under)|(?:poison|smother|suffocat|drown|stab|strangl|throttl|burn|batter)\w*\s+"
    r"(?:him|her|them|my <REL>)|mak(?:e|ing)\s+(?:him|her|them)\s+(?:suffer|bleed|hurt)\s+"
    r"physically|mak(?:e|ing)\s+(?:him|her|them)\s+bleed)\b"
)

HARM_TO_OTHERS: list[Entry] = [
    (_URGE + _HARM_ACT, True),
    (
        r"\bi\s+<MYGAP>(?:hit|punched|slapped|kicked|shoved|choked|strangled|smacked|attacked|"
        r"pushed|headbutted)\s+<OTHER>\b(?!\s+(?:at|in (?:chess|cards|tennis|a game)|up\b|back "
        r"at\b))",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,3}?(?:want|wish)\s+(?:him|her|them|my <REL>)\s+(?:was\s+|were\s+)?"
        r"dead\b|\bi\s+wish\s+(?:he|she|they)\s+(?:was|were|would drop)\s+dead\b",
        True,
    ),
    (
        r"\bi\s+(?:\w+\s+){0,2}?(?:grabbed|picked up|got out|pulled out|reached for|went for|took "
        r"out|held up)\s+(?:a|the|my|his|her|our)\s+(?:\w+\s+)?<WEAPON>\b",
        True,
        _FIGHT,
    ),
]
