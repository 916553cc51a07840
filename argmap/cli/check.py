"""``argmap check``: paths (or standard input) -> problems -> one report -> exit code."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import Color, ColorOption
from .output import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, emit, fail, keep_until_exit

if TYPE_CHECKING:
    from ..config import Settings
    from ..problems import FileResult

#: What names a map read from standard input when ``--stdin-filename`` does not.
STDIN_NAME = "<stdin>"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Map files, or folders of maps (*.yaml, *.yml, *.argdown, *.ad); - reads stdin."),
    ],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too, not only on errors.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Turn rules on (ids, comma-separated; ALL).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Turn rules off (ids, comma-separated).")] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="Settings file (argmap.toml or pyproject.toml).")
    ] = None,
    sources: Annotated[Path | None, typer.Option(help="Folder of source texts, KEY.txt/.md/.html.")] = None,
    with_eval: Annotated[
        bool, typer.Option("--eval", help="With --format json: add each map's labels (as 'argmap eval').")
    ] = False,
    stdin_filename: Annotated[
        Path | None,
        typer.Option(help="With -: the map's file name, for messages, settings and relative source files."),
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the report to this file, whole or not at all.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many problems each rule found, most first.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found (2 still means it could not run).")
    ] = False,
    color: ColorOption = Color.auto,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes that check maps [default: one per core].")
    ] = None,
) -> None:
    """Check maps for holes in the argument: unsupported premises, unknown refs, cycles, ...

    Example: argmap check maps/ --format json
    """
    from ..config import ConfigError, Settings
    from ..formats import summary

    _refuse_conflicts(paths, format, with_eval, stdin_filename, quiet, statistics)
    try:  # each map gets its own settings file's settings, with these options on top
        results = _results(paths, Settings(config_file, select, ignore, sources), with_eval, stdin_filename, jobs)
    except ConfigError as error:
        raise fail(str(error)) from None
    keep_until_exit(results)
    inputs = [path for result in results for path in (result.path, *result.read_with)]
    emit(_report(results, format, with_eval, quiet, statistics), color.value, output_file, protected=inputs)
    raise typer.Exit(exit_code(summary(results), strict, exit_zero))


def exit_code(counts: dict[str, int], strict: bool, exit_zero: bool) -> int:
    """2 if a map could not be read; else 1 for errors (any problem with ``strict``), unless ``exit_zero``."""
    if counts["unreadable"]:
        return EXIT_UNUSABLE
    found = counts["errors"] or (strict and (counts["warnings"] or counts["info"]))
    return EXIT_PROBLEMS if found and not exit_zero else EXIT_OK


def _refuse_conflicts(
    paths: list[Path], format: ReportFormat, with_eval: bool, stdin_filename: Path | None, quiet: bool, statistics: bool
) -> None:
    reading_stdin = Path("-") in paths
    if reading_stdin and len(paths) > 1:
        raise fail("- (standard input) is one map: give it alone, without other paths")
    if stdin_filename is not None and not reading_stdin:
        raise fail("--stdin-filename names a map read from standard input: give - as the path")
    if with_eval and format is not ReportFormat.json:
        raise fail("--eval needs --format json; for the labelled tree, run 'argmap eval MAP'")
    if quiet and statistics:
        raise fail("--quiet prints the summary line alone, --statistics adds counts per rule: choose one")
    if (quiet or statistics) and format is not ReportFormat.text:
        raise fail(f"{'--quiet' if quiet else '--statistics'} is for the text report, not --format {format.value}")


def _results(
    paths: list[Path], settings: Settings, with_eval: bool, stdin_filename: Path | None, jobs: int | None
) -> list[FileResult]:
    from ..files import check_data, check_paths

    if paths == [Path("-")]:
        from .output import read_stdin

        return [check_data(read_stdin(), stdin_filename or Path(STDIN_NAME), settings, keep_maps=True)]
    # One map file: keep its model, which the process can end with rather than free (0.1 s for
    # 100,000 claims). With many, each is freed once checked, so that memory stays that of one.
    keep_maps = with_eval or _one_file(paths)
    return check_paths(paths, settings, keep_maps=keep_maps, jobs=jobs or _cores())


def _report(results: list[FileResult], format: ReportFormat, with_eval: bool, quiet: bool, statistics: bool) -> object:
    """The report: a ``str``, or a rich ``Text`` for the text formats."""
    if with_eval:
        from ..evaluation.labelling import evaluate
        from ..formats.eval_json import render_with_checks

        return render_with_checks(results, [(r.argmap, evaluate(r.argmap)) for r in results if r.argmap is not None])
    if quiet:
        from ..formats.text import summary_only

        return summary_only(results)
    if statistics:
        from ..formats.statistics import render as count_per_rule

        return count_per_rule(results)
    from ..formats import render

    return render(format.value, results)


def _one_file(paths: list[Path]) -> bool:
    try:
        return len(paths) == 1 and paths[0].is_file()
    except OSError:  # not searchable: check_paths reports it
        return False


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (a container may limit them)
    except AttributeError:  # macOS and Windows have no sched_getaffinity
        return os.cpu_count() or 1
