"""Bad arguments, settings and outputs are refused in one clear line, never a traceback."""

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA
from tests.support import REPO, Run, attune

JFK = str(SHARED_DATA / "audio" / "jfk.flac")


def _one_line(run: Run, code: int) -> str:
    assert run.code == code, (run.code, run.err)
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    return lines[0]


def _usage_error(run: Run) -> str:
    """argparse's refusal: exit 2, the sub-command's usage, one error line."""
    assert run.code == 2 and "Traceback" not in run.err, run.err
    return run.err.strip().splitlines()[-1]


def test_a_session_id_too_large_for_the_journal_is_refused() -> None:
    line = _usage_error(attune("show", "99999999999999999999999"))
    assert "is not a session id" in line and "attune history" in line


@pytest.mark.parametrize("command", ["export", "history"])
def test_a_full_disk_on_stdout_is_one_clear_line(command: str) -> None:
    attune("evening", "--text", "--no-voice", stdin="I miss how we used to talk.\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "assistant", command],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=60,
        )  # fmt: skip
    line = _one_line(Run(done.returncode, "", done.stderr), 1)
    assert "could not be written (No space left on device)" in line


@pytest.mark.parametrize("how", ["file", "env"])
def test_respond_honours_speak_false(attune_home: Path, how: str) -> None:
    env = {"ATTUNE_SPEAK": "false"} if how == "env" else {}
    if how == "file":
        assert attune("config", "set", "speak", "false").code == 0
    # a speaker that does not exist: playing would fail, so success means nothing was played
    run = attune("respond", "--text", "I feel far from him.", "--output-device", "987654", env=env)
    assert run.code == 0, run.err
    assert run.out.startswith("you: I feel far from him.")


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("region", "XX", "not a region attune has crisis resources for"),
        ("voice", "nosuch", "No voice called 'nosuch'"),
        ("model", "/nope", "No Whisper model folder at /nope"),
        ("compute_type", "banana", "not a valid compute_type"),
        ("pause", "0", "from 100 to 30000"),
    ],
)
def test_config_set_refuses_values_that_would_fail_later(
    attune_home: Path, key: str, value: str, words: str
) -> None:
    line = _one_line(attune("config", "set", key, value), 6)
    assert words in line
    assert not (attune_home / "config.toml").exists(), "nothing may be saved"


def test_a_saved_unknown_voice_falls_back_to_the_default_voice_not_to_silence() -> None:
    import argparse
    import io

    from assistant.captions import Captions
    from assistant.cli.sessions import _speaker
    from assistant.config import Settings

    out = io.StringIO()
    speaker = _speaker(
        argparse.Namespace(output_device=None), Settings(voice="nosuch"), Captions(out)
    )
    assert speaker is not None, "an unknown voice must not turn the session into captions only"
    assert "No voice called 'nosuch'" in out.getvalue()
    assert "default voice" in out.getvalue() and "captions only" not in out.getvalue()


def test_rate_in_the_file_is_read_as_config_set_rate_writes_it(attune_home: Path) -> None:
    attune_home.mkdir(mode=0o700)
    (attune_home / "config.toml").write_text("rate = 130\n")
    run = attune("config", "show")
    assert run.code == 0, run.err
    assert "speech_rate_wpm = 130 (file)" in run.out


def test_out_of_range_numbers_are_refused() -> None:
    assert "beam_size = 0" in _one_line(attune("transcribe", JFK, "--beam-size", "0"), 6)
    line = _one_line(attune("evening", "--text", "--pause", "0", stdin="hi\n"), 6)
    assert "from 100 to 30000" in line
    for weeks in ("0", "-1", "100000"):
        run = attune("trends", "--weeks", weeks)
        assert "from 1 to 520" in _usage_error(run) and len(run.out) == 0


def test_a_chart_must_be_named_png_and_a_spoken_reply_wav(tmp_path: Path) -> None:
    assert "does not end in .png" in _usage_error(
        attune("trends", "--png", str(tmp_path / "x.jpg"))
    )
    reply = tmp_path / "reply.txt"
    run = attune("respond", "--text", "I miss him", "--no-speak", "--out", str(reply))
    assert "does not end in .wav" in _usage_error(run) and run.out == ""
    assert not (tmp_path / "x.jpg").exists() and not reply.exists()


@pytest.mark.voice
def test_replies_and_charts_are_written_readable_by_their_owner_only(tmp_path: Path) -> None:
    reply, chart = tmp_path / "reply.wav", tmp_path / "trends.png"
    assert attune("respond", "--text", "I feel alone.", "--no-speak", "--out", str(reply)).code == 0
    assert attune("trends", "--png", str(chart)).code == 0
    for made in (reply, chart):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600, made
        assert made.stat().st_size > 1000


