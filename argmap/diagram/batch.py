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

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ConfigError
from ..files import read_with
from ..interop import read_file
from ..problems import LoadError
from ..safe_write import UnsafeWrite, check_target, write_atomic
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
    #: The other files drawing read (settings files, source texts): no diagram is written over them.
    inputs: frozenset[Path] = frozenset()


def draw_all(maps: Iterable[Path], options: RenderOptions, settings: Settings, with_labels: bool = False) -> Drawn:
    """Load and draw every map, checked with its own settings (``settings.for_map``).

    ``with_labels`` shows each claim's label from :func:`argmap.evaluate` on the diagram.
    """
    diagrams: dict[Path, bytes] = {}
    failures: dict[Path, Exception] = {}
    inputs: set[Path] = set()
    for path in maps:
        try:
            diagrams[path] = _draw(path, options, settings, with_labels, inputs)
        except (LoadError, RenderError, ConfigError) as error:
            failures[path] = error
    return Drawn(diagrams, failures, frozenset(inputs))


def _draw(path: Path, options: RenderOptions, settings: Settings, with_labels: bool, inputs: set[Path]) -> bytes:
    """The map's diagram; adds the files its checks read to ``inputs``."""
    argmap = read_file(path).argmap  # YAML, or Argdown and the other formats by their suffix
    config = settings.for_map(path) if options.checks else None  # a settings file matters only to the checks
    if config is not None:
        inputs.update(read_with(path, argmap, config))
    if with_labels:
        from ..evaluation.labelling import evaluate

        options = replace(options, labels=evaluate(argmap).labels)
    return render(argmap, options, config=config)


def write_all(diagrams: Mapping[Path, bytes], planned: Plan, inputs: Iterable[Path] = ()) -> Iterator[Path]:
    """Write each map's diagram to its file in ``planned``, yielding each file once it is written.

    No file is written over a map or one of ``inputs`` (:attr:`Drawn.inputs`): every target is
    checked before the first is written. Raises :class:`WriteError` naming the file; the files
    written before it (a full disk) stay written.
    """
    protected = (*planned.maps, *inputs)
    follow = not planned.derived
    for path in diagrams:
        _written(planned.files[path], lambda target: check_target(target, protected, follow))
    for path, data in diagrams.items():
        target = planned.files[path]
        _written(target, lambda target: write_atomic(target, data, protected, follow))  # noqa: B023 - called at once
        yield target


def _written(target: Path, action: Callable[[Path], object]) -> None:
    """Do ``action`` on ``target``; its refusal or the disk's error becomes a :class:`WriteError`."""
    try:
        action(target)
    except UnsafeWrite as error:
        raise WriteError(str(error)) from None
    except OSError as error:
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
