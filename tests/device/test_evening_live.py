"""`attune evening --max-turns 2` heard and answered through the virtual microphone and speaker."""

import os
import queue
import subprocess
import threading
import time

import numpy as np
import pytest

from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import AudioClip, resample
from assistant.config import Settings
from assistant.wer import word_error_rate
from tests.device.recorder import Recorder, play, wait_for_quiet
from tests.support import REPO

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]


def next_line(lines: "queue.Queue[str]", prefix: str, timeout_s: float = 60.0) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no line starting {prefix!r}")


def test_evening_answers_a_spoken_sentence_and_never_takes_its_own_voice_for_a_turn() -> None:
    voice = Pyttsx3Synthesizer(Settings(speech_rate_wpm=150))
    process = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "attune"), "evening", "--max-turns", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        text=True, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            seen.append(line.strip())
            lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    try:
        with Recorder() as recorder:
            next_line(lines, "attune:")
            wait_for_quiet(recorder, since=0)
            play(voice, "You went behind my back and lied to me. I feel betrayed.")
            heard = next_line(lines, "you:")
            reply = next_line(lines, "attune:").removeprefix("attune:").strip()
            start = len(recorder.blocks)
            wait_for_quiet(recorder, since=start)
            reply_audio = np.concatenate(recorder.blocks[start:])
            time.sleep(1.0)
            play(voice, "I think I will talk to him about it tomorrow.")
            process.wait(timeout=60)
    except (AssertionError, subprocess.TimeoutExpired, queue.Empty) as exc:
        process.kill()
        _out, err = process.communicate()
        errors = [line for line in err.splitlines() if not line.startswith("ALSA lib")]
        raise AssertionError(f"{exc}; captions: {seen}; stderr: {errors[-5:]}") from exc
    said_lines = [line for line in seen if line.startswith("you:")]
    assert "lied" in heard.lower()
    assert len(said_lines) == 2, seen
    assert "tomorrow" in said_lines[1].lower(), seen
    assert "betrayal" in seen[-1].lower() or "betray" in reply.lower(), seen
    whisper = WhisperTranscriber(Settings())
    back = whisper.transcribe(AudioClip(resample(reply_audio, recorder.rate)), beam_size=5).text
    assert word_error_rate(reply, back) <= 0.5, (reply, back)
