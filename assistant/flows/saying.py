"""Collects the prompts of one reply and turns them into a FlowReply."""

import re

from assistant.flows.base import Commitment, FlowReply, FollowUp
from assistant.grammar import line_problems
from assistant.prompts import PromptPicker, Step, Variant
from assistant.reflect import about_them
from assistant.themes.taxonomy import Theme


class Saying:
    """One reply under construction: lines picked from the library, and their ids."""

    def __init__(self, picker: PromptPicker) -> None:
        self._picker = picker
        self.lines: list[str] = []
        self.prompt_ids: list[str] = []
        self.last_step: Step | None = None

    def say(self, step: Step, *, theme: Theme | None = None, **values: str) -> "Saying":
        """Add one freshly picked prompt for `step`, with its placeholders filled in."""
        text, prompt_id = self._picker.say(step, theme=theme, **values)
        self.lines.append(text)
        self.prompt_ids.append(prompt_id)
        self.last_step = step
        return self

    def say_commitment(self, step: Step, *, commitment: str, **values: str) -> "Saying":
        """Add a prompt carrying someone's commitment, said to them ("you'll call Sam when
        you're late") or, when the prompt speaks about them, in the third person ("Ben will
        call Sam when they're late")."""
        variant = self._picker.pick(step)
        if not addresses_name(variant):
            commitment = about_them(commitment)
        self.lines.append(variant.render({**values, "commitment": commitment}))
        self.prompt_ids.append(variant.id)
        self.last_step = step
        return self

    def line(self, text: str) -> "Saying":
        """Add one sentence composed by the flow rather than picked (nothing when empty)."""
        if text:
            self.lines.append(text)
        return self

    def checked(self, fallback: str) -> "Saying":
        """Put `fallback` in place of the last line when that would not pass the grammar check."""
        if self.lines and fallback and line_problems(self.lines[-1]):
            self.lines[-1] = fallback
        return self

    def reflect(self, reflection: str | None) -> "Saying":
        """Add a reflection of the person's words; nothing when there is none."""
        return self.say(Step.REFLECT, reflection=reflection) if reflection else self

    def reply(
        self,
        *,
        themes: list[Theme],
        step: Step | None = None,
        next_speaker: str | None = None,
        commitments: list[Commitment] | None = None,
        follow_ups: list[FollowUp] | None = None,
        done: bool = False,
    ) -> FlowReply:
        """The FlowReply, named after `step` or else the step of its last prompt."""
        return FlowReply(
            lines=self.lines,
            step=str(step or self.last_step or ""),
            prompt_ids=self.prompt_ids,
            next_speaker=next_speaker,
            commitments=commitments or [],
            follow_ups=follow_ups or [],
            themes_heard=themes,
            done=done,
        )


def addresses_name(variant: Variant) -> bool:
    """Whether a prompt speaks to {name} ("{name}, you said...") rather than about them."""
    outside = re.sub(r"\{\w+\}", " ", variant.text).lower()
    return "{name}," in variant.text or bool(re.search(r"\b(you|your|you'll|you'd)\b", outside))
