"""Argument maps as diagrams: model -> Graphviz DOT -> layout engine -> SVG, PNG or PDF bytes.

Example::

    import argmap
    from argmap.diagram import RenderOptions, render
    svg = render(argmap.load("maps/bandow-iraq.yaml"), RenderOptions(engine="pure"))

The graph is built by :mod:`.dot` (pure, deterministic), laid out by :mod:`.engine`. What
``argmap check`` finds is drawn on the diagram unless ``checks=False``: the ``problems`` given;
else what the checker finds with the ``config`` given; else with the map's own settings file, the
nearest ``argmap.toml`` (or ``pyproject.toml`` with ``[tool.argmap]``) from the map's folder
upwards, as ``argmap check`` and ``argmap render`` use it. Many maps at once, as ``argmap render``
draws them: :mod:`.plan` decides where each diagram goes, :mod:`.batch` draws them all and then
writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..lazy_names import lazy_getattr

if TYPE_CHECKING:
    from ..config import Config
    from ..model import ArgumentMap
    from ..problems import Problem
    from .engine import RenderError as RenderError
    from .options import DIRECTIONS as DIRECTIONS
    from .options import FORMATS as FORMATS
    from .options import RenderOptions as RenderOptions

# Imported on first use: the command line imports this package for every command it registers.
_LAZY = {"RenderError": "engine", "RenderOptions": "options", "FORMATS": "options", "DIRECTIONS": "options"}
__all__ = ["dot_source", "render", *_LAZY]


__getattr__ = lazy_getattr(globals(), _LAZY)


def dot_source(
    argmap: ArgumentMap,
    options: RenderOptions | None = None,
    problems: Sequence[Problem] | None = None,
    config: Config | None = None,
) -> str:
    """The diagram as DOT text (no layout program needed); ``problems`` and ``config`` as for :func:`render`."""
    from .dot import source
    from .engine import RenderError
    from .options import RenderOptions
    from .scope import UnknownClaim

    options = options or RenderOptions()
    try:
        return source(argmap, _findings(argmap, options, problems, config), options)
    except UnknownClaim as error:
        raise RenderError(str(error)) from None


def render(
    argmap: ArgumentMap,
    options: RenderOptions | None = None,
    problems: Sequence[Problem] | None = None,
    config: Config | None = None,
) -> bytes:
    """The diagram in ``options.format``, marked with what the checks find (unless ``options.checks`` is off).

    The marks are the ``problems`` given; else those :func:`argmap.check` finds with ``config``;
    else with the map's own settings file (see :func:`argmap.config.for_map`), as the command line
    uses it. Give one of ``problems`` and ``config``, not both.

    Raises :class:`RenderError` (a plain message) when the engine is missing, cannot write the
    format, fails or runs out of time, or when ``focus`` names no claim; and
    :class:`~argmap.config.ConfigError` when the map's settings file is not valid.
    """
    from . import engine
    from .options import RenderOptions

    options = options or RenderOptions()
    if options.format == "dot":
        return dot_source(argmap, options, problems, config).encode("utf-8")
    if options.format == "html":
        return _page(argmap, options, _findings(argmap, options, problems, config))
    chosen = engine.find(options.engine, options.format)  # before the work: a missing engine fails fast
    return engine.run(chosen, dot_source(argmap, options, problems, config), options.format, options.timeout)


def _page(argmap: ArgumentMap, options: RenderOptions, problems: Sequence[Problem]) -> bytes:
    """The interactive page (:mod:`argmap.html`): every claim with its evidence, problems and label."""
    from ..evaluation import evaluate
    from ..html import html_page, view_data
    from .engine import RenderError
    from .scope import UnknownClaim, scope

    if options.focus is not None:  # the page opens with it selected; a wrong id is refused as for SVG
        try:
            scope(argmap, options.focus, 0)
        except UnknownClaim as error:
            raise RenderError(str(error)) from None
    data = view_data(
        argmap,
        problems,
        evaluate(argmap),
        evidence=options.evidence,
        checks=options.checks,
        colours=True,
        depth=options.depth,
        focus=options.focus,
        # auto: the page picks the direction that draws the map larger in the reader's window
        direction={"TB": "TB", "BT": "TB", "LR": "LR", "RL": "LR"}.get(options.direction),
    )
    return html_page(data).encode("utf-8")


def _findings(
    argmap: ArgumentMap, options: RenderOptions, problems: Sequence[Problem] | None, config: Config | None
) -> Sequence[Problem]:
    """The problems to mark: those given, or the checker's with the settings that apply to the map."""
    if problems is not None and config is not None:
        raise ValueError("give the problems to draw or the settings to check with, not both")
    if problems is not None or not options.checks:
        return problems or ()
    from ..checker import check
    from ..config import for_map

    return check(argmap, config if config is not None else for_map(argmap.path))
