"""Reading: a map file's text -> :class:`~argmap.model.ArgumentMap`, or a :class:`~argmap.problems.LoadError`.

Example::

    >>> from argmap.reading import loads
    >>> loads("thesis:\n  claim: Taxes pay for roads.\n").thesis.text
    'Taxes pay for roads.'
"""

from __future__ import annotations

from .loader import load, loads

__all__ = ["load", "loads"]
