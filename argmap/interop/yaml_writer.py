"""An :class:`~argmap.model.ArgumentMap` -> argmap YAML (format 1) that loads back to an equal map.

Every part of the model is written: titles, sources, one thesis or several, ids, relations,
``linked`` groups, refs (with their undercuts), evidence with its sources, assumptions, notes,
tags and ``ignore``. Claims without an id are written without one (their generated uids come back
the same). Any text is quoted as YAML needs (PyYAML's emitter: colons, ``#``, leading spaces,
line breaks, unicode). Example::

    >>> from argmap.reading import loads
    >>> m = loads("thesis:\\n  claim: 'Roads: who pays?'\\n  premises:\\n    - claim: '# taxes'\\n")
    >>> print(write(m).text, end="")
    argmap: 1
    thesis:
      claim: 'Roads: who pays?'
      premises:
      - claim: '# taxes'
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model import ArgumentMap, Claim, Evidence, Item, Reason, Ref, Source
from . import Exported

_SOURCE_FIELDS = ("author", "title", "date", "publisher", "url", "file")


def write(argmap: ArgumentMap) -> Exported:
    """The map as YAML text; YAML expresses all of it, so there are no warnings."""
    return Exported(dump(document(argmap)), ())


def document(argmap: ArgumentMap) -> dict[str, Any]:
    """The map as the plain data of a YAML document, keys in the order the README writes them."""
    top: dict[str, Any] = {"argmap": 1}
    if argmap.title is not None:
        top["title"] = argmap.title
    if argmap.sources:
        top["sources"] = {key: _source(source) for key, source in argmap.sources.items()}
    if len(argmap.theses) == 1:
        top["thesis"] = claim_document(argmap.thesis)
    else:
        top["theses"] = [claim_document(thesis) for thesis in argmap.theses]
    return top


def dump(data: object) -> str:
    """YAML text of plain data, in block style, keys as given, unicode as it is, lines never folded."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1 << 30)
    return text


def claim_document(claim: Claim) -> dict[str, Any]:
    node: dict[str, Any] = {}
    if claim.id is not None:
        node["id"] = claim.id
    node["claim"] = claim.text
    for relation in ("premises", "objections", "rebuttals", "undercuts"):
        reasons: tuple[Reason, ...] = getattr(claim, relation)
        if reasons:
            node[relation] = [_reason(reason) for reason in reasons]
    if claim.evidence:
        node["evidence"] = [_evidence(evidence) for evidence in claim.evidence]
    if claim.assumption:
        node["assumption"] = True
    if claim.note is not None:
        node["note"] = claim.note
    if claim.tags:
        node["tags"] = list(claim.tags)
    if claim.ignore:
        node["ignore"] = list(claim.ignore)
    return node


def _reason(reason: Reason) -> dict[str, Any]:
    if reason.linked:
        return {"linked": [_item(member) for member in reason.members]}
    return _item(reason.members[0])


def _item(item: Item) -> dict[str, Any]:
    if isinstance(item, Ref):
        node: dict[str, Any] = {"ref": item.target}
        if item.undercuts:
            node["undercuts"] = [_reason(reason) for reason in item.undercuts]
        return node
    return claim_document(item)


def _evidence(evidence: Evidence) -> dict[str, Any]:
    node: dict[str, Any] = {"quote" if evidence.is_quote else "text": evidence.text}
    if evidence.source is not None:
        node["source"] = _source(evidence.source)
    elif evidence.source_key is not None:
        node["source"] = evidence.source_key
    for key in ("kind", "locator", "url"):
        value = getattr(evidence, key)
        if value is not None:
            node[key] = value
    return node


def _source(source: Source) -> dict[str, Any]:
    return {key: getattr(source, key) for key in _SOURCE_FIELDS if getattr(source, key) is not None}
