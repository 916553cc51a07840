"""YAML text -> a tree of PyYAML nodes with positions, safely.

Composing (not constructing) keeps every node's place, never runs a tag's constructor, and lets the
builder see what PyYAML would hide: duplicate keys, merge keys and aliases. Example::

    >>> text = "thesis:\\n  claim: T\\n"
    >>> root, positions = compose(text, Path("m.yaml"))
    >>> positions.of(root.value[0][1].start_mark)
    Position(line=2, column=3)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from ..limits import MAX_EXPANDED_NODES, MAX_YAML_DEPTH
from ..model import Position
from ..problems import LoadError, Problem

try:  # libyaml's C parser is several times faster; PyYAML's pure one does the same work.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


#: Line breaks to PyYAML and to nobody else: editors, and argmap's users, count lines by LF and CR.
_UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")
_LINE_BREAK = "\r\n?|\n"  # compiled when first used: most maps hold none of _UNUSUAL_BREAKS


class MarkPositions:
    """PyYAML's marks as positions, by character offset: PyYAML counts U+0085, U+2028 and U+2029 as
    line breaks, so its own line and column drift after one of them; the offset does not."""

    def __init__(self, text: str) -> None:
        self.line_starts: list[int] | None = None
        if any(map(text.__contains__, _UNUSUAL_BREAKS)):  # else PyYAML's lines are everybody's: no table
            self.line_starts = [0, *(match.end() for match in re.finditer(_LINE_BREAK, text))]

    def of(self, mark: yaml.Mark) -> Position:
        if self.line_starts is None:
            return Position(line=mark.line + 1, column=mark.column + 1)
        line = bisect_right(self.line_starts, mark.index)
        return Position(line=line, column=mark.index - self.line_starts[line - 1] + 1)


def _error(path: Path, rule: str, message: str, at: Position) -> LoadError:
    return LoadError([Problem(str(path), at.line, at.column, rule, "error", message)])


def compose(text: str, path: Path) -> tuple[Node, MarkPositions]:
    """The document's root node, and its marks' positions; a :class:`LoadError` for anything that is
    not one YAML document.

    ``text`` must not start with a byte order mark (libyaml's offsets would not count it).
    """
    positions = MarkPositions(text)
    if _may_nest_deeply(text):
        _refuse_deep_nesting(text, path, positions)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "invalid YAML"
        if error.context and "expected a single document" in error.context:
            what = "the file holds more than one YAML document; a map is one document"
        at = positions.of(mark) if mark else _START
        raise _error(path, "yaml-syntax", f"invalid YAML: {what}", at) from None
    except yaml.reader.ReaderError as error:  # a character YAML forbids, e.g. a control character
        before = text[: error.position]
        at = Position(line=before.count("\n") + 1, column=error.position - (before.rfind("\n") + 1) + 1)
        raise _error(
            path, "yaml-syntax", f"invalid YAML: the character {error.character!r} is not allowed in YAML", at
        ) from None
    except yaml.YAMLError as error:
        raise _error(path, "yaml-syntax", f"invalid YAML: {error}", _START) from None
    except RecursionError:
        raise _error(path, "too-deep", "the YAML nests too deeply to read", _START) from None
    if root is None:
        raise _error(path, "empty-file", "the file holds no YAML document; a map needs at least a thesis", _START)
    if "&" in text:  # no anchor, no alias: nothing can expand
        _refuse_alias_bomb(root, path, positions)
    return root, positions


# Block nesting needs more indentation per level, or an indicator per level on one line ("- - x");
# flow nesting needs a bracket per level. Without those a document cannot nest MAX_YAML_DEPTH deep.
_DEEP_INDENT = "\n" + " " * (MAX_YAML_DEPTH // 4)
# Each starts with a literal, so that the regular expression engine skips through large maps.
_COMPACT_NESTING = (re.compile(r"- +[-?](?: |\n|\Z)"), re.compile(r"\? +[-?](?: |\n|\Z)"))


def _may_nest_deeply(text: str) -> bool:
    """False if the text surely nests less than MAX_YAML_DEPTH deep (a quick over-estimate)."""
    return (
        _DEEP_INDENT in text
        or text.startswith(_DEEP_INDENT[1:])
        or text.count("[") + text.count("{") >= MAX_YAML_DEPTH // 4
        or any(nesting.search(text) for nesting in _COMPACT_NESTING)
    )


_START = Position(line=1, column=1)


def _refuse_deep_nesting(text: str, path: Path, positions: MarkPositions) -> None:
    """Refuse documents nested deeper than MAX_YAML_DEPTH, before libyaml's recursive composer crashes.

    Reads only the parser's events, which libyaml produces without recursion.
    """
    try:
        _count_depth(text, path, _Loader, positions)
    except yaml.YAMLError as error:
        if "maximum nesting depth" not in str(error):
            return  # composing meets the same error first and reports it
        # PyYAML 6.0.4's libyaml stops at 1,000 levels, while its scanner may already be that far
        # ahead of the events we count: the pure-Python parser (no such limit, and no recursion
        # in its events) finds the level past MAX_YAML_DEPTH, as older PyYAMLs' libyaml does.
        try:
            _count_depth(text, path, yaml.SafeLoader, positions)
        except yaml.YAMLError:
            return


def _count_depth(text: str, path: Path, loader: type, positions: MarkPositions) -> None:
    """A ``too-deep`` LoadError at the first mapping or list that nests past MAX_YAML_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _error(
                    path,
                    "too-deep",
                    f"the YAML nests more than {MAX_YAML_DEPTH:,} levels deep (MAX_YAML_DEPTH)",
                    positions.of(event.start_mark),  # type: ignore[arg-type]
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _refuse_alias_bomb(root: Node, path: Path, positions: MarkPositions) -> None:
    """Refuse documents whose aliases expand to more than MAX_EXPANDED_NODES nodes.

    Counts the expanded size of every node once (aliases share their node object), iteratively, so
    that neither a "billion laughs" document nor deep nesting can exhaust memory or the stack.
    """
    size: dict[int, int] = {}
    entered: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in size:
            continue
        if not children_done:
            if id(node) in entered:  # reached again below itself: an alias inside its own anchor
                raise _error(path, "yaml-alias", "this node contains an alias to itself", positions.of(node.start_mark))
            entered.add(id(node))
        children = _children(node)
        if children_done or not children:
            total = 1 + sum(size[id(child)] for child in children)
            if total > MAX_EXPANDED_NODES:
                raise _error(
                    path,
                    "alias-bomb",
                    f"YAML aliases expand this document to more than {MAX_EXPANDED_NODES:,} nodes "
                    "(MAX_EXPANDED_NODES); argmap refuses it",
                    positions.of(node.start_mark),
                )
            size[id(node)] = total
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value  # type: ignore[no-any-return]
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_data(text: str, path: Path) -> object:
    """Plain data (what ``yaml.safe_load`` gives) from YAML text that is not a map, with a map's guards.

    For YAML inside other formats (Argdown's front matter and ``{...}`` data): ``yaml.safe_load``
    alone expands a "billion laughs" until memory runs out and overflows the stack on deep nesting.
    ``None`` for an empty document; raises :class:`LoadError` (``yaml-syntax``, ``too-deep``,
    ``alias-bomb``...), its positions in ``text``.
    """
    try:
        root, positions = compose(text, path)
    except LoadError as error:
        if error.problems[0].rule == "empty-file":
            return None
        raise
    try:  # deferred construction of nested values: no recursion, whatever the depth
        return yaml.constructor.SafeConstructor().construct_document(root)
    except yaml.MarkedYAMLError as error:  # e.g. a list as a mapping key
        at = positions.of(error.problem_mark) if error.problem_mark else _START
        raise _error(path, "yaml-syntax", f"invalid YAML: {error.problem}", at) from None
