"""Run attune under strace and read what it did at the system-call level.

The trace sees what Python cannot: a socket opened by onnxruntime's C++ core, a file written
by a native library, the programs started (Festival). ``traced`` runs a command with every
socket, file-opening and exec call traced, one log per thread (``strace -ff``, so no call is
split across "unfinished" and "resumed" lines); ``Trace`` says which sockets were not local
(AF_UNIX), which files were written outside the allowed folders, which files were read and
which programs ran.
"""

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.support import REPO

CALLS = (
    "socket,connect,bind,sendto,sendmsg,execve,"
    "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat"
)
_SOCKET = re.compile(r"^socket\((AF_\w+|PF_\w+)")
_EXEC = re.compile(r'^execve\("([^"]+)"')
_OPEN = re.compile(r'^openat?\((?:AT_FDCWD, )?"([^"]+)"')
_WRITE_OPEN = re.compile(r'^openat?\((?:AT_FDCWD, )?"([^"]+)", [^)]*(?:O_WRONLY|O_RDWR|O_CREAT)')
_PATH_CALL = re.compile(
    r'^(?:mkdir|mkdirat|creat|rename|renameat2?|unlink|unlinkat)\((?:AT_FDCWD, |\d+, )?"([^"]+)"'
)
_FAILED = re.compile(r"= -1 ")


@dataclass(frozen=True)
class Trace:
    """What one traced run did."""

    code: int
    out: str
    err: str
    sockets: list[str]
    written: list[str]
    opened: list[str]
    programs: list[str]

    def internet_sockets(self) -> list[str]:
        """Socket families other than local AF_UNIX ones (AF_INET, AF_INET6, AF_NETLINK...),
        whatever they were then used for: even a probe bound to the loopback address counts."""
        return [
            family for family in self.sockets if family not in ("AF_UNIX", "PF_UNIX", "AF_LOCAL")
        ]

    def written_outside(self, *allowed: Path) -> list[str]:
        """Files or folders created or written outside ``allowed`` and /dev."""
        roots = [str(Path(a).resolve()) for a in allowed]
        return [
            path
            for path in self.written
            if not path.startswith("/dev/")
            and not any(os.path.realpath(path).startswith(root) for root in roots)
        ]

    def read_from(self, fragment: str) -> bool:
        """Was any file whose path contains ``fragment`` opened (a library or model loaded)?"""
        return any(fragment in path for path in self.opened)


def traced(
    args: list[str],
    env: dict[str, str],
    stdin: "str | IO[str] | None" = None,
    timeout_s: float = 180,
    python_code: str | None = None,
) -> Trace:
    """Run ``python -m assistant ARGS`` under ``strace -ff`` and parse the trace; ``stdin`` is
    text to type, or a stream (a slow pipe) to read the turns from. ``python_code`` runs that
    code instead of attune (to prove the trace catches what it should)."""
    command = ["-c", python_code] if python_code else ["-m", "assistant", *args]
    with tempfile.TemporaryDirectory(prefix="attune-strace-") as folder:
        log = Path(folder) / "trace"
        done = subprocess.run(
            ["strace", "-ff", "-qq", "-e", f"trace={CALLS}", "-o", str(log),
             sys.executable, *command],
            input=stdin if isinstance(stdin, str) else None,
            stdin=None if isinstance(stdin, str) else (stdin or subprocess.DEVNULL),
            capture_output=True, text=True, timeout=timeout_s, cwd=REPO,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env},
        )  # fmt: skip
        return read_trace(log, done.returncode, done.stdout, done.stderr)


def strace_command(log: Path, args: list[str]) -> list[str]:
    """``python -m assistant ARGS`` under strace, logging the traced calls of each thread to
    ``log.PID`` (read them with ``read_trace(log, ...)``)."""
    return ["strace", "-ff", "-qq", "-e", f"trace={CALLS}", "-o", str(log),
            sys.executable, "-m", "assistant", *args]  # fmt: skip


def read_trace(log: Path, code: int, out: str, err: str) -> Trace:
    """Parse the per-thread strace logs ``log.PID``: the sockets opened, the paths written and
    read and the programs started by calls that succeeded."""
    lines: list[str] = []
    for part in sorted(log.parent.glob(f"{log.name}.*")):
        lines += part.read_text(encoding="utf-8", errors="replace").splitlines()
    assert lines, f"strace wrote no log at {log}.PID"
    ok = [line for line in lines if not _FAILED.search(line)]
    return Trace(
        code,
        out,
        err,
        sockets=[m.group(1) for line in ok if (m := _SOCKET.search(line))],
        written=[
            m.group(1) for line in ok if (m := _WRITE_OPEN.search(line) or _PATH_CALL.search(line))
        ],
        opened=[m.group(1) for line in ok if (m := _OPEN.search(line))],
        programs=[m.group(1) for line in ok if (m := _EXEC.search(line))],
    )
