"""A claim's own lines as a :class:`Layout`, for fixes on large maps.

Composing a whole map of 10,000 claims takes most of a second; a fix on one claim needs the YAML
nodes of that claim only, and an editor asks for fixes each time the cursor rests on a problem. So
the lines of the claim's block mapping (from its first key to the line before the next one less
indented) are composed alone, their marks moved to where they stand in the whole text; where that
cannot be done (a claim in flow style, a fragment that is not YAML on its own) the caller composes
the whole text. The indentation habit comes from the fragment, and from the claim's own ``- `` and
the key above it where the fragment shows none. Example::

    >>> text = "thesis:\\n  claim: T\\n  premises:\\n  -   claim: P\\n  -   claim: Q\\n"
    >>> layout = claim_layout(text, Position(4, 7))
    >>> layout.root.value[0][1].value, layout.position(layout.root.start_mark.index), layout.indentation
    ('P', Position(line=4, column=7), Indentation(unit=2, sequence=0, dash=4))
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from yaml.error import Mark
from yaml.nodes import MappingNode, Node

from ..model import Position
from ..problems import LoadError
from ..reading.pyyaml_compose import compose
from .layout import Indentation, Layout, Lines, children, habit

#: How far above a claim its list's key is looked for (a list of more items than this has shown its habit).
_LOOKUP_LINES = 400
_KEY_LINE = re.compile(r"( *)(-\s+)?[^\s#-][^#]*:\s*(#.*)?$")


def claim_layout(text: str, position: Position, lines: Lines | None = None) -> Layout | None:
    """The layout of ``text`` with the nodes of the block mapping at ``position`` only, or ``None``."""
    lines = lines or Lines(text.removeprefix("\ufeff"))
    body = lines.text
    if not 1 <= position.line <= len(lines.line_starts):
        return None
    start = lines.line_starts[position.line - 1]
    column = position.column - 1
    lead = body[start : start + column]
    if lead.strip(" -") or body[start + column : start + column + 1] in ("{", "[", "", "\r", "\n"):
        return None
    end = lines.line_end(start)
    for number in range(position.line, len(lines.line_starts)):
        line_start = lines.line_starts[number]
        line_end = lines.line_end(line_start)
        line = body[line_start:line_end]
        content = line.lstrip(" ")
        if content.strip() and not content.startswith("#"):
            if len(line) - len(content) < column:
                break
            end = line_end
    try:
        root, _ = compose(" " * column + body[start + column : end], Path("<text>"))
    except LoadError:
        return None
    if not isinstance(root, MappingNode) or root.flow_style:
        return None
    _move_marks(root, start, position.line - 1)
    return _ClaimLayout(lines, root, lead)


class _ClaimLayout(Layout):
    def __init__(self, lines: Lines, root: Node, lead: str) -> None:  # no super().__init__: nothing to compose
        self.text, self.newline, self.line_starts = lines.text, lines.newline, lines.line_starts
        self.root = root
        self.lead = lead

    @cached_property
    def indentation(self) -> Indentation:
        """What the claim's lines show, and its place: its ``-`` and the key of its list, or its key."""
        units, sequences, dashes = self.measured()
        if "-" in self.lead:
            dash_column = self.lead.index("-")
            dashes[len(self.lead) - dash_column] += 1
            key_column = self._key_above(dash_column, items=True)
            if key_column is not None:
                sequences[dash_column - key_column] += 1
        else:
            key_column = self._key_above(len(self.lead), items=False)
            if key_column is not None:
                units[len(self.lead) - key_column] += 1
        return habit(units, sequences, dashes)

    def _key_above(self, column: int, items: bool) -> int | None:
        """The column of the key the claim (at ``column``, or its ``-`` there) is written under; None if not found.

        Lines of items before it in the same list are passed over; a list's key may stand at its
        items' ``-`` column, a mapping's key only left of its keys.
        """
        line = self.position(self.root.start_mark.index).line
        for number in range(line - 2, max(line - 2 - _LOOKUP_LINES, -1), -1):
            start = self.line_starts[number]
            text = self.text[start : self.line_end(start)]
            content = text.lstrip(" ")
            indent = len(text) - len(content)
            if not content.strip() or content.startswith("#") or indent > column:
                continue
            if indent == column and (not items or content.startswith("-")):
                continue
            found = _KEY_LINE.match(text)
            if found is None:
                return None
            key_column = len(found.group(1)) + len(found.group(2) or "")
            return key_column if key_column <= column else None
        return None


def _move_marks(root: Node, offset: int, lines: int) -> None:
    """Give the fragment's nodes the marks of where they stand in the whole text (libyaml's cannot change)."""
    moved: dict[int, Mark] = {}
    waiting = [root]
    while waiting:
        node = waiting.pop()
        waiting.extend(children(node))
        for name in ("start_mark", "end_mark"):
            mark = getattr(node, name)
            new = moved.get(id(mark))
            if new is None:
                new = moved[id(mark)] = Mark(mark.name, mark.index + offset, mark.line + lines, mark.column, None, 0)
            setattr(node, name, new)
