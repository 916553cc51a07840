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

import re
from pathlib import Path

from ..limits import MAX_CLAIM_DEPTH, MAX_CLAIMS
from ..model import (
    EVIDENCE_KINDS,
    ArgumentMap,
    Claim,
    Evidence,
    Reason,
    Ref,
    Source,
)
from .loader import CLAIM_KEYS, EVIDENCE_KEYS, ID_PATTERN, SOURCE_KEYS, TOP_KEYS, unique_uid
from .yamlrs_tree import Document, is_text, read

_CLAIM_KEYS = frozenset(CLAIM_KEYS)
_PLAIN_CLAIM_KEYS = frozenset(("id", "claim", "premises", "objections", "evidence"))
_PLAIN_EVIDENCE_KEYS = frozenset(("quote", "source"))
_EVIDENCE_KEYS = frozenset(EVIDENCE_KEYS)
_SOURCE_KEYS = frozenset(SOURCE_KEYS)
_TOP_KEYS = frozenset(TOP_KEYS)
_EVIDENCE_KINDS = frozenset(EVIDENCE_KINDS)
_LINKED_KEYS = frozenset(("linked",))
_REF_KEYS = frozenset(("ref",))
_ABSENT = object()
_new = tuple.__new__
_ID = ID_PATTERN.pattern.removesuffix(r"\Z")  # one id, as the loader takes it
_IDS = re.compile(f"{_ID}(?: {_ID})*")  # ids separated by spaces, which no id holds


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


def _valid_ids(ids: list[str]) -> bool:
    """True if every id matches ID_PATTERN: one match over them all, not 100,000 matches."""
    if not ids:
        return True
    joined = " ".join(ids)
    return joined.count(" ") == len(ids) - 1 and _IDS.fullmatch(joined) is not None


def _keys(node: object, allowed: frozenset[str]) -> dict:
    if node.__class__ is not dict or not allowed.issuperset(node):  # type: ignore[arg-type]
        raise _GiveUp
    return node  # type: ignore[return-value]


