"""``argmap render``: options -> plan -> draw every map -> write every diagram -> exit code.

Registered on the app in :mod:`argmap.cli`. The work is the library's (:mod:`argmap.diagram.plan`,
:mod:`argmap.diagram.batch`); this layer words its errors and picks the exit code. Every map is
drawn before anything is written, so a bad map or a failed layout leaves no file behind: exit 2,
nothing written. The layout program is looked for when the command runs, never while the help
(built for every command) is.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .output import EXIT_UNUSABLE, fail, note, print_load_error, write_bytes


class DiagramFormat(StrEnum):
    svg = "svg"
    png = "png"
    dot = "dot"
    pdf = "pdf"
    html = "html"


class Direction(StrEnum):
    TB = "TB"
    BT = "BT"
    LR = "LR"
    RL = "RL"
    auto = "auto"


class Refs(StrEnum):
    auto = "auto"
    stub = "stub"
    edge = "edge"


class EngineChoice(StrEnum):
    auto = "auto"
    system = "system"
    pure = "pure"


def render(
    paths: Annotated[list[Path], typer.Argument(help="Map files, or folders of maps (each drawn next to itself).")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Output file ('-': standard output); with several maps, a folder."),
    ] = None,
    format: Annotated[
        DiagramFormat | None,
        typer.Option("--format", "-f", help="Diagram format [default: from -o's suffix, else svg]."),
    ] = None,
    direction: Annotated[
        Direction,
        typer.Option(
            "--direction",
            help="Where the thesis stands: TB at the top, BT bottom, LR left, RL right; "
            "auto: TB or LR, whichever makes the diagram closer to a page's shape.",
        ),
    ] = Direction.auto,
    refs: Annotated[
        Refs,
        typer.Option(
            "--refs",
            help="A claim used again (ref): an arrow from it (edge), a 'see ID' box where it is used (stub), "
            "or an arrow from a claim close by and a box for one far off (auto).",
        ),
    ] = Refs.stub,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Draw only the sub-argument below this claim id.")
    ] = None,
    depth: Annotated[
        int | None, typer.Option("--depth", min=0, help="Draw this many levels below the thesis or --focus.")
    ] = None,
    no_evidence: Annotated[bool, typer.Option("--no-evidence", help="Leave out the evidence boxes.")] = False,
    no_checks: Annotated[
        bool, typer.Option("--no-checks", help="Draw the plain map, without what 'argmap check' finds.")
    ] = False,
    with_eval: Annotated[
        bool, typer.Option("--eval", help="Show each claim's label from 'argmap eval' (accepted, ...).")
    ] = False,
    wrap: Annotated[int, typer.Option("--wrap", min=8, max=400, help="Characters per line of claim text.")] = 36,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            help="Layout program: system Graphviz 'dot', pure (graphviz-pure, same bytes everywhere, no PDF), "
            "or auto (dot where installed, else graphviz-pure).",
        ),
    ] = EngineChoice.auto,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds the layout of one map may take.")] = None,
) -> None:
    """Draw maps as diagrams (SVG, PNG, PDF, Graphviz DOT, or an interactive HTML page), marking what the checks find.

    Without -o, each map is written next to itself with the format's suffix (maps/a.yaml -> maps/a.svg).

    Example: argmap render maps/bandow-iraq.yaml --focus troops-at-risk --depth 2 -o troops.svg
    """
    from ..config import Settings
    from ..diagram import RenderError, RenderOptions
    from ..diagram.batch import WriteError, draw_all, write_all
    from ..diagram.plan import diagram_format, plan
    from ..limits import LAYOUT_TIMEOUT_SECONDS
    from ..problems import LoadError
    from ..safe_write import UnsafeWrite

    try:
        options = RenderOptions(
            format=diagram_format(format.value if format else None, output),
            direction=direction.value,
            refs=refs.value,
            focus=focus,
            depth=depth,
            evidence=not no_evidence,
            checks=not no_checks,
            wrap=wrap,
            engine=engine.value,
            timeout=LAYOUT_TIMEOUT_SECONDS if timeout is None else timeout,
        )
        planned = plan(paths, output, options)
    except (RenderError, UnsafeWrite) as error:
        raise fail(str(error)) from None
    drawn = draw_all(
        planned.maps, options, Settings(), with_labels=with_eval
    )  # each map's settings file, as in 'check'
    for path, failure in drawn.failures.items():
        if isinstance(failure, LoadError):
            print_load_error(failure)
        else:
            note(f"{path}: error: {failure}")
    if drawn.failures:
        note("argmap: nothing written")
        raise typer.Exit(EXIT_UNUSABLE)
    if planned.to_standard_output:
        write_bytes(drawn.diagrams[planned.maps[0]])
        return
    try:
        for target in write_all(drawn.diagrams, planned, drawn.inputs):
            note(f"wrote {target}")
    except WriteError as error:
        raise fail(str(error)) from None
