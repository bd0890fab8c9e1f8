"""The network guard the offline tests rely on really blocks connections."""

import socket
import urllib.request

import pytest

from tests.support_network import NetworkBlockedError, network_blocked, no_network  # noqa: F401


def test_creating_an_internet_socket_fails_while_blocked() -> None:
    with network_blocked() as guard, pytest.raises(NetworkBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert guard.attempts


def test_an_http_request_fails_while_blocked() -> None:
    with network_blocked() as guard, pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    assert guard.attempts


def test_unix_sockets_still_work_and_sockets_come_back_afterwards() -> None:
    with network_blocked():
        left, right = socket.socketpair(socket.AF_UNIX)
        left.close()
        right.close()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.close()


def test_fixture_records_nothing_when_nothing_is_tried(no_network) -> None:  # noqa: F811
    assert no_network.attempts == []
