import pytest

from tests.helpers import found

RULE = "duplicate-id"

CASES = [
    (
        "twice",
        """\
            thesis:
              claim: T
              premises:
                - {id: a, claim: A, assumption: true}
                - {id: a, claim: B, assumption: true}
        """,
        [(5, "a~2")],
    ),
    (
        "thrice, thesis too",
        """\
            thesis:
              id: a
              claim: T
              premises:
                - {id: a, claim: A, assumption: true}
                - {id: a, claim: B, assumption: true}
        """,
        [(5, "a~2"), (6, "a~3")],
    ),
    ("unique", "thesis:\n  id: t\n  claim: T\n  premises:\n    - {id: a, claim: A, assumption: true}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_duplicate_id(text, expected):
    assert found(text, RULE) == expected
