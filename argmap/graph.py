"""Relations between claims as a graph over claim uids, with refs resolved.

Used by the rules that look past one claim (circular reasoning) and by evaluation and rendering.
"""

from __future__ import annotations

from typing import Iterator

from .model import ArgumentMap, Ref


def supporters(argmap: ArgumentMap) -> dict[str, list[str]]:
    """For every claim, the uids of the claims among its premises (refs resolved, unknown skipped)."""
    graph: dict[str, list[str]] = {}
    claim = argmap.claim
    for each in argmap.claims:
        uid = each.uid
        if uid in graph:  # a duplicate id: the first definition is the claim refs name
            continue
        children = graph[uid] = []
        for reason in each.premises:  # as argmap.members(), without a generator per claim
            for item in reason.members:
                if isinstance(item, Ref):
                    item = claim(item.target)
                    if item is None:
                        continue
                children.append(item.uid)
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
    children_of = graph.get
    for start in graph:
        if start in index:
            continue
        if not graph[start]:  # no premises (most claims): a component of its own without a cycle
            index[start] = counter
            counter += 1
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    grandchildren = children_of(child)
                    if not grandchildren:  # as above: met, and done with at once
                        index[child] = counter
                        counter += 1
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
                if len(component) > 1 or node in graph[node]:
                    found.append(sorted(component, key=index.__getitem__))
    return found
