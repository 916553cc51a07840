import pytest

from tests.helpers import found, problems_of

RULE = "unknown-reference"

CASES = [
    ("ref to nothing", "thesis:\n  id: t\n  claim: T\n  premises:\n    - ref: nope\n", [(5, "t")]),
    (
        "ref in linked group",
        "thesis:\n  claim: T\n  premises:\n    - linked:\n        - claim: A\n          assumption: true\n        - ref: gone\n",
        [(7, "#thesis")],
    ),
    (
        "ref resolves",
        "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n      assumption: true\n  objections:\n    - claim: O\n      assumption: true\n      rebuttals: [{ref: a}]\n",
        [],
    ),
    (
        "unknown source key",
        "sources:\n  bandow: {author: B}\nthesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: bandw\n",
        [(7, "#thesis")],
    ),
    (
        "known source key",
        "sources:\n  bandow: {author: B}\nthesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: bandow\n",
        [],
    ),
    ("inline source", "thesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: {author: B}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unknown_reference(text, expected):
    assert found(text, RULE) == expected


def test_suggests_the_closest_name():
    text = "sources:\n  bandow: {author: B}\nthesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: bandw\n"
    [problem] = [p for p in problems_of(text) if p.rule == RULE]
    assert "bandow" in problem.message and problem.column == 15
