"""Run attune under strace and read what it did at the system-call level.

The trace sees what Python cannot: a socket opened by onnxruntime's C++ core, a file written
by a native library. ``traced`` runs a command with every socket and file-writing call
traced; ``Trace`` says which sockets were not local (AF_UNIX) and which files were written
outside the allowed folders.
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
    "socket,connect,bind,sendto,sendmsg,"
    "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat"
)
_SOCKET = re.compile(r"^(\d+)\s+socket\((AF_\w+|PF_\w+)[^=]*=\s*(\d+)")
_USE = re.compile(r"^(\d+)\s+(bind|connect|sendto|sendmsg)\((\d+),(.*)")
_LOOPBACK = re.compile(r'inet_pton\(AF_INET6, "::1"|inet_addr\("127\.\d+\.\d+\.\d+"\)')
_WRITE_OPEN = re.compile(r'\bopenat?\((?:AT_FDCWD, )?"([^"]+)", [^)]*(?:O_WRONLY|O_RDWR|O_CREAT)')
_PATH_CALL = re.compile(
    r'\b(?:mkdir|mkdirat|creat|rename|renameat2?|unlink|unlinkat)\((?:AT_FDCWD, |\d+, )?"([^"]+)"'
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

    def internet_sockets(self) -> list[str]:
        """Socket families other than local AF_UNIX ones (AF_INET, AF_INET6, AF_NETLINK...)."""
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


def traced(
    args: list[str],
    env: dict[str, str],
    stdin: "str | IO[str] | None" = None,
    timeout_s: float = 180,
    python_code: str | None = None,
) -> Trace:
    """Run ``python -m assistant ARGS`` under ``strace -f`` and parse the trace; ``stdin`` is
    text to type, or a stream (a slow pipe) to read the turns from. ``python_code`` runs that
    code instead of attune (to prove the trace catches what it should)."""
    command = ["-c", python_code] if python_code else ["-m", "assistant", *args]
    with tempfile.NamedTemporaryFile("r", suffix=".strace", delete=False) as log:
        log_path = log.name
    try:
        done = subprocess.run(
            ["strace", "-f", "-qq", "-e", f"trace={CALLS}", "-o", log_path,
             sys.executable, *command],
            input=stdin if isinstance(stdin, str) else None,
            stdin=None if isinstance(stdin, str) else (stdin or subprocess.DEVNULL),
            capture_output=True, text=True, timeout=timeout_s, cwd=REPO,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env},
        )  # fmt: skip
        return read_trace(Path(log_path), done.returncode, done.stdout, done.stderr)
    finally:
        os.unlink(log_path)


def strace_command(log: Path, args: list[str]) -> list[str]:
    """``python -m assistant ARGS`` under strace, logging the traced calls to ``log``."""
    return ["strace", "-f", "-qq", "-e", f"trace={CALLS}", "-o", str(log),
            sys.executable, "-m", "assistant", *args]  # fmt: skip


def read_trace(log: Path, code: int, out: str, err: str) -> Trace:
    """Parse an strace log: the sockets opened and the paths written by calls that succeeded."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    ok = [line for line in lines if not _FAILED.search(line)]
    sockets = _sockets(ok)
    written = [
        m.group(1) for line in ok if (m := _WRITE_OPEN.search(line) or _PATH_CALL.search(line))
    ]
    return Trace(code, out, err, sockets, written)


def _sockets(lines: list[str]) -> list[str]:
    """The family of every socket opened, except an internet socket that is only ever bound to
    the loopback address and never connected or sent on — the IPv6 support probe urllib3 makes
    when it is imported (spaCy imports it), which sends nothing anywhere."""
    opened: dict[tuple[str, str], str] = {}
    probes: set[tuple[str, str]] = set()
    used: set[tuple[str, str]] = set()
    for line in lines:
        if found := _SOCKET.search(line):
            key = (found.group(1), found.group(3))
            opened[key] = found.group(2)
            probes.discard(key)
            used.discard(key)
        elif found := _USE.search(line):
            key = (found.group(1), found.group(3))
            if found.group(2) == "bind" and _LOOPBACK.search(found.group(4)):
                probes.add(key)
            else:
                used.add(key)
    return [
        family
        for key, family in opened.items()
        if not (family in ("AF_INET", "AF_INET6") and key in probes and key not in used)
    ]
