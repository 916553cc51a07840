"""The loader's quick path for large, clean maps: yaml-rs's tree -> :class:`ArgumentMap` directly.

It builds the same model as :mod:`argmap.loader` for every map that loader accepts without a
problem, and gives up (returns ``None``) at the first thing that loader would report or that yaml-rs
may have read differently from PyYAML; the caller then loads the text the usual way, so problems
and their positions always come from one place. Example::

    >>> load_fast("thesis:\\n  claim: Taxes pay.\\n", "m.yaml").thesis.position
    Position(line=2, column=3)
    >>> load_fast("thesis:\\n  claim: yes\\n", "m.yaml") is None   # a problem: the loader reports it
    True

tests/test_loader_parity.py checks that both paths give equal models and equal problems.
"""

from __future__ import annotations

from pathlib import Path

from .fast_yaml import Document, is_text, read
from .limits import MAX_CLAIM_DEPTH, MAX_CLAIMS
from .loader import _LETTER, CLAIM_KEYS, EVIDENCE_KEYS, ID_PATTERN, SOURCE_KEYS, TOP_KEYS
from .model import (
    EVIDENCE_KINDS,
    RELATIONS,
    ROLE_OF_RELATION,
    ArgumentMap,
    Claim,
    Evidence,
    Position,
    Reason,
    Ref,
    Source,
)

_CLAIM_KEYS = frozenset(CLAIM_KEYS)
_EVIDENCE_KEYS = frozenset(EVIDENCE_KEYS)
_SOURCE_KEYS = frozenset(SOURCE_KEYS)
_TOP_KEYS = frozenset(TOP_KEYS)
_EVIDENCE_KINDS = frozenset(EVIDENCE_KINDS)
_LINKED_KEYS = frozenset(("linked",))
_REF_KEYS = frozenset(("ref",))
_LISTS = (list, type(None))  # an empty value (`premises:`) is an empty list to the loader
_ABSENT = object()


class _GiveUp(Exception):
    """The full loader must read this map (it has a problem to report, or something unusual)."""


def load_fast(text: str, path: str | Path) -> ArgumentMap | None:
    """The map, or ``None`` if the full loader must read it."""
    doc = read(text)
    if doc is None:
        return None
    try:
        return _Builder(doc, Path(path)).build()
    except _GiveUp:
        return None


def _text(value: object) -> str:
    if is_text(value):
        return value  # type: ignore[return-value]
    raise _GiveUp


