"""How far a problem's range reaches in the text (no server: :mod:`argmap.lsp.spans` alone)."""

from __future__ import annotations

import pytest

from argmap.lsp.spans import split_lines, value_span


def covered(text: str, needle: str) -> str:
    """The text a range reaches from the first ``needle`` of a one-line text."""
    span = value_span(split_lines(text), 0, text.index(needle))
    assert span.start[0] == span.end[0] == 0
    return text[span.start[1] : span.end[1]]


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        # A value inside a flow mapping stops at its closing brackets, not the end of the line.
        ("    evidence: [{text: x, source: survy}]\n", "survy", "survy"),
        ("    - {text: x, source: survy}  # typo\n", "survy", "survy"),
        ("    - {text: x, source: survy}\n", "source", "source: survy"),
        ("    - {id: p, claim: 'a, b }', source: s}\n", "'a", "'a, b }'"),
        # A flow mapping that is an item of a flow sequence is the mapping, brackets included.
        ("    - {ref: b, undercuts: [{id: u, claim: No.}]}\n", "{id", "{id: u, claim: No.}"),
        ("    - {ref: b, undercuts: [{id: u, claim: No.}]}\n", "{ref", "{ref: b, undercuts: [{id: u, claim: No.}]}"),
        ("    premises: [a, b]\n", "b]", "b"),
        # Outside flow style, the whole key and value, without a comment.
        ("  claim: Taxes pay, for roads   # why\n", "claim", "claim: Taxes pay, for roads"),
        ("  evidence: [{text: x}]\n", "evidence", "evidence: [{text: x}]"),
    ],
)
def test_a_range_covers_the_item_and_nothing_after_it(text: str, needle: str, expected: str) -> None:
    assert covered(text, needle) == expected
