"""Which claims a diagram draws: the whole map, or the sub-argument below one claim.

``--focus ID --depth N`` draws the claim ``ID`` and what stands below it, ``N`` levels deep
(reasons, objections, rebuttals, undercuts and evidence each count as one level; refs are
followed). Example::

    >>> from argmap import load
    >>> s = scope(load("maps/bandow-iraq.yaml"), "cursed-policy", 1)
    >>> [c.uid for c in s.claims]
    ['cursed-policy', 'invasion-disaster']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RELATIONS, ArgumentMap, Claim, Reason, Ref
from ..suggestions import did_you_mean


class UnknownClaim(LookupError):
    """``--focus`` names no claim of the map; the message suggests a close id."""


@dataclass(frozen=True)
class Scope:
    #: The claims to draw, in document order.
    claims: tuple[Claim, ...]
    #: ``id()`` of each drawn claim whose reasons or evidence are left out for depth.
    cut: frozenset[int]


def scope(argmap: ArgumentMap, focus: str | None = None, depth: int | None = None) -> Scope:
    """The claims below ``focus`` (default: the theses) at most ``depth`` levels down (default: all)."""
    if focus is None and depth is None:
        return Scope(argmap.claims, frozenset())
    root = argmap.claim(focus) if focus is not None else None
    if focus is not None and root is None:
        raise UnknownClaim(f"no claim has the id '{focus}'{_did_you_mean(argmap, focus or '')}")
    queue = list(argmap.theses) if root is None else [root]
    level = {id(each): 0 for each in queue}
    cut: set[int] = set()
    for claim in queue:  # breadth first: the list grows while we walk it
        children = [member for relation in RELATIONS for member in _below(argmap, claim.reasons(relation))]
        if depth is not None and level[id(claim)] >= depth:
            if children or claim.evidence:
                cut.add(id(claim))
            continue
        for child in children:
            if id(child) not in level:
                level[id(child)] = level[id(claim)] + 1
                queue.append(child)
    claims = tuple(claim for claim in argmap.claims if id(claim) in level)
    return Scope(claims, frozenset(cut))


def _below(argmap: ArgumentMap, reasons: tuple[Reason, ...]) -> Iterator[Claim]:
    """The claims of these reasons, and those of the undercuts written on their refs."""
    yield from argmap.members(reasons)
    for reason in reasons:
        for item in reason.members:
            if isinstance(item, Ref) and item.undercuts:
                yield from _below(argmap, item.undercuts)


def _did_you_mean(argmap: ArgumentMap, word: str) -> str:
    return did_you_mean(word, (claim.id for claim in argmap.claims if claim.id))
