import pytest

from argmap.config import Config
from tests.helpers import found
from tests.rules.examples import documented

RULE = "single-premise-reason"
ON = Config(select=(RULE,))

CASES = [
    (
        "an independent premise",
        """
        thesis:
          claim: The US should bring its forces home from Iraq.
          premises:
            - id: no-ally
              claim: Iraq is no ally of the US.
        """,
        [(5, "no-ally")],
    ),
    ("the documented failing example", documented(RULE), [(4, "#thesis/p1")]),
    ("the documented passing example", documented(RULE, "Passes"), []),
    (
        "each independent premise, and a ref",
        """
        thesis:
          claim: T
          premises:
            - claim: A
              assumption: true
            - ref: b
          objections:
            - id: b
              claim: B
              assumption: true
        """,
        [(5, "#thesis/p1"), (7, "b")],
    ),
    ("objections are not premises", "thesis:\n  claim: T\n  objections:\n    - claim: O\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_single_premise_reason(text, expected):
    assert found(text, RULE, ON) == expected
