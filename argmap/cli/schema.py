"""``argmap schema``: the map format's JSON Schema, as shipped in the package."""

from __future__ import annotations

from .output import emit


def schema() -> None:
    """Print the map format's JSON Schema (for editors with the YAML language server).

    Example: argmap schema > argmap.schema.json
    """
    from importlib.resources import files

    emit(files("argmap").joinpath("schema.json").read_text(encoding="utf-8"))
