"""Relations between claims as a graph over claim uids, with refs resolved.

Used by the rules that look past one claim (circular reasoning) and by evaluation and rendering.
"""

from __future__ import annotations

from typing import Iterable

from .model import ArgumentMap


def supporters(argmap: ArgumentMap) -> dict[str, list[str]]:
    """For every claim, the uids of the claims among its premises (refs resolved, unknown skipped)."""
    graph: dict[str, list[str]] = {}
    for claim in argmap.claims:
        if claim.uid not in graph:  # a duplicate id: the first definition is the claim refs name
            graph[claim.uid] = [member.uid for member in argmap.members(claim.premises)]
    return graph


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with a cycle (more than one node, or a self-loop).

    Tarjan's algorithm, iterative so that a 100,000-claim chain cannot overflow the stack. Each
    component lists its nodes in the order the search met them; components come in the graph's
    order of first node.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(start, iter(graph.get(start, ())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    found.append(sorted(component, key=index.__getitem__))
    return found
