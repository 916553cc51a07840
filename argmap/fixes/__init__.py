"""Quick fixes: for a problem in a map's text, the edits that would fix it, as pure values.

The language server offers them as code actions; nothing here reads a file or knows of editors.
Each fix keeps the file's line ending, indentation style and comments, and its result loads and no
longer has the problem. Positions are 1-based like problems' (the column counts Python characters
from 1, after a byte order mark on the first line), and an edit's end is exclusive. Example::

    >>> from argmap.reading.loader import loads
    >>> from argmap.checker import check
    >>> text = "thesis:\\n  claim: Trees cool cities.\\n  premises:\\n    - claim: Shade cools.\\n"
    >>> problem = check(loads(text))[0]
    >>> for fix in fixes_for(text, loads(text), problem):
    ...     print(fix.title)
    Mark as an assumption (assumption: true, with a note to fill in)
    Add evidence to fill in
    Ignore unsupported-premise for this claim
    >>> print(apply(text, fixes_for(text, loads(text), problem)[0].edits))
    thesis:
      claim: Trees cool cities.
      premises:
        - claim: Shade cools.
          assumption: true
          note: "TODO: why any reader grants this without support"
    <BLANKLINE>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .values import Fix, TextEdit

if TYPE_CHECKING:
    from ..model import ArgumentMap
    from ..problems import Problem

__all__ = ["Fix", "TextEdit", "apply", "fixes_for"]


def fixes_for(text: str, argmap: ArgumentMap | None, problem: Problem) -> list[Fix]:
    """The fixes for ``problem`` in ``text``; ``argmap`` is the text's map, ``None`` if it does not load.

    A problem that no fix is known for, or a text that is not YAML, gets none.
    """
    from .actions import fixes_in

    return fixes_in(text, argmap, problem)


def apply(text: str, edits: tuple[TextEdit, ...] | list[TextEdit]) -> str:
    """``text`` with the edits made, as an editor makes them (they must not overlap)."""
    from .layout import Lines

    body = text.removeprefix("\ufeff")
    lines = Lines(body)
    for change in sorted(edits, key=lambda each: (each.start, each.end), reverse=True):
        start, end = lines.offset(change.start), lines.offset(change.end)
        body = body[:start] + change.new_text + body[end:]
    return text[: len(text) - len(text.removeprefix("\ufeff"))] + body
