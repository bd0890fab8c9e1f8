"""Block network access inside a test: creating an internet socket raises at once.

Use the ``no_network`` fixture (import it into a test module or conftest) or the
``network_blocked()`` context manager. Unix-domain sockets stay allowed by default, since a
local audio server (PulseAudio) is not the network; pass ``allow_unix=False`` to block them too.
Every attempt is recorded in ``NetworkGuard.attempts`` so a test can assert none was made.
"""

import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

_INTERNET = {socket.AF_INET, socket.AF_INET6}


class NetworkBlockedError(OSError):
    """Raised instead of opening a network connection during a test."""


@dataclass
class NetworkGuard:
    """What code under test tried to reach while the network was blocked."""

    allow_unix: bool = True
    attempts: list[str] = field(default_factory=list)

    def refuse(self, what: str) -> NetworkBlockedError:
        self.attempts.append(what)
        return NetworkBlockedError(f"network access blocked in this test: {what}")


def _loopback_probe() -> bool:
    """Whether the caller is urllib3's import-time IPv6 check, which only binds to ::1 (spaCy
    imports requests, so loading it runs this probe); it is refused but not an attempt."""
    frame = sys._getframe(2)
    return frame.f_code.co_name == "_has_ipv6" and "urllib3" in frame.f_code.co_filename


@contextmanager
def network_blocked(allow_unix: bool = True) -> Iterator[NetworkGuard]:
    """Within the block, socket.socket (internet families), create_connection and
    getaddrinfo raise NetworkBlockedError."""
    guard = NetworkGuard(allow_unix=allow_unix)
    real_socket = socket.socket
    real = (socket.socket, socket.create_connection, socket.getaddrinfo)

    class GuardedSocket(real_socket):  # type: ignore[misc,valid-type]
        def __init__(self, family: Any = -1, type: Any = -1, proto: Any = -1, fileno: Any = None):
            fam = socket.AF_INET if family == -1 and fileno is None else family
            if fileno is None and _loopback_probe():
                raise NetworkBlockedError("IPv6 probe refused (loopback only, not counted)")
            if fileno is None and (fam in _INTERNET or not guard.allow_unix):
                raise guard.refuse(f"socket(family={fam!r})")
            super().__init__(family, type, proto, fileno)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise guard.refuse(f"create_connection({address!r})")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise guard.refuse(f"getaddrinfo({host!r})")

    socket.socket = GuardedSocket  # type: ignore[misc]
    socket.create_connection = create_connection
    socket.getaddrinfo = getaddrinfo
    try:
        yield guard
    finally:
        socket.socket, socket.create_connection, socket.getaddrinfo = real  # type: ignore[misc]


@pytest.fixture
def no_network() -> Iterator[NetworkGuard]:
    """Block internet sockets for the whole test; yields the guard with its attempts."""
    with network_blocked() as guard:
        yield guard
