"""``argmap render``: options -> library -> safe write -> exit code.

Registered on the app in :mod:`argmap.cli`. Every map is loaded and drawn before anything is
written, so a bad map or a failed layout leaves no file behind: exit 2, nothing written.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from ..diagram.engine import in_use
from .output import EXIT_UNUSABLE, fail, print_load_error


class DiagramFormat(str, Enum):
    svg = "svg"
    png = "png"
    dot = "dot"
    pdf = "pdf"


class Direction(str, Enum):
    TB = "TB"
    BT = "BT"
    LR = "LR"
    RL = "RL"


class EngineChoice(str, Enum):
    auto = "auto"
    system = "system"
    pure = "pure"


def render(
    paths: list[Path] = typer.Argument(..., help="Map files, or folders of maps (each drawn next to itself)."),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Output file ('-': standard output); with several maps, a folder."
    ),
    format: DiagramFormat | None = typer.Option(
        None, "--format", "-f", help="Diagram format [default: from -o's suffix, else svg]."
    ),
    direction: Direction = typer.Option(
        Direction.TB, "--direction", help="Where the thesis stands: TB at the top, BT bottom, LR left, RL right."
    ),
    focus: str | None = typer.Option(None, "--focus", help="Draw only the sub-argument below this claim id."),
    depth: int | None = typer.Option(None, "--depth", min=0, help="Draw this many levels below the thesis or --focus."),
    no_evidence: bool = typer.Option(False, "--no-evidence", help="Leave out the evidence boxes."),
    no_checks: bool = typer.Option(False, "--no-checks", help="Draw the plain map, without what 'argmap check' finds."),
    with_eval: bool = typer.Option(False, "--eval", help="Show each claim's label from 'argmap eval' (accepted, ...)."),
    wrap: int = typer.Option(36, "--wrap", min=8, max=400, help="Characters per line of claim text."),
    engine: EngineChoice = typer.Option(
        EngineChoice.auto,
        "--engine",
        help=f"Layout program: system Graphviz 'dot', pure (graphviz-pure, same bytes everywhere, no PDF), or "
        f"auto (dot where installed). In use here: {in_use('auto')}.",
    ),
    timeout: float | None = typer.Option(None, "--timeout", min=1, help="Seconds the layout of one map may take."),
) -> None:
    """Draw maps as diagrams (SVG, PNG, PDF or Graphviz DOT), marking what the checks find.

    Without -o, each map is written next to itself with the format's suffix (maps/a.yaml -> maps/a.svg).

    Example: argmap render maps/bandow-iraq.yaml --focus troops-at-risk --depth 2 -o troops.svg
    """
    from ..checker import check
    from ..config import ConfigError, Settings
    from ..diagram import RenderError, RenderOptions
    from ..diagram import engine as engines
    from ..diagram import render as draw
    from ..files import empty_folders, expand
    from ..limits import LAYOUT_TIMEOUT_SECONDS
    from ..problems import LoadError
    from ..reading.loader import load
    from ..safe_write import UnsafeWrite, check_target, write_atomic

    format = _format(format, output)
    maps = expand(paths)
    empty = empty_folders(paths)
    if empty or not maps:
        raise fail(f"no maps (*.yaml, *.yml) in {empty[0] if empty else 'the paths given'}")
    try:
        options = RenderOptions(
            format=format.value,
            direction=direction.value,
            focus=focus,
            depth=depth,
            evidence=not no_evidence,
            checks=not no_checks,
            wrap=wrap,
            engine=engine.value,
            timeout=timeout or LAYOUT_TIMEOUT_SECONDS,
        )
        if options.format != "dot":
            engines.find(options.engine, options.format)  # a missing engine fails before any work
        targets = _targets(maps, output, format.value)
        for target in targets.values():
            if target is not None:
                check_target(target, maps)
    except (RenderError, UnsafeWrite) as error:
        raise fail(str(error)) from None
    settings = Settings()
    drawings: dict[Path, bytes] = {}
    failed = False
    for path in maps:
        try:
            argmap = load(path)
            problems = check(argmap, settings.for_map(path)) if options.checks else []
            if with_eval:
                from dataclasses import replace

                from ..evaluation.labelling import evaluate

                labels = {uid: label.status for uid, label in evaluate(argmap).labels.items()}
                drawings[path] = draw(argmap, replace(options, labels=labels), problems)
            else:
                drawings[path] = draw(argmap, options, problems)
        except LoadError as error:
            print_load_error(error)
            failed = True
        except (RenderError, ConfigError) as error:
            sys.stderr.write(f"{path}: error: {error}\n")
            failed = True
    if failed:
        sys.stderr.write("argmap: nothing written\n")
        raise typer.Exit(EXIT_UNUSABLE)
    for path, data in drawings.items():
        target = targets[path]
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            continue
        try:
            write_atomic(target, data, protected=maps)
        except (UnsafeWrite, OSError) as error:
            raise fail(f"cannot write {target}: {getattr(error, 'strerror', None) or error}") from None
        sys.stderr.write(f"wrote {target}\n")


def _format(chosen: DiagramFormat | None, output: str | None) -> DiagramFormat:
    """The format asked for, else the one ``-o``'s suffix names, else SVG; refuses the two disagreeing."""
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = DiagramFormat(suffix) if suffix in DiagramFormat.__members__ else None
    if chosen is not None and named is not None and chosen is not named:
        raise fail(f"-o {output} names a .{suffix} file but --format is {chosen.value}; make them agree")
    return chosen or named or DiagramFormat.svg


def _targets(maps: list[Path], output: str | None, fmt: str) -> dict[Path, Path | None]:
    """Where each map's diagram goes (``None``: standard output); refuses two maps to one file."""
    from ..diagram import RenderError

    if output == "-":
        if len(maps) > 1:
            raise RenderError("-o - writes one diagram to standard output; give one map, or a folder for -o")
        return {maps[0]: None}
    if output is not None and len(maps) > 1 and not Path(output).is_dir():
        raise RenderError(f"with several maps, -o must be an existing folder; {output} is not one")
    targets: dict[Path, Path | None] = {}
    for path in maps:
        name = path.with_suffix(f".{fmt}").name
        if output is None:
            target = path.with_suffix(f".{fmt}")
        else:
            target = Path(output) / name if Path(output).is_dir() else Path(output)
        if target in targets.values():
            raise RenderError(f"two maps would be drawn to {target}; render them one at a time with -o")
        targets[path] = target
    return targets
