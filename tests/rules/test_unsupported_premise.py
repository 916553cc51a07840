import pytest

from tests.helpers import found

RULE = "unsupported-premise"

CASES = [
    ("bare premise", "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n", [(4, "a")]),
    (
        "premise with evidence",
        "thesis:\n  claim: T\n  premises:\n    - claim: A\n      evidence: [{text: x, source: {author: X}}]\n",
        [],
    ),
    (
        "premise with premises",
        "thesis:\n  claim: T\n  premises:\n    - claim: A\n      premises:\n        - claim: B\n          assumption: true\n",
        [],
    ),
    ("assumption", "thesis:\n  claim: T\n  premises:\n    - claim: A\n      assumption: true\n", []),
    (
        "assumption false",
        "thesis:\n  claim: T\n  premises:\n    - claim: A\n      assumption: false\n",
        [(4, "#thesis/p1")],
    ),
    (
        "bare co-premise",
        "thesis:\n  claim: T\n  premises:\n    - linked:\n        - claim: A\n          assumption: true\n        - claim: B\n",
        [(7, "#thesis/p1.2")],
    ),
    (
        "bare objection",
        "thesis:\n  claim: T\n  premises: [{claim: A, assumption: true}]\n  objections:\n    - claim: O\n",
        [(5, "#thesis/o1")],
    ),
    (
        "bare rebuttal and undercut",
        "thesis:\n  claim: T\n  premises:\n    - claim: A\n      assumption: true\n      undercuts: [{claim: U}]\n  objections:\n    - claim: O\n      assumption: true\n      rebuttals: [{claim: R}]\n",
        [(6, "#thesis/p1/u1"), (10, "#thesis/o1/r1")],
    ),
    (
        "ref shares its target's support",
        "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n      assumption: true\n  objections:\n    - claim: O\n      assumption: true\n      rebuttals: [{ref: a}]\n",
        [],
    ),
    (
        "empty list is no support",
        "thesis:\n  claim: T\n  premises:\n    - claim: A\n      premises: []\n      evidence:\n",
        [(4, "#thesis/p1")],
    ),
    ("thesis is not a premise", "thesis:\n  claim: T\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unsupported_premise(text, expected):
    assert found(text, RULE) == expected
