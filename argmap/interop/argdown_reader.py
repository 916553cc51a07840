"""Argdown -> :class:`~argmap.model.ArgumentMap`: statements become claims, arguments reasons.

What becomes what (the README's Argdown table says the same):

- an equivalence class of statements (one title) is one claim, where it is first written; its first
  text is the claim, its other texts are kept in the note; elsewhere it is a ``ref``;
- a relation is a reason: ``+`` a premise, ``-`` an objection (of an objection: a rebuttal),
  ``_`` an undercut; ``><`` (contradiction) becomes an objection, with a warning;
- an argument with a premise-conclusion structure is a reason of its conclusion: its premises are
  co-premises of a ``linked`` group (one premise: a plain premise); relations from the argument
  come from its conclusion, attacks and undercuts on it undercut that reason; an argument
  without one is a claim (its description, or its title);
- tags are tags; ``{assumption: true, note: ..., evidence: [...]}`` data are those keys; the front
  matter's ``title`` and ``sources`` are the map's;
- what supports or attacks nothing is a thesis (several: ``theses``).

Positions are the statements' places in the .argdown file. Example::

    >>> m = read("[T]: Taxes pay.\\n  + [R]: Roads need money. {assumption: true}\\n", Path("d.argdown")).argmap
    >>> m.thesis.text, m.thesis.premises[0].members[0].assumption
    ('Taxes pay.', True)
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..model import ArgumentMap, Claim, Evidence, Item, Position, Reason, Ref, Role, Source
from ..problems import Problem
from ..reading.vocabulary import ID_PATTERN, thesis_uid, unique_uid
from . import Imported
from .argdown_syntax import Document, Element, parse

_RELATION_OF = {"support": "premises", "attack": "objections", "undercut": "undercuts", "contradiction": "objections"}
_LETTER = {"premises": "p", "objections": "o", "rebuttals": "r", "undercuts": "u"}
_DATA_KEYS = ("assumption", "note", "evidence", "ignore", "tags", "relation")


class _Incoming(NamedTuple):
    """A reason of a node: its relation, its members (nodes), whether linked, and what undercuts it."""

    relation: str
    members: tuple[int, ...]
    #: Where each member is written at this use (a ref points there).
    places: tuple[Position, ...]
    linked: bool
    position: Position
    undercuts: list[tuple[int, Position]]


def read(text: str, path: Path) -> Imported:
    """The map an Argdown document states; :class:`~argmap.problems.LoadError` (``argdown-syntax``) if broken."""
    # As the YAML loader does: many objects, no reference cycles; the cyclic collector would only
    # walk them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Reader(parse(text, path), path).read()
    finally:
        if collecting:
            gc.enable()


class _Reader:
    def __init__(self, doc: Document, path: Path) -> None:
        self.doc, self.path = doc, path
        self.warnings: list[Problem] = []
        self.node_of: list[int] = []  # element -> node
        self.nodes: list[list[Element]] = []  # node -> its elements (an equivalence class)
        self.incoming: list[list[_Incoming]] = []
        self.places: list[int] = []  # how many reasons each node is a member of
        self.ids: list[str | None] = []
        self.claims: list[Claim | None] = []
        self.defined: list[Claim | None] = []
        self.uids: set[str] = set()
        self.uid_numbers: dict[str, int] = {}
        self.slots: dict[str, int] = {}  # uid -> place in self.claims
        self.unstated: set[int] = set()  # nodes only referred to, never stated (see _theses)

    def warn(self, position: Position, message: str, rule: str = "not-converted") -> None:
        self.warnings.append(Problem(str(self.path), position.line, position.column, rule, "warning", message))

    def read(self) -> Imported:
        self._nodes()
        self._reasons()
        for text, position in self.doc.headings:
            self.warn(position, f"the heading '{text}' is not kept: argmap has no sections")
        theses = self._theses()
        front = self.doc.frontmatter
        title = front.get("title") if isinstance(front.get("title"), str) else None
        sources = _sources(front.get("sources"))
        claims = tuple(claim for claim in self.claims if claim is not None)
        argmap = ArgumentMap(path=self.path, theses=theses, title=title, sources=sources, claims=claims)
        return Imported(argmap, tuple(self.warnings))

    # -- the graph: equivalence classes and arguments as nodes, relations and structures as reasons -------

    def _nodes(self) -> None:
        by_title: dict[str, int] = {}
        with_pcs = {pcs.argument for pcs in self.doc.pcs if pcs.argument is not None}
        pcs_titles = {self.doc.elements[a].title for a in with_pcs}
        for element in self.doc.elements:
            key = None if element.title is None else f"{element.kind[0]}:{element.title}"
            if key is not None and key in by_title:
                node = by_title[key]
            else:
                node = len(self.nodes)
                self.nodes.append([])
                self.incoming.append([])
                self.places.append(0)
                if key is not None:
                    by_title[key] = node
            self.nodes[node].append(element)
            self.node_of.append(node)
        self.argument_pcs = {self.node_of[a] for a in with_pcs}
        self.argument_pcs |= {
            n for n, els in enumerate(self.nodes) if els[0].kind == "argument" and els[0].title in pcs_titles
        }

    def _reasons(self) -> None:
        self.reason_of: dict[int, tuple[int, int]] = {}  # argument node -> (conclusion node, its reason)
        for pcs in self.doc.pcs:
            data = self.doc.elements[pcs.argument].data if pcs.argument is not None else None
            # argmap's own writer marks a linked group that attacks its conclusion: {relation: objections}
            last = (data or {}).get("relation")
            for step in pcs.steps:
                conclusion = self.node_of[step.conclusion]
                members = tuple(self.node_of[p] for p in step.premises)
                relation = last if step is pcs.steps[-1] and last in _ROLE else "premises"
                places = tuple(self.doc.elements[p].position for p in step.premises)
                reason = _Incoming(relation, members, places, len(members) > 1, step.position, [])
                self.incoming[conclusion].append(reason)
                for member in members:
                    self.places[member] += 1
            if pcs.argument is not None:
                argument = self.node_of[pcs.argument]
                last = self.node_of[pcs.steps[-1].conclusion]
                self.reason_of[argument] = (last, len(self.incoming[last]) - 1)
                self._argument_text(argument, last)
        for relation in self.doc.relations:
            source, target = self.node_of[relation.source], self.node_of[relation.target]
            if source in self.reason_of:  # relations of an argument are its conclusion's
                source = self.reason_of[source][0]
            kind = relation.kind
            if kind == "contradiction":
                self.warn(relation.position, "a contradiction '><' is kept as an objection of the statement above it")
            if target in self.reason_of:
                conclusion, at = self.reason_of[target]
                if kind != "support":  # an attack on an argument attacks its inference
                    self.incoming[conclusion][at].undercuts.append((source, relation.position))
                    self.places[source] += 1
                    continue
                self.warn(relation.position, "support of an argument is kept as support of its conclusion")
                target = conclusion
            place = (self.doc.elements[relation.source].position,)
            self.incoming[target].append(_Incoming(_RELATION_OF[kind], (source,), place, False, relation.position, []))
            self.places[source] += 1

    def _argument_text(self, argument: int, conclusion: int) -> None:
        for element in self.nodes[argument]:
            if element.text:
                self.warn(element.position, f"the description of <{element.title}> is kept as a note of its conclusion")
                self.nodes[conclusion].append(element._replace(kind="argument"))

    # -- the tree: each node defined where it is first reached from a thesis, a ref elsewhere ------------

    def _theses(self) -> tuple[Claim, ...]:
        self._ids()
        self.defined = [None] * len(self.nodes)
        theses: list[Claim] = []
        # A statement referred to by its title and never given a text, with nothing beneath it, is a
        # ref to a claim that does not exist: 'argmap check' reports an unknown-reference there.
        self.unstated = {
            n for n, elements in enumerate(self.nodes)
            if elements[0].kind == "statement" and elements[0].title and self.places[n]
            and not self.incoming[n] and not any(e.text for e in elements)
        }  # fmt: skip
        live = [n for n in range(len(self.nodes)) if n not in self.reason_of and n not in self.unstated]
        for node in [n for n in live if self.places[n] == 0] + live:
            if self.defined[node] is None:
                theses.append(self._claim(node, "thesis", thesis_uid(len(theses))))
        return tuple(theses)

    def _ids(self) -> None:
        taken: set[str] = set()
        numbers: dict[str, int] = {}
        for node, elements in enumerate(self.nodes):
            title = elements[0].title
            if title is None and self.places[node] < 2:
                self.ids.append(None)
                continue
            base = title if title and ID_PATTERN.match(title) else re.sub(r"[^A-Za-z0-9_.-]+", "-", title or "")
            self.ids.append(unique_uid(base.strip("-") or f"untitled-{node}", taken, numbers))

    def _claim(self, node: int, role: Role, uid: str) -> Claim:
        written_id = self.ids[node]
        uid = unique_uid(written_id or uid, self.uids, self.uid_numbers)
        slot = self.slots[uid] = len(self.claims)
        self.claims.append(None)
        elements = self.nodes[node]
        stated = [e for e in elements if e.text and e.kind == elements[0].kind]
        text = stated[0].text if stated else (elements[0].title or "")
        notes = [f"<{e.title}>: {e.text}" if e.kind == "argument" and e is not elements[0] else e.text
                 for e in [e for e in elements if e.text] if e is not (stated[0] if stated else None)]  # fmt: skip
        self.defined[node] = placeholder = Claim(uid, text, role, elements[0].position, written_id)
        relations: dict[str, list[Reason]] = {"premises": [], "objections": [], "rebuttals": [], "undercuts": []}
        for number, incoming in enumerate(self.incoming[node], start=1):
            relation = incoming.relation
            if relation == "objections" and role == "objection":
                relation = "rebuttals"
            if relation == "undercuts" and role == "thesis":
                self.warn(incoming.position, "an undercut of a thesis (which supports nothing) is kept as an objection")
                relation = "objections"
            prefix = f"{uid}/{_LETTER[relation]}{number}"
            uses = enumerate(zip(incoming.members, incoming.places, strict=True), start=1)
            members = [self._item(m, _ROLE[relation], f"{prefix}.{k}" if incoming.linked else prefix, place)
                       for k, (m, place) in uses]  # fmt: skip
            if incoming.undercuts:
                members[0] = self._undercut(members[0], incoming.undercuts, prefix)
            relations[relation].append(Reason(tuple(members), incoming.linked, incoming.position))
        tags: list[str] = []
        data: dict[str, Any] = {}
        for element in elements:
            tags += [tag for tag in element.tags if tag not in tags]
            data.update(element.data or {})
        assumption, evidence, more = self._data(data, elements[0].position)
        tags += [str(tag) for tag in data.get("tags") or () if str(tag) not in tags]
        ignore = tuple(str(rule) for rule in data.get("ignore") or ())
        note = "\n".join(notes + more) or None
        claim = placeholder._replace(
            premises=tuple(relations["premises"]), objections=tuple(relations["objections"]),
            rebuttals=tuple(relations["rebuttals"]), undercuts=tuple(relations["undercuts"]),
            evidence=evidence, assumption=assumption, note=note, tags=tuple(tags), ignore=ignore,
        )  # fmt: skip
        self.claims[slot] = self.defined[node] = claim
        return claim

    def _item(self, node: int, role: Role, uid: str, place: Position) -> Item:
        if self.defined[node] is not None or node in self.unstated:
            target = self.ids[node]
            assert target is not None  # a node in two places, or referred to by title, has an id (see _ids)
            return Ref(target, place)
        return self._claim(node, role, uid)

    def _undercut(self, item: Item, undercuts: list[tuple[int, Position]], prefix: str) -> Item:
        reasons = tuple(
            Reason((self._item(node, "undercut", f"{prefix}/u{k}", position),), False, position)
            for k, (node, position) in enumerate(undercuts, start=1)
        )
        cut = item._replace(undercuts=item.undercuts + reasons)
        if isinstance(item, Claim):  # the map's index of claims holds the claim as cut
            self.claims[self.slots[item.uid]] = cut  # type: ignore[assignment]
        return cut

    def _data(self, data: dict[str, Any], position: Position) -> tuple[bool, tuple[Evidence, ...], list[str]]:
        assumption = data.get("assumption") is True
        notes = [str(data["note"])] if "note" in data else []
        evidence = _evidence(data.get("evidence"), position)
        for key, value in data.items():
            if key not in _DATA_KEYS:
                self.warn(position, f"the data '{key}' has no place in argmap; it is kept in the note")
                notes.append(f"{key}: {value}")
        return assumption, evidence, notes


_ROLE: dict[str, Role] = {
    "premises": "premise",
    "objections": "objection",
    "rebuttals": "rebuttal",
    "undercuts": "undercut",
}


def _evidence(value: object, position: Position) -> tuple[Evidence, ...]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    result = []
    for item in items:
        if isinstance(item, dict):
            quote = "quote" in item
            source = item.get("source")
            inline = _source(None, source, position) if isinstance(source, dict) else None
            key = source if isinstance(source, str) else None
            text = str(item.get("quote" if quote else "text", ""))
            extra = {k: str(item[k]) for k in ("kind", "locator", "url") if k in item}
            result.append(Evidence(position, text, quote, key, inline, position if source else None, **extra))
        else:
            result.append(Evidence(position, str(item), False))
    return tuple(result)


def _sources(value: object) -> dict[str, Source]:
    if not isinstance(value, dict):
        return {}
    return {
        str(key): _source(str(key), fields, Position(1, 1)) for key, fields in value.items() if isinstance(fields, dict)
    }


def _source(key: str | None, fields: dict[str, Any], position: Position) -> Source:
    known = ("author", "title", "date", "publisher", "url", "file")
    values = {k: str(fields[k]) for k in known if fields.get(k) is not None}
    return Source(key, position, **values)  # type: ignore[arg-type]
