"""Where mappings start in a text of plain block YAML, found from the text alone, and matched
against the mappings yaml-rs read, in document order.

A mapping starts at the first content after ``key:`` on the lines below it, or at the key after
``- ``. The matching checks that each content line holds exactly one key or item, which rules out
multi-line scalars and anything else unusual; any mismatch means PyYAML must read the text.
Example::

    >>> text = "thesis:\\n  claim: A\\n  premises:\\n    - claim: B\\n"
    >>> root = {"thesis": {"claim": "A", "premises": [{"claim": "B"}]}}
    >>> sorted(Starts.find(text).places_of(text, root)[0].values())
    [Position(line=1, column=1), Position(line=2, column=3), Position(line=4, column=7)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate, islice, repeat
from operator import add, sub
from typing import NamedTuple

from ..model import Position
from .model_layout import make_position
from .tree import STR
from .yamlrs_screens import RESOLVERS, plain_tag

#: A line that ends with a space.
_TRAILING_SPACE = re.compile("\n(?<= \n)")
_EMPTY_LINE = re.compile(r"\n(?=\n)")
_SPACES_LINE = re.compile(r"\n +(?=\n|\Z)")
_PLAIN_FIRST = r"[^ \n\-?:,\[\]{}#&*!|>'\"%@`]"
#: "- key:": the item is a mapping that starts at the key.
_ITEM_MAPPING = re.compile(rf"\n *- +(?={_PLAIN_FIRST}[^\n:]*(?::[^ \n][^\n:]*)*:(?: |\n|\Z))")
#: "key:" with nothing after it, and a line below that is no list item: a mapping may start there.
_EMPTY_VALUE = re.compile(r":(?: +#[^\n]*)? *\n(?= *[^ \n#-])")
_BARE_COLON = re.compile(r"\n(?<=:\n)(?= *[^ \n#-])")  # _EMPTY_VALUE where no line has " #" or ends in " "
_SPACE_HASH = re.compile("#(?<= #)")
_CONTENT_START = re.compile(r"(?: *(?:#[^\n]*)?\n)*( *)")
_AFTER_KEY = frozenset((":", " "))


class Starts(NamedTuple):
    """Where mappings can start in the text, found from the text alone (while yaml-rs reads it)."""

    #: the character offset of each place a mapping can start, in document order
    offsets: list[int]
    #: the position of each offset
    positions: list[Position]
    #: how many start at a list item's key ("- key:"), which shares its line with the item
    items: int
    #: how many lines hold something other than spaces and a comment
    content_lines: int

    @classmethod
    def find(cls, text: str) -> Starts:
        item_starts = list(map(re.Match.end, _ITEM_MAPPING.finditer(text)))
        starts = [_CONTENT_START.match(text).end(), *item_starts]  # type: ignore[union-attr]
        trailing_spaces = _TRAILING_SPACE.search(text) is not None
        if trailing_spaces or _SPACE_HASH.search(text):
            colons = list(map(re.Match.start, _EMPTY_VALUE.finditer(text)))
        else:  # then an empty value is ":" at the end of its line: look for the rarer "\n" first
            colons = [start - 1 for start in map(re.Match.start, _BARE_COLON.finditer(text))]
        for colon in colons:
            nested = _nested_mapping_start(text, colon)
            if nested is not None:
                starts.append(nested)
        starts.sort()
        newlines = map(text.count, repeat("\n"), [0, *starts[:-1]], starts)
        lines = islice(accumulate(newlines, initial=1), 1, None)
        columns = map(sub, starts, map(text.rfind, repeat("\n"), repeat(0), starts))
        positions = list(map(make_position, zip(lines, columns, strict=True)))
        return cls(starts, positions, len(item_starts), _content_lines(text, trailing_spaces))

    def places_of(self, text: str, root: dict) -> tuple[dict[int, Position], list] | None:
        """Each mapping's position, by ``id()``, matched in document order against
        the places mappings can start, and the mappings and lists holding a scalar PyYAML may read as
        other than text (see :func:`_collect`); ``None`` if the text is not as plain as it must be.

        Also checks that each content line holds exactly one key or item ("- key:" holds the item
        and its mapping's first key), which rules out multi-line scalars and anything else unusual.
        The checks run over all mappings at once (map, zip, set in C): one Python step per mapping
        took a second for 100,000 claims.
        """
        starts = self.offsets
        mappings: list[dict] = []
        lists: list[list] = []
        unsettled: list[dict | list] = []
        try:
            _collect(root, mappings.append, lists.append, unsettled.append)
        except RecursionError:
            return None
        if len(mappings) != len(starts):
            return None
        for key in set().union(*mappings):
            if key.__class__ is not str or not key or len(key) > 1000 or plain_tag(key) != STR:
                return None  # a key PyYAML would not read as a string (or too long): not ours
        try:
            first_keys = [next(iter(mapping)) for mapping in mappings]
            ends = list(map(add, starts, map(len, first_keys)))
            if not all(map(text.startswith, first_keys, starts)) or not _AFTER_KEY.issuperset(
                map(text.__getitem__, ends)
            ):
                return None
        except (StopIteration, IndexError):  # an empty mapping; a key at the very end
            return None
        entries = sum(map(len, mappings)) + sum(map(len, lists))  # keys and list items
        if entries - self.items != self.content_lines:  # one per content line, but for "- key:"
            return None
        return dict(zip(map(id, mappings), self.positions, strict=True)), unsettled

    def offset(self, position: Position) -> int:
        """The character offset of the mapping that starts at ``position`` (a KeyError if none does)."""
        index = bisect_left(self.positions, position)  # in document order, so in order of position
        if index == len(self.positions) or self.positions[index] != position:
            raise KeyError(position)
        return self.offsets[index]


#: First characters of the plain scalars PyYAML reads as other than text (bool, int, null, ...).
_RESOLVED_FIRST = frozenset(RESOLVERS)
_DIGITS = frozenset("0123456789")


def surely_text(value: str) -> bool:
    """True if PyYAML reads ``value`` as this text, whether it was quoted or not.

    >>> surely_text("Taxes pay."), surely_text("yes"), surely_text("2020-01-01"), surely_text("Tree")
    (True, False, False, True)
    """
    first = value[:1]
    return first not in _RESOLVED_FIRST or (first not in _DIGITS and " " in value) or plain_tag(value) == STR


def _collect(node: dict, mapping: Callable, sequence: Callable, unsettled: Callable) -> None:
    """Hand every mapping and list below ``node`` (itself included) to the callbacks, in document order,
    and those holding a scalar PyYAML may not read as the text yaml-rs read to ``unsettled``.

    yaml-rs resolves plain scalars by YAML 1.2 and cannot say which were quoted: a value is surely
    text to PyYAML if no resolver of PyYAML's starts with its first character, or if it holds a
    space and does not start with a digit (only a date, among the values of other tags, holds one).
    """
    mapping(node)
    settled = True
    for value in node.values():
        kind = value.__class__
        if kind is str:
            first = value[:1]  # the quick part of surely_text(value), inline: this runs a million times
            if first in _RESOLVED_FIRST and (first in _DIGITS or " " not in value):
                settled = False
        elif kind is dict:
            _collect(value, mapping, sequence, unsettled)
        elif kind is list:
            _collect_items(value, mapping, sequence, unsettled)
        else:
            settled = False
    if not settled:
        unsettled(node)


def _collect_items(node: list, mapping: Callable, sequence: Callable, unsettled: Callable) -> None:
    sequence(node)
    settled = True
    for item in node:
        kind = item.__class__
        if kind is dict:
            _collect(item, mapping, sequence, unsettled)
        elif kind is list:
            _collect_items(item, mapping, sequence, unsettled)
        elif kind is not str or not surely_text(item):
            settled = False
    if not settled:
        unsettled(node)


def _content_lines(text: str, trailing_spaces: bool) -> int:
    """How many lines hold something other than spaces and a comment (``trailing_spaces``: a line ends in one)."""
    lines = text.count("\n") + (not text.endswith("\n"))
    lines -= len(_EMPTY_LINE.findall(text)) + (text[:1] == "\n")
    if text.endswith(" ") or trailing_spaces:  # maybe lines of spaces only
        lines -= len(_SPACES_LINE.findall(text)) + bool(re.match(r" +(?:\n|\Z)", text))
    index = text.find("#")
    while index >= 0:  # a comment alone on its line
        line_start = text.rfind("\n", 0, index) + 1
        if not text[line_start:index].strip(" "):
            lines -= 1
        index = text.find("#", text.find("\n", index) + 1 or len(text))
    return lines


def _nested_mapping_start(text: str, colon: int) -> int | None:
    """Where a mapping nested under the key whose ``:`` is at ``colon`` starts, if one does."""
    line_start = text.rfind("\n", 0, colon) + 1
    line = text[line_start:colon]
    content = line.lstrip(" ")
    if not content or content[0] == "#" or "#" in content:
        return None  # a comment (or a key PyYAML may cut at " #"): no key here
    key_column = len(line) - len(content)
    if content[0] == "-" and content[1:2] == " ":
        rest = content[1:].lstrip(" ")
        key_column = len(line) - len(rest)
    after = text.find("\n", colon) + 1
    match = _CONTENT_START.match(text, after)
    column = len(match.group(1))  # type: ignore[union-attr]
    start = match.end()  # type: ignore[union-attr]
    if column <= key_column or start >= len(text) or text[start] == "-":
        return None
    return start


def value_starts(text: str, key: str) -> dict[tuple[int, int], Position]:
    """The line and column of each ``key:`` in the text -> where its value starts, found in one pass in C.

    After an empty value (``key:``, ``key: # comment``) PyYAML puts the value just after the colon.

    >>> value_starts("a:\\n  source: s\\n  x-source:\\n", "source")
    {(2, 3): Position(line=2, column=11), (3, 5): Position(line=3, column=12)}
    """
    matches = list(re.finditer(re.escape(key) + r":(?: *(?=[^ \n#]))?", text))
    starts = list(map(re.Match.start, matches))
    newlines = list(map(text.rfind, repeat("\n"), repeat(0), starts))  # each line's start, less one
    lines = list(islice(accumulate(map(text.count, repeat("\n"), [0, *starts[:-1]], starts), initial=1), 1, None))
    key_columns = map(sub, starts, newlines)
    value_columns = map(sub, map(re.Match.end, matches), newlines)
    positions = map(make_position, zip(lines, value_columns, strict=True))
    return dict(zip(zip(lines, key_columns, strict=True), positions, strict=True))
