"""Argdown -> :class:`~argmap.model.ArgumentMap`: statements become claims, arguments reasons.

What becomes what (the README's Argdown table says the same):

- an equivalence class of statements (one title) is one claim, defined where a thesis first
  reaches it (:mod:`argmap.interop.graph_tree`) and a ``ref`` elsewhere; its first text is the
  claim, its other texts are kept in the note; a title never given a text is a ref to nothing;
- a relation is a reason: ``+`` a premise, ``-`` an objection (below an attack: a rebuttal),
  ``_`` an undercut; ``><`` (contradiction) becomes an objection, with a warning;
- an argument with a premise-conclusion structure is a reason of its conclusion: its premises are
  co-premises of a ``linked`` group (one premise: a plain premise); relations from the argument
  come from its conclusion, attacks and undercuts on it undercut that reason; an argument
  without one is a claim (its description, or its title);
- tags are tags; ``{assumption: true, note: ..., evidence: [...]}`` data are those keys; the front
  matter's ``title`` and ``sources`` are the map's;
- what supports or attacks nothing is a thesis (several: ``theses``), and so is the first claim
  of a cycle that no thesis leads to.

Positions are the statements' places in the .argdown file. Example::

    >>> m = read("[T]: Taxes pay.\\n  + [R]: Roads need money. {assumption: true}\\n", Path("d.argdown")).argmap
    >>> m.thesis.text, m.thesis.premises[0].members[0].assumption
    ('Taxes pay.', True)
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any, NamedTuple

from ..limits import MAX_CLAIM_DEPTH
from ..model import Evidence, Position, Source
from ..problems import LoadError, Problem
from . import Imported
from .argdown_syntax import Document, Element, parse
from .graph_tree import GraphClaim, Incoming, TooDeep, to_map

_RELATION_OF = {"support": "premises", "attack": "objections", "undercut": "undercuts", "contradiction": "objections"}
#: The relation names graph_tree takes: "attacks" is an objection, or a rebuttal below an attack.
_GRAPH_RELATION = {"premises": "premises", "objections": "attacks", "rebuttals": "attacks", "undercuts": "undercuts"}
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

    def warn(self, position: Position, message: str, rule: str = "not-converted") -> None:
        self.warnings.append(Problem(str(self.path), position.line, position.column, rule, "warning", message))

    def read(self) -> Imported:
        self._nodes()
        self._reasons()
        for text, position in self.doc.headings:
            self.warn(position, f"the heading '{text}' is not kept: argmap has no sections")
        front = self.doc.frontmatter
        title = front.get("title") if isinstance(front.get("title"), str) else None
        graph, roots = self._graph()
        try:
            argmap = to_map(graph, self.path, title, _sources(front.get("sources")), roots=roots)
        except TooDeep as deep:
            line, column = graph[deep.args[0]].position
            message = f"statements nest more than {MAX_CLAIM_DEPTH} levels deep (MAX_CLAIM_DEPTH)"
            raise LoadError([Problem(str(self.path), line, column, "too-deep", "error", message)]) from None
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
                relation = last if step is pcs.steps[-1] and last in _GRAPH_RELATION else "premises"
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

    # -- the graph's claims and theses, made a tree by graph_tree ------------------------------------------

    def _graph(self) -> tuple[list[GraphClaim], list[int]]:
        """The claims (every node but the arguments with a structure) and the theses, as indexes."""
        # A statement referred to by its title and never given a text, with nothing beneath it, is a
        # ref to a claim that does not exist: 'argmap check' reports an unknown-reference there.
        unstated = {
            n for n, elements in enumerate(self.nodes)
            if elements[0].kind == "statement" and elements[0].title and self.places[n]
            and not self.incoming[n] and not any(e.text for e in elements)
        }  # fmt: skip
        live = [n for n in range(len(self.nodes)) if n not in self.reason_of]
        index = {node: k for k, node in enumerate(live)}
        roots = self._roots(live, unstated)
        graph = []
        for node in live:
            claim = self._claim(node, node not in unstated)
            for incoming in self.incoming[node]:
                relation = _GRAPH_RELATION[incoming.relation]
                if relation == "undercuts" and node in roots:
                    self.warn(
                        incoming.position, "an undercut of a thesis (which supports nothing) is kept as an objection"
                    )
                    relation = "attacks"
                cuts = tuple(Incoming("undercuts", (index[cut],), False, at) for cut, at in incoming.undercuts)
                members = tuple(index[member] for member in incoming.members)
                claim.incoming.append(
                    Incoming(relation, members, incoming.linked, incoming.position, cuts, incoming.places)
                )
            graph.append(claim)
        return graph, [index[root] for root in roots]

    def _roots(self, live: list[int], unstated: set[int]) -> list[int]:
        """What supports or attacks nothing, in document order; then, while claims in a cycle are left
        that no thesis leads to, the first of them."""
        roots = [n for n in live if self.places[n] == 0]
        reached: set[int] = set()
        candidates = iter(live)
        while True:
            stack = [root for root in roots if root not in reached]
            while stack:
                node = stack.pop()
                if node in reached:
                    continue
                reached.add(node)
                for incoming in self.incoming[node]:
                    stack += incoming.members
                    stack += [cut for cut, _ in incoming.undercuts]
            left = next((n for n in candidates if n not in reached and n not in unstated), None)
            if left is None:
                return roots
            roots.append(left)

    def _claim(self, node: int, stated: bool) -> GraphClaim:
        elements = self.nodes[node]
        texts = [e for e in elements if e.text and e.kind == elements[0].kind]
        first = texts[0] if texts else None
        notes = [f"<{e.title}>: {e.text}" if e.kind == "argument" and e is not elements[0] else e.text
                 for e in elements if e.text and e is not first]  # fmt: skip
        tags: list[str] = []
        data: dict[str, Any] = {}
        for element in elements:
            tags += [tag for tag in element.tags if tag not in tags]
            data.update(element.data or {})
        assumption, evidence, more = self._data(data, elements[0].position)
        tags += [str(tag) for tag in data.get("tags") or () if str(tag) not in tags]
        title = elements[0].title
        return GraphClaim(
            first.text if first else title or "", elements[0].position, title, keep_id=title is not None,
            evidence=evidence, assumption=assumption, notes=notes + more, tags=tuple(tags),
            ignore=tuple(str(rule) for rule in data.get("ignore") or ()), stated=stated,
        )  # fmt: skip

    def _data(self, data: dict[str, Any], position: Position) -> tuple[bool, tuple[Evidence, ...], list[str]]:
        assumption = data.get("assumption") is True
        notes = [str(data["note"])] if "note" in data else []
        evidence = _evidence(data.get("evidence"), position)
        for key, value in data.items():
            if key not in _DATA_KEYS:
                self.warn(position, f"the data '{key}' has no place in argmap; it is kept in the note")
                notes.append(f"{key}: {value}")
        return assumption, evidence, notes


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
