"""argmap: argument maps in YAML, checked like code and drawn as diagrams.

The library returns data and never prints; the ``argmap`` command is a thin layer over it::

    import argmap
    m = argmap.load("maps/bandow-iraq.yaml")
    for problem in argmap.check(m):
        print(problem.line, problem.rule, problem.message)

Names are imported on first use so that ``import argmap`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy_names import lazy_getattr

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .checker import check
    from .config import Config, ConfigError
    from .diagram import RenderError, RenderOptions, render
    from .evaluation.labelling import Evaluation, Label, evaluate
    from .model import ArgumentMap, Claim, Evidence, Position, Reason, Ref, Source
    from .problems import LoadError, Problem
    from .reading.loader import load, loads

_LAZY = {
    "load": "reading",
    "loads": "reading",
    "check": "checker",
    "evaluate": "evaluation",
    "Evaluation": "evaluation",
    "Label": "evaluation",
    "Config": "config",
    "ConfigError": "config",
    "ArgumentMap": "model",
    "Claim": "model",
    "Evidence": "model",
    "Position": "model",
    "Reason": "model",
    "Ref": "model",
    "Source": "model",
    "LoadError": "problems",
    "Problem": "problems",
    "render": "diagram",
    "RenderOptions": "diagram",
    "RenderError": "diagram",
}

__all__ = ["__version__", *_LAZY]


__getattr__ = lazy_getattr(globals(), _LAZY)
