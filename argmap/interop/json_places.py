"""Where things are written in a JSON text: the start of each element of a top-level array, as line and column.

Python's ``json`` gives values without places; problems with a node of an AIF graph must point at it
in the file. One walk over the top-level object, with the C decoder reading each value whole
(``raw_decode``), finds where every element of the named arrays starts, in a few milliseconds for a
graph of 50,000 nodes. The text must be valid JSON (``json.loads`` first). Example::

    >>> text = '{"nodes": [\\n  {"nodeID": "1"},\\n  {"nodeID": "2"}]}'
    >>> places = Places(text)
    >>> [places.position(offset) for offset in element_starts(text, ("nodes", "edges"))["nodes"]]
    [Position(line=2, column=3), Position(line=3, column=3)]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right

from ..model import Position

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def element_starts(text: str, keys: tuple[str, ...]) -> dict[str, list[int]]:
    """For each of ``keys`` that names an array of the top-level object: where each element starts.

    A key given twice counts as ``json.loads`` takes it: the last. Raises ValueError on a text that
    is not a JSON object.
    """
    found: dict[str, list[int]] = {}
    decode = _DECODER.raw_decode
    i = _skip(text, 0)
    if text[i : i + 1] != "{":
        raise ValueError("not a JSON object")
    i += 1
    while True:
        i = _skip(text, i)
        if text[i] == "}":
            return found
        key, i = decode(text, i)
        i = _skip(text, _skip(text, i) + 1)  # past the ':'
        if key in keys and text[i] == "[":
            starts = found[key] = []
            i = _skip(text, i + 1)
            while text[i] != "]":
                starts.append(i)
                i = _skip(text, decode(text, i)[1])
                if text[i] == ",":
                    i = _skip(text, i + 1)
            i += 1
        else:
            i = decode(text, i)[1]
        i = _skip(text, i)
        if text[i] == ",":
            i += 1


def _skip(text: str, i: int) -> int:
    """Where the first character that is not JSON white space stands, from ``i`` on."""
    return _SPACE.match(text, i).end()  # type: ignore[union-attr]  # '*' matches everywhere


class Places:
    """Offsets in a text as 1-based lines and columns (a search over the line starts, made once)."""

    def __init__(self, text: str) -> None:
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def position(self, offset: int) -> Position:
        line = bisect_right(self.line_starts, offset)
        return Position(line, offset - self.line_starts[line - 1] + 1)
