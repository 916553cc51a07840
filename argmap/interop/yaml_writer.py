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
      claim: "Roads: who pays?"
      premises:
      - claim: "# taxes"
"""

from __future__ import annotations

import json
import re
from typing import Any

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


def dump(data: dict[str, Any]) -> str:
    """YAML text of a mapping of plain data, in block style, keys in their order, as PyYAML writes it.

    Written here rather than by ``yaml.dump``, whose representer (Python even with libyaml) took
    1 s for 10,000 claims: text that YAML reads as itself is written plain, any other text in
    double quotes with JSON's escapes and YAML's for its own line breaks (U+0085, U+2028, U+2029).

    >>> print(dump({"claim": "Roads: who pays?", "tags": ["yes", "roads"], "linked": []}), end="")
    claim: "Roads: who pays?"
    tags:
    - "yes"
    - roads
    linked: []
    """
    lines: list[str] = []
    _mapping(data, "", lines)
    return "\n".join(lines) + "\n"


#: Plain text that YAML reads back as the same string: a letter first, no ':', '#', quotes,
#: brackets, backslash or control character, no space at the end (every other character is printable).
_PLAIN = re.compile(r"[A-Za-z][^:#'\"\\{}\[\]\x00-\x1f]*(?<! )\Z")
#: Words YAML 1.1 reads as booleans or null.
_RESERVED = frozenset(("yes", "no", "true", "false", "on", "off", "null"))
#: Characters JSON leaves as they are but YAML must see escaped (its line breaks, non-printables).
_YAML_ESCAPES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.isprintable() and text.lower() not in _RESERVED and "===" not in text:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    if "===" in text:  # Argdown's front matter (this YAML) ends at the first '===', wherever it stands
        quoted = quoted.replace("=", "\\u003d")
    return _YAML_ESCAPES.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _mapping(data: dict[str, Any], pad: str, lines: list[str]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{_scalar(key)}:")
            _mapping(value, pad + "  ", lines)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{_scalar(key)}:")
            for item in value:  # a sequence under a key is not indented, as PyYAML writes it
                if isinstance(item, dict) and item:
                    start = len(lines)
                    _mapping(item, pad + "  ", lines)
                    lines[start] = f"{pad}- {lines[start][len(pad) + 2 :]}"
                else:
                    lines.append(f"{pad}- {_scalar(item)}")
        else:
            empty = "{}" if isinstance(value, dict) else "[]" if isinstance(value, list) else None
            lines.append(f"{pad}{_scalar(key)}: {empty or _scalar(value)}")


def claim_document(claim: Claim) -> dict[str, Any]:
    """A claim and everything written beneath it, as the plain data of its YAML."""
    node: dict[str, Any] = {}
    if claim.id is not None:
        node["id"] = claim.id
    node["claim"] = claim.text
    for relation in ("premises", "objections", "rebuttals", "undercuts"):
        reasons: tuple[Reason, ...] = getattr(claim, relation)
        if reasons:
            node[relation] = [_reason(reason) for reason in reasons]
    node.update(claim_details(claim))
    return node


def claim_details(claim: Claim) -> dict[str, Any]:
    """What a claim holds besides its id, text and relations: evidence, assumption, note, tags, ignore."""
    node: dict[str, Any] = {}
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