def _texts(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if value.__class__ is not list:
        raise _GiveUp
    return tuple(_text(item) for item in value)  # type: ignore[attr-defined]


def _keys(node: object, allowed: frozenset[str]) -> dict:
    if node.__class__ is not dict or not allowed.issuperset(node):  # type: ignore[arg-type]
        raise _GiveUp
    return node  # type: ignore[return-value]


class _Builder:
    def __init__(self, doc: Document, path: Path) -> None:
        self.doc = doc
        self.starts = doc.starts
        self.path = path
        self.claims: list[Claim | None] = []

    def position(self, node: dict) -> Position:
        _, line, column = self.starts[id(node)]
        return Position(line, column)

    def build(self) -> ArgumentMap:
        top = _keys(self.doc.root, _TOP_KEYS)
        if "argmap" in top and not self._version_is_one(top["argmap"]):
            raise _GiveUp
        title = _text(top["title"]) if "title" in top else None
        if "description" in top:
            _text(top["description"])
        sources = self.sources(top["sources"]) if "sources" in top else {}
        if "thesis" not in top:
            raise _GiveUp
        thesis = self.claim(top["thesis"], "thesis", "#thesis", 0)
        return ArgumentMap(self.path, thesis, 1, title, sources, tuple(self.claims))  # type: ignore[arg-type]

    def _version_is_one(self, value: object) -> bool:
        # yaml-rs reads "0o1" and "01" as 1 too; only a plain "argmap: 1" is surely PyYAML's 1.
        text = self.doc.text
        written = text.startswith("argmap: 1\n") or "\nargmap: 1\n" in text
        return value == 1 and value.__class__ is int and written

    def sources(self, node: object) -> dict[str, Source]:
        if node.__class__ is not dict:
            raise _GiveUp
        return {key: self.source(value, key) for key, value in node.items()}  # type: ignore[attr-defined]

    def source(self, node: object, key: str | None) -> Source:
        entries = _keys(node, _SOURCE_KEYS)
        fields = {name: _text(value) for name, value in entries.items() if name != "note"}
        return Source(key, self.position(entries), **fields)

    def claim(self, node: object, role: str, uid: str, depth: int, position: Position | None = None) -> Claim:
        claims = self.claims
        if depth > MAX_CLAIM_DEPTH or len(claims) >= MAX_CLAIMS:
            raise _GiveUp
        entries = _keys(node, _CLAIM_KEYS)
        slot = len(claims)
        claims.append(None)  # document order: the claim before what it contains
        written_id = None
        if "id" in entries:
            written_id = _text(entries["id"])
            if not ID_PATTERN.match(written_id):
                raise _GiveUp
            uid = written_id
        text = _text(entries.get("claim")).strip()
        if not text:
            raise _GiveUp
        relations = {}
        for relation in RELATIONS:
            if relation in entries:
                relations[relation] = self.reasons(entries[relation], relation, uid, depth)
        if "rebuttals" in relations and role in ("thesis", "premise"):
            raise _GiveUp
        assumption = entries.get("assumption", False)
        if assumption.__class__ is not bool:
            raise _GiveUp  # yaml-rs's booleans are PyYAML's too; "yes" and "on" are left to PyYAML
        claim = Claim(
            uid=uid,
            text=text,
            role=role,  # type: ignore[arg-type]
            position=position or self.position(entries),
            id=written_id,
            evidence=self.evidence_list(entries["evidence"]) if "evidence" in entries else (),
            assumption=assumption,
            note=_text(entries["note"]) if "note" in entries else None,
            tags=_texts(entries["tags"]) if "tags" in entries else (),
            ignore=_texts(entries["ignore"]) if "ignore" in entries else (),
            **relations,
        )
        claims[slot] = claim
        return claim

    def reasons(self, node: object, relation: str, parent: str, depth: int) -> tuple[Reason, ...]:
        if node.__class__ not in _LISTS:
            raise _GiveUp
        role = ROLE_OF_RELATION[relation]
        prefix = f"{parent}/{_LETTER[relation]}"
        starts = self.starts
        result = []
        for index, item in enumerate(node or (), start=1):  # type: ignore[arg-type]
            if item.__class__ is not dict:
                raise _GiveUp
            _, line, column = starts[id(item)]
            position = Position(line, column)
            if "linked" in item:
                members = _keys(item, _LINKED_KEYS)["linked"]
                if members.__class__ is not list or len(members) < 2:
                    raise _GiveUp
                uid = f"{prefix}{index}"
                kept = tuple(
                    self.item(member, role, f"{uid}.{k}", depth, None) for k, member in enumerate(members, start=1)
                )
                result.append(Reason(kept, True, position))
            elif "ref" in item:
                result.append(Reason((self.item(item, role, "", depth, position),), False, position))
            else:
                result.append(
                    Reason((self.claim(item, role, f"{prefix}{index}", depth + 1, position),), False, position)
                )
        return tuple(result)

    def item(self, node: object, role: str, uid: str, depth: int, position: Position | None) -> Claim | Ref:
        if node.__class__ is dict and "ref" in node:  # type: ignore[operator]
            target = _text(_keys(node, _REF_KEYS)["ref"])
            return Ref(target, position or self.position(node))  # type: ignore[arg-type]
        return self.claim(node, role, uid, depth + 1, position)

    def evidence_list(self, node: object) -> tuple[Evidence, ...]:
        if node.__class__ not in _LISTS:
            raise _GiveUp
        return tuple(self.evidence(item) for item in node or ())  # type: ignore[attr-defined]

    def evidence(self, node: object) -> Evidence:
        entries = _keys(node, _EVIDENCE_KEYS)
        get = entries.get
        quote, described = get("quote", _ABSENT), get("text", _ABSENT)
        is_quote = quote is not _ABSENT
        if is_quote == (described is not _ABSENT):
            raise _GiveUp
        body = _text(quote if is_quote else described)
        _, line, column = self.starts[id(entries)]
        source_key = source = source_position = None
        value = get("source", _ABSENT)
        if value.__class__ is dict:
            source = self.source(value, None)
            source_position = source.position
        elif value is not _ABSENT:
            source_key = _text(value)
            at = self.doc.value_position(entries, "source")
            if at is None:
                raise _GiveUp
            source_position = Position(*at)
        kind = get("kind", _ABSENT)
        if kind is _ABSENT:
            kind = None
        elif _text(kind) not in _EVIDENCE_KINDS:
            raise _GiveUp
        locator, url = get("locator", _ABSENT), get("url", _ABSENT)
        return Evidence(
            position=Position(line, column),
            text=" ".join(body.split()),
            is_quote=is_quote,
            source_key=source_key,
            source=source,
            source_position=source_position,
            kind=kind,
            locator=None if locator is _ABSENT else _text(locator),
            url=None if url is _ABSENT else _text(url),
        )
