"""The well-founded values of a circuit of AND and OR gates whose inputs may be negated.

Evaluation (``argmap.evaluate``) turns a map into such a circuit: a claim is accepted when it is
supported AND NOT attacked; it is supported when it is grounded OR one of its reasons holds. Loops
are allowed, so gates are solved in three values, true, false and unknown, as in the well-founded
semantics of logic programs:

1. propagate what is known (Kleene's three-valued logic), starting from the constant gates;
2. find the *unfounded* gates: unknown gates that could not become true even if every negated
   unknown input turned out in their favour (they hold each other up in a loop of plain, un-negated
   inputs, like claims that support only each other). Make them false and go back to 1.

A loop through a negated input (two claims that attack each other) stays unknown. Each gate is
decided once and each input looked at once in step 1, so step 1 is linear in the size of the
circuit over the whole run. Step 2 works on the gates still unknown after the first step 1 (in
most maps, none or a few), one strongly connected component at a time, inputs first: a chain of
loops, each settled by the one before, then costs one pass per loop, not one pass over all of
them per loop. Only alternations inside a single component need several passes over it.
Example::

    >>> c = Circuit()
    >>> yes = c.gate(AND)              # no inputs: true
    >>> loop = c.gate(OR)
    >>> c.connect(loop, loop)          # holds itself up: unfounded, so false
    >>> solve(c).values[loop]
    0
"""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import components

AND, OR = True, False
#: Gate values; UNKNOWN is what remains after the fixpoint.
FALSE, TRUE, UNKNOWN = 0, 1, 2


class Circuit:
    """Gates numbered from 0, each with its kind, an optional fixed value and what it feeds."""

    def __init__(self) -> None:
        self.is_and: list[bool] = []
        self.fixed: list[int] = []
        #: Per gate, how many inputs it has.
        self.counts: list[int] = []
        #: Per gate, the gates it is an input of, as literals ``gate << 1 | negated``.
        self.feeds: list[list[int]] = []

    def __len__(self) -> int:
        return len(self.is_and)

    def gate(self, kind: bool, value: int = UNKNOWN) -> int:
        """Add a gate (``value`` fixes it to TRUE or FALSE whatever its inputs) and return its number."""
        self.is_and.append(kind)
        self.fixed.append(value)
        self.counts.append(0)
        self.feeds.append([])
        return len(self.is_and) - 1

    def gates(self, count: int, kind: bool) -> None:
        """Add ``count`` gates of one kind at once (numbered from ``len(self)``)."""
        self.is_and.extend([kind] * count)
        self.fixed.extend([UNKNOWN] * count)
        self.counts.extend([0] * count)
        self.feeds.extend([] for _ in range(count))

    def connect(self, gate: int, source: int, negated: bool = False) -> None:
        """Make ``source`` (or NOT ``source``) an input of ``gate``."""
        self.counts[gate] += 1
        self.feeds[source].append(gate << 1 | negated)


@dataclass(frozen=True)
class Solution:
    #: Per gate: FALSE, TRUE or UNKNOWN.
    values: bytearray
    #: Per gate: 1 if it was made false as unfounded (its only way to be true ran in a loop).
    unfounded: bytearray
    #: 1 + how many times unfounded gates were found and made false.
    rounds: int
    #: The decided gates in the order they were decided: a gate comes after the inputs that
    #: decided it, so explanations that follow this order never go round in a circle.
    order: list[int]


def solve(circuit: Circuit) -> Solution:
    """The well-founded value of every gate."""
    size = len(circuit)
    values = bytearray([UNKNOWN]) * size
    unfounded = bytearray(size)
    # Per gate, the inputs still to be decided before the gate is: AND waits for all of them to be
    # true, OR for all of them to be false; one input the other way decides it at once.
    waiting = list(circuit.counts)
    fixed, is_and = circuit.fixed, circuit.is_and
    queue = [gate for gate in range(size) if fixed[gate] != UNKNOWN or not waiting[gate]]
    for gate in queue:
        value = fixed[gate]
        values[gate] = value if value != UNKNOWN else TRUE if is_and[gate] else FALSE
    order = list(queue)
    _propagate(circuit, values, waiting, queue, order)
    rounds = 1
    unknown = [gate for gate in range(size) if values[gate] == UNKNOWN]
    for component in _components(circuit, values, unknown):
        while component:
            queue = _unfounded(circuit, values, waiting, component)
            if not queue:
                break
            rounds += 1
            for gate in queue:
                values[gate] = FALSE
                unfounded[gate] = 1
            order += queue
            _propagate(circuit, values, waiting, queue, order)
            component = [gate for gate in component if values[gate] == UNKNOWN]
    return Solution(values, unfounded, rounds, order)


def _propagate(circuit: Circuit, values: bytearray, waiting: list[int], queue: list[int], order: list[int]) -> None:
    """Kleene's step: decide every gate that the decided gates decide, until nothing changes."""
    is_and, feeds = circuit.is_and, circuit.feeds
    decided = order.append
    while queue:
        source = queue.pop()
        value = values[source]
        for literal in feeds[source]:
            gate = literal >> 1
            if values[gate] != UNKNOWN:
                continue
            true = value ^ (literal & 1)
            if true != is_and[gate]:  # a false input of an AND, a true input of an OR
                values[gate] = true
                queue.append(gate)
                decided(gate)
                continue
            waiting[gate] -= 1
            if not waiting[gate]:
                values[gate] = true
                queue.append(gate)
                decided(gate)


def _unfounded(circuit: Circuit, values: bytearray, waiting: list[int], component: list[int]) -> list[int]:
    """The unknown gates of the component that cannot become true, granting every negated input.

    "Possibly true" is the least fixpoint of: a NOT-literal is unless its source is true; an
    unknown gate outside the component is (the components that feed this one are settled); an
    AND gate is when all its un-negated unknown inputs are; an OR gate when one is. (An unknown
    gate has no input that decides it, so only its unknown inputs matter: ``waiting`` of them.)
    """
    is_and, feeds = circuit.is_and, circuit.feeds
    inside = dict.fromkeys(component, 0)  # per gate, its un-negated unknown inputs from the component
    for source in component:
        for literal in feeds[source]:
            gate = literal >> 1
            if gate in inside and not literal & 1:
                inside[gate] += 1
    needed = {}
    for gate, count in inside.items():
        if is_and[gate]:
            needed[gate] = count
        else:  # one possibly true input is enough; any input not counted in ``inside`` is one
            needed[gate] = 1 if count == waiting[gate] else 0
    possible = {gate for gate, count in needed.items() if not count}
    queue = list(possible)
    while queue:
        source = queue.pop()
        for literal in feeds[source]:
            gate = literal >> 1
            if literal & 1 or gate in possible or gate not in needed:
                continue
            needed[gate] -= 1
            if not needed[gate] or not is_and[gate]:
                possible.add(gate)
                queue.append(gate)
    return [gate for gate in component if gate not in possible]


def _components(circuit: Circuit, values: bytearray, unknown: list[int]) -> list[list[int]]:
    """The strongly connected components of the unknown gates, each after those that feed it."""
    feeds = circuit.feeds

    def unknown_fed(gate: int) -> list[int]:
        return [literal >> 1 for literal in feeds[gate] if values[literal >> 1] == UNKNOWN]

    found = components(unknown, unknown_fed)
    found.reverse()  # Tarjan finishes a component after every component it feeds
    return found
