"""Output where the terminal's encoding is not UTF-8 (LANG=C without UTF-8 mode, a Latin-1
locale): no traceback, JSON and exports exact, plain text with "?" for what cannot be shown."""

import json
import os
import subprocess
import sys

from tests.support import REPO

ASCII = {**os.environ, "PYTHONIOENCODING": "ascii"}


def _run(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *argv],
        input=stdin, capture_output=True, cwd=REPO, timeout=120, env=ASCII,
    )  # fmt: skip
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def test_words_the_terminal_cannot_show_never_end_a_command() -> None:
    said = "We met at the caf\u00e9 and I miss him \u2665"
    rows = _run("classify", stdin=said.encode() + b"\n").stdout.decode("ascii").splitlines()
    assert json.loads(rows[0])["text"] == said, "JSON is exact in any locale"
    shown = _run("respond", "--text", said, "--no-speak").stdout.decode("ascii")
    assert "you: We met at the caf? and I miss him ?" in shown
    _run("evening", "--text", "--no-voice", stdin=said.encode() + b"\n")
    assert said in _run("export").stdout.decode("utf-8"), "an export is UTF-8 in any locale"
