"""The argument map as immutable values.

A map is a tree of claims written in YAML, made into a graph by ``ref`` items. Every value keeps the
1-based line and column where it was written so that problems can point at it. The values are
named tuples: immutable, and several times cheaper to create than frozen dataclasses, which
matters for maps of 100,000 claims.

The relations a claim can hold, each a tuple of :class:`Reason`:

- ``premises``: reasons for the claim (support);
- ``objections``: reasons against the claim (attack);
- ``rebuttals``: on an objection, reasons against that objection (attack);
- ``undercuts``: reasons that deny the claim supports its parent (attack on the link).

A :class:`Reason` is one premise on its own or a ``linked`` group of co-premises that count only
together. Its members are :class:`Claim` values defined in place or :class:`Ref` values that stand
for a claim defined elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Literal, NamedTuple

Role = Literal["thesis", "premise", "objection", "rebuttal", "undercut"]
RELATIONS: tuple[str, ...] = ("premises", "objections", "rebuttals", "undercuts")
#: The role a claim gets from the relation list it is written in.
ROLE_OF_RELATION: dict[str, Role] = {
    "premises": "premise",
    "objections": "objection",
    "rebuttals": "rebuttal",
    "undercuts": "undercut",
}
EVIDENCE_KINDS: tuple[str, ...] = (
    "quote",
    "statistic",
    "study",
    "expert",
    "testimony",
    "example",
    "document",
    "observation",
)


class Position(NamedTuple):
    """A 1-based line and column in the map's file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


class Source(NamedTuple):
    """A citable source: a key of the map's ``sources`` or an inline mapping on evidence."""

    key: str | None
    position: Position
    author: str | None = None
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    file: str | None = None
    #: Where ``file`` is written, for problems about it.
    file_position: Position | None = None

    def citation(self) -> str:
        """A short citation, ``Author (year)``, falling back to the title or the key."""
        who = self.author or self.title or self.key or "unknown source"
        year = (self.date or "")[:4]
        return f"{who} ({year})" if year.isdigit() else who


class Evidence(NamedTuple):
    """What grounds a claim: a verbatim ``quote`` or a described ``text``, with its source."""

    position: Position
    text: str
    is_quote: bool
    #: A key of ``ArgumentMap.sources``; ``None`` when the source is inline or missing.
    source_key: str | None = None
    #: An inline source, or ``None`` when the source is a key or missing.
    source: Source | None = None
    source_position: Position | None = None
    kind: str | None = None
    locator: str | None = None
    url: str | None = None


class Ref(NamedTuple):
    """An item that stands for the claim whose id is ``target``.

    ``undercuts`` written on the item deny this use of the claim only: the inference from it to the
    claim it is written under, not the other places the claim is used or defined.
    """

    target: str
    position: Position
    undercuts: tuple[Reason, ...] = ()


class Claim(NamedTuple):
    """One claim of the map, with everything written beneath it."""

    #: The explicit id, else a stable generated one (``#thesis/p2/o1``; ``#`` never occurs in ids).
    uid: str
    text: str
    role: Role
    position: Position
    #: The id as written, ``None`` when the claim has none.
    id: str | None = None
    premises: tuple[Reason, ...] = ()
    objections: tuple[Reason, ...] = ()
    rebuttals: tuple[Reason, ...] = ()
    undercuts: tuple[Reason, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    assumption: bool = False
    note: str | None = None
    tags: tuple[str, ...] = ()
    #: Rule ids silenced for this claim.
    ignore: tuple[str, ...] = ()

    def reasons(self, relation: str) -> tuple[Reason, ...]:
        """The reasons in one of :data:`RELATIONS`, named as a string."""
        reasons: tuple[Reason, ...] = getattr(self, relation)
        return reasons

    @property
    def attacks(self) -> tuple[Reason, ...]:
        """Every reason that attacks this claim: objections, rebuttals and undercuts."""
        return self.objections + self.rebuttals + self.undercuts


Item = Claim | Ref


def refs_within(ref: Ref) -> Iterator[Ref]:
    """The ref, then the refs that stand directly in its undercuts (and in theirs), in document order.

    The claims defined in those undercuts are in ``ArgumentMap.claims``; these refs are not.
    """
    yield ref
    for reason in ref.undercuts:
        for item in reason.members:
            if isinstance(item, Ref):
                yield from refs_within(item)


class Reason(NamedTuple):
    """A premise on its own (one member) or a ``linked`` group of co-premises."""

    members: tuple[Item, ...]
    linked: bool
    position: Position


@dataclass(frozen=True)
class ArgumentMap:
    """A loaded map: its theses, sources, and an index of every claim defined in it."""

    path: Path
    #: Every root claim (role "thesis"), in document order: one for a map that gives ``thesis:``.
    theses: tuple[Claim, ...]
    version: int = 1
    title: str | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    #: Every claim defined in the map, in document order (the first thesis first).
    claims: tuple[Claim, ...] = ()
    #: Claims by uid, made from ``claims``.
    _by_uid: dict[str, Claim] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_uid: dict[str, Claim] = {}
        for claim in self.claims:
            by_uid.setdefault(claim.uid, claim)
        object.__setattr__(self, "_by_uid", by_uid)

    @property
    def thesis(self) -> Claim:
        """The first thesis: the only one of a map that gives ``thesis:``."""
        return self.theses[0]

    def claim(self, uid: str) -> Claim | None:
        """The claim with this id (the first one, where an id is written twice)."""
        return self._by_uid.get(uid)

    def resolve(self, item: Item) -> Claim | None:
        """The claim an item stands for: itself, or the target of a ref (``None`` if unknown)."""
        if isinstance(item, Ref):
            return self.claim(item.target)
        return item

    def source_of(self, evidence: Evidence) -> Source | None:
        """The source of an evidence item: its inline source, or the map's source its key names.

        ``None`` when it names none, or a key that is not in ``sources`` (``unknown-reference``).
        """
        if evidence.source is not None:
            return evidence.source
        return self.sources.get(evidence.source_key) if evidence.source_key is not None else None

    def inline_sources(self) -> Iterator[Source]:
        """The sources written inline on evidence, in document order.

        One pass in C (map, filter) rather than a Python loop: a map may hold 100,000 claims.
        """
        evidence = chain.from_iterable(map(attrgetter("evidence"), self.claims))
        return filter(None, map(attrgetter("source"), evidence))

    def has_source_files(self) -> bool:
        """Whether any source, keyed or inline, names a ``file:`` (most maps: none)."""
        return self._has_source_files

    @cached_property
    def _has_source_files(self) -> bool:
        # Asked by two rules and by the run's list of files read: one pass over the evidence, not three.
        return any(source.file for source in chain(self.sources.values(), self.inline_sources()))

    def members(self, reasons: tuple[Reason, ...]) -> Iterator[Claim]:
        """The resolved claims of these reasons, skipping refs that name nothing."""
        for reason in reasons:
            for item in reason.members:
                claim = self.resolve(item)
                if claim is not None:
                    yield claim
