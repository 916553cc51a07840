"""The map as a tree for the terminal (``argmap show``): a pure function to a rich renderable.

::

    THESIS The United States should withdraw its forces from Iraq.  [withdraw]
    ├── + A permanent occupation is not needed to keep ISIS down.  [isis-broken]
    │   └── ▪ "Washington broke the movement at the height of its power" — Doug Bandow (2020)
    └── - ⚠ unanswered Like-minded fighters could reappear.  [isis-may-return]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from ..marks import FINDING_SIGN, STATUS_LOOKS, LabelOrStatus, rule_word, rules_by_claim, status_of
from ..model import ArgumentMap, Claim, Evidence, Reason, Ref
from ..problems import Problem
from ..visible import visible

if TYPE_CHECKING:
    from ..evaluation.labelling import Evaluation

_MARK = {
    "premises": ("+", "green"),
    "objections": ("-", "red"),
    "rebuttals": ("-", "dark_orange"),
    "undercuts": ("/", "magenta"),
}


@dataclass(frozen=True)
class _View:
    argmap: ArgumentMap
    flagged: dict[str, list[str]]
    labels: Mapping[str, LabelOrStatus] | None


def tree(
    argmap: ArgumentMap, problems: Sequence[Problem], labels: Mapping[str, LabelOrStatus] | None = None
) -> Tree | Group:
    """Claims nested as written, refs as pointers; problems and (optional) labels on each claim.

    ``labels`` maps a claim uid to a label with ``status`` and ``reason`` (or to a plain string).
    Every text from the map is shown :func:`~argmap.visible.visible`. A map of several theses
    gives one tree for each, a blank line between them.
    """
    view = _View(argmap, rules_by_claim(problems), labels)
    roots = []
    for thesis in argmap.theses:
        root = Tree(_line(view, thesis, "THESIS", "bold"))
        _children(view, root, thesis)
        roots.append(root)
    if len(roots) == 1:
        return roots[0]
    spaced: list[Tree | Text] = [roots[0]]
    for root in roots[1:]:
        spaced += [Text(""), root]
    return Group(*spaced)


def evaluated(argmap: ArgumentMap, result: Evaluation) -> Group:
    """``argmap eval``: the tree with every claim's label, then each thesis's label and the verdict."""
    from ..evaluation.explain import name

    closing = Text("\n")
    for thesis in argmap.theses:
        label = result.labels[thesis.uid]
        closing.append(f"Thesis {visible(name(thesis))}: ")
        closing.append(label.status, style=f"bold {STATUS_LOOKS[label.status].terminal}")
        closing.append(f": {visible(label.reason)}\n")
    closing.append(f"Verdict: {result.verdict()}")
    return Group(tree(argmap, [], dict(result.labels)), closing)


def _children(view: _View, node: Tree, claim: Claim) -> None:
    for relation, (sign, colour) in _MARK.items():
        _reasons(view, node, claim.reasons(relation), sign, colour)
    for evidence in claim.evidence:
        node.add(Text(f"▪ {visible(_evidence(view.argmap, evidence))}", style="dim"))


def _reasons(view: _View, node: Tree, reasons: tuple[Reason, ...], sign: str, colour: str) -> None:
    for reason in reasons:
        parent = node.add(Text(f"{sign} linked: together", style=colour)) if reason.linked else node
        for item in reason.members:
            if isinstance(item, Ref):
                target = view.argmap.claim(item.target)
                shown = f" ({_status(view, target.uid)})" if target and _status(view, target.uid) else ""
                pointer = parent.add(Text(f"{sign} → see {visible(item.target)}{shown}", style=colour))
                _reasons(view, pointer, item.undercuts, *_MARK["undercuts"])  # undercuts of this use only
            else:
                _children(view, parent.add(_line(view, item, sign, colour)), item)


def _evidence(argmap: ArgumentMap, evidence: Evidence) -> str:
    source = argmap.source_of(evidence)
    cite = source.citation() if source else (evidence.source_key or "no source")
    body = f'"{evidence.text}"' if evidence.is_quote else evidence.text
    return f"{body} — {cite}" + (f", {evidence.locator}" if evidence.locator else "")


def _status(view: _View, uid: str) -> str | None:
    if not view.labels or uid not in view.labels:
        return None
    return status_of(view.labels[uid])


def _line(view: _View, claim: Claim, sign: str, style: str) -> Text:
    line = Text(f"{sign} ", style=style)
    for rule in view.flagged.get(claim.uid, ()):  # first, so that wrapping never hides them
        line.append(f"{FINDING_SIGN} {visible(rule_word(rule))} ", style="bold red")
    status = _status(view, claim.uid)
    if status:
        look = STATUS_LOOKS.get(status)
        line.append(f"[{status}] ", style=look.terminal if look else "cyan")
    line.append(visible(claim.text), style="bold" if claim.role == "thesis" else "")
    if claim.id:
        line.append(f"  [{visible(claim.id)}]", style="dim")
    if claim.assumption:
        line.append("  (assumption)", style="blue")
    reason = getattr(view.labels.get(claim.uid), "reason", None) if view.labels else None
    if reason:
        line.append(f"  — {visible(reason)}", style="dim italic")
    return line
