"""Render a reply before it is asked for, so it can start the moment the turn ends.

While the end-of-turn silence is still running, the listener already has a speculative
transcript; the session works out the reply it would give and calls `prepare`. The voice
renders it on a worker thread. If the turn ends with the same words, the reply asked for is
the one prepared and `synthesize` returns it at once; otherwise it is rendered as usual.
"""

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from assistant.audio import AudioClip
from assistant.ports import Synthesizer


class VoiceAhead:
    """A Synthesizer that can start rendering one line ahead of time."""

    def __init__(self, synthesizer: Synthesizer) -> None:
        self.synthesizer = synthesizer
        self._lock = threading.Lock()
        """One rendering at a time: a voice engine is not shared between threads."""
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attune-voice-ahead")
        self._ahead: tuple[tuple[str, int], Future[AudioClip]] | None = None
        self.hits = 0
        """How many lines were ready when asked for (the bench reports it)."""

    @property
    def rate_wpm(self) -> int:
        return self.synthesizer.rate_wpm

    @rate_wpm.setter
    def rate_wpm(self, value: int) -> None:
        self.synthesizer.rate_wpm = value

    def prepare(self, text: str) -> None:
        """Start rendering `text` (at today's rate) unless it is already under way, or the
        voice cannot render from another thread (pyttsx3's engine belongs to one thread, and
        renders a reply in a few milliseconds anyway)."""
        key = (text, self.rate_wpm)
        if not getattr(self.synthesizer, "thread_safe", False) or not text.strip():
            return
        if self._ahead is not None and self._ahead[0] == key:
            return
        self._ahead = (key, self._pool.submit(self._render, text))

    def synthesize(self, text: str) -> AudioClip:
        """The prepared clip when it is this text at this rate, else a fresh rendering."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == (text, self.rate_wpm):
            self.hits += 1
            return ahead[1].result()
        return self._render(text)

    def _render(self, text: str) -> AudioClip:
        with self._lock:
            return self.synthesizer.synthesize(text)
