"""Festival's HTS voice behind the Synthesizer port: one Festival process kept warm per voice.

Festival reads Scheme from its standard input (``festival --pipe``). Each line to speak is
sent as one ``utt.synth`` that saves a WAV in a private folder, followed by a marker that
Festival prints when it is done; ``stdbuf -oL`` makes Festival print it at once instead of
holding it in a pipe buffer. Nothing here opens a socket: Festival's own server mode is never
started.
"""

import contextlib
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
import weakref
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import IO

import numpy as np

from assistant.audio import AudioClip, read_wav
from assistant.config import Settings
from assistant.errors import VoiceError

DEFAULT_VOICE = "cmu_us_slt_arctic_hts"
"""CMU Arctic SLT in HTS form (Debian's festvox-us-slt-hts): a clear, warm American voice."""
NATURAL_WPM = 170
"""How fast the HTS voice speaks at its own speed ("-r 1"), measured on attune's replies; a
rate in words per minute is turned into HTS's speed factor against it."""
MIN_SPEED, MAX_SPEED = 0.4, 2.5
PEAK, MAX_GAIN = 0.9, 4.0
"""Each line is brought to the same peak as the system voice (HTS renders quietly), at most
four times louder, then scaled by the volume setting."""
LINE_TIMEOUT_S = 15.0
"""Longest wait for one line (a long reply takes well under a second on a slow core)."""
_DONE = "attune-festival-done"
INSTALL_HINT = "install it with 'sudo apt-get install festival festvox-us-slt-hts' or 'make run'"
LEXICON_FIXES = (
    '("unseen" nil (((ah n) 1) ((s iy n) 1)))',
    '("you\'re" v (((y uh r) 1)))',
    '("you\'ll" v (((y uh l) 1)))',
)
"""Words Festival's lexicon says in a way listeners mishear, said as people say them: "unseen"
with a reduced first vowel was heard as "and seen", and "you're" / "you'll" with a long "oo"
as "you are" / "you will" (found on `attune bench`'s reply lines; checked on held-out lines
by scripts/measure_voice_heldout.py)."""
_US_SPELLING = re.compile(
    r"(?<=[a-z]{2})(?:is(?=(?:e|es|ed|ing|ation|ations)\b)|our(?=(?:s|ed|ing|ite|ites)?\b))"
)
"""British spellings (-ise, -our) the American lexicon does not know; Festival guesses them
letter by letter ("recognise" as "rec-og-niss"), so the American form is read instead."""
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": ", ", "–": ", "})


def festival_program() -> str | None:
    """The festival command, or None where Festival is not installed."""
    return shutil.which("festival")


