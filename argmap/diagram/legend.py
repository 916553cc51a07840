"""The key beside the thesis: one row for each kind of box, arrow and mark the diagram shows."""

from __future__ import annotations

from ..marks import STATUS_LOOKS
from . import style
from .labels import escape
from .statements import quote, statement

#: Kinds of boxes: (kind, name in the key, relation whose arrow it draws, explanation).
BOXES = [
    ("thesis", "thesis", None, "the claim the map argues for"),
    ("premise", "reason", "premises", "supports the claim it points to"),
    ("objection", "objection", "objections", "objects to the claim it points to"),
    ("rebuttal", "rebuttal", "rebuttals", "answers an objection"),
    ("undercut", "undercut", "undercuts", "denies that a reason supports its claim (aims at the link)"),
    ("evidence", "evidence", "evidence", "grounds a claim: kind, source (author, year), quote"),
    ("missing", "unknown ref", None, "a ref that names no claim"),
]
#: The row of the key that explains each relation's arrows.
KIND_OF_RELATION = {relation: kind for kind, _, relation, _ in BOXES if relation is not None}
#: Marks: (kind, name, colour, border width, border style, explanation).
MARKS = [
    (
        "unsupported",
        f"{style.FINDING} unsupported",
        style.WARNING,
        1,
        "rounded,dashed",
        "nothing supports it: no evidence, no premises, not an assumption",
    ),
    ("unanswered", f"{style.FINDING} unanswered", style.WARNING, 1, "rounded", "an objection that nothing rebuts"),
    (
        "evidence-listed",
        "▪ evidence",
        style.GREY,
        1,
        "rounded",
        "evidence, listed in its claim's box (maps this large have no evidence boxes)",
    ),
    (
        "ref",
        "- - ►",
        style.GREY,
        0,
        "rounded",
        "a dashed arrow: a claim used again (ref), drawn once where it is written",
    ),
    (
        "stub",
        "see ID",
        style.GREY,
        1,
        "rounded,dashed",
        "a claim used again (ref), drawn where it is written; the box names it (in an SVG, a link to it)",
    ),
    (
        "linked",
        "together",
        style.GREY,
        1,
        "rounded,dashed",
        "co-premises that count only together: one reason, one arrow",
    ),
]


#: The evaluation's statuses (``--eval``), as ``argmap eval`` explains them.
STATUSES = {
    "accepted": "stands: supported, and every attack on it fails",
    "rejected": "falls: an attack on it counts",
    "unsupported": "nothing that holds supports it",
    "undecided": "neither: caught in a cycle of attacks, or depends on one",
}


def node(shown: set[str]) -> str:
    """The key as a box of its own at the thesis's level, beside it ("^" is in no claim's id).

    (A frame around the whole diagram labelled with the key, leaving the graph's label to the
    title, made graphviz-pure lay out a 150-claim map with 808 crossings instead of none; the key
    beside the level farthest from the thesis made small maps wider: benchmarks/README.md.)
    """
    key = statement(quote("^key"), {"label": key_label(shown), "shape": "plaintext", "id": "key", "class": "key"})
    return f"\t{{rank=max;\n{key}\t}}\n"


def key_label(shown: set[str]) -> str:
    """The key as an HTML-like label, listing only what ``shown`` names."""
    rows = []
    for kind, name, relation, explanation in BOXES:
        if kind in shown:
            look = style.ROLES.get(kind) or (style.EVIDENCE if kind == "evidence" else style.MISSING)
            cell = f'bgcolor="{look.fill}" color="{look.border}" border="1" style="rounded"'
            rows.append(_row(cell, escape(name), (arrow(relation) + " " if relation else "") + escape(explanation)))
    for kind, name, colour, border, shape, explanation in MARKS:
        if kind in shown:
            cell = f'color="{colour}" border="{border}" style="{shape}"'
            rows.append(_row(cell, f'<font color="{colour}">{escape(name)}</font>', escape(explanation)))
    assumed = [role for role in style.ROLES if f"assumption-{role}" in shown]
    if assumed:  # drawn in the border colour of each kind of claim assumed, as on the boxes
        rows.append(_row("", _assumed(assumed), "an assumption (double border): accepted without support, on purpose"))
    for status, explanation in STATUSES.items():
        if f"status-{status}" in shown:
            sign, colour, _ = STATUS_LOOKS[status]
            name = f'<font color="{colour}">{escape(f"{sign} {status}")}</font>'
            rows.append(_row("", name, f"argmap eval: {escape(explanation)}"))
    head = f'<tr><td align="left" colspan="2"><font color="{style.GREY}">KEY</font></td></tr>'
    return f'<<table border="0" cellborder="0" cellspacing="3" cellpadding="1">{head}{"".join(rows)}</table>>'


def arrow(relation: str) -> str:
    """A coloured arrow drawn in text: a head for support, a bar for attack."""
    look = style.RELATIONS[relation]
    glyph = "──►" if look.head == "normal" else "──┤"
    return f'<font color="{look.colour}"><b>{glyph}</b></font>'


def _assumed(roles: list[str]) -> str:
    """Boxes with a double border (a table's frame around its cell's), one in each role's colour."""
    word = f'<font color="{style.ASSUMED}">assumed</font>'
    boxes = "".join(
        f'<td><table border="1" cellborder="1" cellspacing="2" cellpadding="2" color="{style.ROLES[role].border}" '
        f'bgcolor="{style.ROLES[role].fill}"><tr><td>{word}</td></tr></table></td>'
        for role in roles
    )
    return f'<table border="0" cellborder="0" cellspacing="1" cellpadding="0"><tr>{boxes}</tr></table>'


def _row(cell: str, name: str, explanation: str) -> str:
    return f'<tr><td {cell} cellpadding="3">{name}</td><td align="left">{explanation}</td></tr>'
