"""Draw every map of a :class:`~argmap.diagram.plan.Plan`, then write the diagrams: all or none.

Every map is loaded, checked with its own settings and drawn before anything is written, so that a
bad map or a failed layout leaves no file behind; each file is then written whole or not at all
(:mod:`argmap.safe_write`), never over one of the maps. Example::

    >>> from argmap.config import Settings
    >>> from argmap.diagram import RenderOptions
    >>> from argmap.diagram.plan import plan
    >>> options = RenderOptions(format="dot")
    >>> planned = plan([Path("maps/tutorial-basics.yaml")], "-", options)
    >>> drawn = draw_all(planned.maps, options, Settings())
    >>> drawn.failures, drawn.diagrams[planned.maps[0]][:16]
    ({}, b'digraph argmap {')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ConfigError
from ..problems import LoadError
from ..reading.loader import load
from ..safe_write import UnsafeWrite, write_atomic
from . import render
from .engine import RenderError

if TYPE_CHECKING:
    from ..config import Settings
    from .options import RenderOptions
    from .plan import Plan


class WriteError(Exception):
    """A diagram could not be written (the disk refused, or the file became unsafe to write)."""


@dataclass(frozen=True)
class Drawn:
    """Each map's diagram, and each map that could not be drawn with the reason why."""

    diagrams: dict[Path, bytes]
    #: A :class:`LoadError` (with the map's problems), :class:`RenderError` or :class:`ConfigError`.
    failures: dict[Path, Exception]


def draw_all(maps: Iterable[Path], options: RenderOptions, settings: Settings, with_labels: bool = False) -> Drawn:
    """Load and draw every map, checked with its own settings (``settings.for_map``).

    ``with_labels`` shows each claim's label from :func:`argmap.evaluate` on the diagram.
    """
    diagrams: dict[Path, bytes] = {}
    failures: dict[Path, Exception] = {}
    for path in maps:
        try:
            diagrams[path] = _draw(path, options, settings, with_labels)
        except (LoadError, RenderError, ConfigError) as error:
            failures[path] = error
    return Drawn(diagrams, failures)


def _draw(path: Path, options: RenderOptions, settings: Settings, with_labels: bool) -> bytes:
    argmap = load(path)
    config = settings.for_map(path) if options.checks else None  # a settings file matters only to the checks
    if with_labels:
        from ..evaluation.labelling import evaluate

        options = replace(options, labels=evaluate(argmap).labels)
    return render(argmap, options, config=config)


def write_all(diagrams: Mapping[Path, bytes], planned: Plan) -> Iterator[Path]:
    """Write each map's diagram to its file in ``planned``, yielding each file once it is written.

    Raises :class:`WriteError` naming the file; the files written before it stay written.
    """
    for path, data in diagrams.items():
        target = planned.files[path]
        try:
            write_atomic(target, data, protected=planned.maps)
        except (UnsafeWrite, OSError) as error:
            raise WriteError(f"cannot write {target}: {getattr(error, 'strerror', None) or error}") from None
        yield target
