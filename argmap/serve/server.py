"""The server: a threaded ``http.server`` over the folder, and the watcher that keeps pages live.

The standard library's server is enough for one reader on one machine: every request is short but
the event streams, which each hold a thread while a page is open. It adds no dependency (only
``watchfiles``, for the file notifications, and only here).
"""

from __future__ import annotations

import socket
import socketserver
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from .handler import Handler
from .live import Hub
from .site import Site


class LiveServer(ThreadingHTTPServer):
    """Serves one folder (or one map) at ``host``:``port``; :meth:`stop` ends it and its streams."""

    daemon_threads = True

    def __init__(self, path: Path, host: str, port: int) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.site = Site(path)
        self.hub = Hub(self.site)
        self.host = host
        super().__init__((host, port), Handler)  # binds: OSError if the port is taken
        self.port: int = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, name="argmap-serve", daemon=True)

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks the resolver for the host's full name, which can take seconds
        # (a reverse lookup) and is used for nothing here.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.host, self.server_address[1]

    @property
    def address(self) -> str:
        """``host:port`` as a browser writes it (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}/"

    def start(self) -> None:
        self.hub.start()
        self._thread.start()

    def stop(self) -> None:
        """Close every event stream, stop answering, and free the port."""
        self.hub.stop()
        self.shutdown()
        self.server_close()

    def handle_error(self, request: object, client_address: object) -> None:
        """A connection that failed (a page closed mid-answer) is no news; the handler answers the rest."""


def start(path: Path, host: str = "127.0.0.1", port: int = 8000) -> LiveServer:
    """Serve the maps at ``path`` live until :meth:`LiveServer.stop`; raises OSError if it cannot listen."""
    server = LiveServer(path, host, port)
    server.start()
    return server
