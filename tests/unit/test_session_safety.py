"""What the session does with each safety level, given hand-made verdicts (pure logic)."""

from collections.abc import Callable
from io import StringIO

import pytest

from assistant.captions import Captions
from assistant.flows.couple import CoupleFlow
from assistant.flows.evening import EveningFlow
from assistant.prompts import load_library
from assistant.safety import SafetyCheck
from assistant.safety.aftercare import Heard, Topic, answer_after_crisis, answer_to_question
from assistant.safety.types import SafetyKind, SafetyLevel
from assistant.session import Session
from tests.unit.test_session import EchoFlow, ScriptedInput

CLEAR = SafetyCheck()
SELF_CHECK_IN = SafetyCheck(level=SafetyLevel.CHECK_IN, score=0.5, kind=SafetyKind.SELF_HARM)
HOME_CHECK_IN = SafetyCheck(level=SafetyLevel.CHECK_IN, score=0.5, kind=SafetyKind.VIOLENCE)
VIOLENCE = SafetyCheck(
    level=SafetyLevel.CRISIS, kind=SafetyKind.VIOLENCE, kinds=[SafetyKind.VIOLENCE]
)
SELF_HARM = SafetyCheck(
    level=SafetyLevel.CRISIS, kind=SafetyKind.SELF_HARM, kinds=[SafetyKind.SELF_HARM]
)
ASK_SELF = "are you having thoughts of ending your life?"
ASK_HOME = "are you safe at home right now?"


def gate(verdicts: dict[str, SafetyCheck]) -> Callable[[str], SafetyCheck]:
    return lambda text: verdicts.get(text, CLEAR)


def run(lines: list[str], verdicts: dict[str, SafetyCheck], **kw: object) -> tuple[str, EchoFlow]:
    flow = kw.pop("flow", None) or EchoFlow()
    out = StringIO()
    session = Session(
        flow=flow,  # type: ignore[arg-type]
        source=ScriptedInput(*lines),  # type: ignore[arg-type]
        captions=Captions(out),
        check=gate(verdicts),
        **kw,  # type: ignore[arg-type]
    )
    session.run()
    return out.getvalue(), flow  # type: ignore[return-value]


def test_a_check_in_asks_once_and_i_am_safe_goes_back_to_what_they_said() -> None:
    worry = "Some nights I wonder what the point of any of it is."
    lines = [worry, "No, I'm not. I'm worn out.", worry, "more"]
    text, flow = run(lines, {worry: SELF_CHECK_IN})
    assert text.count(ASK_SELF) == 1
    assert "I'm glad you're safe" in text and "988" not in text
    assert flow.heard[0].split(":")[1] == "I'm worn out"  # back to what they meant
    assert len(flow.heard) == 3  # the same worry later is not asked about again


def test_a_yes_to_the_check_in_gets_the_care_reply() -> None:
    worry = "I keep thinking everyone would be better off."
    text, flow = run([worry, "Yes, sometimes."], {worry: SELF_CHECK_IN})
    assert ASK_SELF in text and "Are you safe right now?" in text and "988" in text
    assert flow.heard == []


@pytest.mark.parametrize("answer", ["I don't know.", ""])
def test_i_dont_know_or_silence_gets_the_resources_gently_and_goes_on(answer: str) -> None:
    worry = "I keep thinking everyone would be better off."
    text, flow = run([worry, answer], {worry: SELF_CHECK_IN})
    assert "it can be hard to know" in text and "988" in text
    assert "Are you safe right now?" not in text
    assert len(flow.heard) == 1 and worry in flow.heard[0]  # back to what they were saying


def test_safety_at_home_is_asked_with_no_for_an_answer_meaning_risk() -> None:
    worry = "He gets so angry when dinner is late."
    text, _ = run([worry, "No, not really."], {worry: HOME_CHECK_IN})
    assert ASK_HOME in text and "1-800-799-7233" in text


def test_in_couples_mode_safety_at_home_is_never_asked_aloud() -> None:
    worry = "He gets so angry when dinner is late."
    out = StringIO()
    session = Session(
        flow=EchoFlow(),  # type: ignore[arg-type]
        source=ScriptedInput(worry, "We can keep going."),  # type: ignore[arg-type]
        captions=Captions(out),
        check=gate({worry: HOME_CHECK_IN}),
        mode="couple",
    )
    session.run()
    text = out.getvalue()
    spoken = [line for line in text.splitlines() if line.startswith("attune:")]
    assert not any("safe at home" in line or "1-800" in line for line in spoken)
    assert "time on your own" in text and "1-800-799-7233" in text  # in the captions only
    assert session.paused


def test_after_a_crisis_i_am_safe_goes_back_to_the_tiredness() -> None:
    alarm = "I can't keep doing this, I'm so done with everything."
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set(), seed=1)
    lines = [alarm, "I'm safe. Really. I just wanted to talk about being tired."]
    text, _ = run(lines, {alarm: SELF_HARM}, flow=flow)
    after = text.split("I'm glad you're safe")[1]
    assert "being tired" in after and "stop the exercise" not in text


