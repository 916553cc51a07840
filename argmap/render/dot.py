"""A map (and what ``argmap check`` found in it) as a Graphviz graph: pure and deterministic.

Every claim is one node, drawn once however many ``ref`` items point to it. Arrows run from each
reason to the claim it supports or attacks and from evidence to its claim; a linked group's
co-premises, framed together, meet in one junction point from which a single arrow leaves. An
undercut aims at a point on the link it denies. The same map and options always give the same DOT
text. Example::

    >>> text = source(argmap.load("maps/tutorial-basics.yaml"), [], RenderOptions())  # doctest: +SKIP
    >>> text.startswith("digraph argmap {")
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphviz

from ..model import RELATIONS, ArgumentMap, Claim, Item, Reason, Ref
from ..problems import Problem
from . import labels, legend, style
from .scope import scope

if TYPE_CHECKING:
    from . import RenderOptions

#: ``--direction`` names where the thesis stands. Arrows run from reasons to the claim they support,
#: so "thesis at the top" means Graphviz lays the graph out bottom to top.
RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
#: Layout settings for graphs of more than ``LARGE_GRAPH`` nodes: fewer rounds of crossing
#: reduction and of network simplex. The drawing has a few more crossings; the layout of a
#: 5,000-claim map takes seconds instead of minutes (benchmarks/README.md).
LARGE_GRAPH = 1500
FAST_LAYOUT = {"mclimit": "0.2", "nslimit": "1", "nslimit1": "1", "searchsize": "10", "remincross": "false"}
NODE = {"shape": "box", "fontname": style.FONT, "fontsize": str(style.TEXT_SIZE), "margin": "0.14,0.07", "penwidth": "1.2"}
EDGE = {"penwidth": "1.4", "arrowsize": "0.8"}


def source(argmap: ArgumentMap, problems: list[Problem], options: RenderOptions) -> str:
    """The diagram as DOT text."""
    return digraph(argmap, problems, options).source


def digraph(argmap: ArgumentMap, problems: list[Problem], options: RenderOptions) -> graphviz.Digraph:
    """The diagram as a :class:`graphviz.Digraph` (built, not laid out)."""
    return _Diagram(argmap, problems, options).build()


class _Diagram:
    def __init__(self, argmap: ArgumentMap, problems: list[Problem], options: RenderOptions) -> None:
        self.argmap = argmap
        self.options = options
        self.scope = scope(argmap, options.focus, options.depth)
        self.rules: dict[str, list[str]] = {}
        for problem in problems if options.checks else ():
            if problem.node is not None and problem.rule not in self.rules.setdefault(problem.node, []):
                self.rules[problem.node].append(problem.rule)
        #: Node names by ``id()`` of the claim: its uid, made unique where an id is written twice.
        self.names: dict[int, str] = {}
        taken: set[str] = set()
        for claim in self.scope.claims:
            name = claim.uid
            while name in taken:  # a duplicate id gets a second node, never a merge
                name = f"{claim.uid}~{len(taken)}"
            taken.add(name)
            self.names[id(claim)] = name
        #: Where the link from a claim to the claim it is written under runs through, if anywhere:
        #: the junction of its linked group, or a point made for the undercuts that aim at it.
        self.link_point: dict[int, str] = {}
        #: The kinds of boxes and marks drawn, for the key.
        self.seen: set[str] = set()
        self.graph = graphviz.Digraph("argmap", graph_attr=self.graph_attr(), node_attr=NODE, edge_attr=EDGE)

    def graph_attr(self) -> dict[str, str]:
        attr = {
            "rankdir": RANKDIR[self.options.direction],
            "fontname": style.FONT,
            "fontsize": str(style.EVIDENCE_SIZE),
            "nodesep": "0.3",
            "ranksep": "0.4",
            "outputorder": "edgesfirst",
        }
        nodes = sum(1 + (self.options.evidence and bool(claim.evidence)) for claim in self.scope.claims)
        if nodes > LARGE_GRAPH:
            attr.update(FAST_LAYOUT)
        return attr

    def build(self) -> graphviz.Digraph:
        claims = self.scope.claims
        in_groups = set()
        for claim in claims:
            for index, reason, relation in self.reasons(claim):
                self.plan_link(claim, index, reason, relation)
                if reason.linked:
                    in_groups.update(id(member) for member in reason.members)
        for claim in claims:
            if id(claim) not in in_groups:  # co-premises are drawn inside their group's frame
                self.claim_node(self.graph, claim)
        for claim in claims:
            self.claim_edges(claim)
            if self.options.evidence and claim.evidence and id(claim) not in self.scope.cut:
                self.evidence(claim)
        if self.options.title and self.argmap.title and claims[0] is self.argmap.thesis:
            self.graph.node("title", labels.title(self.argmap.title), shape="plaintext", fontsize="15")
            self.graph.edge(self.names[id(claims[0])], "title", style="invis")
        if self.options.legend:
            self.graph.attr(label=legend.key(self.seen), labelloc="b", labeljust="l")
        return self.graph

    def reasons(self, claim: Claim) -> list[tuple[int, Reason, str]]:
        """``(index, reason, relation)`` of every reason drawn below the claim."""
        if id(claim) in self.scope.cut:
            return []
        return [(i, reason, relation) for relation in RELATIONS for i, reason in enumerate(claim.reasons(relation), 1)]

    def plan_link(self, claim: Claim, index: int, reason: Reason, relation: str) -> None:
        for member in reason.members:
            if not isinstance(member, Claim) or id(member) not in self.names:
                continue
            if reason.linked:
                self.link_point[id(member)] = f"{self.names[id(claim)]}/{relation[0]}{index}+"
            elif member.undercuts and id(member) not in self.scope.cut:
                self.link_point[id(member)] = f"{self.names[id(member)]}/link"

    def claim_node(self, graph: graphviz.Digraph, claim: Claim) -> None:
        name = self.names[id(claim)]
        rules = self.rules.get(claim.uid, []) if name == claim.uid else []
        look = style.ROLES[claim.role]
        marks = [(style.MARKS.get(rule, f"⚠ {rule}"), style.WARNING) for rule in rules]
        classes = ["claim", claim.role, *rules]
        attr = {"fillcolor": look.fill, "color": look.border, "style": "rounded,filled"}
        if claim.role == "thesis":
            attr.update(penwidth="2.5", fontsize="13")
        if claim.assumption:
            marks.append(("assumed: accepted without support", style.ASSUMED))
            attr["peripheries"] = "2"
            classes.append("assumption")
        if style.DASHED_RULES.intersection(rules):
            attr.update(style="rounded,filled,dashed", color=style.WARNING, penwidth="1.6")
        status = (self.options.labels or {}).get(claim.uid)
        if status is not None:
            marks.append(style.LABELS.get(status, (str(status), style.GREY)))
            classes.append(f"status-{status}" if status in style.LABELS else "status")
        self.seen.update([claim.role, *(style.MARK_KEYS.get(r, "") for r in rules)])
        self.seen.update(["assumption"] if claim.assumption else [])
        label = labels.claim(claim, look.word, marks, self.options.wrap, id(claim) in self.scope.cut)
        graph.node(name, label, id=f"claim-{name}", **{"class": " ".join(classes)}, **attr)

    def claim_edges(self, claim: Claim) -> None:
        name = self.names[id(claim)]
        for index, reason, relation in self.reasons(claim):
            # An undercut attacks the link from this claim to the one it is written under.
            head = self.link_point.get(id(claim), name) if relation == "undercuts" else name
            tails = [(member, tail) for member in reason.members if (tail := self.tail(member)) is not None]
            if not tails:
                continue
            if reason.linked:
                junction = f"{name}/{relation[0]}{index}+"
                self.linked_group(claim, reason, relation, index)
                self.point(junction, relation, "junction", "0.09")
                for member, tail in tails:
                    self.edge(tail, junction, relation, end=False, ref=isinstance(member, Ref))
                self.edge(junction, head, relation)
                continue
            for member, tail in tails:
                point = self.link_point.get(id(member))
                if point is not None:
                    self.point(point, relation, "link", "0.07")
                    self.edge(tail, point, relation, end=False)
                    tail = point
                self.edge(tail, head, relation, ref=isinstance(member, Ref))

    def point(self, name: str, relation: str, kind: str, width: str) -> None:
        self.graph.node(name, "", shape="point", width=width, color=style.RELATIONS[relation].colour, **{"class": kind})

    def edge(self, tail: str, head: str, relation: str, end: bool = True, ref: bool = False) -> None:
        """An arrow of this relation; ``end=False`` for the part before a junction (no head).

        The arrow of a ``ref`` does not pull its claim's rank: claims stand at the depth where they
        are written, and refs cross over.
        """
        arrow = style.RELATIONS[relation]
        attr = {"color": arrow.colour, "arrowhead": arrow.head if end else "none"}
        if ref:
            attr["constraint"] = "false"
        if end:
            attr["class"] = relation
            if arrow.head == "tee":
                attr["arrowsize"] = "1.1"
        self.graph.edge(tail, head, **attr)

    def tail(self, member: Item) -> str | None:
        """The node an arrow from this member starts at; a ref naming nothing gets a node of its own."""
        claim = self.argmap.resolve(member)
        if claim is not None:
            return self.names.get(id(claim))
        name = f"?{member.position.line}.{member.position.column}"  # no colon: DOT would read a port
        self.seen.add("missing")
        label = labels.missing(member.target, self.options.wrap)  # type: ignore[union-attr]
        self.graph.node(name, label, style="rounded,dashed", color=style.MISSING.border, **{"class": "missing"})
        return name

    def linked_group(self, claim: Claim, reason: Reason, relation: str, index: int) -> None:
        """Frame the co-premises defined in this group (those that are refs are framed where defined)."""
        defined = [m for m in reason.members if isinstance(m, Claim) and id(m) in self.names]
        if not defined:
            return
        self.seen.add("linked")
        with self.graph.subgraph(name=f"cluster_{self.names[id(claim)]}/{relation[0]}{index}") as group:
            top = "b" if self.options.direction == "TB" else "t"  # Graphviz flips "t" with the ranks
            group.attr(label="together", labelloc=top, style="rounded,dashed", color="#9e9e9e", margin="6")
            group.attr(fontcolor=style.GREY, fontsize=str(style.SMALL_SIZE))
            for member in defined:
                self.claim_node(group, member)

    def evidence(self, claim: Claim) -> None:
        """One box below the claim listing its evidence."""
        name = self.names[id(claim)]
        self.seen.add("evidence")
        self.graph.node(
            f"{name}/evidence",
            labels.evidence(self.argmap, claim.evidence, self.options.wrap + 6),
            id=f"evidence-{name}",
            shape="note",
            style="filled",
            fillcolor=style.EVIDENCE.fill,
            color=style.EVIDENCE.border,
            fontsize=str(style.EVIDENCE_SIZE),
            **{"class": "evidence"},
        )
        self.edge(f"{name}/evidence", name, "evidence")
