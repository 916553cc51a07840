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

if TYPE_CHECKING:  # what type checkers see of the names below; "as" marks them re-exported
    from .checker import check as check
    from .config import Config as Config
    from .config import ConfigError as ConfigError
    from .diagram import RenderError as RenderError
    from .diagram import RenderOptions as RenderOptions
    from .diagram import render as render
    from .evaluation.labelling import Evaluation as Evaluation
    from .evaluation.labelling import Label as Label
    from .evaluation.labelling import evaluate as evaluate
    from .model import ArgumentMap as ArgumentMap
    from .model import Claim as Claim
    from .model import Evidence as Evidence
    from .model import Position as Position
    from .model import Reason as Reason
    from .model import Ref as Ref
    from .model import Source as Source
    from .problems import LoadError as LoadError
    from .problems import Problem as Problem
    from .reading.loader import load as load
    from .reading.loader import loads as loads

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
