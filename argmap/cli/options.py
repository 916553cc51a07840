"""Option types that several commands share."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


#: ``--color``: one option, with one help text, on every command that colours its output.
ColorOption = Annotated[
    Color,
    typer.Option(help="Colour: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR is), always, never."),
]
