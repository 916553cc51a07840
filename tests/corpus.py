"""Test helper: an arg-microtexts argument graph (XML) as argmap map text, in memory.

The corpus (Peldszus & Stede 2015) is CC BY-NC-SA: tests read it from ../shared/corpora/ and never
write it, or anything made from it, into the project. Example::

    text = microtext_to_yaml(CORPUS / "micro_b001.xml")
    argmap.loads(text, "micro_b001.yaml")

How the corpus's relations become argmap's (each unit has one outgoing edge; the one without is
the central claim, the thesis):

- ``sup`` and ``exa`` (support, by example): the source is a premise of the target;
- ``reb`` (rebutting attack): an objection to the target, or a rebuttal where the target is itself
  an objection, rebuttal or undercut;
- ``und`` (undercut, aimed at an edge): an undercut of that edge's source claim;
- ``add`` (aimed at an edge): the source is a co-premise, linked with the edge's source.

Units keep the corpus's ids (``a1``, ``a2``, ...); their text is that of the segments tied to them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

_SUPPORT = ("sup", "exa")
_ATTACKED_BY_REBUTTALS = ("objection", "rebuttal", "undercut")


def microtext_to_yaml(xml_path: Path) -> str:
    """The argument graph in ``xml_path`` as the YAML text of an argmap map."""
    root = ET.parse(xml_path).getroot()
    segments = {edu.get("id"): " ".join((edu.text or "").split()) for edu in root.iter("edu")}
    edges = [edge.attrib for edge in root.iter("edge")]
    by_id = {edge["id"]: edge for edge in edges}
    joints: dict[str, list[str]] = {joint.get("id"): [] for joint in root.iter("joint")}
    texts: dict[str, list[str]] = {}
    for edge in sorted((e for e in edges if e["type"] == "seg"), key=lambda e: e["src"] in joints):
        # Segmentation: edu -> unit, or edu -> joint -> unit (joints filled first).
        words = [segments[edge["src"]]] if edge["src"] in segments else joints.get(edge["src"], [])
        (joints[edge["trg"]] if edge["trg"] in joints else texts.setdefault(edge["trg"], [])).extend(words)
    arguing = [edge for edge in edges if edge["type"] != "seg"]
    sources = {edge["src"] for edge in arguing}
    units = [adu.get("id") for adu in root.iter("adu")]
    central = [unit for unit in units if unit not in sources]
    assert len(central) == 1, f"{xml_path}: expected one central claim, found {central}"
    text = {unit: " ".join(" ".join(texts.get(unit, [])).split()) or unit for unit in units}
    co_premises = {}  # edge id -> sources added to it
    for edge in arguing:
        if edge["type"] == "add":
            co_premises.setdefault(edge["trg"], []).append(edge["src"])

    def claim(unit: str, role: str) -> dict:
        node: dict = {"id": unit, "claim": text[unit]}
        # Edges into this unit, and undercuts of the edge leaving it.
        leaving = [edge["id"] for edge in arguing if edge["src"] == unit]
        incoming = [e for e in arguing if e["trg"] == unit or (e["type"] == "und" and e["trg"] in leaving)]
        for edge in incoming:
            if edge["type"] in _SUPPORT:
                relation, child_role = "premises", "premise"
            elif edge["type"] == "reb":
                relation = "rebuttals" if role in _ATTACKED_BY_REBUTTALS else "objections"
                child_role = "rebuttal" if relation == "rebuttals" else "objection"
            elif edge["type"] == "und":
                relation, child_role = "undercuts", "undercut"
            else:
                continue
            members = [edge["src"], *co_premises.get(edge["id"], [])]
            items = [claim(member, child_role) for member in members]
            node.setdefault(relation, []).append(items[0] if len(items) == 1 else {"linked": items})
        return node

    for edge in arguing:
        assert edge["type"] != "add" or edge["trg"] in by_id, f"{xml_path}: 'add' aims at no edge"
    document = {"argmap": 1, "title": f"arg-microtexts {root.get('id')}", "thesis": claim(central[0], "thesis")}
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