def test_after_a_crisis_real_risk_gets_presence_and_a_next_step() -> None:
    alarm = "He pushed me into the wall last night."
    lines = [alarm, "He's at the gym right now. I'm okay tonight. I just don't know what to do."]
    text, flow = run(lines, {alarm: VIOLENCE})
    last = text.split("I just don't know what to do.")[1]
    assert "I'm here with you" in last and "safety plan" in last
    assert "emergency number" in last and "forget this session" in last
    assert "stop the exercise" not in text and flow.heard == []


def test_staying_present_never_says_the_same_thing_twice_in_a_row() -> None:
    alarm = "He pushed me into the wall last night."
    lines = [alarm, "I don't know.", "Maybe.", "He'll be back at six."]
    text, _ = run(lines, {alarm: VIOLENCE})
    spoken = [line for line in text.splitlines() if line.startswith("attune:")]
    assert len(spoken) == len(set(spoken))


def test_a_false_alarm_in_an_evening_is_recovered_and_the_session_closes() -> None:
    plate = "At dinner I told her about the promotion and she just looked at her plate."
    flow = EveningFlow(load_library(), open_commitments=[], recent_prompt_ids=set(), seed=2)
    lines = [
        plate,
        "No, I'm safe, I just meant she didn't look at me.",
        "Yes.",
        "I wanted her to be proud of me.",
        "To hear her say well done.",
        "No.",
        "I'll ask her what the promotion means for her.",
    ]
    text, _ = run(
        lines, {plate: SafetyCheck(level=SafetyLevel.CRISIS, kind=SafetyKind.ABUSE)}, flow=flow
    )
    assert "I'm glad you're safe" in text
    assert "ask her what the promotion means for her" in text.split("attune:")[-1]


@pytest.mark.parametrize(
    ("answer", "topic", "heard"),
    [
        ("No, nothing like that.", Topic.SELF, Heard.SAFE),
        ("Yes.", Topic.SELF, Heard.RISK),
        ("Sometimes, lately.", Topic.SELF, Heard.RISK),
        ("I'm not sure.", Topic.SELF, Heard.UNSURE),
        ("Yes, I'm safe.", Topic.HOME, Heard.SAFE),
        ("Yes, for now.", Topic.HOME, Heard.RISK),
        ("No.", Topic.HOME, Heard.RISK),
        ("I'm safe tonight, he's away.", Topic.HOME, Heard.RISK),
    ],
)
def test_the_answer_to_the_check_in_decides(answer: str, topic: Topic, heard: Heard) -> None:
    assert answer_to_question(answer, topic, CLEAR) is heard


def test_a_plain_i_am_safe_after_the_care_reply_is_safe_and_a_qualified_one_is_not() -> None:
    assert answer_after_crisis("I'm fine, honestly. I meant work is a lot.", CLEAR) is Heard.SAFE
    assert answer_after_crisis("I'm okay for now, but he's coming back.", CLEAR) is Heard.RISK
    assert answer_after_crisis("I'm safe.", SELF_HARM) is Heard.RISK


def test_every_new_safety_line_passes_the_prompt_lint() -> None:
    from assistant.prompts import lint
    from assistant.safety import reply

    said = [
        *reply.CHECK_IN_QUESTION.values(),
        reply.SAFE_ACK,
        reply.UNSURE_REPLY,
        reply.GENTLY_ON,
        reply.AFTER_CRISIS_SAFE,
        *reply.PRESENCE,
        *reply.STILL_HERE,
        *reply.COUPLE_PAUSE,
        reply.COUPLE_PRIVATE_CAPTION,
    ]
    assert [(line, lint(line)) for line in said if lint(line)] == []


def test_in_couples_mode_after_a_crisis_i_am_safe_goes_back_to_the_tiredness() -> None:
    alarm = "Some nights I think about ending my life."
    flow = CoupleFlow(load_library(), ("Maya", "Tom"), open_commitments=[], recent_prompt_ids=set())
    lines = ["Yes.", "Yes.", alarm, "I'm safe. Really. I just wanted to talk about being tired."]
    lines += ["What I heard is you're tired."]
    text, _ = run(lines, {alarm: SELF_HARM}, flow=flow, mode="couple", names=["Maya", "Tom"])
    after = text.split("about being tired.", 1)[1]
    assert "988" in text and "I'm glad you're safe" in after and "being tired" in after
    replies = [line for line in after.splitlines() if line.startswith("attune:")]
    assert "Tom, " in replies[0]  # the joint exercise goes on: Tom is asked to mirror
    assert "Maya, " in replies[1] and replies[1].endswith("?")  # and Maya to check it


def test_in_couples_mode_after_violence_real_risk_gets_presence_and_no_joint_step() -> None:
    alarm = "He pushed me into the wall last night."
    lines = [alarm, "He's at the gym right now. I'm okay tonight. I just don't know what to do."]
    lines += ["I'm safe, really.", "Can we keep going?"]
    text, flow = run(lines, {alarm: VIOLENCE}, mode="couple")
    last = text.split("I just don't know what to do.", 1)[1]
    assert "I'm here with you" in last and "safety plan" in last
    assert "emergency number" in last and "forget this session" in last
    assert "leave the joint exercise for tonight" in last
    assert flow.heard == [] and "Goodbye." not in text
