"""YAML map text -> :class:`~argmap.model.ArgumentMap`, every node keeping its position.

The loader checks the *shape* of the input (keys, types, required text) and reports every problem
it finds as a :class:`~argmap.problems.LoadError`; it does not judge the argument (that is what the
rules do). Example::

    >>> m = load("maps/tutorial-basics.yaml")   # doctest: +SKIP
    >>> m.thesis.text
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..limits import MAX_CLAIM_DEPTH, MAX_CLAIMS, MAX_LOAD_PROBLEMS
from ..model import (
    EVIDENCE_KINDS,
    RELATIONS,
    ROLE_OF_RELATION,
    ArgumentMap,
    Claim,
    Evidence,
    Item,
    Position,
    Reason,
    Ref,
    Role,
    Source,
)
from ..problems import LoadError, Problem
from ..suggestions import did_you_mean
from .pyyaml_tree import compose
from .text import read_text

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]+\Z")
TOP_KEYS = ("argmap", "title", "description", "sources", "thesis")
CLAIM_KEYS = ("id", "claim", *RELATIONS, "evidence", "assumption", "note", "tags", "ignore")
EVIDENCE_KEYS = ("quote", "text", "source", "kind", "locator", "url", "note")
SOURCE_KEYS = ("author", "title", "date", "publisher", "url", "file", "note")
_YAML = "tag:yaml.org,2002:"
_STR_TAGS = (_YAML + "str", _YAML + "timestamp")  # an unquoted date is text to argmap
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_LETTER = {"premises": "p", "objections": "o", "rebuttals": "r", "undercuts": "u"}


def load(path: str | Path) -> ArgumentMap:
    """Read and parse a map file; raise :class:`LoadError` if it cannot be read or is invalid."""
    path = Path(path)
    return loads(read_text(path), path)


#: Which YAML reader loads maps: "auto" (yaml-rs for large plain maps, else PyYAML), "pyyaml" or
#: "fast" (yaml-rs whenever it can, whatever the size). Set by the ARGMAP_YAML environment variable.
YAML_READER = os.environ.get("ARGMAP_YAML", "auto")
#: Below this many characters (a map of about 300 claims) yaml-rs saves less than its import costs.
FAST_READER_MIN_CHARS = 64 * 1024


def loads(text: str, path: str | Path = "<string>") -> ArgumentMap:
    """Parse map text; ``path`` names it in problems and anchors relative source files."""
    path = Path(path)
    # Loading makes millions of objects and no reference cycles: the cyclic garbage collector would
    # only walk them again and again (it tripled the time for 100,000 claims).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if YAML_READER == "fast" or (YAML_READER == "auto" and len(text) >= FAST_READER_MIN_CHARS):
            from .fast_loader import load_fast

            argmap = load_fast(text, path)
            if argmap is not None:
                return argmap
        return _Builder(path).build(compose(text, path))
    finally:
        if collecting:
            gc.enable()


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """One pass over the node tree, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.claims: list[Claim | None] = []
        self.overflow = 0
        self.claim_nodes: set[int] = set()
        self.uids: set[str] = set()

    # -- reporting -------------------------------------------------------------------------------

    def problem(self, node: Node, rule: str, message: str) -> None:
        if len(self.problems) >= MAX_LOAD_PROBLEMS:
            self.overflow += 1
            return
        line, column = _pos(node).line, _pos(node).column
        self.problems.append(Problem(str(self.path), line, column, rule, "error", message))

    def fail_now(self) -> LoadError:
        return LoadError(self.problems)

    # -- typed access ------------------------------------------------------------------------------

    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]] | None:
        """The mapping's entries by key; reports a wrong type, bad keys and duplicates."""
        if not self.check_tags(node):
            return None
        if not isinstance(node, MappingNode):
            self.problem(node, "wrong-type", f"{what} must be a mapping (key: value lines), not {_kind(node)}")
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _YAML + "merge":
                self.problem(key_node, "merge-key", "merge keys (<<) are not supported in maps; write the keys out")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != _YAML + "str":
                self.problem(key_node, "wrong-type", f"keys must be plain words, not {_kind(key_node)}")
                continue
            key = key_node.value
            if key in entries:
                first = _pos(entries[key][0])
                self.problem(
                    key_node,
                    "duplicate-key",
                    f"'{key}' is given twice in this {what} (first on line {first.line}); YAML would silently "
                    "keep only the last one",
                )
                continue
            if allowed and key not in allowed:
                self.problem(key_node, "unknown-key", f"unknown key '{key}' in {what}{_did_you_mean(key, allowed)}")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def text(self, node: Node, what: str) -> str | None:
        if not self.check_tags(node):
            return None
        if isinstance(node, ScalarNode) and node.tag in _STR_TAGS:
            return node.value
        if isinstance(node, ScalarNode) and node.tag in _SCALAR_TAGS and node.tag != _YAML + "null":
            self.problem(
                node, "wrong-type", f'{what} must be text, not {_kind(node)}; put it in quotes: "{node.value}"'
            )
        else:
            self.problem(node, "wrong-type", f"{what} must be text, not {_kind(node)}")
        return None

    def flag(self, node: Node, what: str) -> bool:
        if not self.check_tags(node):
            return False
        if isinstance(node, ScalarNode) and node.tag == _YAML + "bool":
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, "wrong-type", f"{what} must be true or false, not {_kind(node)}")
        return False

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not self.check_tags(node):
            return []
        if isinstance(node, ScalarNode) and node.tag == _YAML + "null":
            return []  # `premises:` with nothing under it yet, as while typing
        if isinstance(node, SequenceNode):
            return node.value
        self.problem(node, "wrong-type", f"{what} must be a list (lines starting with '- '), not {_kind(node)}")
        return []

    def texts(self, node: Node, what: str) -> tuple[str, ...]:
        items = (self.text(item, f"each of {what}") for item in self.sequence(node, what))
        return tuple(item for item in items if item is not None)

    def check_tags(self, node: Node) -> bool:
        """False (and a problem) for an explicit tag argmap does not read, e.g. ``!!python/object``."""
        if node.tag.startswith(_YAML) and (node.tag in _SCALAR_TAGS or node.tag in (_YAML + "seq", _YAML + "map")):
            return True
        self.problem(node, "yaml-tag", f"the YAML tag '{_short_tag(node.tag)}' is not allowed in maps")
        return False

    # -- the map ---------------------------------------------------------------------------------------

    def build(self, root: Node) -> ArgumentMap:
        if not isinstance(root, MappingNode):
            self.problem(root, "not-a-map", f"the top level must be a mapping with a 'thesis', not {_kind(root)}")
            raise self.fail_now()
        top = self.mapping(root, "map", TOP_KEYS) or {}
        version = FORMAT_VERSION
        if "argmap" in top:
            node = top["argmap"][1]
            if isinstance(node, ScalarNode) and node.tag == _YAML + "int":
                try:
                    version = int(node.value, 0)
                except ValueError:  # YAML 1.1 ints Python does not read, such as "01": not 1 either
                    version = 0
            if version != FORMAT_VERSION or node.tag != _YAML + "int":
                self.problem(
                    node, "bad-version", f"unsupported format version {node.value!r}; this argmap reads version 1"
                )
        title = self.text(top["title"][1], "title") if "title" in top else None
        if "description" in top:
            self.text(top["description"][1], "description")
        sources = self.sources(top["sources"][1]) if "sources" in top else {}
        if "thesis" not in top:
            self.problem(root, "missing-thesis", "the map has no 'thesis'")
            raise self.fail_now()
        thesis = self.claim(top["thesis"][1], "thesis", "#thesis", 0)
        if self.overflow:
            self.problems.append(
                self.problems[-1]._replace(rule="too-many-problems", message=f"and {self.overflow} more problems")
            )
        if self.problems or thesis is None:
            raise self.fail_now()
        claims = tuple(claim for claim in self.claims if claim is not None)
        return ArgumentMap(self.path, thesis, version, title, sources, claims)

    def sources(self, node: Node) -> dict[str, Source]:
        entries = self.mapping(node, "sources", ())
        if entries is None:
            return {}
        result = {}
        for key, (key_node, value) in entries.items():
            source = self.source(value, key)
            if source is not None:
                result[key] = source
        return result

    def source(self, node: Node, key: str | None) -> Source | None:
        entries = self.mapping(node, "source", SOURCE_KEYS)
        if entries is None:
            return None
        fields = {
            name: self.text(value, f"the source's {name}") for name, (_, value) in entries.items() if name != "note"
        }
        file_position = _pos(entries["file"][1]) if "file" in entries else None
        return Source(key, _pos(node), **fields, file_position=file_position)

    # -- claims ------------------------------------------------------------------------------------------

    def claim(self, node: Node, role: Role, uid: str, depth: int) -> Claim | None:
        if depth > MAX_CLAIM_DEPTH:
            self.problem(node, "too-deep", f"claims nest more than {MAX_CLAIM_DEPTH} levels deep (MAX_CLAIM_DEPTH)")
            raise self.fail_now()
        if len(self.claims) >= MAX_CLAIMS:
            self.problem(node, "too-many-claims", f"the map has more than {MAX_CLAIMS:,} claims (MAX_CLAIMS)")
            raise self.fail_now()
        if id(node) in self.claim_nodes:  # the composer gives an alias the anchored node itself
            self.problem(
                node, "yaml-alias", "a claim cannot be repeated with a YAML alias; give it an id and use '- ref: ID'"
            )
            return None
        self.claim_nodes.add(id(node))
        entries = self.mapping(node, role, CLAIM_KEYS)
        if entries is None:
            return None
        slot = len(self.claims)
        self.claims.append(None)  # keep document order: the claim comes before what it contains
        written_id = None
        if "id" in entries:
            written_id = self.text(entries["id"][1], "an id")
            if written_id is not None and not ID_PATTERN.match(written_id):
                self.problem(
                    entries["id"][1], "invalid-id", f"id '{written_id}' may hold only letters, digits, '_', '.' and '-'"
                )
                written_id = None
        uid = unique_uid(written_id or uid, self.uids)
        text = None
        claim_node = entries["claim"][1] if "claim" in entries else None
        if claim_node is None or (isinstance(claim_node, ScalarNode) and claim_node.tag == _YAML + "null"):
            self.problem(claim_node or node, "missing-claim", f"this {role} has no 'claim' text")
        else:
            text = self.text(entries["claim"][1], "the claim")
            if text is not None and not text.strip():
                self.problem(entries["claim"][1], "missing-claim", f"this {role}'s claim text is empty")
        values = {name: value for name, (_, value) in entries.items()}
        relations = {
            relation: self.reasons(values[relation], relation, uid, depth)
            for relation in RELATIONS
            if relation in values
        }
        if "rebuttals" in relations and role in ("thesis", "premise"):
            self.problem(
                entries["rebuttals"][0],
                "misplaced-rebuttals",
                f"rebuttals answer objections; to attack this {role}, use 'objections'",
            )
        if relations.get("undercuts") and role == "thesis":  # `undercuts: []` is harmless
            self.problem(
                entries["undercuts"][0],
                "misplaced-undercuts",
                "the thesis supports nothing, so nothing can undercut it; to attack it, use 'objections'",
            )
        if text is None:
            return None
        claim = Claim(
            uid=uid,
            text=text.strip(),
            role=role,
            position=_pos(node),
            id=written_id,
            evidence=self.evidence_list(values["evidence"]) if "evidence" in values else (),
            assumption=self.flag(values["assumption"], "assumption") if "assumption" in values else False,
            note=self.text(values["note"], "a note") if "note" in values else None,
            tags=self.texts(values["tags"], "tags") if "tags" in values else (),
            ignore=self.texts(values["ignore"], "ignore") if "ignore" in values else (),
            **relations,
        )
        self.claims[slot] = claim
        return claim

    def reasons(self, node: Node, relation: str, parent: str, depth: int) -> tuple[Reason, ...]:
        role = ROLE_OF_RELATION[relation]
        result = []
        for index, item in enumerate(self.sequence(node, relation), start=1):
            uid = f"{parent}/{_LETTER[relation]}{index}"
            linked = _has_key(item, "linked")
            members = self.linked(item, role, uid, depth) if linked else [self.item(item, role, uid, depth)]
            kept = tuple(m for m in members if m is not None)
            if kept:
                result.append(Reason(kept, linked, _pos(item)))
        return tuple(result)

    def linked(self, node: MappingNode, role: Role, uid: str, depth: int) -> list[Item | None]:
        entries = self.mapping(node, "linked group", ("linked",)) or {}
        if "linked" not in entries:
            return []
        items = self.sequence(entries["linked"][1], "linked")
        if len(items) < 2:
            self.problem(node, "short-linked", "a linked group needs at least two co-premises")
        return [self.item(item, role, f"{uid}.{index}", depth) for index, item in enumerate(items, start=1)]

    def item(self, node: Node, role: Role, uid: str, depth: int) -> Item | None:
        if _has_key(node, "ref"):
            entries = self.mapping(node, "ref", ("ref",)) or {}
            target = self.text(entries["ref"][1], "ref") if "ref" in entries else None
            return Ref(target, _pos(node)) if target is not None else None
        if isinstance(node, ScalarNode) and node.tag == _YAML + "str":
            self.problem(
                node, "wrong-type", f"each {role} must be a mapping with a 'claim', not bare text; write '- claim: ...'"
            )
            return None
        return self.claim(node, role, uid, depth + 1)

    def evidence_list(self, node: Node) -> tuple[Evidence, ...]:
        result = (self.evidence(item) for item in self.sequence(node, "evidence"))
        return tuple(e for e in result if e is not None)

    def evidence(self, node: Node) -> Evidence | None:
        entries = self.mapping(node, "evidence", EVIDENCE_KEYS)
        if entries is None:
            return None
        if ("quote" in entries) == ("text" in entries):
            self.problem(
                node, "missing-evidence-text", "evidence needs exactly one of 'quote' (verbatim) or 'text' (described)"
            )
            return None
        is_quote = "quote" in entries
        body_node = entries["quote" if is_quote else "text"][1]
        body = self.text(body_node, "the evidence")
        if body is None:
            return None
        if not body.strip():  # blank evidence must not count as support
            self.problem(
                body_node, "missing-evidence-text", f"this evidence's {'quote' if is_quote else 'text'} is empty"
            )
            return None
        source_key = source = source_position = None
        if "source" in entries:
            value = entries["source"][1]
            source_position = _pos(value)
            if isinstance(value, MappingNode):
                source = self.source(value, None)
            else:
                source_key = self.text(value, "source")
        kind = self.text(entries["kind"][1], "kind") if "kind" in entries else None
        if kind is not None and kind not in EVIDENCE_KINDS:
            self.problem(
                entries["kind"][1],
                "unknown-kind",
                f"unknown evidence kind '{kind}'{_did_you_mean(kind, EVIDENCE_KINDS)}",
            )
        return Evidence(
            position=_pos(node),
            text=" ".join(body.split()),
            is_quote=is_quote,
            source_key=source_key,
            source=source,
            source_position=source_position,
            kind=kind,
            locator=self.text(entries["locator"][1], "locator") if "locator" in entries else None,
            url=self.text(entries["url"][1], "url") if "url" in entries else None,
        )


def unique_uid(uid: str, taken: set[str]) -> str:
    """``uid``, or ``uid~2``, ``uid~3``... if it is taken; marks the result taken.

    Two claims may share an id (a ``duplicate-id`` problem), and then generated uids below them
    would coincide too: numbering the later ones gives every claim a uid of its own, so problems
    and labels never point at the wrong claim. Refs still name the first.
    """
    base, n = uid, 1
    while uid in taken:
        n += 1
        uid = f"{base}~{n}"
    taken.add(uid)
    return uid


def _has_key(node: Node, key: str) -> bool:
    return isinstance(node, MappingNode) and any(k.value == key for k, _ in node.value)


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    names = {"int": "a number", "float": "a number", "bool": "true/false", "null": "empty", "timestamp": "a date"}
    return names.get(node.tag.removeprefix(_YAML), f"'{node.value}'" if node.tag == _YAML + "str" else "a tagged value")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    return did_you_mean(word, choices, otherwise=f" (expected one of: {', '.join(choices)})")
