"""``argmap serve``: a live preview of the maps below a folder, in the browser, while they are edited.

A thin layer over the library, like the command line: each map is read, checked with its own
settings and evaluated exactly as ``argmap check`` and ``argmap eval`` do, and shown with the
interactive page of ``argmap render -f html`` (:mod:`argmap.html`), which a stream of server-sent
events keeps up to date. Only ``argmap serve`` imports this package (and ``watchfiles``)::

    server = start(Path("maps"), port=0)
    print(server.url)
    ...
    server.stop()
"""

from __future__ import annotations

from .server import LiveServer, start

__all__ = ["LiveServer", "start"]
