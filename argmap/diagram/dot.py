"""A map (and what ``argmap check`` found in it) as a Graphviz graph: pure and deterministic.

Every claim is one node, drawn once however many ``ref`` items point to it; a ref is an arrow from
that node or a small "see ID" box where it is used (:mod:`.refs` chooses). Arrows run from each
reason to the claim it supports or attacks and from evidence to its claim; a linked group's
co-premises, framed together in the order written, meet in one junction point from which a single
arrow leaves. An undercut aims at a point on the link it denies. The title is the graph's label,
centred above it; the key (:mod:`.legend`) a box beside the thesis. The same map and options
always give the same DOT text. Example::

    >>> from argmap import load
    >>> from argmap.diagram import RenderOptions
    >>> text = source(load("maps/tutorial-basics.yaml"), [], RenderOptions())
    >>> text.startswith("digraph argmap {")
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import graphviz

from ..marks import RULE_WORDS, STATUS_LOOKS, rule_word, rules_by_claim, status_of
from ..model import RELATIONS, ArgumentMap, Claim, Item, Reason, Ref
from ..problems import Problem
from . import labels, legend, refs, style
from .direction import choose_direction
from .scope import scope
from .statements import EDGE, NODE, quote, statement

if TYPE_CHECKING:
    from . import RenderOptions

#: ``--direction`` names where the thesis stands. Arrows run from reasons to the claim they support,
#: so "thesis at the top" means Graphviz lays the graph out bottom to top.
RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
#: Above this many boxes a map is drawn for speed (benchmarks/README.md): evidence is listed in its
#: claim's box (kind and citation, no quote) instead of a box of its own, linked groups meet in
#: their junction without a frame, and the layout makes fewer passes and straight edges.
LARGE_GRAPH = 2500
#: The word "together" in a linked group's frame: small, and as little box around it as Graphviz allows.
TOGETHER = {"fontsize": str(style.SMALL_SIZE), "margin": "0.02,0", "width": "0", "height": "0", "class": "together"}
FAST_LAYOUT = {"nslimit": "0.05", "nslimit1": "0.05", "mclimit": "0.1", "searchsize": "10", "splines": "line"}


def source(argmap: ArgumentMap, problems: Sequence[Problem], options: RenderOptions) -> str:
    """The diagram as DOT text."""
    text: str = digraph(argmap, problems, options).source
    return text


def digraph(argmap: ArgumentMap, problems: Sequence[Problem], options: RenderOptions) -> graphviz.Digraph:
    """The diagram as a :class:`graphviz.Digraph` (built, not laid out)."""
    return _Diagram(argmap, problems, options).build()


class _Diagram:
    def __init__(self, argmap: ArgumentMap, problems: Sequence[Problem], options: RenderOptions) -> None:
        self.argmap = argmap
        self.options = options
        self.scope = scope(argmap, options.focus, options.depth)
        self.direction = choose_direction(argmap, self.scope, options)
        #: ``id()`` of the ref items drawn as a "see ID" box, and the name of each one's box once drawn.
        self.stubs = refs.stubs(argmap, (c for c in self.scope.claims if id(c) not in self.scope.cut), options.refs)
        self.stub_names: dict[int, str] = {}
        self.rules = rules_by_claim(problems) if options.checks else {}
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
        boxes = sum(1 + (options.evidence and bool(claim.evidence)) for claim in self.scope.claims)
        self.large = boxes > LARGE_GRAPH
        self.graph = graphviz.Digraph("argmap", graph_attr=self.graph_attr(), node_attr=NODE, edge_attr=EDGE)

    def graph_attr(self) -> dict[str, str]:
        attr = {
            "rankdir": RANKDIR[self.direction],
            "fontname": style.FONT,
            "fontsize": str(style.EVIDENCE_SIZE),
            "nodesep": "0.3",
            "ranksep": "0.4",
            "outputorder": "edgesfirst",
        }
        return {**attr, **FAST_LAYOUT} if self.large else attr

    def build(self) -> graphviz.Digraph:
        claims = self.scope.claims
        in_groups: set[int] = set()
        for claim in claims:
            for index, reason, relation in self.reasons(claim):
                self.plan_link(claim, index, reason, relation)
                if reason.linked and not self.large:
                    in_groups.update(id(member) for member in reason.members)
        for claim in claims:
            if id(claim) not in in_groups:  # co-premises are drawn inside their group's frame
                self.claim_node(self.graph, claim)
        for claim in claims:
            self.claim_edges(claim)
            if self.options.evidence and claim.evidence and not self.large and id(claim) not in self.scope.cut:
                self.evidence(claim)
        title = self.argmap.title if self.options.title and claims[0] is self.argmap.thesis else None
        if title:  # the graph's own label: centred above the whole diagram
            self.graph.attr(label=labels.title(title), labelloc="t", labeljust="c", fontsize="15")
        if self.options.legend and self.seen:
            self.graph.body.append(legend.node(self.seen))
        return self.graph

    def node(self, name: str, label: str, graph: graphviz.Digraph | None = None, **attrs: str) -> None:
        (graph or self.graph).body.append(statement(quote(name), {"label": label, **attrs}))

    def edge_statement(self, tail: str, head: str, **attrs: str) -> None:
        self.graph.body.append(statement(f"{quote(tail)} -> {quote(head)}", attrs))

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
        marks = [(f"{style.FINDING} {rule_word(rule)}", style.WARNING) for rule in rules]
        classes = ["claim", claim.role, *rules]
        attrs = {"fillcolor": look.fill, "color": look.border, "style": "rounded,filled"}
        if claim.role == "thesis":
            attrs.update(penwidth="2.5", fontsize="13")
        if claim.assumption:
            marks.append(("assumed: accepted without support", style.ASSUMED))
            attrs["peripheries"] = "2"
            classes.append("assumption")
            self.seen.add(f"assumption-{claim.role}")
        if style.DASHED_RULES.intersection(rules):
            attrs.update(style="rounded,filled,dashed", color=style.WARNING, penwidth="1.6")
        evaluated = (self.options.labels or {}).get(claim.uid)
        if evaluated is not None:
            status = status_of(evaluated)
            known = STATUS_LOOKS.get(status)
            line = (f"{known.sign} {status}", known.colour) if known else (status, style.GREY)
            if line not in marks:  # "▲ unsupported" from the checks already says it
                marks.append(line)
            classes.append(f"status-{status}" if known else "status")
            self.seen.add(f"status-{status}")
        self.seen.add(claim.role)
        self.seen.update(RULE_WORDS[rule] for rule in rules if rule in RULE_WORDS)
        if self.large and self.options.evidence and claim.evidence and id(claim) not in self.scope.cut:
            self.seen.add("evidence-listed")
            marks += [("▪ " + labels.evidence_head(self.argmap, item), style.GREY) for item in claim.evidence]
        label = labels.claim(claim, look.word, marks, self.options.wrap, id(claim) in self.scope.cut)
        self.node(name, label, graph, id=f"claim-{name}", **{"class": " ".join(classes)}, **attrs)

    def claim_edges(self, claim: Claim) -> None:
        name = self.names[id(claim)]
        for index, reason, relation in self.reasons(claim):
            # An undercut attacks the link from this claim to the one it is written under.
            head = self.link_point.get(id(claim), name) if relation == "undercuts" else name
            if reason.linked:
                self.linked_group(claim, reason, relation, index)
            tails = [(member, tail) for member in reason.members if (tail := self.tail(member)) is not None]
            if not tails:
                continue
            if reason.linked:
                junction = f"{name}/{relation[0]}{index}+"
                self.point(junction, relation, "junction", "0.09")
                for member, tail in tails:
                    ref = isinstance(member, Ref)
                    self.edge(tail, junction, relation, end=False, ref=ref, stub=id(member) in self.stubs)
                self.edge(junction, head, relation)
                continue
            for k, (member, tail) in enumerate(tails, 1):
                point = self.link_point.get(id(member))
                if isinstance(member, Ref) and member.undercuts:  # they aim at this use of the claim
                    point = f"{name}/{relation[0]}{index}.{k}/link"
                    self.ref_undercuts(point, member)
                if point is not None:
                    self.point(point, relation, "link", "0.07")
                    self.edge(tail, point, relation, end=False, ref=isinstance(member, Ref))
                    tail = point
                self.edge(tail, head, relation, ref=isinstance(member, Ref), stub=id(member) in self.stubs)

    def ref_undercuts(self, point: str, ref: Ref) -> None:
        """Arrows from the undercuts written on a ref item to the point on the arrow of that use."""
        for index, reason in enumerate(ref.undercuts, 1):
            tails = [(member, tail) for member in reason.members if (tail := self.tail(member)) is not None]
            head = point
            if reason.linked and tails:
                head = f"{point}/u{index}+"
                self.point(head, "undercuts", "junction", "0.09")
                self.edge(head, point, "undercuts")
            for k, (member, tail) in enumerate(tails, 1):
                if isinstance(member, Ref) and member.undercuts:
                    inner = f"{point}/u{index}.{k}/link"
                    self.ref_undercuts(inner, member)
                    self.point(inner, "undercuts", "link", "0.07")
                    self.edge(tail, inner, "undercuts", end=False, ref=True)
                    tail = inner
                self.edge(tail, head, "undercuts", end=not reason.linked or head == point, ref=isinstance(member, Ref))

    def point(self, name: str, relation: str, kind: str, width: str) -> None:
        self.node(name, '""', shape="point", width=width, color=style.RELATIONS[relation].colour, **{"class": kind})

    def edge(
        self, tail: str, head: str, relation: str, end: bool = True, ref: bool = False, stub: bool = False
    ) -> None:
        """An arrow of this relation; ``end=False`` for the part before a junction (no head).

        The arrow of a ``ref`` is dashed and does not pull its claim's rank: claims stand at the
        depth where they are written, and refs cross over. The arrow from a stub does pull: the
        stub stands with the other reasons of the claim that uses it.
        """
        arrow = style.RELATIONS[relation]
        # The key explains an arrow's colour by its relation's row, even where no box of that kind
        # is drawn (an undercut or a rebuttal made of refs drawn as stubs).
        self.seen.add(legend.KIND_OF_RELATION[relation])
        attrs = {"color": arrow.colour, "arrowhead": arrow.head if end else "none"}
        if stub:
            attrs["style"] = "dashed"
        elif ref:
            attrs.update(style="dashed", constraint="false")
            self.seen.add("ref")
        if end:
            attrs["class"] = relation
            if arrow.head == "tee":
                attrs["arrowsize"] = "1.1"
        self.edge_statement(tail, head, **attrs)

    def tail(self, member: Item) -> str | None:
        """The node an arrow from this member starts at; a ref naming nothing gets a node of its own."""
        target = self.stub_target(member)
        if target is not None:
            return self.stub(member, target, self.graph)  # type: ignore[arg-type]
        claim = self.argmap.resolve(member)
        if claim is not None:
            return self.stub_names.get(id(member)) or self.names.get(id(claim))
            return self.names.get(id(claim))
        name = f"?{member.position.line}.{member.position.column}"
        self.seen.add("missing")
        label = labels.missing(member.target, self.options.wrap)  # type: ignore[union-attr]
        self.node(name, label, style="rounded,dashed", color=style.MISSING.border, **{"class": "missing"})
        return name

    def stub_target(self, member: Item) -> Claim | None:
        """The claim a ref drawn as a stub names, if the ref is one and its stub is not drawn yet."""
        if id(member) not in self.stubs or id(member) in self.stub_names:
            return None
        target = self.argmap.resolve(member)
        return target if target is not None and id(target) in self.names else None

    def stub(self, member: Ref, target: Claim, graph: graphviz.Digraph) -> str:
        """A small box next to the claim that uses the ref: "see" the claim's id, a link to it."""
        name = f"^see{member.position.line}.{member.position.column}"  # "^" is in no claim id
        self.stub_names[id(member)] = name
        self.seen.add("stub")
        look = style.ROLES[target.role]
        label = labels.stub(target, look.word, self.options.wrap)
        target_name = self.names[id(target)]
        attrs = {"style": "rounded,dashed", "color": look.border, "margin": "0.08,0.04", "class": "stub"}
        self.node(name, label, graph, href=f"#claim-{target_name}", tooltip=f"see {target_name}", **attrs)
        return name

    def linked_group(self, claim: Claim, reason: Reason, relation: str, index: int) -> None:
        """Frame the co-premises defined in this group and its stubs, in the order written.

        Refs drawn as arrows are framed where their claim is defined. The word "together" is a box
        of its own after the last co-premise, not the frame's label: Graphviz routes edges around
        boxes but through a frame's label (the seed map had edges through 3 of them).
        """
        drawn = [m for m in reason.members if id(m) in self.names or self.stub_target(m) is not None]
        if not drawn or self.large:
            return
        self.seen.add("linked")
        group_name = f"{self.names[id(claim)]}/{relation[0]}{index}"
        with self.graph.subgraph(name=f"cluster_{group_name}") as group:
            group.attr(style="rounded,dashed", color="#9e9e9e", margin="6")
            names = []
            for member in drawn:
                if isinstance(member, Claim):
                    self.claim_node(group, member)
                    names.append(self.names[id(member)])
                else:
                    names.append(self.stub(member, self.stub_target(member), group))  # type: ignore[arg-type]
            word = f"^together {group_name}"  # "^" is in no claim id
            self.node(word, "together", group, shape="plaintext", fontcolor=style.GREY, **TOGETHER)
            order = " -> ".join(quote(name) for name in [*names, word])  # side by side in the order written
            group.body.append(f"\t{{rank=same; {order} [style=invis]}}\n")

    def evidence(self, claim: Claim) -> None:
        """One box below the claim listing its evidence."""
        name = self.names[id(claim)]
        self.seen.add("evidence")
        self.node(
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
