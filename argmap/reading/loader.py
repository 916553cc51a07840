"""YAML map text -> :class:`~argmap.model.ArgumentMap`, every node keeping its position.

Loading checks the *shape* of the input (keys, types, required text) and reports every problem it
finds as a :class:`~argmap.problems.LoadError`; it does not judge the argument (that is what the
rules do). Two readers make the same plain tree of the text (:mod:`argmap.reading.tree`), and one
builder makes the model from it: yaml-rs (fast, for plain block YAML) or PyYAML (any YAML, and
every problem with its position). Example::

    >>> loads("thesis:\\n  claim: Taxes pay for roads.\\n").thesis.position
    Position(line=2, column=3)
    >>> loads("thesis:\\n  claim: A\\n", reader="fast").thesis.text   # yaml-rs, whatever the size
    'A'
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Literal

from ..model import ArgumentMap
from .builder import build
from .checked_values import KeepProblems, StopAtFirstProblem
from .text import read_text
from .tree import ReadAgain
from .vocabulary import PLACED_KEYS

Reader = Literal["auto", "pyyaml", "fast"]
READERS: tuple[Reader, ...] = ("auto", "pyyaml", "fast")
#: Below this many characters (a map of about 300 claims) yaml-rs saves less than its import costs.
FAST_READER_MIN_CHARS = 64 * 1024


def load(path: str | Path, reader: Reader = "auto") -> ArgumentMap:
    """Read and parse a map file; raise :class:`LoadError` if it cannot be read or is invalid."""
    path = Path(path)
    return loads(read_text(path), path, reader)


def loads(text: str, path: str | Path = "<string>", reader: Reader = "auto") -> ArgumentMap:
    """Parse map text; ``path`` names it in problems and anchors relative source files.

    ``reader``: "auto" reads maps of FAST_READER_MIN_CHARS or more with yaml-rs when it can, "fast"
    does so whatever the size, "pyyaml" always reads with PyYAML. Whichever reads it, the map and
    the problems are the same: a map with any problem is read by PyYAML.
    """
    if reader not in READERS:
        raise ValueError(f"reader must be one of {', '.join(READERS)}, not {reader!r}")
    path = Path(path)
    text = text.removeprefix("\ufeff")  # a byte order mark is no character of the map (PyYAML skips it too)
    # Loading makes millions of objects and no reference cycles: the cyclic garbage collector would
    # only walk them again and again (it tripled the time for 100,000 claims).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if reader == "fast" or (reader == "auto" and len(text) >= FAST_READER_MIN_CHARS):
            argmap = _read_fast(text, path)
            if argmap is not None:
                return argmap
        from .pyyaml_tree import read

        tree = read(text, path)
        return build(tree, path, KeepProblems(tree, path))
    finally:
        if collecting:
            gc.enable()


def _read_fast(text: str, path: Path) -> ArgumentMap | None:
    """The map read by yaml-rs, or ``None`` if PyYAML must read it."""
    from .yamlrs_tree import read

    try:
        tree = read(text, PLACED_KEYS)
        return None if tree is None else build(tree, path, StopAtFirstProblem())
    except ReadAgain:
        return None
