"""What the conversation does with each safety level, and with the answer that follows (pure).

``check_in``: ask once, directly and warmly (C-SSRS style), and let the answer decide: risk
gets the care reply, "I'm safe" is acknowledged and the conversation goes back to what the
person was saying, silence or "I don't know" gets the resources, gently. ``crisis``: the care
reply, and then attune stays present: "I'm safe, I only meant I'm tired" goes back to the
tiredness; anything else is met with presence and a next step, never with an abrupt stop.
"""

import re
from enum import StrEnum

from assistant.safety.types import ABUSE_KINDS, SafetyCheck, SafetyKind, SafetyLevel
from assistant.spoken import plain_words


class Topic(StrEnum):
    """What a check-in question asks about; each is asked at most once per session."""

    SELF = "self"
    """Thoughts of ending one's life or of self-harm."""
    HOME = "home"
    """Harm, threats or control between people at home."""


class Heard(StrEnum):
    """How an answer to a safety question (or to the care reply) reads."""

    RISK = "risk"
    SAFE = "safe"
    UNSURE = "unsure"


def topic_of(check: SafetyCheck) -> Topic:
    """The question a verdict calls for: safety at home for harm between people."""
    return Topic.HOME if check.kind in ABUSE_KINDS else Topic.SELF


_SAFE = re.compile(
    r"\b(i'?m|i am|we'?re|we are|i feel|i'?m totally|i'?m completely|i'?m perfectly) "
    r"(?:really |totally |completely |perfectly |quite |very )?"
    r"(safe|fine|okay|ok|alright|all right|not in danger)\b|"
    r"\bno one is hurting me\b|\bnobody is hurting me\b|\bnothing like that\b|"
    r"\bi'?m not (?:going to|gonna) (?:hurt|kill) myself\b|\bnot suicidal\b|"
    r"\bi didn'?t mean (?:it )?like that\b|\bi (?:only|just) meant\b"
)
_QUALIFIED = re.compile(
    r"\b(tonight|for now|right now|for the moment|at the moment|today|at least|"
    r"don'?t know what to do|scared|afraid|frightened|terrified|but|until|when (?:he|she|they) "
    r"(?:gets?|comes?) (?:back|home)|(?:he'?s|she'?s|they'?re) (?:at|out|away|gone|not home))\b"
)
_UNSURE = re.compile(
    r"^(?:(?:um|uh|well|i mean|honestly)\s+)*(i don'?t know|i'?m not sure|not sure|dunno|"
    r"i can'?t say|hard to say|maybe|i guess|i don'?t really know|no idea)\b"
)
_YES = re.compile(
    r"^(?:(?:um|uh|well|honestly)\s+)*(yes|yeah|yep|i am|i have|i do|sometimes|kind of|"
    r"sort of|a little|a bit|lately|i think so|often|every day|more and more)\b"
)
_NO = re.compile(r"^(?:(?:um|uh|well|honestly)\s+)*(no|nope|nah|not at all|never|not really)\b")
_NOT_SAFE = re.compile(
    r"\b(not safe|unsafe|i'?m scared|i'?m afraid|he hurts|she hurts|in danger)\b"
)


def hears_safe(text: str) -> bool:
    """True when someone says plainly that they are safe, with nothing that takes it back."""
    plain = plain_words(text)
    taken_back = _QUALIFIED.search(plain) or _NOT_SAFE.search(plain)
    return bool(_SAFE.search(plain)) and not taken_back


def answer_to_question(text: str, topic: Topic, gate: SafetyCheck) -> Heard:
    """How an answer to the check-in question reads; the gate's own verdict on it counts."""
    plain = plain_words(text)
    if gate.level is SafetyLevel.CRISIS or _NOT_SAFE.search(plain):
        return Heard.RISK
    if not plain or _UNSURE.search(plain):
        return Heard.UNSURE
    if hears_safe(text):
        return Heard.SAFE
    if _SAFE.search(plain):  # "safe for now", "okay tonight, he's away": taken back
        return Heard.RISK
    yes, no = bool(_YES.search(plain)), bool(_NO.search(plain))
    if topic is Topic.SELF and (yes or no):
        return Heard.RISK if yes else Heard.SAFE
    if topic is Topic.HOME and (yes or no):
        return Heard.SAFE if yes and not _QUALIFIED.search(plain) else Heard.RISK
    return Heard.UNSURE


def answer_after_crisis(text: str, gate: SafetyCheck) -> Heard:
    """After the care reply: a plain "I'm safe" is safe; everything else calls for presence."""
    if gate.level is SafetyLevel.CRISIS or not hears_safe(text):
        return Heard.RISK
    return Heard.SAFE


_SAFE_SENTENCE = re.compile(
    r"^\s*(?:(?:no|yes|yeah|honestly|really|seriously|sorry|okay|ok)\b[,.!]?\s*)*"
    r"(?:i'?m|i am|i feel)\s+(?:really\s+|totally\s+|completely\s+|perfectly\s+)?"
    r"(?:safe|fine|okay|ok|alright|all right)\b(?:\s+(?:really|now|honestly))?[.!?,;]?\s*",
    re.IGNORECASE,
)
_FILLER_SENTENCE = re.compile(
    r"^\s*(?:really|honestly|seriously|i promise|promise|truly|no|yes|sorry|"
    r"(?:no[,\s]+)?(?:i'?m not|i am not|i don'?t|not at all|never|nothing like that))[.!,]\s*",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^\s*(?:i\s+(?:just|only)\s+)?(?:wanted|want|meant|mean)\s+(?:to\s+(?:talk|say)\s+"
    r"(?:about|that)\s+|that\s+)?",
    re.IGNORECASE,
)


def what_they_meant(text: str) -> str:
    """What is left of an "I'm safe" answer once the reassurance is set aside.

    "I'm safe. Really. I just wanted to talk about being tired." -> "being tired";
    "I'm safe, I just meant I'm tired" -> "I'm tired"; only reassurance -> "".
    """
    rest = text.replace("\u2019", "'")
    for _ in range(4):
        before = rest
        rest = _SAFE_SENTENCE.sub("", rest, count=1)
        rest = _FILLER_SENTENCE.sub("", rest, count=1)
        if rest == before:
            break
    rest = _LEAD_IN.sub("", rest, count=1).strip(" ,.;:!?")
    return rest if len(re.findall(r"[\w']+", rest)) >= 2 else ""


def about_it(meant: str) -> str:
    """What attune says back about the topic someone returned to: "You wanted to talk about
    being tired." / "You said you're tired." """
    turned = re.sub(r"\bI'm\b", "you're", meant)
    turned = re.sub(r"\bI am\b", "you are", turned)
    turned = re.sub(r"\bmy\b", "your", turned, flags=re.IGNORECASE)
    turned = re.sub(r"\bI\b", "you", turned)
    turned = re.sub(r"\bme\b", "you", turned)
    if re.match(r"^\w+ing\b", turned):
        return f"You wanted to talk about {turned}."
    if not re.match(r"^(I\b|I'|[A-Z]{2})", meant):
        turned = turned[0].lower() + turned[1:]
    return f"You said {turned}."


def kind_for(topic: Topic) -> SafetyKind:
    """The kind whose resources fit a topic when the gate gave none."""
    return SafetyKind.SELF_HARM if topic is Topic.SELF else SafetyKind.VIOLENCE
