"""Rendering a reply ahead: the prepared line is used when it is the line asked for (pure)."""

import threading

import numpy as np

from assistant.audio import AudioClip
from assistant.voice_ahead import VoiceAhead


class CountingVoice:
    """A synthesizer that records each rendering; each clip's length is its text's."""

    thread_safe = True

    def __init__(self) -> None:
        self.rate_wpm = 145
        self.rendered: list[tuple[str, int]] = []
        self.gate = threading.Event()
        self.gate.set()

    def synthesize(self, text: str) -> AudioClip:
        self.gate.wait(5)
        self.rendered.append((text, self.rate_wpm))
        return AudioClip(np.zeros(len(text), dtype=np.float32))


def test_a_prepared_line_is_not_rendered_again() -> None:
    inner = CountingVoice()
    voice = VoiceAhead(inner)
    voice.prepare("How does that land?")
    voice.prepare("How does that land?")
    clip = voice.synthesize("How does that land?")
    assert len(clip.samples) == len("How does that land?")
    assert inner.rendered == [("How does that land?", 145)] and voice.hits == 1


def test_another_line_or_another_rate_is_rendered_fresh() -> None:
    inner = CountingVoice()
    voice = VoiceAhead(inner)
    voice.prepare("Is that it?")
    assert len(voice.synthesize("Tell me more.").samples) == len("Tell me more.")
    voice.prepare("Is that it?")
    voice.rate_wpm = 115  # "slower" between the speculation and the end of the turn
    voice.synthesize("Is that it?")
    assert ("Is that it?", 115) in inner.rendered and voice.hits == 0


def test_asking_while_the_line_is_still_rendering_waits_for_it() -> None:
    inner = CountingVoice()
    inner.gate.clear()
    voice = VoiceAhead(inner)
    voice.prepare("A long reply.")
    threading.Timer(0.1, inner.gate.set).start()
    assert len(voice.synthesize("A long reply.").samples) == len("A long reply.")
    assert inner.rendered == [("A long reply.", 145)]


def test_a_voice_that_belongs_to_one_thread_is_never_rendered_ahead() -> None:
    inner = CountingVoice()
    inner.thread_safe = False  # type: ignore[misc]
    voice = VoiceAhead(inner)
    voice.prepare("Is that it?")
    voice.synthesize("Is that it?")
    assert inner.rendered == [("Is that it?", 145)] and voice.hits == 0
