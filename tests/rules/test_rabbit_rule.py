import pytest

from argmap.config import Config
from tests.helpers import found, problems_of

RULE = "rabbit-rule"
ON = Config(select=(RULE,))

CASES = [
    (
        "a term of the claim no premise mentions",
        """
        thesis:
          claim: The US should withdraw its forces from Iraq.
          premises:
            - claim: Keeping forces abroad costs more than withdrawing them.
        """,
        [(5, "#thesis")],
    ),
    (
        "every term covered by a linked group",
        """
        thesis:
          claim: The US should withdraw its forces from Iraq.
          premises:
            - linked:
                - claim: Keeping forces in Iraq costs more than withdrawing them.
                - claim: The US should withdraw forces whose cost exceeds their use.
        """,
        [],
    ),
    (
        "inflections match: withdrawal, force",
        """
        thesis:
          claim: Withdrawing the forces is wise.
          premises:
            - claim: A withdrawal of the force would be wise.
        """,
        [],
    ),
    (
        "each reason separately",
        """
        thesis:
          id: t
          claim: Iraq militias attack bases.
          premises:
            - claim: Iraq militias attack bases often.
            - claim: Militias are armed.
        """,
        [(7, "t")],
    ),
    (
        "a ref member counts with its target's text",
        """
        thesis:
          claim: Iraq is no ally.
          premises:
            - ref: p
          objections:
            - id: p
              claim: Iraq refuses to be an ally.
        """,
        [],
    ),
    (
        "a claim of stopwords only",
        """
        thesis:
          claim: It is so.
          premises:
            - claim: Something else.
        """,
        [],
    ),
    (
        "on objections' own premises too",
        """
        thesis:
          claim: T holds.
          premises: [{claim: T holds truly.}]
          objections:
            - id: o
              claim: Militias retaliate.
              premises:
                - claim: Soldiers were attacked.
        """,
        [(9, "o")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rabbit_rule(text, expected):
    assert found(text, RULE, ON) == expected


def test_off_by_default():
    assert found(CASES[0][1], RULE) == []


def test_message_names_the_missing_terms():
    (problem,) = [p for p in problems_of(CASES[0][1], ON) if p.rule == RULE]
    assert "'iraq'" in problem.message and "forces" not in problem.message


@pytest.mark.parametrize(
    "options, expected",
    [({"allow": ["iraq"]}, []), ({"min-length": 5}, []), ({"min-length": 4}, [(5, "#thesis")])],
)
def test_options(options, expected):
    assert found(CASES[0][1], RULE, Config(select=(RULE,), options={RULE: options})) == expected
