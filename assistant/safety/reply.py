"""What attune says when the gate fires, and what happens next in couples mode (pure).

Safe-messaging practice: brief and warm, ask whether the person is safe now, say honestly
that attune cannot contact anyone, give resources, no method detail, no judgement, and say
that help works. Wording differs for self-harm, harm done to the speaker, and risk to others.
"""

from collections.abc import Sequence

from assistant.errors import ConfigError
from assistant.safety.resources import Resource, resources_for
from assistant.safety.types import ABUSE_KINDS, SafetyCheck, SafetyKind

_OPENING = {
    "self": "Thank you for telling me. I'm really glad you said it out loud, and I'd like to "
    "pause here.",
    "harmed": "Thank you for telling me. What you describe sounds frightening, and no one "
    "deserves to be hurt, threatened or controlled. I'd like to pause the exercise.",
    "others": "Thank you for being honest about this; saying it out loud is an important step. "
    "I'd like to pause the exercise.",
}
_SAFE_NOW = {
    "self": "Are you safe right now?",
    "harmed": "Are you safe right now?",
    "others": "Are you and the people around you safe right now? If you can, give yourself "
    "some space and distance for now.",
}
_WHO_HELPS = {
    "self": "I can't call anyone or send help myself, so please reach out to people who can:",
    "harmed": "I can't contact anyone for you, but trained people can listen and help you think "
    "through your options, in confidence:",
    "others": "I can't contact anyone for you, but people can help you keep everyone safe, "
    "without judgement:",
}
_HELP_WORKS = {
    "self": "You don't have to carry this alone. Many people who have felt this way found that "
    "talking to someone helped, and feelings this heavy can ease.",
    "harmed": "Reaching out does help; many people have found a safer way forward with support "
    "like this.",
    "others": "Help like this works; many people have learned to handle these moments differently.",
}
_SOMEONE_ELSE = "They can also help if you're worried about someone else."
_COUPLES_PRIVATE = (
    "If it isn't safe to talk about this here, you can contact them later, on your own."
)
_THIRD_PERSON = ("himself", "herself", "themselves", "themself")


def _voice(kind: SafetyKind | None) -> str:
    if kind is SafetyKind.HARM_TO_OTHERS:
        return "others"
    if kind in ABUSE_KINDS:
        return "harmed"
    return "self"


def _about_someone_else(result: SafetyCheck) -> bool:
    return any(word in said.split() for said in result.evidence for word in _THIRD_PERSON)


def _resources(result: SafetyCheck, region: str) -> list[Resource]:
    return resources_for(region, list(result.kinds) or ([result.kind] if result.kind else []))


