import pytest

from tests.helpers import found

RULE = "unsupported-premise"

CASES = [
    ("bare premise", "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n", [(4, "a")]),
    (
        "premise with evidence",
        """\
            thesis:
              claim: T
              premises:
                - claim: A
                  evidence: [{text: x, source: {author: X}}]
        """,
        [],
    ),
    (
        "premise with premises",
        """\
            thesis:
              claim: T
              premises:
                - claim: A
                  premises:
                    - claim: B
                      assumption: true
        """,
        [],
    ),
    ("assumption", "thesis:\n  claim: T\n  premises:\n    - claim: A\n      assumption: true\n", []),
    (
        "assumption false",
        """\
            thesis:
              claim: T
              premises:
                - claim: A
                  assumption: false
        """,
        [(4, "#thesis/p1")],
    ),
    (
        "bare co-premise",
        """\
            thesis:
              claim: T
              premises:
                - linked:
                    - claim: A
                      assumption: true
                    - claim: B
        """,
        [(7, "#thesis/p1.2")],
    ),
    (
        "bare objection",
        """\
            thesis:
              claim: T
              premises: [{claim: A, assumption: true}]
              objections:
                - claim: O
        """,
        [(5, "#thesis/o1")],
    ),
    (
        "bare rebuttal and undercut",
        """\
            thesis:
              claim: T
              premises:
                - claim: A
                  assumption: true
                  undercuts: [{claim: U}]
              objections:
                - claim: O
                  assumption: true
                  rebuttals: [{claim: R}]
        """,
        [(6, "#thesis/p1/u1"), (10, "#thesis/o1/r1")],
    ),
    (
        "ref shares its target's support",
        """\
            thesis:
              claim: T
              premises:
                - id: a
                  claim: A
                  assumption: true
              objections:
                - claim: O
                  assumption: true
                  rebuttals: [{ref: a}]
        """,
        [],
    ),
    (
        "empty list is no support",
        """\
            thesis:
              claim: T
              premises:
                - claim: A
                  premises: []
                  evidence:
        """,
        [(4, "#thesis/p1")],
    ),
    ("thesis is not a premise", "thesis:\n  claim: T\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unsupported_premise(text, expected):
    assert found(text, RULE) == expected