def test_a_three_hour_recording_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    import av
    import numpy as np

    long = tmp_path / "three-hours.flac"
    with av.open(str(long), "w") as out:
        stream = out.add_stream("flac", rate=8000)
        stream.layout = "mono"
        minute = np.zeros((1, 8000 * 60), dtype=np.int16)
        for _ in range(180):
            frame = av.AudioFrame.from_ndarray(minute, format="s16", layout="mono")
            frame.sample_rate = 8000
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    started = time.monotonic()
    line = _one_line(attune("transcribe", str(long)), 8)
    assert time.monotonic() - started < 20
    assert "3.0 hours long" in line and "up to 60 minutes" in line


def test_a_file_you_may_not_read_is_called_a_permission_problem(tmp_path: Path) -> None:
    secret = tmp_path / "secret.flac"
    secret.write_bytes(Path(JFK).read_bytes())
    secret.chmod(0)
    command = [sys.executable, "-m", "assistant", "transcribe", str(secret)]
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", caps, "--inh-caps", caps, *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=60)
    line = _one_line(Run(done.returncode, done.stdout, done.stderr), 8)
    assert "do not have permission" in line and "could not be read as audio" not in line


@pytest.mark.parametrize("command", [["transcribe", JFK], ["respond", JFK, "--no-speak"]])
def test_ctrl_c_outside_a_session_does_not_speak_of_turns(command: list[str]) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "assistant", *command],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    time.sleep(1.0)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    if child.returncode == 0:
        pytest.fail("the command finished before Ctrl-C; it must take longer than a second")
    assert child.returncode == 130 and "Traceback" not in err, err
    assert err.strip() == "attune: stopped."


def test_empty_text_gets_a_clear_answer() -> None:
    assert "no text to classify" in _one_line(attune("classify", ""), 1)
    assert "no text to answer" in _one_line(attune("respond", "--text", "  ", "--no-speak"), 1)


def test_classify_reads_any_bytes_and_writes_only_valid_utf8() -> None:
    typed = b"caf\xe9 alone again\r\n\xff\xfe\x00\nI'm not mad, just sad\r\n"
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "classify"],
        input=typed, capture_output=True, cwd=REPO, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [row["text"] for row in rows] == ["caf\ufffd alone again", "I'm not mad, just sad"]
    assert rows[0]["top"] == "loneliness" and rows[1]["top"] == "grief"
    notes = done.stderr.decode().splitlines()
    assert len(notes) == 2 and "Line 1" in notes[0] and "Line 2 held no text" in notes[1]


def test_classify_reads_utf16_with_a_byte_order_mark() -> None:
    typed = "\ufeffI feel so alone\r\n".encode("utf-16-le")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "classify"],
        input=typed, capture_output=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    (row,) = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert row["text"] == "I feel so alone" and row["top"] == "loneliness"


def test_bytes_that_are_not_utf8_in_respond_text_are_replaced_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "respond", "--no-speak", "--text",
         os.fsdecode(b"We met at the caf\xe9 and I miss it.")],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "you: We met at the caf\ufffd and I miss it." in done.stdout
    assert done.stderr.count("not UTF-8") == 1


def _peak_rss_kb(stdin: Path, *command: str) -> tuple[int, str]:
    """Run attune with a file as stdin; its exit code must be 0; (peak memory, stderr)."""
    err = stdin.with_suffix(".err")
    with stdin.open("rb") as given, err.open("wb") as said:
        child = subprocess.Popen(
            [sys.executable, "-m", "assistant", *command],
            stdin=given, stdout=subprocess.DEVNULL, stderr=said, cwd=REPO,
        )  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, err.read_text()
    return int(usage.ru_maxrss), err.read_text()


def test_input_without_line_ends_never_fills_memory(tmp_path: Path) -> None:
    """`attune classify < /dev/zero` (or a binary file piped in) used to read one endless
    line into memory; it is read in bounded pieces, each said once."""
    small, zeros = tmp_path / "small.txt", tmp_path / "zeros.bin"
    small.write_text("I miss him\n")
    zeros.write_bytes(bytes(12_000_000))
    baseline_kb, _ = _peak_rss_kb(small, "classify")
    peak_kb, notes = _peak_rss_kb(zeros, "classify")
    assert peak_kb - baseline_kb < 40_000, (baseline_kb, peak_kb)
    assert notes.count("Line 1 is longer than") == 1 and notes.count("not text") == 1, notes


def test_a_very_long_line_is_classified_in_pieces_with_every_word_kept() -> None:
    line = "I miss how we used to talk before the baby came. " * 600  # 29,400 characters
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "classify"],
        input=line.encode(), capture_output=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    pieces = [json.loads(row)["text"] for row in done.stdout.decode().splitlines()]
    assert len(pieces) == 2 and all(len(piece) <= 16_384 for piece in pieces)
    assert " ".join(pieces).split() == line.split(), "no word may be lost or cut"
    assert done.stderr.decode().count("Line 1 is longer than 16,384 characters") == 1
