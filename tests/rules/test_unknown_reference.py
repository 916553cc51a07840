import pytest

from tests.helpers import found, problems_of

RULE = "unknown-reference"

UNKNOWN_SOURCE = """\
    sources:
      bandow: {author: B}
    thesis:
      claim: T
      evidence:
        - quote: q
          source: bandw
"""

CASES = [
    ("ref to nothing", "thesis:\n  id: t\n  claim: T\n  premises:\n    - ref: nope\n", [(5, "t")]),
    (
        "ref in linked group",
        """\
            thesis:
              claim: T
              premises:
                - linked:
                    - claim: A
                      assumption: true
                    - ref: gone
        """,
        [(7, "#thesis")],
    ),
    (
        "ref resolves",
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
    ("unknown source key", UNKNOWN_SOURCE, [(7, "#thesis")]),
    ("known source key", UNKNOWN_SOURCE.replace("bandw", "bandow"), []),
    ("inline source", "thesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: {author: B}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unknown_reference(text, expected):
    assert found(text, RULE) == expected


def test_suggests_the_closest_name():
    text = "sources:\n  bandow: {author: B}\nthesis:\n  claim: T\n  evidence:\n    - quote: q\n      source: bandw\n"
    [problem] = [p for p in problems_of(text) if p.rule == RULE]
    assert "bandow" in problem.message and problem.column == 15
