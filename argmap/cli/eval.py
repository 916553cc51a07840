"""``argmap eval``: load -> evaluate -> the labelled tree or JSON -> exit code.

The exit code says whether the map could be evaluated, not what the verdict is: 0 evaluated
(whatever the thesis's label), 2 could not run. Scripts that need the verdict read
``thesis.status`` from ``--format json``.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import Color, ColorOption
from .output import EXIT_UNUSABLE, emit, print_load_error


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


def eval_command(
    path: Annotated[Path, typer.Argument(help="The map to evaluate.")],
    format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="Output format: text or json.")
    ] = EvalFormat.text,
    color: ColorOption = Color.auto,
) -> None:
    """Say which claims stand: label every claim accepted, rejected, undecided or unsupported, and why.

    Evidence and 'assumption: true' ground a claim; premises carry support up; objections,
    rebuttals and undercuts count only when they are accepted themselves. Exit 0 when the map was
    evaluated, whatever the verdict; 2 when it cannot be read.

    Example: argmap eval maps/bandow-iraq.yaml --format json
    """
    from ..evaluation.labelling import evaluate
    from ..interop import read_file
    from ..problems import LoadError

    try:
        argmap = read_file(path).argmap
    except LoadError as error:
        print_load_error(error)
        raise typer.Exit(EXIT_UNUSABLE) from None
    result = evaluate(argmap)
    if format is EvalFormat.json:
        from ..formats.eval_json import render

        emit(render(argmap, result))
        return
    from ..formats.tree import evaluated

    emit(evaluated(argmap, result), color.value, end="\n")
