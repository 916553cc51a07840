import pytest

from tests.helpers import found, problems_of

RULE = "circular-reasoning"

CASES = [
    ("self", "thesis:\n  id: a\n  claim: A\n  premises:\n    - ref: a\n", [(2, "a")]),
    (
        "two steps",
        """\
            thesis:
              id: a
              claim: A
              premises:
                - id: b
                  claim: B
                  premises:
                    - ref: a
        """,
        [(2, "a")],
    ),
    (
        "through a linked group, below the thesis",
        """\
            thesis:
              claim: T
              premises:
                - id: b
                  claim: B
                  premises:
                    - linked:
                        - id: c
                          claim: C
                          premises: [{ref: b}]
                        - {claim: D, assumption: true}
        """,
        [(4, "b")],
    ),
    (
        "two separate cycles",
        """\
            thesis:
              claim: T
              premises:
                - id: a
                  claim: A
                  premises: [{ref: a}]
                - id: b
                  claim: B
                  premises: [{ref: b}]
        """,
        [(4, "a"), (7, "b")],
    ),
    (
        "attacks may form cycles",
        """\
            thesis:
              claim: T
              premises: [{claim: A, assumption: true}]
              objections:
                - id: o
                  claim: O
                  assumption: true
                  rebuttals:
                    - id: r
                      claim: R
                      assumption: true
                      objections: [{ref: o}]
        """,
        [],
    ),
    (
        "shared premise is no cycle",
        """\
            thesis:
              claim: T
              premises:
                - id: a
                  claim: A
                  premises: [{ref: c}]
                - id: b
                  claim: B
                  premises:
                    - id: c
                      claim: C
                      assumption: true
        """,
        [],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_circular_reasoning(text, expected):
    assert found(text, RULE) == expected


def test_message_shows_the_chain():
    text = "thesis:\n  id: a\n  claim: A\n  premises:\n    - id: b\n      claim: B\n      premises:\n        - ref: a\n"
    [problem] = [p for p in problems_of(text) if p.rule == RULE]
    assert "a -> b -> a" in problem.message


def test_long_chain_cycle_needs_no_recursion():
    depth = 3000
    lines = ["thesis:", "  id: c0", "  claim: C0", "  premises:"]
    # Build a chain through refs so YAML nesting stays shallow: each claim is a premise of the thesis
    # and lists the next one as its premise by ref; the last refers back to c1.
    for i in range(1, depth):
        nxt = i + 1 if i + 1 < depth else 1
        lines += [f"    - id: c{i}", f"      claim: C{i}", f"      premises: [{{ref: c{nxt}}}]"]
    assert found("\n".join(lines) + "\n", RULE) == [(5, "c1")]


def test_a_uid_given_twice_refs_name_the_first():
    """Loaders number a repeated id (``a~2``); a map built by hand may repeat a uid outright."""
    from pathlib import Path

    from argmap import check
    from argmap.model import ArgumentMap, Claim, Position, Reason, Ref

    at = Position(1, 1)
    back = Claim("b", "B", "premise", at, "b", premises=(Reason((Ref("a", at),), False, at),))
    first = Claim("a", "A", "premise", at, "a", assumption=True)  # no premises: the chain stops here
    second = Claim("a", "A again", "premise", at, "a", premises=(Reason((back,), False, at),))
    thesis = Claim("t", "T", "thesis", at, "t", premises=(Reason((first,), False, at), Reason((second,), False, at)))
    argmap = ArgumentMap(Path("m.yaml"), (thesis,), claims=(thesis, first, second, back))
    assert [p for p in check(argmap) if p.rule == RULE] == []
