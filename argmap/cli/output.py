"""What every command shares: the exit codes, and how errors reach the user (stderr, never a traceback)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..problems import LoadError

#: The exit-code contract: 0 no errors, 1 problems found, 2 could not run.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


#: What a command made that the process ends with rather than frees (see :func:`exit_now`).
_kept: list[object] = []
_ending_now = False


def keep_until_exit(value: object) -> None:
    """Let the process end with ``value`` instead of freeing it, when it ends by :func:`exit_now`.

    Freeing a map of 100,000 claims takes 0.1 s, just before the process would end anyway. When
    the commands run some other way (tests, a program calling ``app``), ``value`` is freed as usual.
    """
    if _ending_now:
        _kept.append(value)


def exit_now(code: object) -> NoReturn:
    """End the process with ``code`` (as ``sys.exit`` takes it), without freeing its objects.

    Output is flushed first; nothing else needs Python's clean-up (argmap leaves no temporary file
    behind: each is renamed into place or removed before this). mypy ends the same way, for speed.
    A reader that closed the pipe early (``argmap check | head``) makes a 0 a 1; output that could
    not be written (a full disk) makes it 2, with a message.
    """
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        _say(f"{code}\n")
        code = EXIT_PROBLEMS
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the process was started with that descriptor closed
                stream.flush()
        except BrokenPipeError:
            code = code or EXIT_PROBLEMS
        except (OSError, ValueError) as error:  # a full disk; a stream closed by someone else
            code = cannot_write(error).exit_code
    os._exit(code)


def cannot_write(error: Exception) -> typer.Exit:
    """Say that the output could not be written (or which file an error names); return the exit (2)."""
    filename = getattr(error, "filename", None)
    where = f"{filename}: " if filename else "could not write the output: "
    return fail(f"{where}{getattr(error, 'strerror', None) or error}")


def _say(text: str) -> None:
    """Write to stderr if it can be written to (the process may have been started without it)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def end_hard() -> None:
    """From now on, :func:`keep_until_exit` keeps what it is given: the process ends by :func:`exit_now`."""
    global _ending_now
    _ending_now = True


def fail(message: str) -> typer.Exit:
    """Print an error to stderr and return the exit to raise (code 2)."""
    _say(f"argmap: error: {message}\n")
    return typer.Exit(EXIT_UNUSABLE)


def print_load_error(error: LoadError) -> None:
    """Each problem of a map that could not be loaded, as ``file:line:col: error [rule] message``."""
    for p in error.problems:
        sys.stderr.write(f"{p.file}:{p.line}:{p.column}: error [{p.rule}] {p.message}\n")


def console(stderr: bool = False) -> Console:
    """A rich console; piped output is never wrapped or cropped, since programs and pagers read it."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, width=None if stream.isatty() else 100_000)


def note(text: str) -> None:
    """One line to stderr that is not the command's output ("wrote maps/a.svg", a map that failed)."""
    _say(f"{text}\n")


def write_bytes(data: bytes) -> None:
    """Bytes to stdout as they are (a PNG or PDF diagram with ``-o -``)."""
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
