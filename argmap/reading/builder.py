"""The plain tree -> :class:`~argmap.model.ArgumentMap`: every rule of the format's shape, written once.

One walk over the tree (:mod:`argmap.reading.tree`) makes the model and reports each problem of
shape (a wrong type, an unknown key, a missing claim, ...) to a sink: the PyYAML reading keeps them
all, the fast reading stops at the first (and the text is read again by PyYAML). It does not judge
the argument; that is what the rules do. Example::

    >>> from argmap.reading.pyyaml_tree import read
    >>> tree = read("thesis:\\n  claim: Taxes pay for roads.\\n", "m.yaml")
    >>> build(tree, "m.yaml", KeepProblems(tree, "m.yaml")).thesis.position
    Position(line=2, column=3)
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from ..limits import MAX_CLAIM_DEPTH, MAX_CLAIMS
from ..model import ROLE_OF_RELATION, ArgumentMap, Claim, Evidence, Item, Reason, Role
from .blank_text import blank_description, is_blank
from .checked_values import KeepProblems, StopAtFirstProblem, Where, describe
from .model_layout import make_claim, make_reason, make_ref
from .sources_and_evidence import SourcesAndEvidence
from .tree import INT, NULL, Scalar, Tree
from .vocabulary import (
    CLAIM_KEYS,
    FORMAT_VERSION,
    ID_PATTERN,
    REF_KEYS,
    RELATION_LETTER,
    THESIS_UID,
    TOP_KEYS,
    all_valid_ids,
    thesis_uid,
    unique_uid,
)

_ABSENT: Any = object()
_CLAIM_KEYS = frozenset(CLAIM_KEYS)
# Keys most claims go without: the others are looked up only if one of them is there.
_USUAL_CLAIM_KEYS = frozenset(("id", "claim", "premises", "objections", "evidence"))


def build(tree: Tree, path: str | Path, sink: KeepProblems | StopAtFirstProblem) -> ArgumentMap:
    """The map; raises the sink's error (a LoadError, or ReadAgain) if a problem was reported."""
    return _Builder(tree, sink).build(Path(path))