def _spoken_list(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return f"you can {phrases[0]}."
    return f"you can {', '.join(phrases[:-1])}, or {phrases[-1]}."


def crisis_reply_lines(
    result: SafetyCheck,
    region: str = "US",
    extra_resources: Sequence[str] = (),
    *,
    couples: bool = False,
) -> list[str]:
    """The crisis reply as separate lines (to speak and caption); the region picks resources.

    ``extra_resources`` (Settings.resources) are read out first, as written. A result that is
    not a crisis still gets the self-harm wording, so a caller can never get an empty reply.
    """
    voice = _voice(result.kind)
    phrases = [f"reach {extra.strip()}" for extra in extra_resources if extra.strip()]
    phrases += [resource.spoken for resource in _resources(result, region)]
    lines = [_OPENING[voice], _SAFE_NOW[voice], f"{_WHO_HELPS[voice]} {_spoken_list(phrases)}"]
    if voice == "self" and _about_someone_else(result):
        lines.append(_SOMEONE_ELSE)
    if couples:
        lines.append(_COUPLES_PRIVATE)
    lines.append(_HELP_WORKS[voice])
    return lines


BUILT_IN_RESOURCES = (
    "call or text 9 8 8, the Suicide and Crisis Lifeline; call the National Domestic Violence "
    "Hotline at 1 800, 7 9 9, 7 2 3 3, or text START to 8 8 7 8 8; or call your local emergency "
    "number."
)
"""Read out when the resources file cannot be read: a crisis must never go unanswered."""
BUILT_IN_CARD = (
    "988 Suicide & Crisis Lifeline: call or text 988",
    "National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788",
    "Emergency services: your local emergency number (911 in the US)",
)


def crisis_reply(
    result: SafetyCheck,
    region: str = "US",
    extra_resources: Sequence[str] = (),
    *,
    couples: bool = False,
) -> str:
    """What attune says instead of an exercise when the gate fires, as one string.

    If the resources file is broken, the reply still comes, with the built-in US resources.
    """
    try:
        return " ".join(crisis_reply_lines(result, region, extra_resources, couples=couples))
    except ConfigError:
        voice = _voice(result.kind)
        who_helps = f"{_WHO_HELPS[voice]} {BUILT_IN_RESOURCES}"
        return " ".join([_OPENING[voice], _SAFE_NOW[voice], who_helps, _HELP_WORKS[voice]])


def resource_card(
    result: SafetyCheck, region: str = "US", extra_resources: Sequence[str] = ()
) -> list[str]:
    """The resources as printed lines (screen, captions, export): extras first."""
    extras = [extra.strip() for extra in extra_resources if extra.strip()]
    try:
        return extras + [resource.printed for resource in _resources(result, region)]
    except ConfigError:
        return [*extras, *BUILT_IN_CARD]


def ends_joint_work(result: SafetyCheck) -> bool:
    """Whether couples mode must stop joint exercises for the rest of the session.

    Any crisis ends joint work: after abuse, control or a risk to the partner, working on
    it together is not safe; after self-harm, support for that person comes first.
    """
    return result.crisis


def individual_support_note(kind: SafetyKind | None = None) -> str:
    """What attune says in couples mode after a disclosure, instead of the next joint step."""
    if kind is SafetyKind.SELF_HARM or kind is None:
        return (
            "Let's stop the joint exercise here; support matters more than any exercise right "
            "now. Talking with someone on your own, a counsellor or one of the services I "
            "mentioned, can really help."
        )
    return (
        "I'm going to stop the joint exercises here. When there is fear, harm or control "
        "between partners, working on it together isn't safe, so each of you deserves support "
        "on your own first. A counsellor who sees one person at a time, or one of the services "
        "I mentioned, is a good next step, and attune's evening reflection is there for each of "
        "you alone."
    )


CHECK_IN_QUESTION = {
    "self": "Some of what you said makes me want to ask you directly: are you having thoughts "
    "of ending your life?",
    "home": "Some of what you said makes me want to ask you directly: are you safe at home "
    "right now?",
}
"""The one direct question of a check-in, asked warmly and at most once a session (C-SSRS)."""
SAFE_ACK = "Thank you for answering me so openly. I'm glad you're safe."
UNSURE_REPLY = (
    "That's okay; it can be hard to know. If it ever feels unsafe, people are ready to listen, "
    "day and night, and the numbers are on your screen."
)
GENTLY_ON = "We can go on gently, and stop whenever you like."
AFTER_CRISIS_SAFE = "Thank you for telling me. I'm glad you're safe, and I'm still here with you."
PRESENCE = (
    "I'm here with you, and I'm not going anywhere. You don't have to work it all out tonight.",
    "The people on that line can help you make a safety plan, step by step, for tonight and after.",
    "If it gets worse, or you feel in danger, call your local emergency number or go somewhere "
    "with other people around.",
    "This conversation is kept only on this device. On a shared device, say forget this "
    "session and I'll delete it.",
)
"""What attune says to real risk after the care reply: presence, then the next steps."""
STILL_HERE = (
    "I'm still here. Thank you for staying and talking with me.",
    "I hear you. What you're carrying is a lot, and you're not alone with it tonight.",
    "I'm listening. Whenever you're ready, the numbers on your screen are there, day and night.",
)
"""Later turns after the care reply, each said once, so attune stays present without looping."""
COUPLE_PAUSE = (
    "Let's pause the joint exercise for a while. I'd like to offer each of you some time on "
    "your own: the evening reflection is there for each of you alone.",
    "When you're both ready to go on together, say resume.",
)
"""Said aloud in couples mode instead of asking about safety at home in front of the partner."""
COUPLE_PRIVATE_CAPTION = (
    "Private note: if anything at home feels unsafe, you can talk to these services alone, "
    "in confidence:"
)


def check_in_question(topic: str) -> str:
    """The direct check-in question for a topic ("self" or "home")."""
    return CHECK_IN_QUESTION[topic]


def presence_reply(turns_since: int) -> list[str]:
    """What attune says on the `turns_since`-th turn after the care reply (1 is the first)."""
    if turns_since <= 1:
        return list(PRESENCE)
    return [STILL_HERE[min(turns_since - 2, len(STILL_HERE) - 1)]]
