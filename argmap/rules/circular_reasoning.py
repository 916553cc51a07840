"""circular-reasoning: a claim supports itself through a chain of premises and refs.

Following ``premises`` downwards (and ``ref`` items to the claims they name) must never lead
back to where it started: a claim cannot be a reason for itself. Attacks may form cycles (two
objections that answer each other); only support is checked. Each cycle is reported once, on the
claim of the cycle that comes first in the file, with the whole chain.

Fails::

    thesis:
      id: a
      claim: The Bible is true.
      premises:
        - id: b
          claim: The Bible is the word of God.
          premises:
            - ref: a                    # b rests on a, which rests on b

Passes (objections that answer each other are attacks, not support)::

    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.
          assumption: true
      objections:
        - id: water
          claim: Trees cost too much to water.
          assumption: true
          rebuttals:
            - claim: Native species need no watering after two years.
              assumption: true
              objections:
                - ref: water
"""

from __future__ import annotations

from collections.abc import Iterator

from ..graph import cycles, supporters
from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "circular-reasoning"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    graph = supporters(argmap)
    for component in cycles(graph):
        members = set(component)
        first = argmap.claim(component[0])
        assert first is not None
        chain = _chain(graph, component[0], members)
        yield Finding(
            first.position.line,
            first.position.column,
            f"circular support: {' -> '.join(chain)}",
            first.uid,
            first.text,
        )


def _chain(graph: dict[str, list[str]], start: str, members: set[str]) -> list[str]:
    """One path from ``start`` back to itself inside the component, by breadth-first search."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in graph.get(node, ()):
                if child not in members:
                    continue
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start] if node != start else [start, start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    return [start, start]
