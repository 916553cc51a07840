"""The map as a tree for the terminal (``argmap show``): a pure function to a rich renderable."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from .model import ArgumentMap, Claim, Reason, Ref
from .problems import Problem

_MARK = {"premises": ("+", "green"), "objections": ("-", "red"), "rebuttals": ("-", "dark_orange"), "undercuts": ("/", "magenta")}


def tree(argmap: ArgumentMap, problems: list[Problem], labels: dict[str, object] | None = None) -> Tree:
    """Claims nested as written; refs shown as pointers; problem rule ids and labels after each."""
    flagged: dict[str, list[str]] = {}
    for p in problems:
        if p.node is not None:
            flagged.setdefault(p.node, []).append(p.rule)
    root = Tree(_line(argmap.thesis, "THESIS", "bold", flagged, labels))
    _children(root, argmap.thesis, flagged, labels)
    return root


def _children(node: Tree, claim: Claim, flagged, labels) -> None:  # noqa: ANN001
    for relation, (sign, colour) in _MARK.items():
        for reason in claim.reasons(relation):
            parent = node
            if reason.linked:
                parent = node.add(Text(f"{sign} linked: together", style=colour))
            for item in reason.members:
                _item(parent, item, sign, colour, flagged, labels)
    for evidence in claim.evidence:
        cite = evidence.source.citation() if evidence.source else (evidence.source_key or "no source")
        body = f'"{evidence.text}"' if evidence.is_quote else evidence.text
        node.add(Text(f"▪ {body} — {cite}", style="dim"))


def _item(parent: Tree, item: Claim | Ref, sign: str, colour: str, flagged, labels) -> None:  # noqa: ANN001
    if isinstance(item, Ref):
        parent.add(Text(f"{sign} → see {item.target}", style=colour))
        return
    branch = parent.add(_line(item, sign, colour, flagged, labels))
    _children(branch, item, flagged, labels)


def _line(claim: Claim, sign: str, style: str, flagged, labels) -> Text:  # noqa: ANN001
    line = Text(f"{sign} ", style=style)
    line.append(claim.text, style="bold" if claim.role == "thesis" else "")
    if claim.id:
        line.append(f"  [{claim.id}]", style="dim")
    if claim.assumption:
        line.append("  (assumption)", style="blue")
    if labels and claim.uid in labels:
        label = labels[claim.uid]
        line.append(f"  {getattr(label, 'status', label)}", style="cyan")
    for rule in flagged.get(claim.uid, ()):
        line.append(f"  ⚠ {rule}", style="bold red")
    return line
