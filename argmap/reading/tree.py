"""The plain tree both YAML readers produce, and the builder reads: values, and where they were written.

A document becomes dicts (keys are text), lists, ``str`` for every scalar PyYAML reads as text, and
:class:`Scalar` for every other scalar (a number, a flag, empty, a date, a tagged value), which
keeps its YAML tag and its text as written. Positions are kept beside the values, keyed by the
``id()`` of each mapping, and a reader finds the position of any other value, or of a key, only
when asked, so that reading a clean map pays for nothing it does not use. What YAML allows and a
map does not (explicit tags on mappings and lists, merge keys, keys that are not text, keys given
twice) is recorded beside the values too, for the builder to report. Example::

    >>> from argmap.reading.pyyaml_tree import read
    >>> tree = read("thesis:\\n  claim: T\\n  assumption: yes\\n", "m.yaml")
    >>> tree.root
    {'thesis': {'claim': 'T', 'assumption': Scalar(tag='tag:yaml.org,2002:bool', text='yes')}}
    >>> tree.positions[id(tree.root["thesis"])], tree.value_position(tree.root["thesis"], "assumption")
    (Position(line=2, column=3), Position(line=3, column=15))
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Protocol

from ..model import Position

YAML = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
SEQ, MAP, MERGE = YAML + "seq", YAML + "map", YAML + "merge"
#: The tags of scalars a map may hold; any other explicit tag is a ``yaml-tag`` problem.
SCALAR_TAGS = frozenset((STR, INT, FLOAT, BOOL, NULL, TIMESTAMP))
#: The tags a map may hold on any value (a mapping tagged ``!!str`` is read as a mapping, as ever).
READ_TAGS = SCALAR_TAGS | {SEQ, MAP}


class Scalar(NamedTuple):
    """A scalar that is not text to YAML: its tag and its text as written (``"yes"``, ``"0x1"``, ``""``)."""

    tag: str
    text: str


class OddKey(NamedTuple):
    """A key the builder reports: a merge key (``<<``), a key that is not text, or a key given twice."""

    kind: Literal["merge", "not-text", "duplicate"]
    #: The key as a tree value (the text of a duplicate key).
    key: object
    position: Position
    #: Where a duplicate key was first given.
    first: Position | None = None


#: A value of the tree.
Value = str | Scalar | dict | list


class ReadAgain(Exception):
    """The fast reading stopped (a problem to report, or a position it cannot tell): read with PyYAML."""


class Tree(Protocol):
    """A YAML document as plain values, and where each was written (1-based lines and columns)."""

    #: The document's top value.
    root: Value
    root_position: Position
    #: ``id()`` of each mapping -> where it starts (at its first key, as PyYAML puts it).
    positions: dict[int, Position]
    #: ``id()`` of a mapping or list tagged with a tag argmap does not read -> the tag.
    tags: dict[int, str]
    #: ``id()`` of a mapping that has odd keys -> all its keys in document order.
    key_order: dict[int, list[str | OddKey]]
    #: ``id()`` of each value (but text) given more than once, by a YAML alias.
    shared: set[int]

    def value_position(self, container: dict | list, key: str | int) -> Position:
        """Where ``container[key]`` is written (``key`` an index for a list)."""
        ...

    def key_position(self, mapping: dict, key: str) -> Position:
        """Where ``key`` itself is written in ``mapping``."""
        ...
