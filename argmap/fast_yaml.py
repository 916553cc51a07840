"""A fast reader for the plain block subset of YAML that generated and imported maps are written in.

PyYAML builds two Python objects per scalar (a node and its marks) and takes about 15 s for a
100,000-claim map; this reader takes one regular-expression match per line and keeps only what
the fast loader needs. It reads what machines write: block mappings and block lists (indented or
not), plain and quoted one-line scalars, comments and blank lines. It returns ``None`` for anything
else (anchors, aliases, tags, flow collections, block or multi-line scalars, tabs, several
documents, duplicate keys, any syntax error) so that the caller reads the text with PyYAML
instead, and every message and position for unusual input stays PyYAML's. Example::

    >>> tree = parse("thesis:\\n  claim: Tax cuts pay for themselves.\\n")
    >>> tree["thesis"]["claim"], (tree["thesis"].line, tree["thesis"].column)
    ('Tax cuts pay for themselves.', (1, 2))

The tree is made of :class:`Mapping` (a dict that knows its position), lists, and scalars: a
``str`` for a scalar PyYAML resolves to ``!!str`` or ``!!timestamp`` (text, to argmap), else a
:class:`Tagged` pair such as ``Tagged("tag:yaml.org,2002:bool", "true")``. Positions are
0-based like PyYAML's marks. Its sameness with PyYAML is tested in tests/test_loader_parity.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Union

from yaml.resolver import Resolver

_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_IMPLICIT = Resolver.yaml_implicit_resolvers  # the tables SafeLoader and CSafeLoader resolve with

# A plain scalar on one line: no leading indicator, no ": " or " #" inside, no trailing space.
_PLAIN = (
    r"(?:[^ \n\-?:,\[\]{}#&*!|>'\"%@`]|[-?:](?=[^ \n]))"
    r"(?:[^ \n:]|:(?=[^ \n])| +(?=[^ \n#:]|:[^ \n]))*"
)
_SINGLE = r"'(?:[^'\n]|'')*'"
_DOUBLE = r'"(?:[^"\\\n]|\\[^\n])*"'
_SCALAR = f"{_PLAIN}|{_SINGLE}|{_DOUBLE}"
#: One line: indentation, an optional "- ", an optional "key:", an optional value, a comment.
_LINE = re.compile(
    rf"( *)(?:(-)(?: +|$))?(?:({_SCALAR}) *(:)(?: +|$))?({_SCALAR})?(?: *(?<![^ ])#.*| *)$"
)
#: Characters PyYAML refuses or treats specially (tabs, other line breaks, a byte order mark).
_UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?:[ \n]|$)", re.M)
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
# PyYAML's double-quote escapes (yaml/scanner.py ESCAPE_REPLACEMENTS).
_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\x09", "\t": "\x09", "n": "\x0a", "v": "\x0b",
    "f": "\x0c", "r": "\x0d", "e": "\x1b", " ": "\x20", '"': '"', "\\": "\\", "/": "/",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_LONGEST_KEY = 1000  # PyYAML refuses simple keys longer than 1024 characters


class Tagged(NamedTuple):
    """A scalar that is not text: its resolved tag and its text, e.g. an int or a bool."""

    tag: str
    value: str


Scalar = Union[str, Tagged]


class Mapping(dict):
    """A block mapping: key -> value, with its 0-based position (its first key's)."""

    __slots__ = ("line", "column", "value_at")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        #: key -> 0-based (line, column) of each scalar value (an empty value: just after the ':').
        self.value_at: dict[str, tuple[int, int]] = {}


class _Unsupported(Exception):
    """The text leaves the subset this reader handles: read it with PyYAML."""


def parse(text: str) -> Mapping | list | None:
    """The document's tree, or ``None`` if it is not in the plain block subset."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")  # a line break either way; no column moves
    if _UNUSUAL.search(text):
        return None
    lines = text.split("\n")
    first = _skip_document_start(text, lines)
    if first is None:
        return None
    try:
        return _Parser().run(lines, first)
    except _Unsupported:
        return None


def _skip_document_start(text: str, lines: list[str]) -> int | None:
    """Index of the line to start at: after one leading ``---``; ``None`` for other markers."""
    markers = list(_DOCUMENT_MARKER.finditer(text))
    if not markers:
        return 0
    if len(markers) > 1 or not text.startswith("---"):  # "---" after comments: let PyYAML judge
        return None
    rest = lines[0][3:].strip(" ")
    return 1 if not rest or rest.startswith("#") else None


def _resolve(raw: str) -> str:
    """The tag PyYAML's SafeLoader gives the plain scalar ``raw`` (yaml.resolver.Resolver.resolve)."""
    for tag, regexp in _IMPLICIT.get(raw[0], ()):
        if regexp.match(raw):
            return tag
    return _STR


def _scalar(raw: str) -> Scalar:
    """The value of the scalar written as ``raw``: text, or a :class:`Tagged` non-text."""
    first = raw[0]
    if first == "'":
        return raw[1:-1].replace("''", "'")
    if first == '"':
        body = raw[1:-1]
        return _ESCAPE.sub(_unescape, body) if "\\" in body else body
    if first in _IMPLICIT:
        tag = _resolve(raw)
        if tag != _STR and tag != _TIMESTAMP:
            return Tagged(tag, raw)
    return raw


def _key(raw: str) -> str:
    """A key's text; keys that are not ``!!str`` (numbers, dates, ``<<``) are the loader's to report."""
    if raw[0] in _IMPLICIT and _resolve(raw) != _STR:
        raise _Unsupported
    return _scalar(raw)  # type: ignore[return-value]


def _unescape(match: re.Match) -> str:
    code = match.group(1) or match.group(2) or match.group(3)
    if code:
        return chr(int(code, 16))
    try:
        return _ESCAPES[match.group(4)]
    except KeyError:
        raise _Unsupported from None  # PyYAML: "found unknown escape character"


class _Frame:
    """An open block collection: its indentation column and the container being filled."""

    __slots__ = ("column", "mapping", "sequence", "indentless")

    def __init__(self, column: int, mapping: Mapping | None, sequence: list | None, indentless: bool) -> None:
        self.column = column
        self.mapping = mapping
        self.sequence = sequence
        self.indentless = indentless


class _Parser:
    """Line by line, keeping a stack of open collections like PyYAML's scanner."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.root: Mapping | list | None = None
        # An entry still waiting for its value ("key:" or "-" at the end of a line): the frame,
        # the key (None for a list item), and where an empty value would be.
        self.pending: tuple[_Frame, str | None, int, int] | None = None

    def run(self, lines: list[str], first: int) -> Mapping | list | None:
        match = _LINE.match
        for number in range(first, len(lines)):
            line = lines[number]
            m = match(line)
            if m is None:
                raise _Unsupported
            indent, dash, key, colon, value = m.groups()
            if dash is None and key is None and value is None:
                continue  # blank or comment only
            if key is not None and (len(key) > _LONGEST_KEY or colon is None):
                raise _Unsupported
            self.line(number, len(indent), dash is not None, key, value, m, line)
        self.settle_pending()
        return self.root

    def line(self, number: int, column: int, dash: bool, key: str | None, value: str | None, m: re.Match, text: str) -> None:
        frame = self.open_pending(number, column, dash, key) if self.pending else None
        if frame is None:
            frame = self.top(column, dash) if self.stack else self.open_root(number, column, dash, key)
        if dash:
            self.fill_item(frame, number, column, key, value, m, text)
        else:
            self.add_entry(frame.mapping, frame, number, key, value, m, text)  # type: ignore[arg-type]

    def open_root(self, number: int, column: int, dash: bool, key: str | None) -> _Frame:
        if self.root is not None or (not dash and key is None):
            raise _Unsupported  # a second root, or a scalar document
        frame = _Frame(column, None, [], False) if dash else _Frame(column, Mapping(number, column), None, False)
        self.root = frame.sequence if dash else frame.mapping
        self.stack.append(frame)
        return frame

    def top(self, column: int, dash: bool) -> _Frame:
        """The open collection this line continues, closing deeper ones."""
        stack = self.stack
        while stack and stack[-1].column > column:
            stack.pop()
        if not stack:
            raise _Unsupported  # text after the document's root has ended, or no root yet
        frame = stack[-1]
        if frame.column != column:
            raise _Unsupported  # between two indentation levels: a continuation line or an error
        if frame.sequence is not None and not dash:
            if not frame.indentless:
                raise _Unsupported
            stack.pop()  # a key at the column of an indentless list ends the list
            frame = stack[-1]
        if (frame.sequence is None) == dash:
            raise _Unsupported
        return frame

    def open_pending(self, number: int, column: int, dash: bool, key: str | None) -> _Frame | None:
        """Give the waiting entry its value: a collection opened by this line, or empty."""
        parent, pending_key, _, _ = self.pending  # type: ignore[misc]
        nested = column > parent.column or (dash and column == parent.column and pending_key is not None)
        if not nested:
            self.settle_pending()
            return None
        self.pending = None
        if not dash and key is None:
            raise _Unsupported  # a scalar on the next line: possibly multi-line, PyYAML reads it
        if dash:
            frame = _Frame(column, None, [], column == parent.column)
            container: Mapping | list = frame.sequence  # type: ignore[assignment]
        else:
            frame = _Frame(column, Mapping(number, column), None, False)
            container = frame.mapping  # type: ignore[assignment]
        self.store(parent, pending_key, container)
        self.stack.append(frame)
        return frame

    def settle_pending(self) -> None:
        """The waiting entry has no value: PyYAML's empty null scalar, placed after its indicator."""
        if self.pending is None:
            return
        parent, key, line, column = self.pending
        self.pending = None
        self.store(parent, key, Tagged(_NULL, ""))
        if key is not None:
            parent.mapping.value_at[key] = (line, column)  # type: ignore[union-attr]

    def store(self, frame: _Frame, key: str | None, value: object) -> None:
        if key is None:
            frame.sequence.append(value)  # type: ignore[union-attr]
        else:
            frame.mapping[key] = value  # type: ignore[index]

    def fill_item(
        self, frame: _Frame, number: int, column: int, key: str | None, value: str | None, m: re.Match, text: str
    ) -> None:
        if key is not None:  # "- key: ...": a mapping in the item, at its first key
            mapping = Mapping(number, m.start(3))
            frame.sequence.append(mapping)  # type: ignore[union-attr]
            inner = _Frame(m.start(3), mapping, None, False)
            self.stack.append(inner)
            self.add_entry(mapping, inner, number, key, value, m, text)
        elif value is not None:
            frame.sequence.append(_scalar(value))  # type: ignore[union-attr]
        else:
            self.pending = (frame, None, number, column + 1)

    def add_entry(
        self, mapping: Mapping | None, frame: _Frame, number: int, key: str, value: str | None, m: re.Match, text: str
    ) -> None:
        if mapping is None:
            raise _Unsupported
        name = _key(key)
        if name in mapping:
            raise _Unsupported  # given twice: the loader reports it
        if value is None:
            mapping[name] = None
            self.pending = (frame, name, number, m.end(4))
            return
        mapping[name] = _scalar(value)
        mapping.value_at[name] = (number, m.start(5))
