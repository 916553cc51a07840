"""Between argmap's places and the editor's: 0-based lines, characters counted in the client's units.

argmap counts a column in Python characters (code points) from 1; LSP counts from 0, in UTF-16
code units unless the client chose another encoding, so ``é😀x`` puts ``x`` at column 4 for
argmap and at character 3 for most editors. pygls's position codec does the counting.
"""

from __future__ import annotations

from collections.abc import Sequence

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
