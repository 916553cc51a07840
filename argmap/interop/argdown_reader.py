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

from ..model import Claim, Position
from ..problems import Problem
from . import Imported
from .aif_extras import MAP_EXTRAS, Extras, read_extras
from .argdown_syntax import Document, Element, Step, parse
from .graph_tree import GraphClaim, Incoming, TooDeep, to_map

_RELATION_OF = {"support": "premises", "attack": "objections", "undercut": "undercuts", "contradiction": "objections"}
#: The relation names graph_tree takes: "attacks" is an objection, or a rebuttal below an attack.
_GRAPH_RELATION = {"premises": "premises", "objections": "attacks", "rebuttals": "attacks", "undercuts": "undercuts"}
#: The data keys of a claim that the map builder reads; "relation" and "of" are argmap's marks on arguments.
CLAIM_DATA = ("evidence", "assumption", "note", "tags", "ignore")
_DATA_KEYS = (*CLAIM_DATA, "relation", "of")


class _Incoming(NamedTuple):
    """A reason of a node: its relation, its members (nodes), whether linked, and what undercuts it."""

    relation: str
    members: tuple[int, ...]
    #: Where each member is written at this use (a ref points there).
    places: tuple[Position, ...]
    linked: bool
    position: Position
    #: Reasons that undercut this one: members, whether linked, where.
    undercuts: list[tuple[tuple[int, ...], bool, Position]]


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
        graph, roots, extras = self._graph()
        try:
            argmap = to_map(graph, self.path, extras.title, extras.sources, roots=roots)
        except TooDeep as deep:
            raise deep.error(str(self.path), graph, "statements") from None
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
        self.cutters: set[int] = set()  # arguments whose premises undercut another argument
        cutting: list[tuple[str, Step]] = []  # (the argument cut, the structure's one step)
        for pcs in self.doc.pcs:
            data = self.doc.elements[pcs.argument].data or {} if pcs.argument is not None else {}
            # argmap's own writer marks a linked group that attacks its conclusion: {relation: objections},
            # and co-premises that undercut an argument together: {relation: undercuts, of: a3}
            last = data.get("relation")
            if last == "undercuts" and isinstance(data.get("of"), str) and len(pcs.steps) == 1:
                cutting.append((data["of"], pcs.steps[0]))
                self.cutters.add(self.node_of[pcs.argument])  # type: ignore[index]
                continue
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
        self._cutting(cutting)
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
                    self.incoming[conclusion][at].undercuts.append(((source,), False, relation.position))
                    self.places[source] += 1
                    continue
                title = self.nodes[target][0].title
                self.warn(relation.position, f"support of the argument <{title}> is kept as support of its conclusion")
                target = conclusion
            place = (self.doc.elements[relation.source].position,)
            self.incoming[target].append(_Incoming(_RELATION_OF[kind], (source,), place, False, relation.position, []))
            self.places[source] += 1

    def _cutting(self, cutting: list[tuple[str, Step]]) -> None:
        """Structures whose premises undercut another argument's inference together."""
        arguments = {elements[0].title: n for n, elements in enumerate(self.nodes) if elements[0].kind == "argument"}
        for title, step in cutting:
            members = tuple(self.node_of[p] for p in step.premises)
            cut = self.reason_of.get(arguments.get(title, -1))
            if cut is None:  # no such argument: its premises undercut its conclusion
                conclusion = self.node_of[step.conclusion]
                self.incoming[conclusion].append(
                    _Incoming("undercuts", members, (), len(members) > 1, step.position, [])
                )
            else:
                self.incoming[cut[0]][cut[1]].undercuts.append((members, len(members) > 1, step.position))
            for member in members:
                self.places[member] += 1

    def _argument_text(self, argument: int, conclusion: int) -> None:
        for element in self.nodes[argument]:
            if element.text:
                self.warn(element.position, f"the description of <{element.title}> is kept as a note of its conclusion")
                self.nodes[conclusion].append(element._replace(kind="argument"))

    # -- the graph's claims and theses, made a tree by graph_tree ------------------------------------------

    def _graph(self) -> tuple[list[GraphClaim], list[int], Extras]:
        """The claims (every node but the arguments with a structure), the theses as indexes, and
        what the data and the front matter hold."""
        # A statement referred to by its title and never given a text, with nothing beneath it, is a
        # ref to a claim that does not exist: 'argmap check' reports an unknown-reference there.
        unstated = {
            n for n, elements in enumerate(self.nodes)
            if elements[0].kind == "statement" and elements[0].title and self.places[n]
            and not self.incoming[n] and not any(e.text for e in elements)
        }  # fmt: skip
        live = [n for n in range(len(self.nodes)) if n not in self.reason_of and n not in self.cutters]
        index = {node: k for k, node in enumerate(live)}
        roots = self._roots(live, unstated)
        extras = self._extras(live)
        graph = []
        for node in live:
            claim = self._claim(node, node not in unstated, extras.claims.get(str(node)))
            for incoming in self.incoming[node]:
                relation = _GRAPH_RELATION[incoming.relation]
                if relation == "undercuts" and node in roots:
                    self.warn(
                        incoming.position, "an undercut of a thesis (which supports nothing) is kept as an objection"
                    )
                    relation = "attacks"
                cuts = tuple(
                    Incoming("undercuts", tuple(index[m] for m in members), linked, at)
                    for members, linked, at in incoming.undercuts
                )
                members = tuple(index[member] for member in incoming.members)
                claim.incoming.append(
                    Incoming(relation, members, incoming.linked, incoming.position, cuts, incoming.places)
                )
            graph.append(claim)
        return graph, [index[root] for root in roots], extras

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
                    stack += [member for members, _, _ in incoming.undercuts for member in members]
            left = next((n for n in candidates if n not in reached and n not in unstated), None)
            if left is None:
                return roots
            roots.append(left)

    def _extras(self, live: list[int]) -> Extras:
        """The data of each claim and the front matter's title and sources, read by the map builder (the
        same checks and messages as a YAML map: aif_extras); what has no place in argmap is reported."""
        nodes = {}
        for node in live:
            data: dict[str, Any] = {}
            for element in self.nodes[node]:
                data.update(element.data or {})
            position = self.nodes[node][0].position
            for key in data:
                if key not in _DATA_KEYS:
                    self.warn(position, f"the data '{key}' has no place in argmap; it is kept in the note")
            kept = {key: data[key] for key in CLAIM_DATA if key in data}
            if kept:
                nodes[str(node)] = ({"argmap": kept}, position)
        front = self.doc.frontmatter
        left = sorted(str(key) for key in front if key not in MAP_EXTRAS)
        if left:
            names, several = ", ".join(repr(key) for key in left), len(left) > 1
            verbs = "have no place in argmap and are" if several else "has no place in argmap and is"
            self.warn(Position(1, 1), f"the front matter's {names} {verbs} not kept")
        return read_extras({"argmap": {key: front[key] for key in MAP_EXTRAS if key in front}}, nodes, self.path)

    def _claim(self, node: int, stated: bool, extra: Claim | None) -> GraphClaim:
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
        notes += [extra.note] if extra is not None and extra.note is not None else []
        notes += [f"{key}: {value}" for key, value in data.items() if key not in _DATA_KEYS]
        tags += [tag for tag in (extra.tags if extra else ()) if tag not in tags]
        title = elements[0].title
        return GraphClaim(
            first.text if first else title or "", elements[0].position, title, keep_id=title is not None,
            evidence=extra.evidence if extra else (), assumption=extra.assumption if extra else False,
            notes=notes, tags=tuple(tags), ignore=extra.ignore if extra else (), stated=stated,
        )  # fmt: skip
