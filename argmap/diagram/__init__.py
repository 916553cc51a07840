"""Argument maps as diagrams: model -> Graphviz DOT -> layout engine -> SVG, PNG or PDF bytes.

Example::

    import argmap
    from argmap.diagram import RenderOptions, render
    svg = render(argmap.load("maps/bandow-iraq.yaml"), RenderOptions(engine="pure"))

The graph is built by :mod:`.dot` (pure, deterministic), laid out by :mod:`.engine`. What
``argmap check`` finds is drawn on the diagram unless ``checks=False``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_names import lazy_getattr

if TYPE_CHECKING:
    from ..model import ArgumentMap
    from ..problems import Problem
    from .engine import RenderError
    from .options import DIRECTIONS, FORMATS, RenderOptions

# Imported on first use, so that the command line can ask which engine is installed cheaply.
_LAZY = {"RenderError": "engine", "RenderOptions": "options", "FORMATS": "options", "DIRECTIONS": "options"}
__all__ = ["render", "dot_source", *_LAZY]


__getattr__ = lazy_getattr(globals(), _LAZY)


def dot_source(argmap: ArgumentMap, options: RenderOptions | None = None, problems: list[Problem] | None = None) -> str:
    """The diagram as DOT text (no layout program needed)."""
    from .dot import source
    from .engine import RenderError
    from .options import RenderOptions
    from .scope import UnknownClaim

    options = options or RenderOptions()
    if problems is None:
        problems = _problems(argmap) if options.checks else []
    try:
        return source(argmap, problems, options)
    except UnknownClaim as error:
        raise RenderError(str(error)) from None


def render(argmap: ArgumentMap, options: RenderOptions | None = None, problems: list[Problem] | None = None) -> bytes:
    """The diagram in ``options.format``. Runs ``argmap check`` unless ``problems`` are given.

    Raises :class:`RenderError` (a plain message) when the engine is missing, cannot write the
    format, fails or runs out of time, or when ``focus`` names no claim.
    """
    from . import engine
    from .options import RenderOptions

    options = options or RenderOptions()
    if options.format == "dot":
        return dot_source(argmap, options, problems).encode("utf-8")
    chosen = engine.find(options.engine, options.format)  # before the work: a missing engine fails fast
    return engine.run(chosen, dot_source(argmap, options, problems), options.format, options.timeout)


def _problems(argmap: ArgumentMap) -> list[Problem]:
    from ..checker import check

    return check(argmap)
