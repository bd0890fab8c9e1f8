"""The session's safety turns: a check-in asked once, the care reply, and staying present after.

The gate gives a level for each turn (see assistant.safety.types.SafetyLevel); this decides
what the conversation does with it, and with the answer that follows. Pure logic over the
session's own say / record / flow, so it is tested with hand-made verdicts.

Couples mode takes the same path as the evening: after the care reply attune stays present,
and "I'm safe, I just meant I'm tired" goes back to the conversation with care. Only a crisis
about the home (abuse, violence, coercion, a child) keeps the joint exercise stopped for the
rest of the session: working on it together is not safe then, so attune stays present and
closes without a joint summary.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant import safety
from assistant.flows.base import Utterance
from assistant.safety import SafetyCheck
from assistant.safety import aftercare as care
from assistant.safety import reply as lines
from assistant.safety.types import SafetyKind, SafetyLevel

if TYPE_CHECKING:
    from assistant.session import Session


@dataclass
class _Pending:
    topic: care.Topic
    said: Utterance
    check: SafetyCheck


@dataclass
class SafetyTurns:
    """Running safety state of one session."""

    asked: set[care.Topic] = field(default_factory=set)
    pending: _Pending | None = None
    crisis: SafetyCheck | None = None
    turns_since_crisis: int = 0
    joint_work_over: bool = False
    """Couples mode after a crisis about the home: no joint step again this session."""

    @property
    def idle(self) -> bool:
        """No safety question is waiting for an answer and no crisis is being followed."""
        return self.pending is None and self.crisis is None

    def answer(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool | None:
        """Answer a turn the safety way; None when it is an ordinary turn for the flow."""
        if check.level is SafetyLevel.CRISIS:
            return self._crisis(session, said, check)
        if self.pending is not None:
            return self._on_check_in_answer(session, said, check)
        if self.crisis is not None:
            return self._after_crisis(session, said, check)
        if check.level is SafetyLevel.CHECK_IN and care.topic_of(check) not in self.asked:
            return self._check_in(session, said, check)
        return None

    # check-in ------------------------------------------------------------------------
    def _check_in(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool:
        topic = care.topic_of(check)
        self.asked.add(topic)
        if session.mode == "couple" and topic is care.Topic.HOME:
            return self._couple_pause(session, said, check)
        self.pending = _Pending(topic, said, check)
        question = lines.check_in_question(topic.value)
        session.record_turn(said, check, question, "safety_check_in")
        session.say(question)
        return True

    def _couple_pause(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool:
        """Never ask about safety at home in front of the partner: pause, resources in captions."""
        spoken = " ".join(lines.COUPLE_PAUSE)
        session.record_turn(said, check, spoken, "safety_pause")
        session.say(spoken)
        session.captions.note(lines.COUPLE_PRIVATE_CAPTION)
        self._caption_resources(session, check, care.Topic.HOME)
        session.paused = True
        return True

    def _on_check_in_answer(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool:
        pending, self.pending = self.pending, None
        assert pending is not None
        heard = care.answer_to_question(said.text, pending.topic, check)
        if heard is care.Heard.RISK:
            risk = check if check.level is SafetyLevel.CRISIS else _as_crisis(pending)
            return self._crisis(session, said, risk)
        if heard is care.Heard.SAFE:
            back = _back_to(said, pending.said)
            return session.back_to_flow(said, check, _care(lines.SAFE_ACK, said), back)
        self._caption_resources(session, pending.check, pending.topic)
        gentle = f"{lines.UNSURE_REPLY} {lines.GENTLY_ON}"
        return session.back_to_flow(said, check, gentle, pending.said)

    # crisis --------------------------------------------------------------------------
    def _crisis(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool:
        """Stop the exercise, answer with care and stay present (in couples mode too)."""
        couples = session.mode == "couple"
        reply = safety.crisis_reply(check, session.region, session.extra_resources, couples=couples)
        if couples and safety.ends_joint_work(check):
            reply = f"{reply} {safety.individual_support_note(check.kind)}"
        session.record_turn(said, check, reply, "safety")
        session.say(reply)
        self._caption_resources(session, check, care.topic_of(check))
        self.crisis, self.turns_since_crisis = check, 0
        self.joint_work_over = self.joint_work_over or (couples and _about_the_home(check))
        for topic in care.Topic:
            self.asked.add(topic)
        return True

    def _after_crisis(self, session: "Session", said: Utterance, check: SafetyCheck) -> bool:
        """Stay present: back to the conversation when they are safe, else presence and steps."""
        safe = care.answer_after_crisis(said.text, check) is care.Heard.SAFE
        if safe and self.joint_work_over:
            spoken = f"{lines.AFTER_CRISIS_SAFE} {JOINT_WORK_STAYS_STOPPED}"
            session.record_turn(said, check, spoken, "safety_presence")
            session.say(spoken)
            return True
        if safe:
            self.crisis = None
            meant = care.what_they_meant(said.text)
            topic = said.model_copy(update={"text": meant}) if meant else None
            care_line = _care(lines.AFTER_CRISIS_SAFE, said)
            return session.back_to_flow(said, check, care_line, topic)
        self.turns_since_crisis += 1
        spoken = " ".join(lines.presence_reply(self.turns_since_crisis))
        session.record_turn(said, check, spoken, "safety_presence")
        session.say(spoken)
        return True

    def closes_instead(self, session: "Session") -> bool:
        """After a crisis about the home in couples mode, say goodbye without a joint summary."""
        if not self.joint_work_over:
            return False
        session.say(COUPLE_GOODBYE)
        return True

    def _caption_resources(self, session: "Session", check: SafetyCheck, topic: care.Topic) -> None:
        shown = check if check.kind else check.model_copy(update={"kind": care.kind_for(topic)})
        for line in safety.resource_card(shown, session.region, session.extra_resources):
            session.captions.note(line)


JOINT_WORK_STAYS_STOPPED = (
    "We'll leave the joint exercise for tonight. The services on your screen are there for "
    "each of you, on your own, whenever you want them."
)
COUPLE_GOODBYE = (
    "Thank you for talking with me tonight. The numbers are on your screen, day and night. "
    "Take care of yourself."
)


def _about_the_home(check: SafetyCheck) -> bool:
    """Whether a crisis is about harm between people (anything but self-harm alone)."""
    kinds = set(check.kinds) | ({check.kind} if check.kind else set())
    return kinds != {SafetyKind.SELF_HARM}


def _as_crisis(pending: _Pending) -> SafetyCheck:
    kind = pending.check.kind or care.kind_for(pending.topic)
    kinds = pending.check.kinds or [kind]
    return pending.check.model_copy(
        update={"crisis": True, "level": SafetyLevel.CRISIS, "kind": kind, "kinds": kinds}
    )


def _care(acknowledgement: str, answer: Utterance) -> str:
    """The acknowledgement, then what they came back to ("You wanted to talk about ...")."""
    meant = care.what_they_meant(answer.text)
    return f"{acknowledgement} {care.about_it(meant)}" if meant else acknowledgement


def _back_to(answer: Utterance, held: Utterance) -> Utterance:
    """What the conversation goes back to: what they add after "I'm safe", else what they said."""
    meant = care.what_they_meant(answer.text)
    return answer.model_copy(update={"text": meant}) if meant else held
