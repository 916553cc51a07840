"""YAML text -> the plain tree (:mod:`argmap.reading.tree`), read by PyYAML: any YAML, every detail.

PyYAML composes the document into nodes that carry their marks, and this module turns the nodes
into the tree, keeping each container's node so that a position is found when it is asked for. It
reads everything YAML allows, and records what a map may not hold (explicit tags, merge keys, keys
that are not text, keys given twice) for the builder to report. An alias gives the very value of
its anchor, as PyYAML's composer gives its node. Example::

    >>> tree = read("thesis:\\n  claim: T\\n  claim: U\\n", "m.yaml")
    >>> tree.root, tree.key_order[id(tree.root["thesis"])][1]
    ({'thesis': {'claim': 'T'}}, OddKey(kind='duplicate', key='claim', position=Position(line=3, column=3), \
first=Position(line=2, column=3)))
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..model import Position
from .pyyaml_compose import MarkPositions, compose
from .tree import MERGE, READ_TAGS, STR, OddKey, Scalar, Value


def read(text: str, path: str | Path) -> PyYAMLTree:
    """The document as a tree; a :class:`~argmap.problems.LoadError` if it is not one YAML document."""
    root, positions = compose(text, Path(path))
    return PyYAMLTree(root, positions, aliases="&" in text)  # no anchor, no alias


class PyYAMLTree:
    """The tree of a composed document (see :class:`argmap.reading.tree.Tree`)."""

    def __init__(self, root: Node, marks: MarkPositions, aliases: bool = True) -> None:
        self.marks = marks
        self.positions: dict[int, Position] = {}
        self.tags: dict[int, str] = {}
        self.key_order: dict[int, list[str | OddKey]] = {}
        self.shared: set[int] = set()
        self.nodes: dict[int, Node] = {}  # id() of each container -> its node
        #: id() of each node -> its value, so that an alias gives the same one (if the text may hold one)
        self.values: dict[int, Value] | None = {} if aliases else None
        self.root = self.value(root)
        self.root_position = marks.of(root.start_mark)

    def value_position(self, container: dict | list, key: str | int) -> Position:
        node = self.nodes[id(container)]
        if isinstance(key, int):
            return self.marks.of(node.value[key].start_mark)
        return self.marks.of(self._entry(node, key)[1].start_mark)

    def key_position(self, mapping: dict, key: str) -> Position:
        return self.marks.of(self._entry(self.nodes[id(mapping)], key)[0].start_mark)

    @staticmethod
    def _entry(node: Node, key: str) -> tuple[Node, Node]:
        """The first entry with this text as its key: the one the mapping keeps."""
        entry: tuple[Node, Node] = next(pair for pair in node.value if pair[0].tag == STR and pair[0].value == key)
        return entry

    def value(self, node: Node) -> Value:
        values = self.values
        if values is not None and id(node) in values:  # an alias
            known = values[id(node)]
            if known.__class__ is not str:
                self.shared.add(id(known))
            return known
        if isinstance(node, ScalarNode):
            made: Value = node.value if node.tag == STR else Scalar(node.tag, node.value)
            if values is not None:
                values[id(node)] = made
            return made
        if isinstance(node, SequenceNode):
            items: list[Value] = []
            self._container(node, items)
            for item in node.value:  # a loop, not a generator: one frame for each of up to MAX_YAML_DEPTH levels
                items.append(self.value(item))
            return items
        mapping: dict[str, Value] = {}
        self._container(node, mapping)
        self.positions[id(mapping)] = self.marks.of(node.start_mark)
        order: list[str | OddKey] = []
        odd = False
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                order.append(OddKey("merge", "<<", self.marks.of(key_node.start_mark)))
            elif not isinstance(key_node, ScalarNode) or key_node.tag != STR:
                order.append(OddKey("not-text", self.value(key_node), self.marks.of(key_node.start_mark)))
            elif key_node.value in mapping:
                first = self.key_position(mapping, key_node.value)
                order.append(OddKey("duplicate", key_node.value, self.marks.of(key_node.start_mark), first))
            else:
                mapping[key_node.value] = self.value(value_node)
                order.append(key_node.value)
                continue
            odd = True
        if odd:
            self.key_order[id(mapping)] = order
        return mapping

    def _container(self, node: Node, value: dict | list) -> None:
        if self.values is not None:
            self.values[id(node)] = value
        self.nodes[id(value)] = node
        if node.tag not in READ_TAGS:
            self.tags[id(value)] = node.tag
