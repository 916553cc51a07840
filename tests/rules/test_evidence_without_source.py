import pytest

from tests.helpers import found

RULE = "evidence-without-source"

CASES = [
    ("no source", "thesis:\n  id: t\n  claim: T\n  evidence:\n    - quote: q\n", [(5, "t")]),
    (
        "two items, one sourced",
        "thesis:\n  claim: T\n  evidence:\n    - text: a\n      source: {author: X}\n    - text: b\n",
        [(6, "#thesis")],
    ),
    ("key", "sources: {s: {author: X}}\nthesis:\n  claim: T\n  evidence:\n    - {quote: q, source: s}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_evidence_without_source(text, expected):
    assert found(text, RULE) == expected
