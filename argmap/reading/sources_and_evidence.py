"""Sources and evidence, as the builder reads them from the tree (see :mod:`argmap.reading.builder`).

Example::

    >>> from argmap.reading.checked_values import KeepProblems
    >>> from argmap.reading.pyyaml_tree import read
    >>> tree = read("evidence:\\n  - quote: Roads cost.\\n    source: s\\n", "m.yaml")
    >>> reader = SourcesAndEvidence(tree, KeepProblems(tree, "m.yaml"))
    >>> evidence = reader.evidence(tree.root["evidence"], 0)
    >>> evidence.text, evidence.source_key, evidence.source_position
    ('Roads cost.', 's', Position(line=3, column=13))
"""

from __future__ import annotations

from ..model import EVIDENCE_KINDS, Evidence, Source
from ..suggestions import did_you_mean
from .blank_text import blank_description, is_blank
from .checked_values import CheckedValues, Where
from .model_layout import make_evidence
from .vocabulary import EVIDENCE_KEYS, SOURCE_KEYS

_EVIDENCE_KEYS = frozenset(EVIDENCE_KEYS)
# Keys most evidence goes without: the others are looked up only if one of them is there.
_USUAL_EVIDENCE_KEYS = frozenset(("quote", "source"))


class SourcesAndEvidence(CheckedValues):
    """Reads the map's sources, and a claim's evidence: one piece for each of 100,000 claims, in few steps."""

    def sources(self, root: dict) -> dict[str, Source]:
        entries = self.entries(root, "sources", "sources", ())
        if entries is None:
            return {}
        node = root["sources"]
        result = {}
        for key in entries:
            source = self.source(node, key, key)
            if source is not None:
                result[key] = source
        return result

    def source(self, parent: dict, key: str, source_key: str | None) -> Source | None:
        entries = self.entries(parent, key, "source", SOURCE_KEYS)
        if entries is None:
            return None
        node = parent[key]
        fields = {name: self.text(node, name, f"the source's {name}") for name in entries if name != "note"}
        file_position = self.tree.value_position(node, "file") if "file" in entries else None
        return Source(key=source_key, position=self.positions[id(node)], **fields, file_position=file_position)

    def evidence(self, items: list, index: int) -> Evidence | None:
        node = items[index]
        usual = False
        if node.__class__ is dict and not (self.unusual and id(node) in self.unusual):
            usual = _USUAL_EVIDENCE_KEYS.issuperset(node)
            entries = (
                node
                if usual or _EVIDENCE_KEYS.issuperset(node)
                else self.entries(items, index, "evidence", EVIDENCE_KEYS)
            )
        else:
            entries = self.entries(items, index, "evidence", EVIDENCE_KEYS)
        if entries is None:
            return None
        is_quote = "quote" in entries
        if is_quote == ("text" in entries):
            message = "evidence needs exactly one of 'quote' (verbatim) or 'text' (described)"
            self.report(Where(items, index), "missing-evidence-text", message)
            return None
        body_key = "quote" if is_quote else "text"
        body = node[body_key]
        if body.__class__ is not str:
            body = self.text(node, body_key, "the evidence")
            if body is None:
                return None
        text = " ".join(body.split())
        # Printable ASCII (nearly every quote) is blank only if empty: decided without a call.
        if not text or (not (text.isascii() and text.isprintable()) and is_blank(text)):
            # Blank evidence, even of invisible characters only, must not count as support.
            message = f"this evidence's {body_key} is empty{blank_description(text)}"
            self.report(Where(node, body_key), "missing-evidence-text", message)
            return None
        position = self.positions[id(node)]  # first: value_position looks it up again, then in the cache
        source_key = source = source_position = None
        if "source" in entries:
            value = node["source"]
            source_position = self.tree.value_position(node, "source")
            if value.__class__ is dict:
                source = self.source(node, "source", None)
            else:
                source_key = value if value.__class__ is str else self.text(node, "source", "source")
        kind = locator = url = None
        if not usual:
            kind = self.optional_text(node, "kind", "kind")
            if kind is not None and kind not in EVIDENCE_KINDS:
                suggestion = did_you_mean(
                    kind, EVIDENCE_KINDS, otherwise=f" (expected one of: {', '.join(EVIDENCE_KINDS)})"
                )
                self.report(Where(node, "kind"), "unknown-kind", f"unknown evidence kind '{kind}'{suggestion}")
            locator = self.optional_text(node, "locator", "locator")
            url = self.optional_text(node, "url", "url")
        return make_evidence((position, text, is_quote, source_key, source, source_position, kind, locator, url))  # type: ignore[no-any-return]
