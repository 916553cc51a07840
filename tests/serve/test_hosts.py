"""The Host header check against DNS rebinding (argmap.serve.hosts), as a table."""

from __future__ import annotations

import doctest

import pytest

from argmap.serve import hosts
from argmap.serve.hosts import allowed_host


@pytest.mark.parametrize(
    "header, host, port, allowed",
    [
        ("127.0.0.1:8000", "127.0.0.1", 8000, True),
        ("localhost:8000", "127.0.0.1", 8000, True),
        ("LocalHost:8000", "127.0.0.1", 8000, True),
        ("[::1]:8000", "127.0.0.1", 8000, True),  # the loopback by another name
        ("[::1]:8000", "::1", 8000, True),
        ("127.0.0.1:8000", "localhost", 8000, True),
        ("docs.internal:8000", "docs.internal", 8000, True),  # the name given with --host
        ("10.1.2.3:8000", "0.0.0.0", 8000, True),  # every interface: any address, no name
        ("localhost:8000", "0.0.0.0", 8000, True),
        ("attacker.example:8000", "0.0.0.0", 8000, False),
        ("attacker.example:8000", "127.0.0.1", 8000, False),
        ("attacker.example", "127.0.0.1", 8000, False),
        ("10.1.2.3:8000", "127.0.0.1", 8000, False),  # served on the loopback only
        ("localhost:8000", "192.168.1.5", 8000, False),
        ("127.0.0.1:8001", "127.0.0.1", 8000, False),
        ("127.0.0.1", "127.0.0.1", 8000, False),  # no port: 80
        ("127.0.0.1", "127.0.0.1", 80, True),
        ("127.0.0.1:", "127.0.0.1", 8000, False),
        ("127.0.0.1:80x", "127.0.0.1", 8000, False),
        ("user@127.0.0.1:8000", "127.0.0.1", 8000, False),
        ("127.0.0.1:8000/path", "127.0.0.1", 8000, False),
        ("[::1:8000", "::1", 8000, False),
        ("", "127.0.0.1", 8000, False),
        (None, "127.0.0.1", 8000, False),
    ],
)
def test_allowed_host(header, host, port, allowed):
    assert allowed_host(header, host, port) is allowed


def test_the_examples_run():
    result = doctest.testmod(hosts)
    assert result.attempted and not result.failed
