"""The one module that writes to the terminal: reports, errors (stderr, never a traceback), exit codes.

Commands build their output as text (or a ``rich`` renderable) and hand it here; nothing else in
argmap writes to stdout or stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from ..visible import visible

if TYPE_CHECKING:
    from rich.console import Console

    from ..problems import LoadError

#: The exit-code contract: 0 no errors, 1 problems found, 2 could not run.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
#: ``--color`` values.
COLOR_CHOICES = ("auto", "always", "never")

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
    A reader that went away before all the output was written (``argmap check | head``) makes a 0
    a 1, in every command, with no message; output that could not be written (a full disk) makes
    the code 2, with a message.
    """
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        _say(f"{code}\n")
        code = EXIT_PROBLEMS
    from .whole_writes import reader_gone

    gone = False  # a flush below may find the reader gone too
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the process was started with that descriptor closed
                stream.flush()
        except BrokenPipeError:
            gone = True
        except (OSError, ValueError) as error:  # a full disk; a stream closed by someone else
            code = output_failed(error)
    if gone or reader_gone():
        code = code or EXIT_PROBLEMS
    os._exit(code)


def output_failed(error: Exception) -> int:
    """Say that stdout could not be written and return the exit code (2); what it still holds is
    dropped, so that it is not tried (and reported) again when the process ends."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open until the process ends
    return cannot_write(error).exit_code


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
    """Print an error to stderr and return the exit to raise (code 2).

    The message is one line, shown :func:`~argmap.visible.visible`: it may quote a settings file
    or a file name."""
    _say(f"argmap: error: {visible(message)}\n")
    return typer.Exit(EXIT_UNUSABLE)


def print_load_error(error: LoadError) -> None:
    """Each problem of a map that could not be loaded, as ``file:line:col: error [rule] message``."""
    from ..formats.text import load_errors

    sys.stderr.write(load_errors(error.problems))


def read_stdin() -> bytes:
    """Standard input's bytes: at most one more than a map may have, so that the loader can refuse it."""
    from ..limits import MAX_FILE_BYTES

    if sys.stdin is None:  # started with that descriptor closed: an empty input
        return b""
    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)


def write(text: str) -> None:
    """Text to standard output, as it is."""
    sys.stdout.write(text)


def note(text: str) -> None:
    """One line to stderr that is not the command's output ("wrote maps/a.svg", a map that failed),
    shown :func:`~argmap.visible.visible`: it may quote a file name or a map."""
    _say(f"{visible(text)}\n")


def write_bytes(data: bytes) -> None:
    """Bytes to stdout as they are (a PNG or PDF diagram with ``-o -``)."""
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def color_wanted(choice: str, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """Whether to colour output: ``--color always|never`` wins, then ``NO_COLOR``, then ``FORCE_COLOR``.

    The variables count when set to anything but the empty string (no-color.org, force-color.org);
    with neither, output is coloured on a terminal only.

    >>> color_wanted("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True)
    False
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal


def console(stderr: bool = False, color: str = "auto") -> Console:
    """A rich console for stdout (or stderr); piped output is never wrapped or cropped.

    ``color`` is ``--color``'s value; without colour, the console writes no escape codes at all.
    """
    stream = sys.stderr if stderr else sys.stdout
    return _console(stream, color_wanted(color, os.environ, _is_terminal(stream)), stream.isatty())


def _console(stream: object, color: bool, wrap: bool) -> Console:
    from rich.console import Console

    common: dict[str, Any] = {"file": stream, "highlight": False, "width": None if wrap else 100_000}
    if not color:
        return Console(**common, color_system=None)
    out = Console(**common, force_terminal=True, no_color=False)
    if out.color_system is None:  # TERM=dumb, yet colour was asked for
        out = Console(**common, force_terminal=True, no_color=False, color_system="standard")
    return out


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def as_text(report: object, color: str, end: str = "") -> str:
    """A report (``str`` or rich renderable) as the text a file receives: coloured only if ``always``."""
    if isinstance(report, str):
        return report
    import io

    buffer = io.StringIO()
    _print(report, buffer, color == "always", False, end)
    return buffer.getvalue()


def _print(report: object, stream: Any, color: bool, wrap: bool, end: str) -> None:
    """Print a rich renderable. Uncoloured and unwrapped, a ``Text`` is written as its plain text,
    which is what rich writes then, 20 times faster (1 s for the 11,000 problems of 2,000 maps)."""
    plain = None if color or wrap else _plain(report)
    if plain is None:
        _console(stream, color, wrap).print(report, end=end)
    else:
        stream.write(plain + end)


#: Rich wraps lines wider than the console (100,000 cells when piped); a character takes 2 cells at most.
_SAFE_LINE = 50_000


def _plain(report: object) -> str | None:
    """The text of a ``Text`` if rich would print it unchanged: no tab to expand, no line to wrap."""
    from rich.text import Text

    if not isinstance(report, Text):
        return None
    text = report.plain
    if "\t" in text or (len(text) >= _SAFE_LINE and max(map(len, text.split("\n"))) >= _SAFE_LINE):
        return None
    return text


def emit(
    report: object,
    color: str = "auto",
    output_file: Path | None = None,
    protected: Iterable[Path] = (),
    end: str = "",
) -> None:
    """The report to stdout, or safely to ``output_file`` (whole or not at all, never over ``protected``).

    A rich renderable is followed by ``end``. Raises :class:`typer.Exit` (2, with a message) when the
    file cannot be written.
    """
    if output_file is not None:
        from ..safe_write import UnsafeWrite, write_atomic

        try:
            write_atomic(output_file, as_text(report, color, end).encode("utf-8"), protected=protected)
        except UnsafeWrite as error:  # it names the file and says why
            raise fail(str(error)) from None
        except OSError as error:
            raise fail(f"cannot write {output_file}: {error.strerror or error}") from None
    elif isinstance(report, str):
        write(report)
    else:
        stream = sys.stdout
        _print(report, stream, color_wanted(color, os.environ, _is_terminal(stream)), _is_terminal(stream), end)
