"""Relations between claims as a graph over claim uids, with refs resolved.

Used by the rules that look past one claim (circular reasoning) and by evaluation and rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import TypeVar

from .model import ArgumentMap, Ref

Node = TypeVar("Node", bound=Hashable)


def supporters(argmap: ArgumentMap) -> dict[str, list[str]]:
    """For every claim with premises, the uids of the claims among them (refs resolved, unknown skipped).

    Claims without premises (most of them) are left out: ``graph.get(uid)`` is ``None`` for them.
    """
    graph: dict[str, list[str]] = {}
    claim = argmap.claim
    for each in filter(attrgetter("premises"), argmap.claims):  # the filter runs in C
        uid = each.uid
        if claim(uid) is not each:  # a uid given twice (only by hand: loaders number them): refs name the first
            continue
        children = graph[uid] = []
        for reason in each.premises:  # as argmap.members(), without a generator per claim
            for item in reason.members:
                member = claim(item.target) if isinstance(item, Ref) else item
                if member is not None:
                    children.append(member.uid)
    return graph


def cycles(graph: dict[Node, list[Node]]) -> list[list[Node]]:
    """The strongly connected components with a cycle (more than one node, or a self-loop).

    Each lists its nodes in the order the search met them; they come in the order the search
    finished them (see :func:`components`).
    """
    return [component[::-1] for component in components(graph, graph.get, trivial=False)]


def components(
    starts: Iterable[Node], successors: Callable[[Node], Sequence[Node] | None], trivial: bool = True
) -> list[list[Node]]:
    """The strongly connected components reachable from ``starts``, by Tarjan's algorithm.

    Each component comes after every component it reaches (the order the search finishes them),
    and lists its nodes last met first. With ``trivial=False``, components of one node without a
    self-loop are left out. Iterative, so that a 100,000-claim chain cannot overflow the stack;
    a node without successors (most claims) is finished as soon as it is met.
    """
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    found: list[list[Node]] = []
    counter = 0
    for start in starts:
        if start in index:
            continue
        first = successors(start)
        if not first:
            index[start] = counter
            counter += 1
            if trivial:
                found.append([start])
            continue
        work: list[tuple[Node, Iterator[Node]]] = [(start, iter(first))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    grandchildren = successors(child)
                    if not grandchildren:  # met, and finished at once
                        index[child] = counter
                        counter += 1
                        if trivial:
                            found.append([child])
                        continue
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(grandchildren)))
                    advanced = True
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:  # min() without a call: this runs for every claim
                    low[parent] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if trivial or len(component) > 1 or node in successors(node):  # type: ignore[operator]
                    found.append(component)
    return found
