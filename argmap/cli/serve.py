"""``argmap serve``: the maps below a folder, live in the browser, until Ctrl-C."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Annotated

import typer

from .output import EXIT_OK, fail, note


def serve(
    path: Annotated[Path, typer.Argument(help="A folder of *.yaml and *.yml maps, or one map.")],
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on; 0 picks a free one.")] = 8000,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default lets no other machine in.")
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the index in the web browser.")] = False,
) -> None:
    """Show the maps in the browser, updated within a second of each save, until Ctrl-C.

    Each map gets the interactive view of 'argmap render -f html' with the problems 'argmap check'
    finds; a map that cannot be read shows where, over its last good diagram.

    Example: argmap serve maps/ --open
    """
    import gc
    import signal
    import threading

    from ..serve import start

    if not path.exists():
        raise fail(f"{path}: no such file or folder")
    gc.enable()  # main() turns the collector off for short runs; a server runs for hours
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # set first: Ctrl-C while starting stops it too
        signal.signal(signum, lambda *_: stopping.set())
    try:
        server = start(path, host, port)
    except OSError as error:
        raise fail(_cannot_listen(error, host, port)) from None
    note(f"Serving {path} at {server.url} (Ctrl-C to stop)")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    while not stopping.wait(0.5):  # a timed wait, so that the signal handler gets to run
        pass
    server.stop()
    note("Stopped.")
    raise typer.Exit(EXIT_OK)


def _cannot_listen(error: OSError, host: str, port: int) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is in use: choose another with --port (--port 0 picks a free one)"
    if error.errno == errno.EACCES:
        return f"not allowed to listen on port {port} of {host}: choose a port above 1023 with --port"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"
