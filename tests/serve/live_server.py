"""``argmap serve`` as a real process, and the HTTP a browser would send it, for the server's tests."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from tests.helpers import ROOT
from tests.processes import ARGMAP


class Served:
    """A running ``argmap serve``: its process, where it listens, and requests to it."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url
        self.host, _, port = url.removeprefix("http://").rstrip("/").rpartition(":")
        self.port = int(port)

    def request(
        self, method: str, target: str, headers: dict[str, str] | None = None, host: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (lower-case names) and body of one request; ``host`` replaces the Host header."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host if host is not None else f"{self.host}:{self.port}")
            for key, value in (headers or {}).items():
                connection.putheader(key, value)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def get(self, target: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", target)

    def events(self, name: str) -> AbstractContextManager[EventStream]:
        """The event stream of the map called ``name``."""
        return self.events_at(f"/events/{name}")

    @contextmanager
    def events_at(self, target: str) -> Iterator[EventStream]:
        """The event stream at ``target`` (a map's, or the index's)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.request("GET", target)
            response = connection.getresponse()
            assert response.status == 200
            assert response.getheader("Content-Type", "").startswith("text/event-stream")
            yield EventStream(response)
        finally:
            connection.close()

    def stop(self, signum: int = signal.SIGINT) -> tuple[int, str]:
        """Send ``signum``; the exit status and what the server said on stderr after its first line."""
        self.process.send_signal(signum)
        try:
            _, rest = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        return self.process.returncode, rest


class EventStream:
    """The messages of one server-sent-events stream, one at a time."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.response = response

    def next(self, timeout: float = 5.0) -> Any:
        """The next message's JSON (a map's message is a dict); fails if none comes within ``timeout`` seconds."""
        self.response.fp.raw._sock.settimeout(timeout)  # type: ignore[union-attr]
        data: list[str] = []
        while True:
            line = self.response.fp.readline().decode()
            if not line:
                raise AssertionError("the stream ended")
            if line.startswith("data: "):
                data.append(line[len("data: ") :].rstrip("\n"))
            elif line == "\n" and data:
                return json.loads("\n".join(data))


@contextmanager
def serving(path: Path | str, *options: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """``argmap serve PATH --port 0 OPTIONS`` (in the project root, with ``env`` added to the
    environment) for the length of the block; stopped with SIGINT after."""
    process = subprocess.Popen(
        [*ARGMAP, "serve", str(path), "--port", "0", *options],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()  # the server's first words, or "" if it ended
        assert " at http://" in first, first + process.stderr.read()
        url = first.split(" at ", 1)[1].split(" ", 1)[0]
        yield Served(process, url)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
