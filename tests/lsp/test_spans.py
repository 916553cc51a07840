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


def test_a_map_written_on_one_long_line_is_underlined_and_outlined_at_once():
    """JSON is YAML: a map a tool wrote on one line has all its problems on that line.

    Each range was read from the line's start or to its end: 3 s for the diagnostics and 20 s for
    the outline of 1,000 claims (on the server's thread). The limit is a tenfold slack.
    """
    import time
    from pathlib import Path

    from pygls.workspace.position_codec import PositionCodec

    from argmap.lsp import outline
    from argmap.lsp.analysis import analyse
    from argmap.lsp.diagnostics import diagnostics

    premises = ", ".join(f'{{"id": "p{number}", "claim": "Premise {number}."}}' for number in range(1_000))
    text = f'{{"argmap": 1, "thesis": {{"id": "t", "claim": "T.", "premises": [{premises}]}}}}\n'
    analysis = analyse(text, Path("one-line.yaml"), 1)
    started = time.perf_counter()
    shown = diagnostics(analysis, PositionCodec(), "file:///one-line.yaml")
    [thesis] = outline.symbols(analysis, PositionCodec())
    assert time.perf_counter() - started < 3
    assert len(shown) == 1_000 and len(thesis.children or []) == 1_000
    first = shown[0].range
    assert text[first.start.character : first.end.character] == '{"id": "p0", "claim": "Premise 0."}'
