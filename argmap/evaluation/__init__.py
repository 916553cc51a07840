"""Evaluation: which claims stand, and why (``argmap eval``).

The circuit is built by :mod:`.network`, solved by :mod:`.fixpoint` and worded by :mod:`.explain`;
:mod:`.labelling` holds the public :func:`evaluate` (see its docstring for the rules and an example).
"""

from __future__ import annotations

from .labelling import Evaluation, Label, evaluate

__all__ = ["Evaluation", "Label", "evaluate"]
