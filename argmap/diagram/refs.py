"""Which ``ref`` items a diagram draws as a stub, a small "see ID" box next to the claim that uses
the ref, instead of an arrow from the claim it names.

An arrow from a claim written in another branch runs across the map, over and under everything
between the two (on the seed map such arrows made long parallel bands that could not be followed
by eye); a stub stays where it is used and names its claim, which the reader finds by its id (in an
SVG, the stub is a link to it). ``stub``, the default, draws every ref so; ``edge`` none;
``auto`` keeps the arrow where the claim named stands close by in the tree of the map (at most
:data:`NEAR` steps from the claim that uses it: a sibling, its parent's parent). Stubs crossed
least on the seed map and on generated maps (benchmarks/README.md). Example::

    >>> from argmap import load
    >>> m = load("maps/bandow-iraq.yaml")
    >>> [len(stubs(m, m.claims, mode)) for mode in ("stub", "auto", "edge")]
    [25, 11, 0]
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import RELATIONS, ArgumentMap, Claim, Ref

#: In ``auto``, a ref whose claim stands at most this many steps away (up and down the tree) keeps its arrow.
NEAR = 2


def stubs(argmap: ArgumentMap, claims: Iterable[Claim], mode: str) -> frozenset[int]:
    """``id()`` of the ref items, among the reasons of ``claims``, to draw as stubs in this ``--refs`` mode."""
    if mode == "edge":
        return frozenset()
    parents = _parents(argmap)
    chosen: set[int] = set()
    for claim in claims:
        for relation in RELATIONS:
            for reason in claim.reasons(relation):
                for member in reason.members:
                    if not isinstance(member, Ref):
                        continue
                    target = argmap.resolve(member)
                    if target is None:
                        continue  # a ref that names nothing is drawn as an unknown ref
                    if mode == "stub" or _steps(claim, target, parents) > NEAR:
                        chosen.add(id(member))
    return frozenset(chosen)


def _parents(argmap: ArgumentMap) -> dict[int, Claim]:
    """The claim each claim is written under, by ``id()`` of the claim."""
    return {
        id(member): claim
        for claim in argmap.claims
        for relation in RELATIONS
        for reason in claim.reasons(relation)
        for member in reason.members
        if isinstance(member, Claim)
    }


def _steps(a: Claim, b: Claim, parents: dict[int, Claim]) -> int:
    """How many steps up and down the tree lead from one claim to the other."""
    up = {id(a): 0}
    claim, count = a, 0
    while id(claim) in parents:
        claim, count = parents[id(claim)], count + 1
        up[id(claim)] = count
    claim, count = b, 0
    while id(claim) not in up:
        if id(claim) not in parents:
            return len(parents) + 1  # in no common tree: as far as can be
        claim, count = parents[id(claim)], count + 1
    return up[id(claim)] + count