class FestivalSynthesizer:
    """Render text with a Festival voice, at the settings' rate and volume."""

    thread_safe = True
    """Festival runs in its own process, one line at a time: any thread may render."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rate_wpm = settings.speech_rate_wpm
        self.voice = settings.voice or DEFAULT_VOICE
        self._folder = Path(tempfile.mkdtemp(prefix="attune-festival-"))
        self._lock = threading.Lock()
        self._count = 0
        self._said: deque[str] = deque(maxlen=5)
        """Festival's last lines on its error stream, for the message when it fails."""
        self._process, self._lines = _start(self._folder, self._said)
        weakref.finalize(self, _stop, self._process, self._folder)
        known = self.voices()
        if not any(self.voice.lower() == name.lower() for name, _ in known):
            self.close()
            if self.voice == DEFAULT_VOICE:
                raise VoiceError(f"Festival's voice {DEFAULT_VOICE} is missing; {INSTALL_HINT}.")
            raise VoiceError(
                f"No voice called '{self.voice}' in Festival (it has: "
                f"{', '.join(name for name, _ in known) or 'none'}). "
                "Run 'attune devices' to list the voices."
            )
        self._ask(f"(voice_{self.voice.lower()})")
        self._ask("\n".join(f"(lex.add.entry '{entry})" for entry in LEXICON_FIXES))
        self._in_lexicon: dict[str, bool] = {}
        self._ask("(set! attune-hts-params hts_engine_params)")
        if self.synthesize("Hello.").samples.size == 0:
            self.close()
            raise VoiceError(f"Festival's voice '{self.voice}' makes no sound; {INSTALL_HINT}.")

    def synthesize(self, text: str) -> AudioClip:
        """Speak the text into memory; empty text gives an empty clip."""
        spoken = scheme_string(text)
        if not spoken.strip():
            return AudioClip(np.zeros(0, dtype=np.float32))
        with self._lock:
            spoken = self._american(spoken)
            self._count += 1
            target = self._folder / f"reply-{self._count}.wav"
            self._ask(
                f'(set! hts_engine_params (append attune-hts-params (list (list "-r" '
                f"{speed_factor(self.rate_wpm):.3f}))))\n"
                f'(utt.save.wave (utt.synth (Utterance Text "{spoken}")) "{target}" \'riff)'
            )
            if not target.is_file():
                raise VoiceError(f"Festival could not say that line. {self._stderr_tail()}")
            try:
                clip = read_wav(target)
            finally:
                target.unlink(missing_ok=True)
        gain = min(MAX_GAIN, PEAK / max(clip.peak(), 1e-6)) * self.settings.volume
        return AudioClip((clip.samples * np.float32(gain)).astype(np.float32), clip.sample_rate_hz)

    def _american(self, text: str) -> str:
        """The text with each British spelling Festival's lexicon lacks in its American form,
        where the lexicon knows that form (asked once per word)."""
        words = {
            w.lower() for w in re.findall(r"[A-Za-z]+", text) if _US_SPELLING.search(w.lower())
        }
        asked = sorted(words - self._in_lexicon.keys())
        asked += [_US_SPELLING.sub(_us, w) for w in asked]
        if asked:
            found = (
                self._ask(
                    "(print (list "
                    + " ".join(f'(if (lex.lookup_all "{w}") 1 0)' for w in asked)
                    + "))"
                )
                .strip()
                .splitlines()[-1]
            )
            self._in_lexicon.update(
                zip(asked, (flag == "1" for flag in re.findall(r"[01]", found)), strict=False)
            )
        return re.sub(r"[A-Za-z]+", lambda m: self._american_word(m.group()), text)

    def _american_word(self, word: str) -> str:
        lower = word.lower()
        if not _US_SPELLING.search(lower) or self._in_lexicon.get(lower, True):
            return word
        us = _US_SPELLING.sub(_us, lower)
        if not self._in_lexicon.get(us, False):
            return word
        return us.capitalize() if word[0].isupper() else us

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of every Festival voice installed."""
        printed = self._ask("(print (voice.list))").strip().splitlines()
        listed = printed[-1].strip() if printed else "nil"  # after any start-up warnings
        if listed == "nil":
            return []
        return [(name, name) for name in listed.strip("()").split() if name]

    def close(self) -> None:
        """End the Festival process (it also ends when the synthesizer is collected)."""
        _stop(self._process, self._folder)

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def _ask(self, scheme: str, timeout_s: float = LINE_TIMEOUT_S) -> str:
        """Send Scheme to Festival and return what it printed before the done marker."""
        try:
            assert self._process.stdin is not None
            self._process.stdin.write(f'{scheme}\n(format t "{_DONE}\\n")\n')
            self._process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise VoiceError(f"The Festival voice stopped. {self._stderr_tail()}") from exc
        printed: list[str] = []
        while True:
            try:
                line = self._lines.get(timeout=timeout_s)
            except queue.Empty:
                self.close()
                raise VoiceError("The Festival voice stopped answering.") from None
            if line is None:
                raise VoiceError(f"The Festival voice stopped. {self._stderr_tail()}")
            if line.strip() == _DONE:
                return "".join(printed)
            printed.append(line)

    def _stderr_tail(self) -> str:
        lines = [line.strip() for line in list(self._said) if line.strip()]
        return f"(Festival said: {lines[-1][:160]})" if lines else ""


def _us(match: "re.Match[str]") -> str:
    return "iz" if match.group().startswith("is") else "or"


def speed_factor(rate_wpm: int) -> float:
    """HTS's speed factor for a rate in words per minute (1.0 is the voice's own pace)."""
    return min(MAX_SPEED, max(MIN_SPEED, rate_wpm / NATURAL_WPM))


def scheme_string(text: str) -> str:
    """The text as the inside of a Scheme string Festival can read: plain ASCII, one line,
    quotes and backslashes escaped (curly quotes and dashes become their plain forms)."""
    plain = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    ascii_text = plain.encode("ascii", "ignore").decode("ascii")
    one_line = " ".join(ascii_text.split())
    return one_line.replace("\\", "\\\\").replace('"', '\\"')


def _start(
    folder: Path, said: deque[str]
) -> tuple[subprocess.Popen[str], "queue.Queue[str | None]"]:
    """Start ``festival --pipe`` with line-buffered output, a thread reading its lines and one
    keeping the last lines of its error stream in `said`."""
    program = festival_program()
    if program is None:
        raise VoiceError(f"Festival is not installed; {INSTALL_HINT}.")
    command = [program, "--pipe"]
    stdbuf = shutil.which("stdbuf")
    if stdbuf is not None:
        command = [stdbuf, "-oL", *command]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="ascii",
        errors="replace",
        bufsize=1,
        cwd=folder,
        env={**os.environ, "LC_ALL": "C"},
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read_lines() -> None:
        _forward(process.stdout, lines.put)
        lines.put(None)

    threading.Thread(target=read_lines, daemon=True).start()
    threading.Thread(target=_forward, args=(process.stderr, said.append), daemon=True).start()
    return process, lines


def _forward(stream: IO[str] | None, put: Callable[[str], None]) -> None:
    """Hand each line of one of Festival's output streams to `put` until it closes."""
    assert stream is not None
    with contextlib.suppress(ValueError, OSError):  # closed by _stop
        for line in stream:
            put(line)


def _stop(process: subprocess.Popen[str], folder: Path) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    shutil.rmtree(folder, ignore_errors=True)
