"""Where things are in a map's text, for edits that keep its layout.

A fix must read like the rest of the file: the same line ending, the same indentation, the comments
left where they are. :class:`Layout` holds what an edit needs to know of the text: its lines, its
line ending, its indentation style (:class:`Indentation`), and its YAML nodes, found from the
positions that the model and the problems carry. Example::

    >>> layout = Layout("thesis:\\r\\n    claim: T\\r\\n    premises:\\r\\n    - claim: P\\r\\n")
    >>> layout.newline, layout.indentation
    ('\\r\\n', Indentation(unit=4, sequence=0, dash=2))
    >>> layout.node_at(Position(4, 7), ScalarNode).value
    'claim'
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, TypeVar

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from ..model import Position
from ..reading.pyyaml_compose import compose

#: Line breaks as argmap counts lines (LF, CR LF, and a lone CR), so positions agree with problems'.
_LINE_BREAK = re.compile(r"\r\n?|\n")
#: How many nodes the indentation is measured on: enough to see a file's habit, cheap on a huge map.
_VISITS = 2000
NodeType = TypeVar("NodeType", bound=Node)


class Indentation(NamedTuple):
    """A file's indentation habit, in columns."""

    #: How far a mapping nested under a key is indented.
    unit: int = 2
    #: How far a block list's ``-`` is indented under its key (0: level with the key).
    sequence: int = 2
    #: From a list's ``-`` to the first key of the mapping it holds (``- key``: 2).
    dash: int = 2


class Lines:
    """A text's lines: positions to offsets and back, and its line ending (the first one it uses)."""

    def __init__(self, text: str) -> None:
        self.text = text
        first_break = _LINE_BREAK.search(text)
        self.newline = first_break.group() if first_break else "\n"
        self.line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def offset(self, position: Position) -> int:
        """The character offset of a 1-based position."""
        line = min(max(position.line, 1), len(self.line_starts))
        return self.line_starts[line - 1] + position.column - 1

    def position(self, offset: int) -> Position:
        """The 1-based position of a character offset."""
        line = bisect_right(self.line_starts, offset)
        return Position(line, offset - self.line_starts[line - 1] + 1)

    def line_end(self, offset: int) -> int:
        """The offset of the line break ending the line that holds ``offset`` (the text's end if none)."""
        found = _LINE_BREAK.search(self.text, offset)
        return found.start() if found else len(self.text)


class Layout(Lines):
    """A map's text with its YAML nodes; raises :class:`~argmap.problems.LoadError` if it is not YAML.

    Offsets and positions are those of the text after a byte order mark, as in problems.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text.removeprefix("\ufeff"))
        # Composing makes a node per value and no reference cycles: the cyclic garbage collector would
        # only walk them again and again (as in reading.loader; it took 10,000 claims from 0.8 s to 3).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.root, _ = compose(self.text, Path("<text>"))
        finally:
            if collecting:
                gc.enable()

    def column(self, node: Node) -> int:
        """The 0-based column a node starts at (its indentation, for a block mapping or list)."""
        return self.position(node.start_mark.index).column - 1

    def node_at(self, position: Position, kind: type[NodeType]) -> NodeType | None:
        """The node of this kind that starts at ``position``, or ``None``.

        A block mapping starts where its first key does: asked for a :class:`MappingNode` there,
        this gives the mapping; asked for a :class:`ScalarNode`, the key.
        """
        path = self.path_to(position, kind)
        return path[-1] if path else None  # type: ignore[return-value]

    def path_to(self, position: Position, kind: type[Node] = Node) -> list[Node]:
        """The nodes from the root down to the node of this kind at ``position``; [] if there is none."""
        target = self.offset(position)
        path: list[Node] = [self.root]
        while True:
            node = path[-1]
            if node.start_mark.index == target and isinstance(node, kind):
                return path
            for child in children(node):
                if child.start_mark.index <= target < child.end_mark.index or child.start_mark.index == target:
                    path.append(child)
                    break
            else:
                return []

    def content_end(self, node: Node) -> int:
        """The offset just after the last character of the node's own text (not trailing blank lines)."""
        while isinstance(node, CollectionNode) and not node.flow_style and node.value:
            last = node.value[-1]
            node = last[1] if isinstance(node, MappingNode) else last
        end = node.end_mark.index
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            # A block scalar's end takes in the blank lines after it; its text ends before them.
            start = node.start_mark.index
            while end > start and self.text[end - 1] in " \t\r\n":
                end -= 1
        return end

    @cached_property
    def indentation(self) -> Indentation:
        """The indentation most used in the text's first nodes; the common two columns where it shows none."""
        return habit(*self.measured())

    def measured(self) -> tuple[Counter[int], Counter[int], Counter[int]]:
        """How often each indentation is seen: of a mapping under its key, of a list under its key, of a
        list item's first key after its ``-``."""
        units: Counter[int] = Counter()
        sequences: Counter[int] = Counter()
        dashes: Counter[int] = Counter()
        waiting, visits = [self.root], 0
        while waiting and visits < _VISITS:
            node = waiting.pop()
            visits += 1
            waiting.extend(children(node))
            if not isinstance(node, MappingNode) or node.flow_style:
                continue
            for key, value in node.value:
                if isinstance(value, CollectionNode) and not value.flow_style and value.value:
                    indent = value.start_mark.column - key.start_mark.column
                    (units if isinstance(value, MappingNode) else sequences)[indent] += 1
                if isinstance(value, SequenceNode) and not value.flow_style:
                    for item in value.value:
                        if isinstance(item, MappingNode) and not item.flow_style:
                            dashes[item.start_mark.column - value.start_mark.column] += 1
        return units, sequences, dashes


def habit(units: Counter[int], sequences: Counter[int], dashes: Counter[int]) -> Indentation:
    """The indentation most seen of each kind; a list's like a mapping's, and two columns, where none is."""
    unit = _most_common(units, 0) or _most_common(sequences, 0) or 2
    return Indentation(unit, _most_common(sequences, unit), _most_common(dashes, 2))


def _most_common(counts: Counter[int], default: int) -> int:
    return counts.most_common(1)[0][0] if counts else default


def children(node: Node) -> list[Node]:
    """A node's keys and values (a mapping) or items (a list), in document order."""
    if isinstance(node, MappingNode):
        return [each for pair in node.value for each in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def value_of(mapping: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    """The key node and value node of ``key`` in a mapping, or ``None`` if it is not there."""
    for key_node, value in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None