class _Builder(SourcesAndEvidence):
    def __init__(self, tree: Tree, sink: KeepProblems | StopAtFirstProblem) -> None:
        super().__init__(tree, sink)
        self.claims: list[Claim | None] = []
        self.uids: set[str] = set()
        self.uid_numbers: dict[str, int] = {}  # the last ~N given to each uid (see unique_uid)
        self.shared = tree.shared
        # A reading that stops at its first problem checks the ids all at once, at the end: one
        # match over them all instead of 100,000 (any invalid one stops it, as its problem would).
        self.ids_to_check: list[str] | None = [] if isinstance(sink, StopAtFirstProblem) else None
        self.seen: set[int] = set()  # id() of each value an alias gives again, once read as a claim

    def build(self, path: Path) -> ArgumentMap:
        root = self.tree.root
        if root.__class__ is not dict:
            self.report(
                Where(None), "not-a-map", f"the top level must be a mapping with a 'thesis', not {describe(root)}"
            )
            raise self.sink.fail()
        top = self.entries(None, None, "map", TOP_KEYS) or {}
        version = self.version(root) if "argmap" in top else FORMAT_VERSION
        title = self.text(root, "title", "title") if "title" in top else None
        if "description" in top:
            self.text(root, "description", "description")
        sources = self.sources(root) if "sources" in top else {}
        theses = self.theses(root, top)
        if self.ids_to_check and not all_valid_ids(self.ids_to_check):
            raise self.sink.fail()
        if self.sink.found or not theses:
            raise self.sink.fail()
        claims = tuple(claim for claim in self.claims if claim is not None)
        return ArgumentMap(path=path, theses=theses, version=version, title=title, sources=sources, claims=claims)

    def theses(self, root: dict, top: dict) -> tuple[Claim, ...]:
        """The claim under ``thesis:``, or each claim listed under ``theses:`` (uids in :func:`thesis_uid`)."""
        if "thesis" in top and "theses" in top:
            message = "the map gives both 'thesis' and 'theses'; list every thesis under 'theses'"
            self.report(Where(root, "theses", True), "thesis-and-theses", message)
            raise self.sink.fail()
        if "thesis" in top:
            thesis = self.claim(root, "thesis", "thesis", THESIS_UID, None, 0)
            return () if thesis is None else (thesis,)
        if "theses" not in top:
            self.report(Where(None), "missing-thesis", "the map has no 'thesis'")
            raise self.sink.fail()
        items = self.sequence(root, "theses", "theses")
        if not items:
            written = root["theses"]
            if written.__class__ is list or (written.__class__ is Scalar and written.tag == NULL):  # else: wrong-type
                self.report(
                    Where(root, "theses"), "missing-thesis", "'theses' lists no claim; a map needs at least one"
                )
            raise self.sink.fail()
        made = [self.claim(items, index, "thesis", thesis_uid(index), None, 0) for index in range(len(items))]
        return tuple(thesis for thesis in made if thesis is not None)

    def version(self, root: dict) -> int:
        """The format version as written: PyYAML's integer 1 (``1``, ``0x1``, ``+1``), and nothing else."""
        value = root["argmap"]
        version = 0
        if value.__class__ is Scalar and value.tag == INT:
            with suppress(ValueError):  # YAML 1.1 ints Python does not read, such as "01": not 1 either
                version = int(value.text, 0)
        if version != FORMAT_VERSION or value.__class__ is not Scalar or value.tag != INT:
            written = value.text if value.__class__ is Scalar else value if value.__class__ is str else describe(value)
            self.report(
                Where(root, "argmap"),
                "bad-version",
                f"unsupported format version {written!r}; this argmap reads version 1",
            )
        return version

    # -- claims: these run for each of 100,000 claims, so the usual case takes the fewest steps ---------

    def claim(
        self, parent: dict | list, key: str | int, role: Role, prefix: str, index: int | None, depth: int
    ) -> Claim | None:
        """The claim at ``parent[key]``; without an id its uid is ``prefix`` and ``index`` (made only then)."""
        node = parent[key]  # type: ignore[index]
        claims = self.claims
        if depth > MAX_CLAIM_DEPTH:
            self.report(
                Where(parent, key), "too-deep", f"claims nest more than {MAX_CLAIM_DEPTH} levels deep (MAX_CLAIM_DEPTH)"
            )
            raise self.sink.fail()
        if len(claims) >= MAX_CLAIMS:
            self.report(
                Where(parent, key), "too-many-claims", f"the map has more than {MAX_CLAIMS:,} claims (MAX_CLAIMS)"
            )
            raise self.sink.fail()
        if self.shared and id(node) in self.shared:
            if id(node) in self.seen:
                message = "a claim cannot be repeated with a YAML alias; give it an id and use '- ref: ID'"
                self.report(Where(parent, key), "yaml-alias", message)
                return None
            self.seen.add(id(node))
        usual = False
        if node.__class__ is dict and not (self.unusual and id(node) in self.unusual):
            usual = _USUAL_CLAIM_KEYS.issuperset(node)
            entries = node if usual or _CLAIM_KEYS.issuperset(node) else self.entries(parent, key, role, CLAIM_KEYS)
        else:
            entries = self.entries(parent, key, role, CLAIM_KEYS)
        if entries is None:
            return None
        slot = len(claims)
        claims.append(None)  # document order: the claim before what it contains
        get = entries.get
        written_id = get("id", _ABSENT)
        if written_id is _ABSENT:
            written_id = None
        else:
            if written_id.__class__ is not str:
                written_id = self.text(node, "id", "an id")
            if written_id is not None:
                if self.ids_to_check is not None:
                    self.ids_to_check.append(written_id)
                elif not ID_PATTERN.match(written_id):
                    message = f"id '{written_id}' may hold only letters, digits, '_', '.' and '-'"
                    self.report(Where(node, "id"), "invalid-id", message)
                    written_id = None
        uid = written_id or (prefix if index is None else f"{prefix}{index}")
        uids = self.uids
        if uid in uids:
            uid = unique_uid(uid, uids, self.uid_numbers)
        else:
            uids.add(uid)
        text = get("claim", _ABSENT)
        if text.__class__ is not str:
            text = self.claim_text(node, text, role)
        if text is not None:
            text = text.strip()
            # Printable ASCII (nearly every claim) is blank only if empty: decided without a call.
            if not text or (not (text.isascii() and text.isprintable()) and is_blank(text)):
                message = f"this {role}'s claim text is empty{blank_description(text)}"
                self.report(Where(node, "claim"), "missing-claim", message)
        reasons = self.reasons
        # The relations in the order of model.RELATIONS, in which their claims come in self.claims.
        premises = reasons(node, "premises", uid, depth) if "premises" in entries else ()
        objections = reasons(node, "objections", uid, depth) if "objections" in entries else ()
        rebuttals: tuple[Reason, ...] = ()
        undercuts: tuple[Reason, ...] = ()
        tags: tuple[str, ...] = ()
        ignore: tuple[str, ...] = ()
        if not usual:
            rebuttals = reasons(node, "rebuttals", uid, depth) if "rebuttals" in entries else ()
            undercuts = reasons(node, "undercuts", uid, depth) if "undercuts" in entries else ()
            if "rebuttals" in entries and role in ("thesis", "premise"):
                message = f"rebuttals answer objections; to attack this {role}, use 'objections'"
                self.report(Where(node, "rebuttals", True), "misplaced-rebuttals", message)
            if undercuts and role == "thesis":  # `undercuts: []` is harmless
                message = "the thesis supports nothing, so nothing can undercut it; to attack it, use 'objections'"
                self.report(Where(node, "undercuts", True), "misplaced-undercuts", message)
        if text is None:
            return None
        evidence: tuple[Evidence, ...] = ()
        if "evidence" in entries:
            items = node["evidence"]
            if items.__class__ is not list or (self.unusual and id(items) in self.unusual):
                items = self.sequence(node, "evidence", "evidence")
            if len(items) == 1:  # as most evidence is
                one = self.evidence(items, 0)
                evidence = () if one is None else (one,)
            else:
                made = [self.evidence(items, index) for index in range(len(items))]
                evidence = tuple(e for e in made if e is not None)
        assumption, note = False, None
        if not usual:
            assumption = self.flag(node, "assumption", "assumption") if "assumption" in entries else False
            note = self.optional_text(node, "note", "a note")
            tags = self.texts(node, "tags", "tags") if "tags" in entries else ()
            ignore = self.texts(node, "ignore", "ignore") if "ignore" in entries else ()
        position = self.positions[id(node)]
        claim = make_claim((uid, text, role, position, written_id, premises, objections, rebuttals, undercuts, evidence,
                        assumption, note, tags, ignore))  # fmt: skip
        claims[slot] = claim
        return claim  # type: ignore[no-any-return]

    def claim_text(self, node: dict, value: object, role: Role) -> str | None:
        if value is _ABSENT or (value.__class__ is Scalar and value.tag == NULL):
            self.report(
                Where(node) if value is _ABSENT else Where(node, "claim"),
                "missing-claim",
                f"this {role} has no 'claim' text",
            )
            return None
        return self.text(node, "claim", "the claim")

    def reasons(self, node: dict, relation: str, uid: str, depth: int) -> tuple[Reason, ...]:
        items = node[relation]
        if items.__class__ is not list or (self.unusual and id(items) in self.unusual):
            items = self.sequence(node, relation, relation)
        role: Role = ROLE_OF_RELATION[relation]
        prefix = f"{uid}/{RELATION_LETTER[relation]}"
        positions, claim = self.positions, self.claim
        result = []
        for index, item in enumerate(items):
            if item.__class__ is dict and "linked" in item:
                members = self.linked(items, index, role, f"{prefix}{index + 1}.", depth)
                kept = tuple(member for member in members if member is not None)
                if kept:
                    result.append(make_reason((kept, True, positions[id(item)])))
            else:
                member: Item | None
                if item.__class__ is dict and "ref" not in item:  # a claim, as most items are: one call less
                    member = claim(items, index, role, prefix, index + 1, depth + 1)
                else:
                    member = self.item(items, index, role, prefix, index + 1, depth)
                if member is not None:
                    result.append(make_reason(((member,), False, positions[id(item)])))
        return tuple(result)

    def linked(self, items: list, index: int, role: Role, prefix: str, depth: int) -> list[Item | None]:
        node = items[index]
        usual = len(node) == 1 and not (self.unusual and id(node) in self.unusual)
        entries = node if usual else self.entries(items, index, "linked group", ("linked",)) or {}
        if "linked" not in entries:
            return []
        members = self.sequence(node, "linked", "linked")
        if len(members) < 2:
            self.report(Where(items, index), "short-linked", "a linked group needs at least two co-premises")
        return [self.item(members, k, role, prefix, k + 1, depth) for k in range(len(members))]

    def item(self, items: list, index: int, role: Role, prefix: str, number: int, depth: int) -> Item | None:
        node = items[index]
        if node.__class__ is dict and "ref" in node:
            usual = len(node) == 1 and not (self.unusual and id(node) in self.unusual)
            entries = node if usual else self.entries(items, index, "ref", REF_KEYS) or {}
            target = entries.get("ref", _ABSENT)
            if target.__class__ is not str:
                target = None if target is _ABSENT else self.text(node, "ref", "ref")
            # Undercuts of this use of the claim: uids as if a claim stood here (``#thesis/p2/u1``).
            undercuts = (
                self.reasons(node, "undercuts", f"{prefix}{number}", depth + 1) if "undercuts" in entries else ()
            )
            return None if target is None else make_ref((target, self.positions[id(node)], undercuts))
        if node.__class__ is str:
            message = f"each {role} must be a mapping with a 'claim', not bare text; write '- claim: ...'"
            self.report(Where(items, index), "wrong-type", message)
            return None
        return self.claim(items, index, role, prefix, number, depth + 1)
