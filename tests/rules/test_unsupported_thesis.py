import pytest

from tests.helpers import found

RULE = "unsupported-thesis"

CASES = [
    ("bare thesis", "thesis:\n  id: t\n  claim: T\n", [(2, "t")]),
    (
        "thesis with objections only",
        "thesis:\n  claim: T\n  objections: [{claim: O, assumption: true}]\n",
        [(2, "#thesis")],
    ),
    ("an assumed thesis is still no argument", "thesis:\n  claim: T\n  assumption: true\n", [(2, "#thesis")]),
    ("thesis with premises", "thesis:\n  claim: T\n  premises: [{claim: A, assumption: true}]\n", []),
    ("thesis with evidence", "thesis:\n  claim: T\n  evidence: [{text: x}]\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unsupported_thesis(text, expected):
    assert found(text, RULE) == expected
