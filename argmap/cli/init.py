"""``argmap init``: write a commented starter map; never over an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..starter import DEFAULT_NAME
from .output import fail, note


def init(
    file: Annotated[Path, typer.Argument(help="The map to create.")] = Path(DEFAULT_NAME),
) -> None:
    """Write a commented starter map that checks clean, with the schema line editors use.

    It never overwrites: if FILE exists, it exits 2 and leaves the file as it was.

    Example: argmap init maps/my-argument.yaml
    """
    from ..starter import create

    try:
        create(file)
    except OSError as error:
        raise fail(f"cannot create {file}: {error.strerror or error}") from None
    note(f"wrote {file}; next: argmap check {file}")
