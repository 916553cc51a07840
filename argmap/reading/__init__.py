"""Reading: a map file's text -> :class:`~argmap.model.ArgumentMap`, or a :class:`~argmap.problems.LoadError`.

The stages, each a module: ``text`` (bytes -> text), ``pyyaml_tree`` and ``yamlrs_tree`` (text ->
the plain tree of :mod:`~argmap.reading.tree`), ``builder`` (tree -> model, with ``vocabulary``
and ``checked_values``), and ``loader``, which chooses the reader. Example::

    >>> from argmap.reading import loads
    >>> loads("thesis:\\n  claim: Taxes pay for roads.\\n").thesis.text
    'Taxes pay for roads.'
"""

from __future__ import annotations

from .loader import load, loads

__all__ = ["load", "loads"]