class _Builder:
    # The methods below run for each of 100,000 claims: they test types inline, look values up with
    # one dict.get each, and make the named tuples with tuple.__new__ (their __new__ is Python code).

    def __init__(self, doc: Document, path: Path) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.source_values = doc.value_starts("source")
        self.path = path
        self.claims: list[Claim | None] = []
        self.uids: set[str] = set()
        self.ids: list[str] = []  # written ids, checked against ID_PATTERN all at once

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
        thesis = self.claim(top["thesis"], "thesis", "#thesis", "", 0)
        if not _valid_ids(self.ids):
            raise _GiveUp
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
        return Source(key, self.positions[id(entries)], **fields)

    def claim(self, node: object, role: str, prefix: str, index: object, depth: int) -> Claim:
        # The uid it gets without an id is f"{prefix}{index}": made only then (most large maps give ids).
        claims = self.claims
        if depth > MAX_CLAIM_DEPTH or len(claims) >= MAX_CLAIMS:
            raise _GiveUp
        if node.__class__ is not dict:
            raise _GiveUp
        plain = _PLAIN_CLAIM_KEYS.issuperset(node)  # type: ignore[arg-type]
        if not plain and not _CLAIM_KEYS.issuperset(node):  # type: ignore[arg-type]
            raise _GiveUp
        slot = len(claims)
        claims.append(None)  # document order: the claim before what it contains
        get = node.get  # type: ignore[attr-defined]
        written_id = get("id", _ABSENT)
        if written_id is _ABSENT:
            written_id = None
            uid = f"{prefix}{index}"
        elif is_text(written_id):
            uid = written_id  # type: ignore[assignment]
            self.ids.append(uid)
        else:
            raise _GiveUp
        uids = self.uids
        if uid in uids:
            uid = unique_uid(uid, uids)
        else:
            uids.add(uid)
        text = get("claim")
        if text.__class__ is not str or (" " not in text and not is_text(text)):  # (with a space, it is text)
            raise _GiveUp
        text = text.strip()  # type: ignore[union-attr]
        if not text:
            raise _GiveUp
        # The relations in the order of model.RELATIONS, which is the order of their claims in self.claims.
        reasons = self.reasons
        premises = get("premises", _ABSENT)
        premises = () if premises is _ABSENT else reasons(premises, "premise", f"{uid}/p", depth)
        objections = get("objections", _ABSENT)
        objections = () if objections is _ABSENT else reasons(objections, "objection", f"{uid}/o", depth)
        rebuttals = undercuts = tags = ignore = ()
        assumption, note = False, None
        if not plain:  # the keys most claims go without: looked up only if there is one of them
            rebuttals = get("rebuttals", _ABSENT)
            if rebuttals is not _ABSENT:
                rebuttals = reasons(rebuttals, "rebuttal", f"{uid}/r", depth)
                if role == "thesis" or role == "premise":
                    raise _GiveUp
            else:
                rebuttals = ()
            undercuts = get("undercuts", _ABSENT)
            undercuts = () if undercuts is _ABSENT else reasons(undercuts, "undercut", f"{uid}/u", depth)
            if undercuts and role == "thesis":
                raise _GiveUp  # misplaced-undercuts
            assumption = get("assumption", False)
            if assumption.__class__ is not bool:
                raise _GiveUp  # yaml-rs's booleans are PyYAML's too; "yes" and "on" are left to PyYAML
            note = get("note", _ABSENT)
            note = None if note is _ABSENT else _text(note)
            tags = get("tags", _ABSENT)
            tags = () if tags is _ABSENT else _texts(tags)
            ignore = get("ignore", _ABSENT)
            ignore = () if ignore is _ABSENT else _texts(ignore)
        evidence = get("evidence")  # absent, empty (`evidence:`) or a list
        if evidence.__class__ is list:
            evidence = tuple(map(self.evidence, evidence))
        elif evidence is None:
            evidence = ()
        else:
            raise _GiveUp
        claim = _new(
            Claim,
            (
                uid,
                text,
                role,
                self.positions[id(node)],
                written_id,
                premises,
                objections,
                rebuttals,
                undercuts,
                evidence,
                assumption,
                note,
                tags,
                ignore,
            ),
        )
        claims[slot] = claim
        return claim

    def reasons(self, node: object, role: str, prefix: str, depth: int) -> tuple[Reason, ...]:
        if node is None:
            return ()  # an empty value (`premises:`) is an empty list to the loader
        if node.__class__ is not list:
            raise _GiveUp
        positions, claim = self.positions, self.claim
        result = []
        for index, item in enumerate(node, start=1):  # type: ignore[call-overload]
            if item.__class__ is not dict:
                raise _GiveUp
            position = positions[id(item)]
            if "linked" in item:
                members = item["linked"]
                if len(item) != 1 or members.__class__ is not list or len(members) < 2:
                    raise _GiveUp
                group = f"{prefix}{index}."
                kept = tuple(self.item(member, role, group, k, depth) for k, member in enumerate(members, start=1))
                result.append(_new(Reason, (kept, True, position)))
            elif "ref" in item:
                target = item["ref"]
                if len(item) != 1 or not is_text(target):
                    raise _GiveUp
                result.append(_new(Reason, ((_new(Ref, (target, position)),), False, position)))
            else:
                result.append(_new(Reason, ((claim(item, role, prefix, index, depth + 1),), False, position)))
        return tuple(result)

    def item(self, node: object, role: str, prefix: str, index: int, depth: int) -> Claim | Ref:
        if node.__class__ is dict and "ref" in node:  # type: ignore[operator]
            target = _text(_keys(node, _REF_KEYS)["ref"])
            return _new(Ref, (target, self.positions[id(node)]))
        return self.claim(node, role, prefix, index, depth + 1)

    def evidence(self, node: object) -> Evidence:
        if node.__class__ is not dict:
            raise _GiveUp
        plain = _PLAIN_EVIDENCE_KEYS.issuperset(node)  # type: ignore[arg-type]
        if not plain and not _EVIDENCE_KEYS.issuperset(node):  # type: ignore[arg-type]
            raise _GiveUp
        get = node.get  # type: ignore[attr-defined]
        quote = get("quote", _ABSENT)
        described = _ABSENT if plain else get("text", _ABSENT)
        is_quote = quote is not _ABSENT
        if is_quote == (described is not _ABSENT):
            raise _GiveUp
        body = quote if is_quote else described
        if body.__class__ is not str or (" " not in body and not is_text(body)):  # type: ignore[operator]
            raise _GiveUp
        text = " ".join(body.split())  # type: ignore[attr-defined]
        if not text:
            raise _GiveUp  # blank
        source_key = source = source_position = None
        position = self.positions[id(node)]
        value = get("source", _ABSENT)
        if value.__class__ is str:
            if not is_text(value):
                raise _GiveUp
            source_key = value
            # Document.value_position(node, "source") without a call per item (100,000 of them):
            # "source:" is as many lines below the first key as there are keys before it.
            line, column = position
            if plain:  # "quote:" then "source:", or the other way round
                line += next(iter(node)) != "source"  # type: ignore[call-overload]
            else:
                for key, other in node.items():  # type: ignore[attr-defined]
                    if key == "source":
                        break
                    if other.__class__ is dict or other.__class__ is list:
                        raise _GiveUp
                    line += 1
            source_position = self.source_values.get((line, column))
            if source_position is None:
                raise _GiveUp
        elif value.__class__ is dict:
            source = self.source(value, None)
            source_position = source.position
        elif value is not _ABSENT:
            raise _GiveUp  # a number, a list, empty: the loader reports it
        kind = locator = url = None
        if not plain:  # the keys most evidence goes without
            kind = get("kind", _ABSENT)
            if kind is _ABSENT:
                kind = None
            elif _text(kind) not in _EVIDENCE_KINDS:
                raise _GiveUp
            locator, url = get("locator", _ABSENT), get("url", _ABSENT)
            locator = None if locator is _ABSENT else _text(locator)
            url = None if url is _ABSENT else _text(url)
        return _new(
            Evidence,
            (
                position,
                text,
                is_quote,
                source_key,
                source,
                source_position,
                kind,
                locator,
                url,
            ),
        )
