"""One HTTP request: the index, a map's live page, its event stream, its YAML. Nothing else.

Only GET and HEAD are answered (nothing here writes); a request must name this server in its
``Host`` header (see :mod:`.hosts`); a map is found by its name among the maps on offer, never by
turning the URL into a path (see :mod:`.site`). Every answer says what it is (``nosniff``), may not
be framed, and carries a Content-Security-Policy.
"""

from __future__ import annotations

import contextlib
import json
import queue
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote

from .hosts import allowed_host
from .live import KEEPALIVE_SECONDS
from .messages import digest, message, read_map
from .pages import MAP_PAGE_POLICY, OWN_PAGE_POLICY, events_url, index_page, waiting_page

if TYPE_CHECKING:
    from .server import LiveServer

HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
EVENTS = "text/event-stream; charset=utf-8"
#: What a live page's stream waits before it tries again after the connection is lost, in ms.
RECONNECT_MS = 1000


def _text_of(path: Path) -> bytes:
    from ..limits import MAX_FILE_BYTES

    with path.open("rb") as file:
        return file.read(MAX_FILE_BYTES)


class Handler(BaseHTTPRequestHandler):
    server: LiveServer
    server_version = "argmap-serve"
    sys_version = ""  # the Python version is nobody's business

    def do_GET(self) -> None:
        self._answer_safely(with_body=True)

    def do_HEAD(self) -> None:
        self._answer_safely(with_body=False)

    def _answer_safely(self, with_body: bool) -> None:
        try:
            self._answer(with_body)
        except OSError as error:  # a map removed while it was read; the page closed mid-answer
            self._try_send(404, f"could not read it: {error.strerror or error}\n")
        except Exception as error:  # a bug must cost one answer, never the server
            self._try_send(500, f"argmap serve failed on this request ({type(error).__name__}): please report it\n")

    def _try_send(self, status: int, text: str) -> None:
        with contextlib.suppress(OSError):  # the page has gone
            self._send(status, TEXT, text)

    def __getattr__(self, name: str) -> Any:
        # The base class answers a method it finds no ``do_`` for with 501 Not Implemented; every
        # method but GET and HEAD is known here, and refused: nothing on this server changes anything.
        if name.startswith("do_"):
            return self._refuse_method
        raise AttributeError(name)

    def _refuse_method(self) -> None:
        if self._misdirected():
            return
        self._send(405, TEXT, f"{self.command} is not allowed: argmap serve only shows maps\n", {"Allow": "GET, HEAD"})

    def _misdirected(self) -> bool:
        if allowed_host(self.headers.get("Host"), self.server.host, self.server.port):
            return False
        self._send(421, TEXT, f"this server answers only to {self.server.address}\n")
        return True

    def _answer(self, with_body: bool) -> None:
        if self._misdirected():
            return
        target, _, query = self.path.split("#", 1)[0].partition("?")
        if target == "/":
            listing = self.server.site.listing()
            since = digest(listing.names())
            page = index_page(str(self.server.site.path), list(listing.maps), listing.leaving, since)
            return self._send(200, HTML, page, with_body=with_body, policy=OWN_PAGE_POLICY)
        if target == "/listing":
            return self._stream_listing(with_body, since=parse_qs(query).get("since", [""])[0])
        route, _, quoted = target.lstrip("/").partition("/")
        if route not in ("map", "events", "source") or not quoted:
            return self._send(404, TEXT, "not found: the maps are listed at /\n", with_body=with_body)
        name = unquote(quoted, errors="replace")  # bytes that are not UTF-8 name no map
        path = self.server.site.find(name)
        if path is None:
            return self._send(404, TEXT, "no such map here: the maps are listed at /\n", with_body=with_body)
        if route == "source":
            return self._send(200, TEXT, _text_of(path), with_body=with_body)
        if route == "events":
            return self._stream(name, path, with_body, since=parse_qs(query).get("since", [""])[0])
        reading = read_map(path)
        if reading.view is None:
            from ..formats.text import load_errors

            page = waiting_page(name, load_errors(reading.load_problems).splitlines())
            return self._send(200, HTML, page, with_body=with_body, policy=OWN_PAGE_POLICY)
        from ..html import html_page

        # The stream opens with the map as it is then; the page says what it shows, so that the same
        # data is not sent (and drawn) twice on opening.
        page = html_page(reading.view, live_url=f"{events_url(name)}?since={digest(message(reading))}")
        return self._send(200, HTML, page, with_body=with_body, policy=MAP_PAGE_POLICY)

    def _stream(self, name: str, path: Path, with_body: bool, since: str) -> None:
        """Server-sent events: the map now (unless the page shows it already: its digest is
        ``since``), then again on every change, until either side stops."""
        if not with_body:
            return self._head(200, EVENTS, OWN_PAGE_POLICY, {})
        # Subscribed before the answer starts: a save the moment the page sees the stream open is sent.
        subscription, first = self.server.hub.subscribe(name, path)
        try:
            self._head(200, EVENTS, OWN_PAGE_POLICY, {})
            shown = digest(first) == since
            self._event(f"retry: {RECONNECT_MS}\n" + ("\n" if shown else f"data: {first}\n\n"))
            while True:
                try:
                    text = subscription.messages.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    self._event(": still here\n\n")  # fails once the page has gone
                    continue
                if text is None:  # the server stops
                    return
                self._event(f"data: {text}\n\n")
        except OSError:  # the page was closed or reloaded
            return
        finally:
            self.server.hub.unsubscribe(subscription)

    def _stream_listing(self, with_body: bool, since: str) -> None:
        """Server-sent events for the index: one message as soon as the maps on offer are not those
        of the listing the page shows (its digest is ``since``); the page then loads the new list."""
        if not with_body:
            return self._head(200, EVENTS, OWN_PAGE_POLICY, {})
        hub = self.server.hub
        seen: int | None = hub.wait_for_change(-1, timeout=0)  # the wakes so far, at once
        try:
            self._head(200, EVENTS, OWN_PAGE_POLICY, {})
            self._event(f"retry: {RECONNECT_MS}\n\n")
            while seen is not None:
                listing = self.server.site.listing()
                if digest(listing.names()) != since:
                    self._event(f"data: {json.dumps({'maps': list(listing.maps), 'leaving': listing.leaving})}\n\n")
                    since = digest(listing.names())
                latest = hub.wait_for_change(seen, timeout=KEEPALIVE_SECONDS)
                if latest == seen:
                    self._event(": still here\n\n")  # fails once the page has gone
                seen = latest
        except OSError:  # the page was closed or reloaded
            return

    def _event(self, text: str) -> None:
        self.wfile.write(text.encode())
        self.wfile.flush()

    def _send(
        self,
        status: int,
        content_type: str,
        body: str | bytes,
        extra: dict[str, str] | None = None,
        with_body: bool = True,
        policy: str = OWN_PAGE_POLICY,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self._head(status, content_type, policy, {"Content-Length": str(len(data)), **(extra or {})})
        if with_body and self.command != "HEAD":
            self.wfile.write(data)

    def _head(self, status: int, content_type: str, policy: str, extra: dict[str, str]) -> None:
        self.send_response(status)
        headers = {
            "Content-Type": content_type,
            "Content-Security-Policy": policy,
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
            "Cross-Origin-Resource-Policy": "same-origin",
            "Cache-Control": "no-store",
            **extra,
        }
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def send_error(self, code: int, reason: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (a malformed request line, headers too long) in plain text, with
        the same headers as every other answer."""
        self.close_connection = True
        self._send(code, TEXT, f"{code} {reason or self.responses.get(code, ('',))[0]}\n")

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal is for what ``argmap serve`` itself says."""
