"""What a claim is marked with for a check's finding or an evaluation label: one table of words and
colours, shared by the terminal (``argmap show``, ``argmap eval``) and the diagram (``argmap render``).

Example::

    >>> rule_word("unanswered-objection"), rule_word("rabbit-rule")
    ('unanswered', 'rabbit-rule')
    >>> STATUS_LOOKS["accepted"].sign, STATUS_LOOKS["accepted"].terminal
    ('√', 'green')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from .evaluation.labelling import Label
    from .problems import Problem

#: An evaluation label (``argmap.evaluate(m).labels``) or its status as text.
LabelOrStatus: TypeAlias = "Label | str"

#: Short words for what a reader must see at a glance, by rule id; other rules show their id.
RULE_WORDS: dict[str, str] = {
    "unsupported-premise": "unsupported",
    "unsupported-thesis": "unsupported",
    "unanswered-objection": "unanswered",
}


#: The sign before a finding's word on a claim in the terminal and the interactive page: "⚠ unanswered".
FINDING_SIGN = "⚠"


def rule_word(rule: str) -> str:
    """The word a claim is marked with for a finding of this rule."""
    return RULE_WORDS.get(rule, rule)


def rules_by_claim(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """The rules that found something on each claim (by uid), each rule once, in the order found."""
    flagged: dict[str, list[str]] = {}
    for problem in problems:
        if problem.node is not None and problem.rule not in flagged.setdefault(problem.node, []):
            flagged[problem.node].append(problem.rule)
    return flagged


class StatusLook(NamedTuple):
    """How one evaluation status is shown: its sign and colour on a diagram, its terminal colour."""

    sign: str
    colour: str
    terminal: str


STATUS_LOOKS: dict[str, StatusLook] = {
    "accepted": StatusLook("√", "#2e7d32", "green"),
    "rejected": StatusLook("×", "#c62828", "red"),
    "undecided": StatusLook("?", "#6d6d6d", "yellow"),
    "unsupported": StatusLook("▲", "#c62828", "magenta"),
}


def status_of(label: LabelOrStatus) -> str:
    """The status of an evaluation label, or the status given as text."""
    return str(getattr(label, "status", label))
