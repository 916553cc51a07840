"""``argmap show``: load -> check (and evaluate) -> the map as a tree -> exit code."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import Color, ColorOption
from .output import EXIT_UNUSABLE, emit, fail, print_load_error

if TYPE_CHECKING:
    from ..evaluation import Label


def show(
    path: Annotated[Path, typer.Argument(help="The map to show.")],
    with_eval: Annotated[
        bool, typer.Option("--eval", help="Label each claim as 'argmap eval' does, with the reason.")
    ] = False,
    color: ColorOption = Color.auto,
) -> None:
    """Print the map as a tree, marking what the checks find.

    Example: argmap show maps/bandow-iraq.yaml --eval
    """
    from ..checker import check
    from ..config import ConfigError, Settings
    from ..formats.tree import tree
    from ..interop import read_file
    from ..problems import LoadError

    try:
        argmap = read_file(path).argmap
        settings = Settings().for_map(path)  # the map's own argmap.toml, as 'argmap check' uses
    except LoadError as error:
        print_load_error(error)
        raise typer.Exit(EXIT_UNUSABLE) from None
    except ConfigError as error:
        raise fail(str(error)) from None
    labels: Mapping[str, Label] | None = None
    if with_eval:
        from ..evaluation.labelling import evaluate

        labels = dict(evaluate(argmap).labels)
    emit(tree(argmap, check(argmap, settings), labels), color.value, end="\n")
