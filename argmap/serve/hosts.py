"""Which ``Host`` headers the server answers: only its own address, against DNS rebinding.

A web page on any site can make the browser send requests to ``127.0.0.1:8000`` under a name of the
attacker's (``evil.example`` re-pointed at 127.0.0.1); the browser then lets that page read the
answers. The ``Host`` header still says ``evil.example``, so a request is served only when it names
the address the server listens on, with its port::

    >>> allowed_host("127.0.0.1:8000", "127.0.0.1", 8000), allowed_host("localhost:8000", "127.0.0.1", 8000)
    (True, True)
    >>> allowed_host("evil.example:8000", "127.0.0.1", 8000), allowed_host("127.0.0.1:9000", "127.0.0.1", 8000)
    (False, False)

Served on every interface (``--host 0.0.0.0``), any IP address is accepted (a rebinding needs a
name), and the names of this machine are not: open it by its address.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

#: The names of the loopback interface, as a browser on this machine may write them.
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def allowed_host(header: str | None, host: str, port: int) -> bool:
    """Whether a request with this ``Host`` header is meant for the server at ``host``:``port``."""
    if not header:
        return False
    try:
        parts = urlsplit(f"//{header.strip()}")
        given_port = parts.port or 80  # a browser leaves out port 80
    except ValueError:  # a port that is not a number, a bracket left open
        return False
    name = parts.hostname
    if name is None or given_port != port or parts.username is not None or parts.path or parts.query:
        return False
    served = host.lower().removeprefix("[").removesuffix("]")
    if name == served:
        return True
    if (_is_loopback(served) or _is_any(served)) and name in LOOPBACK_NAMES:
        return True
    return _is_any(served) and _is_address(name)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    return host == "localhost" or (_is_address(host) and ipaddress.ip_address(host).is_loopback)


def _is_any(host: str) -> bool:
    return host in ("", "0.0.0.0", "::")
