"""Why each claim got its label: one sentence naming the claim that decided it.

Claims are named by id, or by the start of their text when they have none. Undecided claims are
traced back to the cycle of attacks they depend on, so that the sentence points at what a reader
must resolve, not merely at the next undecided claim. Sentences read like::

    backed by 2 pieces of evidence, and objection 'o' is rejected           (accepted)
    premise 'isis-defeated' is accepted                                     (accepted)
    objection 'isis-may-return' stands unanswered                           (rejected)
    no evidence, no premises, not an assumption                             (unsupported)
    its only support runs in a circle, through premise 'b'                  (unsupported)
    it and rebuttal 'b' attack each other                                   (undecided)
    premise 'p' is undecided, as it depends on the cycle of attacks at 'a'  (undecided)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from ..graph import cycles
from ..model import Claim
from .fixpoint import FALSE, TRUE, UNKNOWN
from .network import Link, Network

#: How a member is called from the claim its reason is written under.
_SINGULAR = {"premises": "premise", "objections": "objection", "rebuttals": "rebuttal", "undercuts": "undercut"}
_LISTED = 3  # failing reasons named before "..."


def name(claim: Claim) -> str:
    """``'the-id'``, or the quoted start of the text for a claim without an id."""
    if claim.id:
        return f"'{claim.id}'"
    text = " ".join(claim.text.split())
    return f"'{text[:40]}...'" if len(text) > 43 else f"'{text}'"


def explain(net: Network, statuses: Sequence[str]) -> list[str]:
    """The reason for every claim's status, by claim index."""
    undecided = _undecided_reasons(net) if "undecided" in statuses else {}
    sentences = []
    for i, status in enumerate(statuses):
        if status == "accepted":
            sentences.append(_accepted(net, i, statuses))
        elif status == "rejected":
            sentences.append(_rejected(net, i))
        elif status == "unsupported":
            sentences.append(_unsupported(net, i, statuses))
        else:
            sentences.append(undecided.get(i, "it depends on claims that are undecided"))
    return sentences


def _member(net: Network, link: Link, position: int) -> str:
    """``premise 'x'``, ``co-premise 'x'``, ``objection 'x'``, ... for one member of a reason."""
    word = _SINGULAR[link.relation]
    if link.reason.linked:
        word = "co-premise" if link.relation == "premises" else f"linked {word}"
    m = link.members[position]
    target = net.claims[m] if m >= 0 else None
    if target is None:
        item = link.reason.members[position]
        return f"{word} '{getattr(item, 'target', '?')}'"
    return f"{word} {name(target)}"


def _together(net: Network, link: Link) -> str:
    names = [name(net.claims[m]) for m in link.members if m >= 0]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _holds(net: Network, link: Link) -> str:
    if len(link.members) == 1:
        return f"{_member(net, link, 0)} is accepted"
    return f"co-premises {_together(net, link)} are all accepted"


def _fails(net: Network, link: Link, statuses: Sequence[str]) -> str:
    """Why a reason that does not hold fails: a member that is out, or an undercut that holds."""
    for position, m in enumerate(link.members):
        if m < 0:
            return f"{_member(net, link, position)} names no claim"
        if net.accepted(m) == FALSE:
            return f"{_member(net, link, position)} is {statuses[m]}"
    for m, undercut in link.undercuts:
        if net.holds(undercut) == TRUE:
            position = link.members.index(m)
            return f"{_member(net, link, position)} is undercut by {_together(net, undercut)}"
    return f"{_member(net, link, 0)} does not count"


def _accepted(net: Network, i: int, statuses: Sequence[str]) -> str:
    claim = net.claims[i]
    if claim.evidence:
        count = len(claim.evidence)
        support = f"backed by {count} piece{'s' if count > 1 else ''} of evidence"
    elif claim.assumption:
        support = "granted as an assumption"
    else:
        # The reason that held first, so that explanations never argue in a circle.
        holding = [link for link in net.premises[i] if net.holds(link) == TRUE]
        first = holding[0] if len(holding) == 1 else min(holding, key=lambda link: net.rank(link.gate))
        support = _holds(net, first)
    attacks = net.attacks[i]
    if not attacks:
        return support
    if len(attacks) == 1:
        return f"{support}, and {_fails(net, attacks[0], statuses)}"
    kinds = {link.relation for link in attacks}
    kind = next(iter(kinds)) if len(kinds) == 1 else "attacks"
    return f"{support}, and none of its {len(attacks)} {kind} stands"


