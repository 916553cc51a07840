"""Typed access to the tree's values for the builder, reporting every value of the wrong shape once.

Each accessor takes the value's place (its container and key) rather than the value, so that a
problem can say where it is; the place is turned into a line and column only when a problem is
reported, and only by a sink that keeps problems. Example::

    >>> from argmap.reading.pyyaml_tree import read
    >>> tree = read("thesis:\\n  claim: 12\\n", "m.yaml")
    >>> values = CheckedValues(tree, KeepProblems(tree, "m.yaml"))
    >>> values.text(tree.root["thesis"], "claim", "the claim") is None, values.sink.found[0].message
    (True, 'the claim must be text, not a number; put it in quotes: "12"')
"""

from __future__ import annotations

from pathlib import Path

from ..limits import MAX_LOAD_PROBLEMS
from ..model import Position
from ..problems import LoadError, Problem
from ..suggestions import did_you_mean
from .tree import BOOL, FLOAT, INT, NULL, READ_TAGS, SCALAR_TAGS, TIMESTAMP, YAML, OddKey, ReadAgain, Scalar, Tree

_ABSENT = object()
_DESCRIPTIONS = {INT: "a number", FLOAT: "a number", BOOL: "true/false", NULL: "empty", TIMESTAMP: "a date"}


class Where:
    """A value's place: ``container[key]``; the container itself if ``key`` is None; the key if ``on_key``.

    Made only when a problem is reported (a plain class: a named tuple costs start-up time).
    """

    __slots__ = ("container", "key", "on_key")

    def __init__(self, container: dict | list | None, key: str | int | None = None, on_key: bool = False) -> None:
        self.container = container  # None for the document's top value
        self.key = key
        self.on_key = on_key


class KeepProblems:
    """Keeps every problem, up to MAX_LOAD_PROBLEMS (then counts the rest): the PyYAML reading's sink."""

    def __init__(self, tree: Tree, path: str | Path) -> None:
        self.tree = tree
        self.path = str(path)
        self.found: list[Problem] = []
        self.overflow = 0

    def report(self, at: Where | Position, rule: str, message: str) -> None:
        if len(self.found) >= MAX_LOAD_PROBLEMS:
            self.overflow += 1
            return
        position = at if isinstance(at, Position) else _locate(self.tree, at)
        self.found.append(Problem(self.path, position.line, position.column, rule, "error", message))

    def fail(self) -> LoadError:
        """The error to raise now: the problems so far, and a count of those beyond the limit."""
        if self.overflow:
            more = f"and {self.overflow} more problems"
            self.found.append(self.found[-1]._replace(rule="too-many-problems", message=more))
            self.overflow = 0
        return LoadError(self.found)


class StopAtFirstProblem:
    """The fast reading's sink: its first problem ends the reading, and PyYAML reads the text again,
    so that every problem and its position come from one reading."""

    found: list[Problem] = []  # noqa: RUF012 - always empty: nothing is ever added

    def report(self, at: Where | Position, rule: str, message: str) -> None:
        raise ReadAgain

    def fail(self) -> Exception:
        return ReadAgain()


def _locate(tree: Tree, at: Where) -> Position:
    if at.container is None:
        return tree.root_position
    if at.on_key:
        return tree.key_position(at.container, at.key)  # type: ignore[arg-type]
    if at.key is None:
        return tree.positions[id(at.container)]
    return tree.value_position(at.container, at.key)


def describe(value: object) -> str:
    """A value's kind, for messages: ``a mapping``, ``a number``, ``'text'``..."""
    if value.__class__ is dict:
        return "a mapping"
    if value.__class__ is list:
        return "a list"
    if value.__class__ is str:
        return f"'{value}'"
    return _DESCRIPTIONS.get(value.tag, "a tagged value")  # type: ignore[attr-defined]


