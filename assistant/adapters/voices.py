"""Which voice speaks: Festival's HTS voice on Linux where it is installed, pyttsx3 elsewhere.

`voice_engine` in the settings (or --voice-engine) chooses: ``auto`` (the default) takes
Festival on Linux when it and its HTS voice are installed, and the system voice through
pyttsx3 otherwise (on macOS and Windows the system voices are good). A Festival that cannot
start, or stops during a session, is said in one note and pyttsx3 speaks on: nothing said is
lost.
"""

import sys
from collections.abc import Callable
from dataclasses import dataclass

from assistant.adapters.festival import INSTALL_HINT, FestivalSynthesizer, festival_program
from assistant.audio import AudioClip
from assistant.config import Settings
from assistant.errors import VoiceError
from assistant.ports import Synthesizer

ENGINES = ("festival", "pyttsx3")
FALLBACK_NOTE = "Speaking with the system voice (pyttsx3) instead."


@dataclass(frozen=True)
class EngineChoice:
    """The engine a session will try first, and why, in words for `attune doctor`."""

    engine: str
    why: str


def choose_engine(settings: Settings) -> EngineChoice:
    """Festival or pyttsx3 for these settings, before anything is started."""
    if settings.voice_engine != "auto":
        return EngineChoice(settings.voice_engine, f"voice_engine = {settings.voice_engine}")
    if not sys.platform.startswith("linux"):
        return EngineChoice("pyttsx3", "the system voice is the default on this platform")
    if festival_program() is None:
        return EngineChoice("pyttsx3", f"Festival is not installed ({INSTALL_HINT})")
    return EngineChoice("festival", "Festival's HTS voice is the default on Linux")


def open_voice(settings: Settings, note: Callable[[str], None]) -> Synthesizer:
    """The synthesizer to speak with. What cannot be had is said in one note and the next
    best voice is used; only when no voice at all can speak is it a VoiceError.

    A voice named in the settings is looked for in both engines: a system voice's name
    chooses pyttsx3 under ``auto``; a name neither engine knows speaks with the default
    voice after a note, so a saved typo never silences a session.
    """
    if choose_engine(settings).engine != "festival":
        return pyttsx3_voice(settings, note)
    try:
        return FallbackVoice(FestivalSynthesizer(settings), settings, note)
    except VoiceError as exc:
        failed = exc
    if settings.voice is not None:
        if _pyttsx3_has(settings):
            if settings.voice_engine != "auto":
                note(f"{failed} {FALLBACK_NOTE}")
            return pyttsx3_voice(settings, note)
        default = settings.model_copy(update={"voice": None})
        try:
            voice = FallbackVoice(FestivalSynthesizer(default), default, note)
        except VoiceError as exc:
            failed = exc
        else:
            note(f"{failed} Speaking with the default voice instead.")
            return voice
        settings = default
    note(f"{failed} {FALLBACK_NOTE}")
    return pyttsx3_voice(settings, note)


def pyttsx3_voice(settings: Settings, note: Callable[[str], None]) -> Synthesizer:
    """pyttsx3 with the chosen voice; an unknown voice name speaks with the default voice
    after a note, so a saved typo never silences a session."""
    from assistant.adapters.voice import Pyttsx3Synthesizer

    try:
        return Pyttsx3Synthesizer(settings)
    except VoiceError as exc:
        if not settings.voice:
            raise
        voice = Pyttsx3Synthesizer(settings.model_copy(update={"voice": None}))
        note(f"{exc} Speaking with the default voice instead.")
        return voice


def _pyttsx3_has(settings: Settings) -> bool:
    from assistant.adapters.voice import Pyttsx3Synthesizer

    try:
        Pyttsx3Synthesizer(settings)
    except VoiceError:
        return False
    return True


def installed_voices() -> dict[str, list[tuple[str, str]] | str]:
    """Each engine's voices as (id, name), or why the engine is not available."""
    from assistant.adapters.voice import Pyttsx3Synthesizer

    listed: dict[str, list[tuple[str, str]] | str] = {}
    try:
        festival = FestivalSynthesizer(Settings())
    except VoiceError as exc:
        listed["festival"] = str(exc)
    else:
        listed["festival"] = festival.voices()
        festival.close()
    try:
        listed["pyttsx3"] = Pyttsx3Synthesizer(Settings()).voices()
    except VoiceError as exc:
        listed["pyttsx3"] = str(exc)
    return listed


class FallbackVoice:
    """Festival while it works; if it stops mid-session, one note, then pyttsx3 says the
    same line and every line after it."""

    def __init__(
        self, festival: FestivalSynthesizer, settings: Settings, note: Callable[[str], None]
    ) -> None:
        self._current: Synthesizer = festival
        self._settings = settings
        self._note = note
        self.engine = "festival"

    @property
    def thread_safe(self) -> bool:
        return bool(getattr(self._current, "thread_safe", False))

    @property
    def rate_wpm(self) -> int:
        return self._current.rate_wpm

    @rate_wpm.setter
    def rate_wpm(self, value: int) -> None:
        self._current.rate_wpm = value

    def synthesize(self, text: str) -> AudioClip:
        try:
            return self._current.synthesize(text)
        except VoiceError as exc:
            if self.engine != "festival":
                raise
            rate = self._current.rate_wpm
            settings = self._settings.model_copy(update={"voice": None, "speech_rate_wpm": rate})
            self._current = pyttsx3_voice(settings, self._note)
            self.engine = "pyttsx3"
            self._note(f"{exc} {FALLBACK_NOTE}")
            return self._current.synthesize(text)
