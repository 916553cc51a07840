"""The key at the foot of a diagram: one row for each kind of box, arrow and mark it shows."""

from __future__ import annotations

from . import style
from .labels import escape, wrapped

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
        "assumption",
        "assumed",
        style.ASSUMED,
        2,
        "rounded",
        "an assumption (double border): accepted without support, on purpose",
    ),
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
        "linked",
        "together",
        style.GREY,
        1,
        "rounded,dashed",
        "co-premises that count only together: one reason, one arrow",
    ),
]


def key(shown: set[str], title: str | None = None) -> str:
    """The key as an HTML-like label, listing only what ``shown`` names, under the map's title."""
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
    head = f'<tr><td align="left" colspan="2"><font color="{style.GREY}">KEY</font></td></tr>' if rows else ""
    if title:
        lines = '<br align="left"/>'.join(wrapped(title, 60))
        head = f'<tr><td align="left" colspan="2"><font point-size="15"><b>{lines}</b></font></td></tr>{head}'
    return f'<<table border="0" cellborder="0" cellspacing="3" cellpadding="1">{head}{"".join(rows)}</table>>'


def arrow(relation: str) -> str:
    """A coloured arrow drawn in text: a head for support, a bar for attack."""
    look = style.RELATIONS[relation]
    glyph = "──►" if look.head == "normal" else "──┤"
    return f'<font color="{look.colour}"><b>{glyph}</b></font>'


def _row(cell: str, name: str, explanation: str) -> str:
    return f'<tr><td {cell} cellpadding="3">{name}</td><td align="left">{explanation}</td></tr>'