def _rejected(net: Network, i: int) -> str:
    link = next(link for link in net.attacks[i] if net.holds(link) == TRUE)
    if len(link.members) > 1:
        return f"linked {link.relation} {_together(net, link)} stand together"
    attacker = link.members[0]
    if not net.attacks[attacker] and not link.undercuts:
        return f"{_member(net, link, 0)} stands unanswered"
    return f"{_member(net, link, 0)} stands, and every answer to it fails"


def _unsupported(net: Network, i: int, statuses: Sequence[str]) -> str:
    links = net.premises[i]
    if not links:
        return "no evidence, no premises, not an assumption"
    if net.circular(i):
        for link in links:
            for position, m in enumerate(link.members):
                if m >= 0 and net.circular(m):
                    return f"its only support runs in a circle, through {_member(net, link, position)}"
        return "its only support runs in a circle"
    failures = [_fails(net, link, statuses) for link in links]
    if len(failures) == 1:
        return failures[0]
    listed = ", ".join(failures[:_LISTED]) + (", ..." if len(failures) > _LISTED else "")
    return f"none of its {len(failures)} reasons holds: {listed}"


def _undecided_reasons(net: Network) -> dict[int, str]:
    """Undecided claims traced to the cycles of attacks they depend on.

    Among the undecided claims, the graph of "depends on" has cycles; the strongly connected
    components holding an attack (objection, rebuttal, undercut) are where undecidedness comes from
    (a loop of support alone would have been found unfounded). A breadth-first search backwards
    from them gives every other undecided claim its nearest path to one.
    """
    edges: dict[int, list[tuple[int, str, bool]]] = {}
    for i in range(len(net.claims)):
        if net.accepted(i) != UNKNOWN:
            continue
        found = edges[i] = []
        links = net.attacks[i]
        if net.supported(i) == UNKNOWN:
            links = net.premises[i] + links
        stack = [(link, link.relation != "premises") for link in reversed(links)]
        while stack:  # a reason, then the undercuts of its members, then theirs, ...
            link, attack = stack.pop()
            if net.holds(link) != UNKNOWN:
                continue
            for position, m in enumerate(link.members):
                if m >= 0 and net.accepted(m) == UNKNOWN:
                    found.append((m, _member(net, link, position), attack))
            stack.extend((undercut, True) for _, undercut in reversed(link.undercuts))
    component_of: dict[int, int] = {}
    for component in cycles({i: [m for m, _, _ in found] for i, found in edges.items()}):
        members = set(component)
        if any(attack and m in members for i in component for m, _, attack in edges[i]):
            for i in component:
                component_of[i] = component[0]
    sentences: dict[int, str] = {}
    for i, first in component_of.items():
        inside = [(m, words, attack) for m, words, attack in edges[i] if component_of.get(m) == first]
        m, words, attack = max(inside, key=lambda edge: edge[2])  # an attack if there is one
        if m == i:
            sentences[i] = "it attacks itself"
        elif attack and any(back == i and attacked for back, _, attacked in edges[m]):
            sentences[i] = f"it and {words} attack each other"
        else:
            sentences[i] = f"it is caught in a cycle of attacks with {words}"
    dependents: dict[int, list[tuple[int, str]]] = {}
    for i, found in edges.items():
        for m, words, _ in found:
            dependents.setdefault(m, []).append((i, words))
    origin = dict(component_of)
    queue = deque(sorted(component_of))
    while queue:
        m = queue.popleft()
        for i, words in dependents.get(m, ()):
            if i in origin:
                continue
            origin[i] = origin[m]
            if m in component_of:
                sentences[i] = f"{words} is caught in a cycle of attacks"
            else:
                sentences[i] = (
                    f"{words} is undecided, as it depends on the cycle of attacks at {name(net.claims[origin[m]])}"
                )
            queue.append(i)
    return sentences
