"""What every command shares: the exit codes, and how errors reach the user (stderr, never a traceback)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .problems import LoadError

#: The exit-code contract: 0 no errors, 1 problems found, 2 could not run.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def fail(message: str) -> typer.Exit:
    """Print an error to stderr and return the exit to raise (code 2)."""
    sys.stderr.write(f"argmap: error: {message}\n")
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