class CheckedValues:
    """The tree's values as argmap reads them: text, flags, lists, mappings with the keys allowed."""

    def __init__(self, tree: Tree, sink: KeepProblems | StopAtFirstProblem) -> None:
        self.tree = tree
        self.sink = sink
        self.report = sink.report
        self.positions = tree.positions
        self.tags = tree.tags
        #: id() of each mapping or list a quick path must not take: tagged, or with odd keys (often none)
        self.unusual = tree.tags.keys() | tree.key_order.keys()

    def entries(
        self, parent: dict | list | None, key: str | int | None, what: str, allowed: tuple[str, ...]
    ) -> dict | None:
        """The mapping's entries with the keys allowed (any if none are named); reports the rest."""
        node = self.tree.root if parent is None else parent[key]  # type: ignore[index]
        if not self.tag_ok(parent, key, node):
            return None
        if node.__class__ is not dict:
            self.report(
                Where(parent, key), "wrong-type", f"{what} must be a mapping (key: value lines), not {describe(node)}"
            )
            return None
        order = self.tree.key_order.get(id(node))
        if order is None and (not allowed or frozenset(allowed).issuperset(node)):
            return node
        result = {}
        for entry in order if order is not None else list(node):
            if isinstance(entry, OddKey):
                self.odd_key(entry, what)
            elif allowed and entry not in allowed:
                suggestion = did_you_mean(entry, allowed, otherwise=f" (expected one of: {', '.join(allowed)})")
                self.report(Where(node, entry, True), "unknown-key", f"unknown key '{entry}' in {what}{suggestion}")
            else:
                result[entry] = node[entry]
        return result

    def odd_key(self, key: OddKey, what: str) -> None:
        if key.kind == "merge":
            self.report(key.position, "merge-key", "merge keys (<<) are not supported in maps; write the keys out")
        elif key.kind == "not-text":
            self.report(key.position, "wrong-type", f"keys must be plain words, not {describe(key.key)}")
        else:
            self.report(
                key.position,
                "duplicate-key",
                f"'{key.key}' is given twice in this {what} (first on line {key.first.line}); YAML would "  # type: ignore[union-attr]
                "silently keep only the last one",
            )

    def tag_ok(self, parent: dict | list | None, key: str | int | None, value: object) -> bool:
        """False (and a problem) for an explicit tag argmap does not read, e.g. ``!!python/object``."""
        if value.__class__ is str:
            return True
        tag = value.tag if value.__class__ is Scalar else self.tags.get(id(value))
        if tag is None or tag in READ_TAGS:
            return True
        short = "!!" + tag.removeprefix(YAML) if tag.startswith(YAML) else tag
        self.report(Where(parent, key), "yaml-tag", f"the YAML tag '{short}' is not allowed in maps")
        return False

    def text(self, parent: dict | list, key: str | int, what: str) -> str | None:
        value = parent[key]  # type: ignore[index]
        if value.__class__ is str:
            return value
        if not self.tag_ok(parent, key, value):
            return None
        if value.__class__ is Scalar and value.tag == TIMESTAMP:  # an unquoted date is text to argmap
            return value.text
        if value.__class__ is Scalar and value.tag in SCALAR_TAGS and value.tag != NULL:
            message = f'{what} must be text, not {describe(value)}; put it in quotes: "{value.text}"'
        else:
            message = f"{what} must be text, not {describe(value)}"
        self.report(Where(parent, key), "wrong-type", message)
        return None

    def optional_text(self, mapping: dict, key: str, what: str) -> str | None:
        value = mapping.get(key, _ABSENT)
        if value.__class__ is str:
            return value
        return None if value is _ABSENT else self.text(mapping, key, what)

    def texts(self, parent: dict, key: str, what: str) -> tuple[str, ...]:
        items = self.sequence(parent, key, what)
        texts = (self.text(items, index, f"each of {what}") for index in range(len(items)))
        return tuple(text for text in texts if text is not None)

    def flag(self, parent: dict, key: str, what: str) -> bool:
        value = parent[key]
        if not self.tag_ok(parent, key, value):
            return False
        if value.__class__ is Scalar and value.tag == BOOL:
            return value.text.lower() in ("true", "yes", "on")
        self.report(Where(parent, key), "wrong-type", f"{what} must be true or false, not {describe(value)}")
        return False

    def sequence(self, parent: dict, key: str, what: str) -> list:
        value = parent[key]
        if value.__class__ is list and not (self.unusual and id(value) in self.unusual):
            return value
        if not self.tag_ok(parent, key, value):
            return []
        if value.__class__ is Scalar and value.tag == NULL:
            return []  # `premises:` with nothing under it yet, as while typing
        if value.__class__ is list:
            return value
        self.report(
            Where(parent, key), "wrong-type", f"{what} must be a list (lines starting with '- '), not {describe(value)}"
        )
        return []
