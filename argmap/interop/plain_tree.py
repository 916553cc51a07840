"""Plain data (as ``json`` gives it) -> the tree the map builder reads, every value placed where its item is.

argmap's own keys carried inside another format (AIF nodes carry ``evidence``, ``assumption``,
``note``... in an ``argmap`` field; see :mod:`argmap.interop.aif_writer`) are read by the same
builder as a YAML map, with the same checks and messages: this module gives it a
:class:`~argmap.reading.tree.Tree` of that data, in which every mapping and list inside one item
is placed at the item's position (the other format has no finer places). Example::

    >>> from argmap.model import Position
    >>> tree = PlainTree({"thesis": {"claim": "T", "assumption": True}}, Position(1, 1))
    >>> tree.root["thesis"]["assumption"], tree.positions[id(tree.root["thesis"])]
    (Scalar(tag='tag:yaml.org,2002:bool', text='true'), Position(line=1, column=1))
"""

from __future__ import annotations

from ..model import Position
from ..reading.tree import BOOL, FLOAT, INT, NULL, OddKey, Scalar, Value


class PlainTree:
    """A :class:`~argmap.reading.tree.Tree` of plain data; :meth:`place` puts a part of it elsewhere."""

    def __init__(self, data: object, position: Position) -> None:
        self.root_position = position
        self.positions: dict[int, Position] = {}
        self.tags: dict[int, str] = {}
        self.key_order: dict[int, list[str | OddKey]] = {}
        self.shared: set[int] = set()
        self.root: Value = self.value(data, position)

    def value(self, data: object, position: Position) -> Value:
        """``data`` as tree values (scalars that are not text become :class:`Scalar`), placed at ``position``."""
        cls = data.__class__
        if cls is str:  # most values: first
            return data  # type: ignore[return-value]
        if cls is dict:
            made: dict | list = {str(key): self.value(item, position) for key, item in data.items()}  # type: ignore[attr-defined]
        elif cls is list:
            made = [self.value(item, position) for item in data]  # type: ignore[attr-defined]
        elif data is None:
            return Scalar(NULL, "null")
        elif isinstance(data, bool):
            return Scalar(BOOL, "true" if data else "false")
        elif isinstance(data, int):
            return Scalar(INT, str(data))
        else:
            return Scalar(FLOAT, repr(data))
        self.positions[id(made)] = position
        return made

    def value_position(self, container: dict | list, key: str | int) -> Position:
        value = container[key]  # type: ignore[index]
        return self.positions.get(id(value), self.positions[id(container)])

    def key_position(self, mapping: dict, key: str) -> Position:
        return self.positions[id(mapping)]
