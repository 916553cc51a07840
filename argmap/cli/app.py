"""The ``argmap`` command: the Typer app, its commands (one module each) and the process's end.

Exit codes are a contract: 0 no errors, 1 problems found, 2 could not run (unreadable or invalid
input, bad options). Each command imports what it needs inside its function, so that a command
loads only that.
"""

from __future__ import annotations

import codecs
import io
import os
import sys

import typer

from .check import check
from .convert import convert
from .eval import eval_command
from .init import init
from .lsp import lsp
from .output import EXIT_OK, end_hard, exit_now, output_failed, write
from .render import render
from .rules import rules
from .schema import schema
from .serve import serve
from .show import show
from .whole_writes import whole_standard_output

app = typer.Typer(
    name="argmap",
    help="Argument maps in YAML: check them like code, evaluate them, draw them.\n\n"
    "Exit codes: 0 no errors, 1 problems found, 2 could not run. Every command takes -h for its help.\n\n"
    "Example: argmap check maps/",
    no_args_is_help=True,
    add_completion=True,  # costs no measurable start-up: see README, "Shell completion"
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command()(check)
app.command(name="eval")(eval_command)
for command in (show, render, convert, rules, schema, init, serve, lsp):
    app.command()(command)


@app.callback(invoke_without_command=True)
def _main(
    version: bool = typer.Option(False, "--version", "-V", help="Print the version and exit."),
) -> None:
    if version:
        from .. import __version__

        write(f"argmap {__version__}\n")
        raise typer.Exit(EXIT_OK)


def main() -> None:
    """The ``argmap`` program. It ends the process (see :func:`~argmap.cli.output.exit_now`):
    a program that runs commands in-process should call ``app`` instead."""
    import gc

    # One short run that makes millions of objects and no reference cycles: the cyclic collector
    # would only walk them over and over (half the time of checking 100,000 claims). Loading
    # turns it off by itself; this covers the rules and the report too.
    gc.disable()
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with that descriptor closed: nobody reads it
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - open until the process ends
    whole_standard_output()
    for stream in (sys.stdout, sys.stderr):
        # A terminal that is not UTF-8 (PYTHONIOENCODING=ascii, latin-1) gets what it cannot show as
        # escapes (\u2026), not a traceback halfway through the report.
        if codecs.lookup(stream.encoding or "utf-8").name != "utf-8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    watched = sys.gettrace() is not None or sys.getprofile() is not None
    if not watched:
        end_hard()
    try:
        app()  # Typer always ends by raising SystemExit, with the exit code
    except SystemExit as done:
        if watched:  # a debugger, profiler or coverage: end the usual way, so that it can report
            raise
        exit_now(done.code)
    except OSError as error:  # what no command expects: mostly output that could not be written (a full disk)
        exit_now(output_failed(error))
    exit_now(EXIT_OK)
