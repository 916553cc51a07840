"""Where things are written in a map's text: the span of a key and its value, and of a claim's block.

Problems and model values carry one point, a 1-based line and column. An editor underlines a
range, so this module works out from the text how far the thing at that point reaches: the key
and its value (to the end of a block or a folded scalar), a flow mapping, or a bare value. It
knows YAML's layout only as far as indentation, quotes and comments go; what the text *means* is
the loader's business. Spans here are 0-based lines and Python string indexes, end exclusive;
:mod:`argmap.lsp.convert` turns them into the editor's units.

    >>> lines = ["thesis:\\n", "  claim: Taxes pay   # for roads\\n"]
    >>> value_span(lines, 1, 2)
    Span(start=(1, 2), end=(1, 18))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

Spot = tuple[int, int]
#: ``key:`` at the start of the text looked at (a plain key: the only kind a map uses).
KEY = re.compile(r"[^\s:#{}\[\],'\"][^:#{}\[\],]*?:(?=\s|$)")


#: A line and its break: LSP and argmap break lines at \r\n, \r and \n only (str.splitlines also
#: breaks at \x85, \u2028 and more, which would shift every line after one).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
#: What str.splitlines breaks at besides \r and \n (rare: then the slower regex splits the text).
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    r"""The lines of a text, each with its line break.

    >>> split_lines("a\u2028b\r\nc\rd")
    ['a\u2028b\r\n', 'c\r', 'd']
    """
    if _OTHER_BREAKS.search(text) is None:
        return text.splitlines(True)  # four times faster, and the same lines
    return _LINE.findall(text)


class Span(NamedTuple):
    """A range of the text: 0-based (line, index) at each end, the end exclusive."""

    start: Spot
    end: Spot


def content(line: str) -> str:
    """The line without its line break."""
    return line.rstrip("\r\n")


def indent(line: str) -> int | None:
    """How far a line is indented; ``None`` for a blank or comment line, which ends no block."""
    stripped = line.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    return len(line) - len(stripped)


def text_end(line: str, start: int) -> int:
    """Where the meaningful text of a line ends, from ``start``: before a comment and trailing blanks."""
    quote = ""
    end = len(content(line))
    for index in range(start, end):
        char = line[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"" and (index == start or line[index - 1] in " :{[,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            end = index
            break
    return len(line[:end].rstrip())


def skip_item_marks(line: str, column: int) -> int:
    """The column past any ``- `` sequence marks at ``column``."""
    while line.startswith("- ", column) or line.startswith("-\t", column):
        column += 2
        while column < len(line) and line[column] == " ":
            column += 1
    return column


def block_end(lines: Sequence[str], start_line: int, key_indent: int) -> int:
    """The last line of the block begun at ``start_line`` whose keys are indented by ``key_indent``.

    The block goes on while lines are indented more than its keys' parent; blank and comment lines
    at its end are not part of it.
    """
    last = start_line
    for number in range(start_line + 1, len(lines)):
        depth = indent(lines[number])
        if depth is None:
            continue
        if depth < key_indent:
            break
        last = number
    return last


def value_span(lines: Sequence[str], line: int, column: int) -> Span:
    """The key and value (or the bare value, or flow collection) written at ``(line, column)``.

    A key that opens a block (``premises:``) is its own span; a value folded over several lines, or
    a block scalar (``claim: |``), reaches to its last line. A point past the text covers its line.
    """
    if line >= len(lines):
        last = max(len(lines) - 1, 0)
        return Span((last, 0), (last, len(content(lines[last])) if lines else 0))
    text = lines[line]
    column = min(skip_item_marks(text, column), len(content(text)))
    end = text_end(text, column)
    if end <= column:  # nothing written here (the end of a line, a comment): the whole line
        start = len(text) - len(text.lstrip(" "))
        return Span((line, start), (line, max(text_end(text, start), start + 1 if text.strip() else start)))
    key = KEY.match(text, column)
    if key is None or key.end() >= end:
        return Span((line, column), (line, end))  # a bare value, or a key that opens a block
    value = text[key.end() : end].strip()
    if value[0] in "{[" and value[-1] in "}]":
        return Span((line, column), (line, end))
    last = _continuation_end(lines, line, column, block=value[0] in "|>")
    if last == line:
        return Span((line, column), (line, end))
    return Span((line, column), (last, text_end(lines[last], 0)))


def _continuation_end(lines: Sequence[str], line: int, key_column: int, block: bool) -> int:
    """The last line of a scalar that starts on ``line``: indented lines below its key continue it."""
    last = line
    for number in range(line + 1, len(lines)):
        depth = indent(lines[number])
        if depth is None:
            if block or not lines[number].strip():
                if not block:
                    break
                continue
            break
        if depth <= key_column or (not block and KEY.match(lines[number], depth)):
            break
        last = number
    return last


def key_line(lines: Sequence[str], first: int, key_indent: int, key: str) -> Spot | None:
    """Where ``key:`` is written as a key of the block mapping whose first key is at ``(first, key_indent)``.

    The search ends where the block does, at the first line indented less than its keys.
    """
    for number in range(first, len(lines)):
        text = lines[number]
        depth = indent(text)
        if depth is None:
            continue
        if number > first and depth < key_indent:
            return None
        column = skip_item_marks(text, depth)
        if column == key_indent and text.startswith(key, column) and text[column + len(key) :].lstrip(" ")[:1] == ":":
            return (number, column)
    return None
