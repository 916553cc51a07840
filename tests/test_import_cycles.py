"""No module of ``argmap`` imports, directly or through others, a module that imports it back.

The graph is read statically, lazy imports included (see tests/imports.py).
"""

from __future__ import annotations

from tests.imports import import_graph


def cycle_edges(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """The edges that lie on some cycle: both ends in the same strongly connected component."""
    from argmap.graph import cycles

    edges = set()
    for component in cycles({name: sorted(targets) for name, targets in graph.items()}):
        members = set(component)
        edges |= {(a, b) for a in members for b in graph[a] if b in members}
    return edges


def test_the_graph_sees_lazy_relative_and_submodule_imports():
    graph = import_graph()
    assert "argmap.evaluation.explain" in graph["argmap.evaluation.labelling"]  # inside a function
    assert "argmap.formats" in graph["argmap.formats.text"]  # from . import summary: the __init__
    assert "argmap.diagram.style" in graph["argmap.diagram.labels"]  # from . import style: the submodule
    assert "argmap.problems" not in graph["argmap.diagram"]  # only under TYPE_CHECKING


def test_cycle_edges_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert cycle_edges(graph) == {("a", "b"), ("b", "c"), ("c", "a")}


def test_no_import_cycles():
    found = cycle_edges(import_graph())
    assert not found, f"import cycles through these edges (importer, imported): {sorted(found)}"
