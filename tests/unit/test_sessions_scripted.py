"""Issue 12's bars over 31 scripted sessions, run through the real flows and session runner.

Real prompt library, real theme classifier, the real Session; the gate's verdict is given as
`clear` for every line (no session holds real risk; what today's regex gate says about each
line is in tests/data/no_risk_session_lines.txt and checked in test_no_risk_lines.py).
"""

import re
import tomllib
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from assistant.captions import Captions
from assistant.flows.base import Flow, FlowReply, Utterance
from assistant.flows.couple import CoupleFlow
from assistant.flows.evening import EveningFlow
from assistant.prompts import PromptLibrary, Step, load_library
from assistant.safety import SafetyCheck
from assistant.session import Session
from assistant.themes import ThemeReading
from tests.unit.test_session import ScriptedInput

SESSIONS = Path(__file__).parents[1] / "data" / "sessions_issue12.toml"
SCRIPTS: list[dict[str, Any]] = tomllib.loads(SESSIONS.read_text())["session"]
CLEAR = SafetyCheck()
ASKS_FOR_A_STEP = (Step.ACTION, Step.NEW_BEHAVIOUR)
SHORT_ANSWER_WORDS = 3
"""A "yes", "no" or "ready" may be answered with the next question straight away."""


class Recording:
    """Delegates to a real flow and keeps every reply it gave."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.replies: list[FlowReply] = []

    def _keep(self, reply: FlowReply) -> FlowReply:
        self.replies.append(reply)
        return reply

    def opening(self) -> FlowReply:
        return self._keep(self.flow.opening())

    def respond(self, said: Utterance, reading: ThemeReading) -> FlowReply:
        return self._keep(self.flow.respond(said, reading))

    def close(self) -> FlowReply:
        return self._keep(self.flow.close())


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def _step_of(library: PromptLibrary) -> dict[str, Step]:
    return {v.id: step for step, _, v in library.all_variants()}


def run_script(library: PromptLibrary, script: dict[str, Any]) -> tuple[Recording, str]:
    if script["mode"] == "couple":
        names = tuple(script["names"])
        flow: Flow = CoupleFlow(
            library, names, open_commitments=[], recent_prompt_ids=set(), seed=3
        )  # type: ignore[arg-type]
    else:
        flow = EveningFlow(library, open_commitments=[], recent_prompt_ids=set(), seed=3)
    recording = Recording(flow)
    out = StringIO()
    session = Session(
        flow=recording,
        source=ScriptedInput(*script["lines"]),  # type: ignore[arg-type]
        captions=Captions(out),
        mode=script["mode"],
        names=list(script.get("names", [])),
        check=lambda _text: CLEAR,
    )
    session.run()
    return recording, out.getvalue()


@pytest.mark.parametrize("script", SCRIPTS, ids=[s["id"] for s in SCRIPTS])
def test_a_session_without_risk_is_heard_through_to_its_close(
    library: PromptLibrary, script: dict[str, Any]
) -> None:
    recording, captions = run_script(library, script)
    steps = _step_of(library)
    said = [[steps[i] for i in r.prompt_ids] for r in recording.replies]
    heard = {step for reply in said for step in reply}
    assert recording.replies[-1].done, captions
    assert "stop the exercise" not in captions and "988" not in captions
    for expected in script["expect"]:
        assert Step(expected) in heard, (expected, captions)
    ids = [i for r in recording.replies for i in r.prompt_ids]
    assert len(ids) == len(set(ids)), captions  # nothing said twice
    answered = [*script["lines"], ""][: len(recording.replies) - 1]
    for line, reply, reply_steps in zip(answered, recording.replies[1:], said[1:], strict=False):
        substantive = len(line.split()) > SHORT_ANSWER_WORDS
        first = re.split(r"(?<=[.!?])\s", reply.lines[0].strip())[0]
        if substantive and first.endswith("?"):  # no bare question
            pytest.fail(f"bare question {reply.lines[0]!r} in\n{captions}")
        assert reply_steps.count(Step.REFLECT) <= 1


@pytest.mark.parametrize(
    "script", [s for s in SCRIPTS if s["mode"] == "evening"], ids=lambda s: s["id"]
)
def test_no_step_is_asked_for_once_one_was_named(
    library: PromptLibrary, script: dict[str, Any]
) -> None:
    recording, captions = run_script(library, script)
    steps = _step_of(library)
    confirmed = False
    for reply in recording.replies:
        kinds = [steps[i] for i in reply.prompt_ids]
        assert not (confirmed and any(k in ASKS_FOR_A_STEP for k in kinds)), captions
        confirmed = confirmed or Step.STEP_CONFIRMED in kinds
    saved = [c.text for r in recording.replies for c in r.commitments]
    assert len(saved) <= 1, saved


def test_a_correction_is_acknowledged_and_reflected_as_meant(library: PromptLibrary) -> None:
    script = next(s for s in SCRIPTS if s["id"] == "ev-correction-fragments")
    recording, _ = run_script(library, script)
    answer = recording.replies[2].text
    assert "you feel alone" in answer and "needed" not in answer


def test_i_just_told_you_gets_an_apology_and_what_was_told(library: PromptLibrary) -> None:
    script = next(s for s in SCRIPTS if s["id"] == "ev-told-you")
    recording, captions = run_script(library, script)
    answer = recording.replies[4]
    assert "sorry" in answer.text.lower()
    assert "you just told" not in captions.lower()
    assert "talk every week" in answer.text


def test_a_step_named_early_is_confirmed_and_saved_without_being_asked(
    library: PromptLibrary,
) -> None:
    script = next(s for s in SCRIPTS if s["id"] == "ev-step-named-early")
    recording, _ = run_script(library, script)
    assert "say sorry to him at breakfast tomorrow" in recording.replies[3].text
    saved = [c.text for r in recording.replies for c in r.commitments]
    assert saved == ["say sorry to him at breakfast tomorrow"]


def test_a_stuck_listener_gets_the_speakers_own_words_as_a_scaffold(
    library: PromptLibrary,
) -> None:
    script = next(s for s in SCRIPTS if s["id"] == "cp-dont-know-mirror")
    recording, _ = run_script(library, script)
    scaffold = recording.replies[4]
    assert scaffold.next_speaker == "Tom" and "Maya said" in scaffold.text
    assert "whole list" in scaffold.text


def test_a_minimising_listener_is_slowed_down_and_invited_back(library: PromptLibrary) -> None:
    script = next(s for s in SCRIPTS if s["id"] == "cp-minimising-mirror")
    recording, _ = run_script(library, script)
    slowed = recording.replies[4]
    assert slowed.step == Step.SLOW_DOWN and slowed.next_speaker == "Sam"
    assert "Rosa" in slowed.text
    assert recording.replies[5].step == Step.CHECK  # the second try goes on


def test_there_are_at_least_thirty_sessions_of_both_kinds() -> None:
    modes = [s["mode"] for s in SCRIPTS]
    assert len(SCRIPTS) >= 30 and modes.count("couple") >= 10 and modes.count("evening") >= 15
