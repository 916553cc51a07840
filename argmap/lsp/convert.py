"""Between argmap's places and the editor's: 0-based lines, characters counted in the client's units.

argmap counts a column in Python characters (code points) from 1; LSP counts from 0, in UTF-16
code units unless the client chose another encoding, so ``é😀x`` puts ``x`` at column 4 for
argmap and at character 3 for most editors. pygls's position codec does the counting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from .spans import Span, Spot


def to_range(codec: PositionCodec, lines: Sequence[str], span: Span) -> types.Range:
    """The editor's range for a span of the text."""
    return types.Range(to_position(codec, lines, span.start), to_position(codec, lines, span.end))


def to_position(codec: PositionCodec, lines: Sequence[str], spot: Spot) -> types.Position:
    line, column = spot
    if line >= len(lines):
        return types.Position(line=len(lines), character=0)
    if lines[line].isascii():  # every encoding counts one unit per ASCII character (most lines: fast)
        return types.Position(line=line, character=min(column, len(lines[line])))
    return codec.position_to_client_units(lines, types.Position(line, column))


def from_position(codec: PositionCodec, lines: Sequence[str], position: types.Position) -> Spot:
    """The 0-based line and Python index of an editor's position."""
    if position.line >= len(lines):
        return (position.line, 0)
    found = codec.position_from_client_units(lines, types.Position(position.line, position.character))
    return (found.line, found.character)


def edited(codec: PositionCodec, text: str, change: types.TextDocumentContentChangeEvent) -> str:
    """The text after one change the editor sent: a range replaced, or the whole text.

    Counted in the same lines as everything else here (pygls's own copy of the text breaks lines
    at \\x85 and \\u2028 too, so an edit below one of them would land on the wrong line).
    """
    if not isinstance(change, types.TextDocumentContentChangePartial):
        return change.text
    start, end = (_offset(codec, text, position) for position in (change.range.start, change.range.end))
    return text[:start] + change.text + text[end:]


_BREAK = re.compile(r"\r\n|\r|\n")


def _offset(codec: PositionCodec, text: str, position: types.Position) -> int:
    """Where a position of the editor's is in the text, found without splitting all of it into lines."""
    start = 0
    if position.line:
        found = next(islice(_BREAK.finditer(text), position.line - 1, None), None)
        if found is None:
            return len(text)
        start = found.end()
    following = _BREAK.search(text, start)
    line = text[start : following.end() if following else len(text)]
    return start + min(from_position(codec, [line], types.Position(0, position.character))[1], len(line))
