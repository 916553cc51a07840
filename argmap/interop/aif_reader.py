"""AIF JSON (the AIFdb and OVA form) -> the model.

The Argument Interchange Format's graph: ``nodes`` ``[{nodeID, type, text}]`` and ``edges``
``[{edgeID, fromID, toID}]``. What becomes what (the README's table is the reference):

- an **I-node** is a claim; one that no RA- or CA-node takes as premise or attacker is a thesis;
- an **RA-node** (inference) makes its premises a reason of its conclusion, ``linked`` when there
  are several; a scheme it names is kept as a note of the conclusion;
- a **CA-node** (conflict) makes its attackers an objection of the I-node it points at (a rebuttal
  when that claim is itself an attack); pointed at an RA-node it is an undercut of that inference
  (written on the reason's first member: on a ``- ref`` item where that premise is used elsewhere
  too), and pointed at a CA-node, an undercut of that attack;
- **MA-nodes** (rephrase) and **L**-nodes linked by **YA**-nodes (who said it) are kept as notes of
  the claims they concern; other nodes (TA, PA, ...) and a ``locutions`` list are reported.

Broken input is a :class:`~argmap.problems.LoadError` pointing at the node or edge in the JSON:
``not-aif`` (not JSON, or no ``nodes`` and ``edges`` lists), ``aif-structure`` (a node without id or
type, an id given twice, an edge to a missing node, an RA-node without premise or conclusion, a
cycle that no thesis stands above). Example::

    >>> graph = '{"nodes": [{"nodeID": "1", "type": "I", "text": "T"}, {"nodeID": "2", "type": "I", "text": "P"},'
    >>> graph += ' {"nodeID": "3", "type": "RA", "text": "RA"}], "edges": [{"edgeID": "4", "fromID": "2", "toID": "3"},'
    >>> graph += ' {"edgeID": "5", "fromID": "3", "toID": "1"}]}'
    >>> m = read(graph, Path("g.json")).argmap
    >>> m.thesis.text, m.thesis.premises[0].members[0].text
    ('T', 'P')
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..model import ArgumentMap, Position
from ..problems import LoadError, Problem
from . import Imported
from .aif_extras import Extras, read_extras
from .graph_tree import GraphClaim, Incoming, TooDeep, Unreached, to_map
from .json_places import Places, element_starts

_DEFAULT_SCHEMES = frozenset(("", "RA", "CA", "MA", "Default Inference", "Default Conflict", "Default Rephrase"))
_START = Position(1, 1)


def read(text: str, path: Path) -> Imported:
    """The map an AIF graph states; raises :class:`LoadError` (``not-aif``, ``aif-structure``) if broken."""
    return _Reader(text, path).read()


def _id(value: object) -> str | None:
    """A nodeID as text (AIFdb writes text, some tools numbers); ``None`` if it is neither."""
    if value.__class__ is str:
        return value
    return str(value) if value.__class__ is int else None


def _graph(text: str, file: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError as error:
        line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        message = f"this is not AIF: the JSON is broken ({getattr(error, 'msg', error)})"
        raise LoadError([Problem(file, line, column, "not-aif", "error", message)]) from None
    except RecursionError:  # arrays or objects nested some thousand levels deep: no AIF graph nests so
        message = "the JSON nests too deeply to read (an AIF graph nests a few levels)"
        raise LoadError([Problem(file, 1, 1, "too-deep", "error", message)]) from None
    if not (isinstance(data, dict) and isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list)):
        message = "this is not AIF: an AIF graph is a JSON object with a 'nodes' list and an 'edges' list"
        raise LoadError([Problem(file, 1, 1, "not-aif", "error", message)])
    return data


class _Reader:
    def __init__(self, text: str, path: Path) -> None:
        self.path, self.file = path, str(path)
        self.data = _graph(text, self.file)
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        places = Places(text)
        starts = element_starts(text, ("nodes", "edges"))
        self.node_at = [places.position(offset) for offset in starts["nodes"]]
        self.edge_at = [places.position(offset) for offset in starts["edges"]]
        #: nodeID -> (node, where it is written); edges by the node they leave and the node they enter.
        self.nodes: dict[str, tuple[dict, Position]] = {}
        self.into: defaultdict[str, list[str]] = defaultdict(list)
        self.out: defaultdict[str, list[str]] = defaultdict(list)
        #: nodeID -> its type ("I", "RA", ...).
        self.kinds: dict[str, str] = {}

    def problem(self, at: Position, message: str, error: bool = True) -> None:
        found = Problem(self.file, at.line, at.column, "aif-structure" if error else "not-converted",
                        "error" if error else "warning", message)  # fmt: skip
        (self.errors if error else self.warnings).append(found)

    def read(self) -> Imported:
        self.read_nodes()
        self.read_edges()
        self.stop_at_errors()
        claims = {key: GraphClaim(str(node["text"]).strip(), at, key) for key, (node, at) in self.nodes.items()
                  if node["type"] == "I"}  # fmt: skip
        extras = self.extras(claims)
        self.order = {key: index for index, key in enumerate(claims)}
        for key, (node, at) in self.nodes.items():
            self.relate(key, node, at, claims)
        for name in ("locutions", "participants"):
            if self.data.get(name):
                self.problem(_START, f"the '{name}' list (who said what, and when) is not converted", False)
        self.stop_at_errors()
        marked = [self.order[key] for key in extras.theses]
        return Imported(self.tree(list(claims.values()), extras.title, extras.sources, marked), tuple(self.warnings))

    def extras(self, claims: dict[str, GraphClaim]) -> Extras:
        """What the ``argmap`` fields carry, given to the claims (see :mod:`argmap.interop.aif_extras`)."""
        extras = read_extras(self.data, {key: self.nodes[key] for key in claims}, self.path)
        for key, claim in extras.claims.items():
            graph = claims[key]
            graph.name, graph.keep_id = claim.id, claim.id is not None
            graph.evidence, graph.assumption = claim.evidence, claim.assumption
            graph.tags, graph.ignore = claim.tags, claim.ignore
            graph.notes += [claim.note] if claim.note else []
        for node_id, name in extras.unknown:
            where = self.nodes[node_id][1] if node_id else _START
            of = f"of node '{node_id}' " if node_id else ""
            self.problem(where, f"'{name}' in the 'argmap' field {of}is not converted", False)
        return extras

    def relate(self, key: str, node: dict, at: Position, claims: dict[str, GraphClaim]) -> None:
        """What one node says of the claims: a reason, an attack, a note, or nothing argmap can keep."""
        kind = self.kinds[key]
        if kind == "RA":
            self.inference(key, node, at, claims)
        elif kind == "CA":
            for target in self.out[key]:
                if self.kinds[target] == "I":
                    claims[target].incoming.append(self.conflict(key, frozenset()))
                elif self.kinds[target] not in ("RA", "CA"):  # those are undercut: see undercuts()
                    self.problem(
                        at, f"CA-node '{key}' attacks {self.kinds[target]}-node '{target}': not converted", False
                    )
            if not self.out[key]:
                self.problem(at, f"CA-node '{key}' attacks nothing (no edge leaves it)")
        elif kind in ("MA", "YA"):
            self.noted(key, kind, at, claims)
        elif kind == "L":  # noted through its YA-node; without one it would be lost silently
            if not any(self.kinds[target] == "YA" for target in self.out[key]):
                self.problem(at, f"L-node '{key}' (locution) is not converted: no YA-node ties it to a claim", False)
        elif kind != "I":
            self.problem(at, f"{kind or 'untyped'}-node '{key}' is not converted: argmap has nothing like it", False)

    def stop_at_errors(self) -> None:
        if self.errors:
            raise LoadError(self.errors)

    def read_nodes(self) -> None:
        for node, at in zip(self.data["nodes"], self.node_at, strict=True):
            key = _id(node.get("nodeID")) if isinstance(node, dict) else None
            if key is None or not isinstance(node.get("type"), str):
                self.problem(at, "each node needs a 'nodeID' (text or a number) and a 'type' (I, RA, CA, ...)")
            elif key in self.nodes:
                self.problem(at, f"node '{key}' is given twice (first at {self.nodes[key][1]})")
            elif node["type"] == "I" and not (isinstance(node.get("text"), str) and node["text"].strip()):
                self.problem(at, f"I-node '{key}' has no text")
            else:
                self.nodes[key] = (node, at)
                self.kinds[key] = node["type"]

    def read_edges(self) -> None:
        nodes, kinds, into, out = self.nodes, self.kinds, self.into, self.out
        for edge, at in zip(self.data["edges"], self.edge_at, strict=True):
            ends = [edge.get(end) for end in ("fromID", "toID")] if edge.__class__ is dict else [None, None]
            source, target = (end if end.__class__ is str else _id(end) for end in ends)
            if source not in nodes or target not in nodes:
                name = edge.get("edgeID", "") if edge.__class__ is dict else ""
                missing = ends[0] if source not in nodes else ends[1]
                self.problem(
                    at, f"edge {f'{name!r} ' if name else ''}leads to node '{missing}', which is not among the nodes"
                )
                continue
            out[source].append(target)
            into[target].append(source)
            if kinds[source] == "I" and kinds[target] == "I":
                message = (
                    f"the edge from I-node '{source}' to I-node '{target}' has no scheme node between: not converted"
                )
                self.problem(at, message, False)

    def inference(self, key: str, node: dict, at: Position, claims: dict[str, GraphClaim]) -> None:
        premises = tuple(self.order[k] for k in self.into[key] if self.kinds[k] == "I")
        conclusions = [k for k in self.out[key] if self.kinds[k] == "I"]
        if not premises:
            self.problem(at, f"RA-node '{key}' has no premise (no edge from an I-node enters it)")
        if not conclusions:
            self.problem(at, f"RA-node '{key}' concludes nothing (no edge leaves it for an I-node)")
        scheme = str(node.get("scheme") or node.get("text") or "")
        for conclusion in conclusions:
            claims[conclusion].incoming.append(
                Incoming("premises", premises, len(premises) > 1, at, self.undercuts(key, frozenset()))
            )
            if scheme not in _DEFAULT_SCHEMES:
                claims[conclusion].notes.append(f"AIF scheme: {scheme}")
        for target in self.out[key]:
            if self.kinds[target] != "I":
                self.problem(
                    at,
                    f"RA-node '{key}' supports {self.kinds[target]}-node '{target}', a link: not converted",
                    False,
                )

    def conflict(self, key: str, seen: frozenset[str]) -> Incoming:
        attackers = tuple(self.order[k] for k in self.into[key] if self.kinds[k] == "I")
        at = self.nodes[key][1]
        if not attackers:
            self.problem(at, f"CA-node '{key}' has no attacker (no edge from an I-node enters it)")
        return Incoming("attacks", attackers, len(attackers) > 1, at, self.undercuts(key, seen | {key}))

    def undercuts(self, key: str, seen: frozenset[str]) -> tuple[Incoming, ...]:
        """The CA-nodes that attack the RA- or CA-node ``key``, as undercuts of its reason."""
        cuts = []
        for attacker in self.into[key]:
            if self.kinds[attacker] != "CA":
                continue
            if attacker in seen:
                self.problem(self.nodes[attacker][1], f"CA-node '{attacker}' attacks itself through other CA-nodes")
            else:
                cuts.append(self.conflict(attacker, seen | {key})._replace(relation="undercuts"))
        return tuple(cuts)

    def noted(self, key: str, kind: str, at: Position, claims: dict[str, GraphClaim]) -> None:
        """A rephrase (I -> MA -> I) or a locution (L -> YA -> I): a note on each claim it concerns."""
        sources = [self.nodes[k][0] for k in self.into[key] if self.kinds[k] == ("I" if kind == "MA" else "L")]
        targets = [k for k in self.out[key] if self.kinds[k] == "I"]
        said = "; ".join(str(source.get("text", "")) for source in sources)
        for target in targets:
            claims[target].notes.append(f"rephrases: {said}" if kind == "MA" else f"said: {said}")
        what = "rephrase" if kind == "MA" else "locution"
        kept = (
            f"kept as a note of I-node {', '.join(repr(t) for t in targets)}"
            if targets and sources
            else "not converted"
        )
        self.problem(at, f"{kind}-node '{key}' ({what}) is {kept}", False)

    def tree(self, graph: list[GraphClaim], title: str | None, sources: dict, theses: list[int]) -> ArgumentMap:
        try:
            return to_map(graph, self.path, title, sources, more_roots=theses)
        except Unreached as unreached:
            indexes = unreached.args[0]
            at = graph[indexes[0]].position if graph else _START
            message = (
                f"{len(indexes)} I-nodes support or attack each other in a cycle that no other claim stands "
                "above, so none of them can be a thesis" if graph else "the graph has no I-node: nothing to argue"
            )  # fmt: skip
            raise LoadError([Problem(self.file, at.line, at.column, "aif-structure", "error", message)]) from None
        except TooDeep as deep:
            raise deep.error(self.file, graph) from None
