"""The ``argmap`` command: parse options, call the library, format, pick the exit code.

Exit codes are a contract: 0 no errors, 1 problems found, 2 could not run (unreadable or invalid
input, bad options). Modules are imported inside the commands so that each command loads only
what it needs.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNUSABLE,
    cannot_write,
    console,
    end_hard,
    exit_now,
    fail,
    keep_until_exit,
    print_load_error,
)

app = typer.Typer(
    name="argmap",
    help="Argument maps in YAML: check them like code, evaluate them, draw them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command()
def check(
    paths: List[Path] = typer.Argument(..., help="Map files, or folders to search for *.yaml and *.yml maps."),
    format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Report format."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too, not only on errors."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Turn rules on (ids, comma-separated; ALL)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Turn rules off (ids, comma-separated)."),
    config_file: Optional[Path] = typer.Option(None, "--config", help="Settings file (argmap.toml or pyproject.toml)."),
    sources: Optional[Path] = typer.Option(None, "--sources", help="Folder of source texts, KEY.txt/.md/.html."),
    with_eval: bool = typer.Option(
        False, "--eval", help="With --format json: add each map's labels (as 'argmap eval')."
    ),
) -> None:
    """Check maps for holes in the argument: unsupported premises, unknown refs, cycles, ...

    Example: argmap check maps/ --format json
    """
    from ..config import ConfigError, Settings
    from ..files import check_paths
    from ..formats import render, summary

    if with_eval and format is not ReportFormat.json:
        raise fail("--eval needs --format json; for the labelled tree, run 'argmap eval MAP'")
    # One map file: keep its model, which the process can end with rather than free (0.1 s for
    # 100,000 claims). With many, each is freed once checked, so that memory stays that of one.
    keep_maps = with_eval or _one_file(paths)
    try:  # each map gets its own settings file's settings, with these options on top
        results = check_paths(paths, Settings(config_file, select, ignore, sources), keep_maps=keep_maps)
    except ConfigError as error:
        raise fail(str(error)) from None
    keep_until_exit(results)
    report = render(format.value, results)
    if with_eval:
        report = eval_command.add_evaluations(report, results)
    if isinstance(report, str):
        sys.stdout.write(report)
    else:
        console().print(report, end="")
    counts = summary(results)
    if counts["unreadable"]:
        raise typer.Exit(EXIT_UNUSABLE)
    if counts["errors"] or (strict and (counts["warnings"] or counts["info"])):
        raise typer.Exit(EXIT_PROBLEMS)


def _one_file(paths: List[Path]) -> bool:
    try:
        return len(paths) == 1 and paths[0].is_file()
    except OSError:  # not searchable: check_paths reports it
        return False


@app.command()
def show(
    path: Path = typer.Argument(..., help="The map to show."),
    with_eval: bool = typer.Option(False, "--eval", help="Label each claim as 'argmap eval' does, with the reason."),
) -> None:
    """Print the map as a tree, marking what the checks find.

    Example: argmap show maps/bandow-iraq.yaml --eval
    """
    from ..checker import check as run_checks
    from ..config import ConfigError, Settings
    from ..formats.tree import tree
    from ..problems import LoadError
    from ..reading.loader import load

    try:
        argmap = load(path)
        settings = Settings().for_map(path)  # the map's own argmap.toml, as 'argmap check' uses
    except LoadError as error:
        print_load_error(error)
        raise typer.Exit(EXIT_UNUSABLE) from None
    except ConfigError as error:
        raise fail(str(error)) from None
    labels = None
    if with_eval:
        from ..evaluation.labelling import evaluate

        labels = evaluate(argmap).labels
    console().print(tree(argmap, run_checks(argmap, settings), labels))


@app.command()
def rules(
    ids: Optional[List[str]] = typer.Argument(None, help="Rules to show (default: all)."),
) -> None:
    """List every rule: id, default severity, whether it is on, and its documentation.

    Example: argmap rules quote-not-found
    """
    from ..rules import RULES, describe

    for rule_id in ids or ():
        if rule_id not in RULES:
            from ..suggestions import did_you_mean

            raise fail(f"unknown rule '{rule_id}'{did_you_mean(rule_id, RULES)}")
    chosen = [RULES[rule_id] for rule_id in ids] if ids else list(RULES.values())
    sys.stdout.write("\n".join(describe(rule) for rule in chosen))


@app.command()
def schema() -> None:
    """Print the map format's JSON Schema (for editors with the YAML language server).

    Example: argmap schema > argmap.schema.json
    """
    from importlib.resources import files

    sys.stdout.write(files("argmap").joinpath("schema.json").read_text(encoding="utf-8"))


@app.callback(invoke_without_command=True)
def _main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        from .. import __version__

        sys.stdout.write(f"argmap {__version__}\n")
        raise typer.Exit(EXIT_OK)


from . import eval as eval_command  # noqa: E402 - after app: the command modules are registered on it
from . import render as render_command

app.command(name="render")(render_command.render)
app.command(name="eval")(eval_command.eval_command)


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
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
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
        exit_now(cannot_write(error).exit_code)
    exit_now(EXIT_OK)
