import pytest

from argmap.config import Config
from tests.helpers import found, problems_of
from tests.rules.examples import documented

RULE = "rabbit-rule"
ON = Config(select=(RULE,))

CASES = [
    ("the documented failing example", documented(RULE), [(4, "#thesis")]),
    ("the documented passing example", documented(RULE, "Passes"), []),
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


def test_message_names_the_missing_terms():
    (problem,) = [p for p in problems_of(documented(RULE), ON) if p.rule == RULE]
    assert "'iraq'" in problem.message and "forces" not in problem.message


@pytest.mark.parametrize(
    "options, expected",
    [({"allow": ["iraq"]}, []), ({"min-length": 5}, []), ({"min-length": 4}, [(4, "#thesis")])],
)
def test_options(options, expected):
    assert found(documented(RULE), RULE, Config(select=(RULE,), options={RULE: options})) == expected
