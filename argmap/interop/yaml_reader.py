"""argmap's own YAML format as an interop reader: :func:`argmap.reading.loads`, nothing lost."""

from __future__ import annotations

from pathlib import Path

from ..reading.loader import loads
from . import Imported


def read(text: str, path: Path) -> Imported:
    """The map in YAML ``text``; raises :class:`~argmap.problems.LoadError` as loading does."""
    return Imported(loads(text, path), ())
