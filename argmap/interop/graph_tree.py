"""A graph of claims -> the model's tree: each claim written where a thesis first reaches it, a ref elsewhere.

Formats that are graphs (AIF; Kialo's ``-> See`` links) give claims and the reasons pointing into
them, in no tree order. A reader collects them as :class:`GraphClaim` values and calls
:func:`to_map`: the theses are the claims that are members of no reason, in the order given;
each claim is defined the first time a depth-first walk from the theses meets it and is a
``- ref: ID`` everywhere else (so a claim used in several places gets an id); generated uids
follow the YAML reader's scheme (``#thesis/p1.2/u1``). Example::

    >>> from argmap.model import Position
    >>> at = Position(1, 1)
    >>> claims = [GraphClaim("T", at), GraphClaim("P", at)]
    >>> claims[0].incoming.append(Incoming("premises", (1,), False, at))
    >>> [c.uid for c in to_map(claims, Path("m.json")).claims]
    ['#thesis', '#thesis/p1']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..limits import MAX_CLAIM_DEPTH
from ..model import ArgumentMap, Claim, Evidence, Item, Position, Reason, Ref, Role, Source
from ..problems import LoadError, Problem
from ..reading.vocabulary import ID_PATTERN, RELATION_LETTER, thesis_uid, unique_uid


class Incoming(NamedTuple):
    """A reason pointing into a claim: its members (claim indexes), and the reasons undercutting it."""

    #: ``premises``; ``attacks`` (objections, or rebuttals below an attack); or ``undercuts``.
    relation: str
    members: tuple[int, ...]
    linked: bool
    position: Position
    #: Reasons (relation ``undercuts``) that deny this inference: written on its first member.
    undercuts: tuple[Incoming, ...] = ()
    #: Where each member is written at this use, if the format says (a ref points there); else
    #: a ref points where its claim is.
    places: tuple[Position, ...] = ()


@dataclass(slots=True)
class GraphClaim:
    """A claim of the graph and everything known of it but its place in the tree."""

    text: str
    position: Position
    #: The id it should get if it needs one (it is used in several places), or always, if ``keep_id``.
    name: str | None = None
    keep_id: bool = False
    incoming: list[Incoming] = field(default_factory=list)
    evidence: tuple[Evidence, ...] = ()
    assumption: bool = False
    notes: list[str] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: False for a claim that is only named, never stated (Argdown's ``[Title]`` with no text
    #: anywhere): every use is a ref to ``name``, which no claim has (``unknown-reference``).
    stated: bool = True


class Unreached(Exception):
    """Claims no thesis leads to (each supports or attacks another, in a cycle): indexes in ``args[0]``."""


class TooDeep(Exception):
    """The tree would nest claims deeper than MAX_CLAIM_DEPTH: ``args[0]`` is the claim's index."""

    def error(self, file: str, claims: list[GraphClaim], what: str = "claims") -> LoadError:
        """The ``too-deep`` problem at the claim too deep, for a reader to raise."""
        at = claims[self.args[0]].position
        message = f"{what} nest more than {MAX_CLAIM_DEPTH} levels deep (MAX_CLAIM_DEPTH)"
        return LoadError([Problem(file, at.line, at.column, "too-deep", "error", message)])


def to_map(
    claims: list[GraphClaim],
    path: Path,
    title: str | None = None,
    sources: dict[str, Source] | None = None,
    roots: list[int] | None = None,
    more_roots: Collection[int] = (),
) -> ArgumentMap:
    """The map of these claims; raises :class:`Unreached` or :class:`TooDeep` when it has no tree.

    The theses are ``roots`` where the format names them, else the claims that are members of no
    reason and ``more_roots`` (theses that are used elsewhere too), in the order of ``claims``.
    """
    tree = _Tree(claims)
    if roots is None:
        chosen = set(more_roots)
        roots = [index for index, count in enumerate(tree.places) if count == 0 or index in chosen]
    return tree.build(path, title, sources or {}, roots)


_ROLE: dict[str, Role] = {
    "premises": "premise",
    "objections": "objection",
    "rebuttals": "rebuttal",
    "undercuts": "undercut",
}


