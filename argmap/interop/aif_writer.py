"""The model -> AIF JSON (the AIFdb form: ``nodes``, ``edges``, ``locutions``), which AIF tools load.

Each claim is an I-node (its ``nodeID`` the claim's id where it has one, else a number); each
premise reason an RA-node with an edge from every member and one to the claim; each objection or
rebuttal a CA-node, the same way; each undercut a CA-node pointing at the RA- or CA-node of the
reason it denies: the one where the claim it is written on is defined, or, written on a ``- ref``
item, the one that ref stands in. What AIF has no place for (evidence, assumptions, notes, tags,
ids, the title and sources) goes into ``argmap`` fields, which other AIF tools ignore and argmap's
reader reads back; each claim that carries some is reported as a warning. Example::

    >>> from argmap.reading import loads
    >>> graph = json.loads(write(loads("thesis: {claim: T, premises: [{claim: P, assumption: true}]}")).text)
    >>> [(node["nodeID"], node["type"], node["text"]) for node in graph["nodes"]]
    [('1', 'I', 'T'), ('2', 'I', 'P'), ('3', 'RA', 'Default Inference')]
    >>> [(edge["fromID"], edge["toID"]) for edge in graph["edges"]]
    [('2', '3'), ('3', '1')]
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

from ..model import ArgumentMap, Claim, Reason, Ref
from ..problems import Problem
from . import Exported
from .yaml_writer import _evidence, _source

_SCHEME = {"premises": ("RA", "Default Inference"), "attacks": ("CA", "Default Conflict")}


def write(argmap: ArgumentMap) -> Exported:
    """The map as AIF JSON, and a warning for each claim whose extras only argmap reads back."""
    writer = _Writer(argmap)
    return Exported(json.dumps(writer.graph(), indent=2, ensure_ascii=False) + "\n", tuple(writer.warnings))


class _Writer:
    def __init__(self, argmap: ArgumentMap) -> None:
        self.argmap = argmap
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.warnings: list[Problem] = []
        self.numbers = count(1)
        self.taken = {claim.id for claim in argmap.claims if claim.id}
        self.used: set[str] = set()
        #: The nodeID of each claim's I-node, by uid (the first definition, where an id is given twice).
        self.node_of: dict[str, str] = {}
        #: id() of a claim -> the scheme node of the reason it is defined in, which its undercuts attack.
        self.link_of: dict[int, str] = {}

    def new_id(self, wanted: str | None = None) -> str:
        """``wanted`` (a claim's id) the first time, else the next number that is no claim's id."""
        if wanted is not None and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        while (made := str(next(self.numbers))) in self.taken:
            pass
        return made

    def graph(self) -> dict[str, Any]:
        claims = [claim for claim in self.argmap.claims if self.argmap.claim(claim.uid) is claim]
        for claim in claims:
            node_id = self.node_of[claim.uid] = self.new_id(claim.id)
            node: dict[str, Any] = {"nodeID": node_id, "text": claim.text, "type": "I"}
            extras = self.extras(claim)
            if extras:
                node["argmap"] = extras
            self.nodes.append(node)
        for claim in claims:
            for reason in claim.premises:
                self.reason(reason, "premises", self.node_of[claim.uid], claim)
            for reason in claim.objections + claim.rebuttals:
                self.reason(reason, "attacks", self.node_of[claim.uid], claim)
            if claim.undercuts:
                target = self.link_of.get(id(claim))
                if target is None:
                    self.warn(claim, "its undercuts deny no link (it supports nothing): not converted")
                    continue
                for reason in claim.undercuts:
                    self.reason(reason, "attacks", target, claim)
        graph: dict[str, Any] = {"nodes": self.nodes, "edges": self.edges, "locutions": []}
        top: dict[str, Any] = {"title": self.argmap.title} if self.argmap.title is not None else {}
        if self.argmap.sources:
            top["sources"] = {key: _source(source) for key, source in self.argmap.sources.items()}
        if top:
            graph["argmap"] = top
        return graph

    def reason(self, reason: Reason, relation: str, target: str, claim: Claim) -> None:
        """A scheme node for the reason, edges from its members into it and from it to ``target``."""
        members = [self.argmap.resolve(item) for item in reason.members]
        if not any(members):
            return  # every member a ref naming nothing: reported by unknown-reference
        kind, text = _SCHEME[relation]
        scheme = self.new_id()
        self.nodes.append({"nodeID": scheme, "text": text, "type": kind})
        for item, member in zip(reason.members, members, strict=True):
            if member is None:
                continue
            self.edge(self.node_of[member.uid], scheme)
            if isinstance(item, Ref):
                for undercut in item.undercuts:  # they deny this use of the claim only
                    self.reason(undercut, "attacks", scheme, claim)
            else:
                self.link_of[id(item)] = scheme
        self.edge(scheme, target)

    def edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": self.new_id(), "fromID": source, "toID": target, "formEdgeID": None})

    def extras(self, claim: Claim) -> dict[str, Any]:
        extras: dict[str, Any] = {"id": claim.id} if claim.id is not None else {}
        if claim.role == "thesis":  # one that is also used elsewhere would not be a root of the graph
            extras["thesis"] = True
        if claim.evidence:
            extras["evidence"] = [_evidence(evidence) for evidence in claim.evidence]
        if claim.assumption:
            extras["assumption"] = True
        for key in ("note", "tags", "ignore"):
            value = getattr(claim, key)
            if value:
                extras[key] = list(value) if isinstance(value, tuple) else value
        if extras.keys() - {"id", "thesis"}:
            names = ", ".join(key for key in extras if key not in ("id", "thesis"))
            self.warn(claim, f"AIF has no place for its {names}: kept in the I-node's 'argmap' field")
        return extras

    def warn(self, claim: Claim, message: str) -> None:
        at = claim.position
        self.warnings.append(
            Problem(
                str(self.argmap.path), at.line, at.column, "not-converted", "warning", message, claim.uid, claim.text
            )
        )
