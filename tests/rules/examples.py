"""The example maps in the rules' docstrings, for the tests that check them and the tests that use them."""

from __future__ import annotations

import re
import textwrap

from argmap.rules import RULES


def examples(doc: str) -> list[tuple[str, str]]:
    """``(label, yaml)`` for each ``Label...::`` block of a docstring."""
    found = []
    for match in re.finditer(r"^( *)(\w+)[^\n]*::\n\n((?:\1 +\S[^\n]*\n|\n)+)", doc, re.MULTILINE):
        found.append((match.group(2), textwrap.dedent(match.group(3))))
    return found


def documented(rule_id: str, label: str = "Fails") -> str:
    """The first example map labelled ``label`` (``Fails`` or ``Passes``) in the rule's docstring."""
    return next(text for shown, text in examples(RULES[rule_id].__doc__ or "") if shown == label)
