import pytest

from argmap.config import Config
from tests.helpers import found
from tests.rules.examples import documented

RULE = "holding-hands"
ON = Config(select=(RULE,))

CASES = [
    ("the documented failing example", documented(RULE), [(4, "#thesis/p1")]),
    ("the documented passing example", documented(RULE, "Passes"), []),
    (
        "a co-premise term shared with nothing",
        """
        thesis:
          claim: The US should withdraw its forces from Iraq.
          premises:
            - linked:
                - id: a
                  claim: The forces in Iraq cost more than their use.
                - id: b
                  claim: Forces that cost more than their use should withdraw, says Congress.
        """,
        [(8, "b")],
    ),
    (
        "an independent premise within the claim's terms",
        """
        thesis:
          claim: Militias attack US bases in Iraq.
          premises:
            - claim: Iraq militias attack bases.
        """,
        [],
    ),
    (
        "a ref member is checked at the ref",
        """
        thesis:
          claim: Iraq is no ally.
          premises:
            - ref: p
          objections:
            - id: p
              claim: Iraq refuses friendship.
              assumption: true
        """,
        [(5, "p")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_holding_hands(text, expected):
    assert found(text, RULE, ON) == expected


def test_allow_option():
    config = Config(select=(RULE,), options={RULE: {"allow": ["cost", "use"]}})
    assert found(documented(RULE), RULE, config) == []
