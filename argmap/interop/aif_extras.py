"""What AIF has no place for, carried in an ``argmap`` field: evidence, assumptions, notes, ids, the title.

argmap's AIF writer puts on each I-node an ``argmap`` object with the claim's ``id``, ``evidence``,
``assumption``, ``note``, ``tags`` and ``ignore``, and on the graph one with ``title`` and
``sources``, so that argmap -> AIF -> argmap loses nothing; other AIF tools ignore fields they do
not know. Reading them back goes through the map builder (the same checks and messages as a YAML
map), every value placed at its node. Example::

    >>> from argmap.model import Position
    >>> node = {"nodeID": "1", "type": "I", "text": "T", "argmap": {"assumption": True}}
    >>> extras = read_extras({}, {"1": (node, Position(1, 2))}, Path("g.json"))
    >>> extras.claims["1"].assumption
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ..model import Claim, Position, Source
from ..reading.builder import build
from ..reading.checked_values import KeepProblems
from .plain_tree import PlainTree

#: The keys an I-node's ``argmap`` field may hold (``thesis: true``: a thesis used elsewhere too), and the graph's.
CLAIM_EXTRAS = ("id", "evidence", "assumption", "note", "tags", "ignore")
THESIS = "thesis"
MAP_EXTRAS = ("title", "sources")


class Extras(NamedTuple):
    title: str | None
    sources: dict[str, Source]
    #: By nodeID, for the I-nodes that carry extras: a claim holding them (its text is not the node's).
    claims: dict[str, Claim]
    #: ``(nodeID or None for the graph, key)`` of each key an ``argmap`` field holds that is not an extra.
    unknown: list[tuple[str | None, str]]
    #: The nodeIDs of the I-nodes marked ``thesis: true``.
    theses: set[str]


def read_extras(data: dict[str, Any], nodes: dict[str, tuple[dict, Position]], path: Path) -> Extras:
    """The extras of the graph and of these I-nodes (by nodeID); raises LoadError where they are malformed."""
    top = data.get("argmap")
    carrying = {key: node["argmap"] for key, (node, _) in nodes.items() if "argmap" in node}
    if not carrying and not top:
        return Extras(None, {}, {}, [], set())
    unknown: list[tuple[str | None, str]] = []
    tree = PlainTree({}, Position(1, 1))
    root: dict[str, Any] = {}
    if isinstance(top, dict):
        unknown += [(None, str(key)) for key in top if key not in MAP_EXTRAS]
        root = tree.value({key: top[key] for key in MAP_EXTRAS if key in top}, Position(1, 1))  # type: ignore[assignment]
    items = []
    for key, extra in carrying.items():
        if isinstance(extra, dict):
            unknown += [(key, str(name)) for name in extra if name not in (*CLAIM_EXTRAS, THESIS)]
            extra = {"claim": "-", **{name: extra[name] for name in CLAIM_EXTRAS if name in extra}}
        items.append(tree.value(extra, nodes[key][1]))  # not a mapping: the builder says so
    root["theses"] = items or [tree.value({"claim": "-"}, Position(1, 1))]
    tree.positions[id(root)] = tree.positions[id(root["theses"])] = Position(1, 1)
    tree.root = root
    built = build(tree, path, KeepProblems(tree, str(path)))
    claims = dict(zip(carrying, built.theses, strict=True)) if carrying else {}
    theses = {key for key, extra in carrying.items() if isinstance(extra, dict) and extra.get(THESIS) is True}
    return Extras(built.title, built.sources, claims, unknown, theses)
