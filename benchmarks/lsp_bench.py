"""How fast the language server answers, driven as an editor drives it: ``argmap lsp`` over stdio.

    python benchmarks/lsp_bench.py                  # the whole table (about five minutes)
    python benchmarks/lsp_bench.py --edits 1000     # fewer edits in the memory run

Rows: from a ``didChange`` (one character typed into a claim) to the ``publishDiagnostics`` of that
version, for the seed map and generated maps of 1,000 and 10,000 claims; hover, definition and
completion on the map of 10,000 claims; and the server's resident memory across many edits of the
seed map, each waited for. Percentiles are over every request; the table is Markdown, for
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402 - from this folder, found through the path just set


class Server:
    """The real server process, and a blocking JSON-RPC client of it."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self.next_id = 0
        self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while line := self.process.stdout.readline().strip():
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        return message

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def diagnostics_of(self, uri: str, version: int) -> list[Any]:
        """Wait for the diagnostics of one version of a document."""
        while True:
            message = self.receive()
            params = message.get("params") or {}
            published = message.get("method") == "textDocument/publishDiagnostics"
            if published and params.get("uri") == uri and params.get("version") == version:
                return list(params["diagnostics"])

    def memory_mib(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        return kib / 1024

    def close(self) -> None:
        self.request("shutdown", {})
        self.notify("exit", {})
        self.process.wait(30)


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


def row(what: str, times: list[float], target: float) -> str:
    worst = p95(times)
    return (
        f"| {what} | {len(times)} | {statistics.median(times) * 1000:.1f} | {worst * 1000:.1f} | "
        f"{target * 1000:.0f} | {'yes' if worst <= target else 'no'} |"
    )


def open_text(server: Server, path: Path, text: str) -> str:
    uri = path.as_uri()
    document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    server.notify("textDocument/didOpen", {"textDocument": document})
    server.diagnostics_of(uri, 1)
    return uri


def typing(
    server: Server, uri: str, text: str, edits: int, memory: list[tuple[int, float]] | None = None
) -> list[float]:
    """Type into the first claim and take it back, again and again; the time to each version's diagnostics."""
    line = text[: text.index("claim:")].count("\n")
    column = len(text.splitlines()[line])
    times = []
    for version in range(2, edits + 2):
        added = version % 2 == 0
        start = {"line": line, "character": column}
        end = {"line": line, "character": column + (0 if added else 1)}
        change = {"range": {"start": start, "end": end}, "text": "x" if added else ""}
        began = time.perf_counter()
        server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        server.diagnostics_of(uri, version)
        times.append(time.perf_counter() - began)
        if memory is not None and (version - 1) % max(edits // 10, 1) == 0:
            memory.append((version - 1, server.memory_mib()))
    return times


def lookups(server: Server, uri: str, text: str) -> dict[str, list[float]]:
    """Hover, definition and completion at every ``ref:`` of the map (up to 300 of each)."""
    places = []
    for number, line in enumerate(text.splitlines()):
        if "ref: " in line:
            places.append((number, line.index("ref: ") + 6))
    places = places[:300]
    times: dict[str, list[float]] = {"hover": [], "definition": [], "completion": []}
    methods = {"hover": "textDocument/hover", "definition": "textDocument/definition"}
    for line, character in places:
        for what, method in methods.items():
            began = time.perf_counter()
            server.request(method, {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
            times[what].append(time.perf_counter() - began)
        began = time.perf_counter()
        position = {"line": line, "character": character - 1}  # after "ref: " and one typed letter
        server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
        times["completion"].append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=10_000, help="edits in the memory run")
    options = parser.parse_args()
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / "argmap-lsp-bench"
    folder.mkdir(exist_ok=True)
    seed = (ROOT / "maps" / "bandow-iraq.yaml").read_text(encoding="utf-8")
    maps = [("seed map (bandow-iraq)", seed, 0.050, 100), ("1,000 claims", generate(1000), 0.150, 50)]
    maps.append(("10,000 claims", generate(10_000), 1.0, 20))
    started = time.perf_counter()
    server = Server()
    print(f"Start-up to the answer to initialize: {(time.perf_counter() - started) * 1000:.0f} ms\n")
    print("| request | n | median (ms) | p95 (ms) | target p95 (ms) | met |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for number, (name, text, target, edits) in enumerate(maps):
        uri = open_text(server, folder / f"map{number}.yaml", text)
        print(row(f"didChange -> diagnostics, {name}", typing(server, uri, text, edits), target), flush=True)
    for what, times in lookups(server, uri, maps[-1][1]).items():
        print(row(f"{what}, 10,000 claims", times, 0.020), flush=True)
    uri = open_text(server, folder / "memory.yaml", seed)
    memory: list[tuple[int, float]] = [(0, server.memory_mib())]
    typing(server, uri, seed, options.edits, memory)
    server.close()
    print()
    print("| edits of the seed map | " + " | ".join(f"{edits:,}" for edits, _ in memory) + " |")
    print("| --- | " + " | ".join("---:" for _ in memory) + " |")
    print("| server memory (RSS, MiB) | " + " | ".join(f"{mib:.1f}" for _, mib in memory) + " |")


if __name__ == "__main__":
    main()
