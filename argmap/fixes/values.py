"""The values a fix is made of: edits of the text, and the fix that groups them under a title."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Position


class TextEdit(NamedTuple):
    """Replace the text from ``start`` up to (not including) ``end`` with ``new_text``."""

    start: Position
    end: Position
    new_text: str


class Fix(NamedTuple):
    """One way to fix a problem: a title for a menu, and the edits, which apply together."""

    title: str
    edits: tuple[TextEdit, ...]
    #: The rule id of the problem it fixes.
    rule: str | None
    #: The one obvious fix (a "did you mean"), which an editor may apply on its own.
    preferred: bool = False
