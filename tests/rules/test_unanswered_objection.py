import pytest

from tests.helpers import found

RULE = "unanswered-objection"

CASES = [
    ("unanswered", "thesis:\n  claim: T\n  objections:\n    - id: o\n      claim: O\n", [(4, "o")]),
    ("rebutted", "thesis:\n  claim: T\n  objections:\n    - claim: O\n      rebuttals: [{claim: R}]\n", []),
    (
        "answered by an undercut",
        "thesis:\n  claim: T\n  objections:\n    - claim: O\n      undercuts: [{claim: U}]\n",
        [],
    ),
    (
        "objection by ref, reported once",
        "thesis:\n  claim: T\n  premises:\n    - id: p\n      claim: P\n      objections: [{ref: o}]\n  objections:\n    - id: o\n      claim: O\n",
        [(8, "o")],
    ),
    (
        "in a linked group",
        "thesis:\n  claim: T\n  objections:\n    - linked:\n        - claim: O1\n        - claim: O2\n",
        [(5, "#thesis/o1.1"), (6, "#thesis/o1.2")],
    ),
    (
        "linked group answered through one member",
        "thesis:\n  claim: T\n  objections:\n    - linked:\n        - claim: O1\n          rebuttals: [{claim: R}]\n        - claim: O2\n",
        [],
    ),
    (
        "rebuttal left standing is fine",
        "thesis:\n  claim: T\n  objections:\n    - claim: O\n      rebuttals: [{claim: R}]\n",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unanswered_objection(text, expected):
    assert found(text, RULE) == expected
