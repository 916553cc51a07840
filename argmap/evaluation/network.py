"""The map as a circuit of AND/OR gates (``argmap.fixpoint``), the input of evaluation.

For each claim C (refs resolved, so a claim used in several places is one node):

- ``accepted(C) = supported(C) AND NOT holds(A)`` for every objection or rebuttal reason A of C;
- ``supported(C) = grounded(C) OR holds(R)`` for every premise reason R of C, where grounded means
  C has evidence or is ``assumption: true``;
- ``holds(R) = accepted(M) AND NOT holds(U)`` for every member M of the reason R (one premise, or
  every co-premise of a linked group) and every undercut reason U written on a member M *where it
  is defined*: an undercut denies the inference from M to the claim it is written under, so it
  defeats the whole linked group M belongs to, but not other places that ``ref`` M. Undercuts
  written on a ``ref`` item deny that use of M in the same way, and no other.

Gates are saved where they would only copy another: a reason of one member and no undercut *is*
its member's gate, and a claim with one reason needs no OR. A 100,000-claim map makes a circuit
of about as many gates. Example::

    >>> import argmap
    >>> net = Network(argmap.loads("thesis: {claim: T, assumption: true}"))
    >>> net.solve()         # rounds of the fixpoint
    1
    >>> net.accepted(0)     # fixpoint.TRUE
    1
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..model import ArgumentMap, Claim, Reason, Ref
from .fixpoint import AND, FALSE, OR, TRUE, Circuit

#: ``Network.support`` for a grounded claim, and for a claim with nothing offered for it.
GROUNDED, NOTHING = -1, -2


class Link(NamedTuple):
    """One reason of the map: it ``holds`` when every member is accepted and no undercut holds."""

    #: The gate of the reason: its own AND gate, or its single member's gate.
    gate: int
    relation: str
    reason: Reason
    #: Claim indexes of the members, ``-1`` for a ref that names no claim.
    members: list[int]
    #: ``(member index, undercut Link)`` for every undercut written on a member defined here.
    undercuts: list[tuple[int, Link]]


class Network:
    """Gate ``i`` is accepted(claim ``i``); ``premises``, ``attacks`` and ``support`` say how it is wired."""

    def __init__(self, argmap: ArgumentMap) -> None:
        claims = list(argmap.claims)
        index = {claim.uid: i for i, claim in enumerate(claims)}
        if len(index) < len(claims):  # a duplicate id: refs name the first definition
            claims, index = [], {}
            for claim in argmap.claims:
                if claim.uid not in index:
                    index[claim.uid] = len(claims)
                    claims.append(claim)
        self.argmap, self.claims, self.index = argmap, claims, index
        n = len(claims)
        circuit = self.circuit = Circuit()
        circuit.gates(n, AND)
        self.nowhere = circuit.gate(OR, FALSE)  # what a ref to an unknown id stands for
        none: list[Link] = []
        self.premises: list[list[Link]] = [none] * n
        self.attacks: list[list[Link]] = [none] * n
        self.undercuts: list[list[Link]] = [none] * n
        #: Per claim, the gate of its support: GROUNDED, NOTHING, or a link's or an OR's gate.
        self.support: list[int] = [NOTHING] * n
        fixed, counts, feeds = circuit.fixed, circuit.counts, circuit.feeds
        link = self._linker()
        premises, attacks_of, undercuts, supports = self.premises, self.attacks, self.undercuts, self.support
        # Backwards through the document, so that a claim's undercuts are wired before the reason
        # it is defined in (a claim comes before the claims written under it).
        for i in range(n - 1, -1, -1):
            claim = claims[i]
            if not (claim.premises or claim.objections or claim.rebuttals or claim.undercuts):
                if not (claim.evidence or claim.assumption):  # a leaf: grounded, or nothing
                    fixed[i] = FALSE
                else:
                    supports[i] = GROUNDED
                continue
            if claim.undercuts:
                undercuts[i] = [link("undercuts", reason) for reason in claim.undercuts]
            attacks = none
            if claim.objections or claim.rebuttals:
                attacks = attacks_of[i] = [link("objections", reason) for reason in claim.objections] + [
                    link("rebuttals", reason) for reason in claim.rebuttals
                ]
            links = none
            if claim.premises:
                links = premises[i] = [link("premises", reason) for reason in claim.premises]
            if claim.evidence or claim.assumption:
                support = GROUNDED
            elif not links:
                fixed[i] = FALSE
                continue
            elif len(links) == 1:
                support = links[0].gate
            else:
                support = circuit.gate(OR)
                for each in links:
                    circuit.connect(support, each.gate)
            supports[i] = support
            if support >= 0:
                counts[i] += 1
                feeds[support].append(i << 1)
            for each in attacks:
                counts[i] += 1
                feeds[each.gate].append(i << 1 | 1)
        self.values = bytearray()
        self.unfounded = bytearray()
        self.order: list[int] = []
        self._rank: list[int] = []

    def _linker(self) -> Callable[[str, Reason], Link]:
        """``link(relation, reason)``: the reason as a Link, wired into the circuit.

        The reason gets an AND gate of its own unless it is one member without undercuts. (A
        closure over locals, as this runs once per reason of maps of 100,000 claims.)
        """
        claims, index, undercuts, resolve = self.claims, self.index, self.undercuts, self.argmap.resolve
        circuit, nowhere = self.circuit, self.nowhere
        new_link = tuple.__new__

        def link(relation: str, reason: Reason) -> Link:
            items = reason.members
            if len(items) == 1 and type(items[0]) is Claim:  # the common case, kept short
                m = index[items[0].uid]
                if not undercuts[m] or claims[m] is not items[0]:
                    return new_link(Link, (m, relation, reason, (m,), ()))
            members: list[int] = []
            cuts: list[tuple[int, Link]] = []
            for item in reason.members:
                target = item if type(item) is Claim else resolve(item)
                if target is None:
                    members.append(-1)
                    continue
                m = index[target.uid]
                members.append(m)
                if target is item and undercuts[m] and claims[m] is item:
                    # Defined here, so its undercuts deny this inference.
                    cuts += [(m, undercut) for undercut in undercuts[m]]
                elif type(item) is Ref and item.undercuts:
                    # Undercuts written on a ref deny this use of the claim only.
                    cuts += [(m, link("undercuts", undercut)) for undercut in item.undercuts]
            if len(members) == 1 and not cuts:
                gate = members[0] if members[0] >= 0 else nowhere
            else:
                gate = circuit.gate(AND)
                for m in members:
                    circuit.connect(gate, m if m >= 0 else nowhere)
                for _, undercut in cuts:
                    circuit.connect(gate, undercut.gate, negated=True)
            return new_link(Link, (gate, relation, reason, members, cuts))

        return link

    def solve(self) -> int:
        """Compute every gate's value; return how many rounds the fixpoint took."""
        from .fixpoint import solve

        solution = solve(self.circuit)
        self.values, self.unfounded, self.order = solution.values, solution.unfounded, solution.order
        return solution.rounds

    def rank(self, gate: int) -> int:
        """When the gate was decided, counted in gates: inputs come before what they decide."""
        if not self._rank:
            self._rank = [0] * len(self.circuit)
            for position, decided in enumerate(self.order):
                self._rank[decided] = position
        return self._rank[gate]

    # -- reading the solution ------------------------------------------------------------------------

    def accepted(self, i: int) -> int:
        return self.values[i]

    def supported(self, i: int) -> int:
        gate = self.support[i]
        return TRUE if gate == GROUNDED else FALSE if gate == NOTHING else self.values[gate]

    def holds(self, link: Link) -> int:
        return self.values[link.gate]

    def circular(self, i: int) -> bool:
        """Whether claim ``i`` was found to hold itself up (made false as unfounded)."""
        return bool(self.unfounded[i])
