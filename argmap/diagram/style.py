"""How each kind of thing looks in a diagram: one table of colours, shapes and arrowheads.

The colours follow the usual convention of argument maps: green reasons, red objections, orange
rebuttals (and purple undercuts, which attack the link between a reason and its claim). Support
arrows have a normal head; attacks end in a bar (``tee``), so the difference survives printing in
grey.
"""

from __future__ import annotations

from typing import NamedTuple

FONT = "Helvetica"
TEXT_SIZE = 12
SMALL_SIZE = 9
EVIDENCE_SIZE = 10
GREY = "#5f6770"
WARNING = "#c62828"
ASSUMED = "#1565c0"


class Look(NamedTuple):
    """The look of one kind of claim: fill, border and the word shown above its text."""

    fill: str
    border: str
    word: str


ROLES: dict[str, Look] = {
    "thesis": Look("#dbe7f6", "#1f4e79", "THESIS"),
    "premise": Look("#e3f1de", "#2e7d32", "REASON"),
    "objection": Look("#fbe2e0", "#c62828", "OBJECTION"),
    "rebuttal": Look("#ffedd6", "#e06c00", "REBUTTAL"),
    "undercut": Look("#eee3f5", "#7b3fa0", "UNDERCUT"),
}
EVIDENCE = Look("#f3f3f1", "#8c8c8c", "EVIDENCE")
MISSING = Look("#ffffff", "#9e9e9e", "UNKNOWN REF")


class Arrow(NamedTuple):
    """The look of one relation's edges, and the colour's name for a key that explains it in words."""

    colour: str
    head: str
    colour_name: str


RELATIONS: dict[str, Arrow] = {
    "premises": Arrow("#2e7d32", "normal", "green"),
    "objections": Arrow("#c62828", "tee", "red"),
    "rebuttals": Arrow("#e06c00", "tee", "orange"),
    "undercuts": Arrow("#7b3fa0", "tee", "purple"),
    "evidence": Arrow("#8c8c8c", "normal", "grey"),
}

#: The sign before a finding's word (:func:`argmap.marks.rule_word`) on a claim: "▲ unsupported".
FINDING = "▲"
#: Rules whose finding draws the node's border dashed red.
DASHED_RULES = frozenset({"unsupported-premise", "unsupported-thesis"})
