"""Lethal-risk signs: phrase patterns that always make a crisis, whatever the learned head says.

DESIGN.md: a firearm in a threat, hands on the neck, threats to kill, harm to a child and
suicide preparation are always ``crisis``. Other patterns (in the sibling cue modules) are
precise about their words but can be a topic or a past; these few name the signs themselves.
Raw regex strings over the gate's normalised text (lower case, straight apostrophes).
"""

VIOLENCE = [
    # a firearm brought into a quarrel or shown as a threat
    r"\b(?:bring|bringing|brings|brought|mention|mentions|mentioning|mentioned|remind\w* me (?:of|"
    r"about)|show\w*|clean\w*|load\w*|get\w* out|got out|tak\w* out|took out|put|puts|putting|"
    r"wav\w*|hold\w*|held)\s+(?:up\s+)?(?:\w+\s+){0,2}?(?:gun|guns|pistol|rifle|shotgun|handgun|"
    r"revolver|firearm)\b(?:\s+[\w']+){0,6}?\s+(?:when|whenever|while|every time|during|after|if)"
    r"\s+(?:we|i|he|she|they)\s+(?:\w+\s+)?(?:argue|argued|argues|arguing|fight|fighting|fought|"
    r"row|rowing|leave|left|asks?|asked|question\w*|disagree\w*|angry|upset|shout\w*|scream\w*|"
    r"yell\w*|get angry|got angry)\b",
    r"\b(?:gun|pistol|rifle|shotgun|handgun|revolver)\b(?:\s+[\w']+){0,4}?\s+(?:at|to|against)\s+"
    r"(?:me|my head|my face|my chest|the kids|us)\b",
    # hands on the neck, choking
    r"\b(?:hands?|fingers|arm)\s+(?:around|round|on|to|at|across)\s+my\s+(?:throat|neck)\b",
    r"\b(?:chok\w*|strangl\w*|throttl\w*)\s+me\b",
    r"\b(?:squeez\w*|press\w*|grabb?\w*)\s+(?:on\s+)?my\s+(?:throat|neck)\b",
    r"\b(?:you'?re|you are|i'?m|i am)\s+dead\s+if\s+(?:you|i)\b",
    r"\b(?:hit|hits|hitting|beat|beats|beating)\s+(?:my|our|the)\s+(?:son|daughter|baby|kids|child)\b"
    r"(?:\s+[\w']+){0,6}?\s+(?:belt|next|marks|bruises?)\b",
]

HARM_TO_OTHERS = [
    # harm to a child by the speaker
    r"\bshook\s+(?:the|my|our)\s+(?:baby|car seat)\b|\bshaking\s+(?:the|my|our)\s+baby\b",
    r"\bpressed\s+the\s+pillow\b",
]

SELF_HARM = [
    # suicide preparation
    r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|collect\w*|kept back|keeping back)\s+"
    r"(?:up\s+)?(?:\w+\s+){0,3}?(?:pills|tablets|meds|medication|painkillers|sleeping pills)\b",
    r"\b(?:giv\w*|gave)\s+(?:away\s+)?(?:\w+\s+){0,4}?(?:things|stuff|belongings|records|books|"
    r"guitar|watch|jewellery|jewelry|clothes)\b(?:\s+[\w',.]+){0,8}?\s+(?:won'?t|wont|will not|"
    r"don'?t|dont)\s+(?:be\s+)?need(?:ing)?\b",
    r"\bletters?\b(?:\s+[\w']+){0,6}?\s+(?:for after|just in case|for when i'?m gone|"
    r"after i'?m gone)\b",
    r"\b(?:picked|chosen|chose|set|decided on)\s+(?:a|the)\s+(?:date|day)\b",
    r"\b(?:the\s+)?(?:rope|hose|pills|tablets)\b(?:\s+[\w']+){0,5}?\s+(?:in|under)\s+(?:the|my)\s+"
    r"(?:shed|garage|drawer|wardrobe|car)\b(?:\s+[\w']+){0,6}?\s+(?:i\s+)?(?:check|"
    r"haven'?t decided|havent decided|ready|when)\b",
]
