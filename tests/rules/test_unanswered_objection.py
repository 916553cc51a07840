import pytest

from tests.helpers import found

RULE = "unanswered-objection"

CASES = [
    ("unanswered", "thesis:\n  claim: T\n  objections:\n    - id: o\n      claim: O\n", [(4, "o")]),
    ("rebutted", "thesis:\n  claim: T\n  objections:\n    - claim: O\n      rebuttals: [{claim: R}]\n", []),
    (
        "answered by an undercut",
        """\
            thesis:
              claim: T
              objections:
                - claim: O
                  undercuts: [{claim: U}]
        """,
        [],
    ),
    (
        "objection by ref, reported once",
        """\
            thesis:
              claim: T
              premises:
                - id: p
                  claim: P
                  objections: [{ref: o}]
              objections:
                - id: o
                  claim: O
        """,
        [(8, "o")],
    ),
    (
        "in a linked group",
        """\
            thesis:
              claim: T
              objections:
                - linked:
                    - claim: O1
                    - claim: O2
        """,
        [(5, "#thesis/o1.1"), (6, "#thesis/o1.2")],
    ),
    (
        "linked group answered through one member",
        """\
            thesis:
              claim: T
              objections:
                - linked:
                    - claim: O1
                      rebuttals: [{claim: R}]
                    - claim: O2
        """,
        [],
    ),
    (
        "rebuttal left standing is fine",
        """\
            thesis:
              claim: T
              objections:
                - claim: O
                  rebuttals: [{claim: R}]
        """,
        [],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unanswered_objection(text, expected):
    assert found(text, RULE) == expected