class _Tree:
    def __init__(self, claims: list[GraphClaim]) -> None:
        self.graph = claims
        places = [0] * len(claims)
        reasons = [reason for claim in claims for reason in claim.incoming]
        for reason in reasons:  # the list grows while we walk it: undercuts, and theirs
            reasons += reason.undercuts
            for member in reason.members:
                places[member] += 1
        self.places = places
        self.ids = _ids(claims, places)
        self.defined: list[Claim | None] = [None] * len(claims)
        self.made: list[Claim | None] = []  # document order; a claim's slot is taken before its children
        self.uids: set[str] = set()
        self.uid_numbers: dict[str, int] = {}

    def build(self, path: Path, title: str | None, sources: dict[str, Source], roots: list[int]) -> ArgumentMap:
        for root in roots:  # a thesis used again elsewhere is a ref there, so it needs an id
            if self.ids[root] is None and self.places[root]:
                self.ids[root] = _unique(self.graph[root].name, root, set(filter(None, self.ids)))
        theses = tuple(self.claim(root, "thesis", thesis_uid(k), 0) for k, root in enumerate(roots))
        unreached = [i for i, claim in enumerate(self.defined) if claim is None and self.graph[i].stated]
        if unreached or not theses:
            raise Unreached(unreached or list(range(len(self.graph))))
        made = tuple(claim for claim in self.made if claim is not None)
        return ArgumentMap(path=path, theses=theses, title=title, sources=sources, claims=made)

    def claim(self, index: int, role: Role, uid: str, depth: int, cuts: tuple[Incoming, ...] = ()) -> Claim:
        """The claim defined here, with ``cuts``: undercuts of the link from it to where it is written."""
        if depth > MAX_CLAIM_DEPTH:
            raise TooDeep(index)
        node = self.graph[index]
        written_id = self.ids[index]
        uid = unique_uid(written_id or uid, self.uids, self.uid_numbers)
        slot = len(self.made)
        self.made.append(None)
        # A placeholder first, so that a cycle back to this claim becomes a ref.
        self.defined[index] = Claim(uid, node.text, role, node.position, written_id)
        relations: dict[str, list[Reason]] = {relation: [] for relation in _ROLE}
        for reason, relation in [(reason, reason.relation) for reason in node.incoming] + [
            (c, "undercuts") for c in cuts
        ]:
            if relation == "attacks":
                relation = "objections" if role in ("thesis", "premise") else "rebuttals"
            number = len(relations[relation]) + 1
            relations[relation].append(
                self.reason(reason, f"{uid}/{RELATION_LETTER[relation]}{number}", relation, depth)
            )
        claim = Claim(
            uid, node.text, role, node.position, written_id,
            premises=tuple(relations["premises"]), objections=tuple(relations["objections"]),
            rebuttals=tuple(relations["rebuttals"]), undercuts=tuple(relations["undercuts"]),
            evidence=node.evidence, assumption=node.assumption, note="\n".join(node.notes) or None,
            tags=node.tags, ignore=node.ignore,
        )  # fmt: skip
        self.made[slot] = self.defined[index] = claim
        return claim

    def reason(self, reason: Incoming, prefix: str, relation: str, depth: int) -> Reason:
        role = _ROLE[relation]
        members: list[Item] = []
        for k, member in enumerate(reason.members, 1):
            # Undercuts of the inference are written on its first member (README, evaluation rule 3).
            cuts = reason.undercuts if k == 1 else ()
            place = reason.places[k - 1] if reason.places else None
            members.append(self.item(member, role, f"{prefix}.{k}" if reason.linked else prefix, depth, cuts, place))
        return Reason(tuple(members), reason.linked, reason.position)

    def item(
        self, index: int, role: Role, uid: str, depth: int, cuts: tuple[Incoming, ...], place: Position | None = None
    ) -> Item:
        if self.defined[index] is None and self.graph[index].stated:
            return self.claim(index, role, uid, depth + 1, cuts)
        target = self.ids[index]
        assert target is not None, "a claim met twice has an id (see _ids)"
        undercuts = tuple(self.reason(cut, f"{uid}/u{k}", "undercuts", depth + 1) for k, cut in enumerate(cuts, 1))
        return Ref(target, place or self.graph[index].position, undercuts)


def _ids(claims: list[GraphClaim], places: list[int]) -> list[str | None]:
    """An id for each claim used in more than one place (or that keeps its name): its name, made valid and unique."""
    taken: set[str] = set()
    ids: list[str | None] = []
    for index, (claim, count) in enumerate(zip(claims, places, strict=True)):
        ids.append(_unique(claim.name, index, taken) if count >= 2 or claim.keep_id else None)
    return ids


def _unique(name: str | None, index: int, taken: set[str]) -> str:
    """``name`` made a valid id that is not taken (``-2``, ``-3``... added; uids' ``~2`` is no id); marked taken."""
    name = name or ""
    base = name if ID_PATTERN.match(name) else re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    base = base or f"claim-{index + 1}"
    made, n = base, 1
    while made in taken:
        n += 1
        made = f"{base}-{n}"
    taken.add(made)
    return made
