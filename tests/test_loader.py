"""Loading: the model keeps positions, and every kind of bad input is a clear load error."""

from __future__ import annotations

import pytest

import argmap
from argmap.model import Ref
from tests.helpers import load_problems, load_text

GOOD = """\
argmap: 1
title: Trees
sources:
  epa: {author: EPA, date: 2019-06-01}
thesis:
  id: plant
  claim: We should plant more trees.
  premises:
    - id: cool
      claim: Trees cool streets.
      evidence:
        - quote: "Shaded streets were 4 degrees cooler"
          source: epa
          kind: statistic
          locator: p. 3
    - linked:
        - claim: Trees are cheap.
          assumption: yes
        - ref: cool
  objections:
    - claim: Roots break pavements.
      tags: [cost]
      rebuttals:
        - claim: Root barriers prevent that.
          note: standard practice
"""


def test_model_keeps_structure_and_positions():
    m = load_text(GOOD)
    assert m.title == "Trees" and m.version == 1
    assert m.sources["epa"].citation() == "EPA (2019)"
    thesis = m.thesis
    assert (thesis.uid, thesis.role, thesis.position.line, thesis.position.column) == ("plant", "thesis", 6, 3)
    independent, linked = thesis.premises
    assert not independent.linked and linked.linked
    cool = independent.members[0]
    assert (cool.uid, cool.position.line, cool.position.column) == ("cool", 9, 7)
    assert cool.evidence[0].kind == "statistic" and cool.evidence[0].source_key == "epa"
    assert cool.evidence[0].position.line == 12
    cheap, ref = linked.members
    assert cheap.assumption and cheap.uid == "plant/p2.1"
    assert isinstance(ref, Ref) and m.resolve(ref) is cool
    objection = thesis.objections[0].members[0]
    assert objection.role == "objection" and objection.tags == ("cost",)
    rebuttal = objection.rebuttals[0].members[0]
    assert rebuttal.uid == "plant/o1/r1" and rebuttal.role == "rebuttal" and rebuttal.note == "standard practice"
    assert [c.uid for c in m.claims] == ["plant", "cool", "plant/p2.1", "plant/o1", "plant/o1/r1"]


def test_load_reads_a_file(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert argmap.load(path).path == path


def test_generated_uid_of_id_less_thesis():
    m = load_text("thesis:\n  claim: A\n  premises:\n    - claim: B\n")
    assert [c.uid for c in m.claims] == ["#thesis", "#thesis/p1"]


BAD = [
    # (what, YAML, [(rule, line, column), ...])
    ("top level a list", "- a\n- b\n", [("not-a-map", 1, 1)]),
    ("top level a scalar", "hello\n", [("not-a-map", 1, 1)]),
    ("no thesis", "title: x\n", [("missing-thesis", 1, 1)]),
    ("unknown key", "thesis:\n  claim: A\n  premisses: []\n", [("unknown-key", 3, 3)]),
    ("duplicate key", "thesis:\n  claim: A\n  claim: B\n", [("duplicate-key", 3, 3)]),
    ("wrong type", "thesis:\n  claim: A\n  premises: hello\n", [("wrong-type", 3, 13)]),
    ("no claim text", "thesis:\n  id: x\n", [("missing-claim", 2, 3)]),
    ("blank claim text", "thesis:\n  claim: '  '\n", [("missing-claim", 2, 10)]),
    ("null claim text", "thesis:\n  claim:\n", [("missing-claim", 2, 9)]),
    ("python tag", "thesis: !!python/object:os.system\n  claim: A\n", [("yaml-tag", 1, 9)]),
    ("python tag on a scalar", "thesis:\n  claim: !!python/name:os.system A\n", [("yaml-tag", 2, 10)]),
    ("custom tag", "thesis:\n  claim: !include other.yaml\n", [("yaml-tag", 2, 10)]),
    ("merge key", "thesis:\n  <<: {claim: A}\n  claim: B\n", [("merge-key", 2, 3)]),
    ("id that is a number", "thesis:\n  id: 42\n  claim: A\n", [("wrong-type", 2, 7)]),
    ("id with a space", "thesis:\n  id: a b\n  claim: A\n", [("invalid-id", 2, 7)]),
    ("syntax error", "thesis:\n  claim: [A\n", [("yaml-syntax", 3, 1)]),
    ("two documents", "thesis: {claim: A}\n---\nthesis: {claim: B}\n", [("yaml-syntax", 2, 1)]),
    ("unsupported version", "argmap: 2\nthesis: {claim: A}\n", [("bad-version", 1, 9)]),
    ("key that is a number", "thesis:\n  claim: A\n  1: x\n", [("wrong-type", 3, 3)]),
    ("premise as bare text", "thesis:\n  claim: A\n  premises:\n    - just text\n", [("wrong-type", 4, 7)]),
    (
        "linked group of one",
        "thesis:\n  claim: A\n  premises:\n    - linked:\n        - claim: B\n",
        [("short-linked", 4, 7)],
    ),
    ("evidence without text", "thesis:\n  claim: A\n  evidence:\n    - source: x\n", [("missing-evidence-text", 4, 7)]),
    (
        "unknown evidence kind",
        "thesis:\n  claim: A\n  evidence:\n    - text: x\n      kind: quotation\n",
        [("unknown-kind", 5, 13)],
    ),
    ("alias to itself", "thesis: &a\n  claim: A\n  premises: [*a]\n", [("yaml-alias", 1, 9)]),
    ("claim repeated by alias", "thesis:\n  claim: A\n  premises: [&p {claim: B}, *p]\n", [("yaml-alias", 3, 14)]),
    ("rebuttals on the thesis", "thesis:\n  claim: A\n  rebuttals: [{claim: B}]\n", [("misplaced-rebuttals", 3, 3)]),
    ("blank quote", "thesis:\n  claim: A\n  evidence:\n    - quote: '  '\n", [("missing-evidence-text", 4, 14)]),
    ("undercuts on the thesis", "thesis:\n  claim: A\n  undercuts: [{claim: B}]\n", [("misplaced-undercuts", 3, 3)]),
    ("only a comment", "# nothing here\n", [("empty-file", 1, 1)]),
    ("tab indentation", "thesis:\n\tclaim: A\n", [("yaml-syntax", 2, 1)]),
    ("assumption not a flag", "thesis:\n  claim: A\n  assumption: maybe\n", [("wrong-type", 3, 15)]),
]


@pytest.mark.parametrize("yaml_text, expected", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_input_is_a_load_error(yaml_text, expected):
    assert load_problems(yaml_text) == expected


def test_load_error_collects_every_problem():
    text = "thesis:\n  claim: A\n  premisses: []\n  premises:\n    - id: x\n    - claim: C\n      colour: red\n"
    assert [rule for rule, _, _ in load_problems(text)] == ["unknown-key", "missing-claim", "unknown-key"]


def test_did_you_mean_for_misspelt_key():
    with pytest.raises(argmap.LoadError) as caught:
        load_text("thesis:\n  claim: A\n  premisses: []\n")
    assert "did you mean 'premises'?" in caught.value.problems[0].message


@pytest.mark.parametrize(
    "data, rule",
    [
        (b"", "empty-file"),
        (b"   \n\n", "empty-file"),
        (b"thesis:\n  claim: \xff\xfe\n", "not-utf8"),
        (b"\xff\xfet\x00h\x00", "not-utf8"),
        ("thesis:\n  claim: A\n".encode("utf-16"), "not-utf8"),
        (b"thesis:\n  claim: A\x00\n", "not-text"),
    ],
    ids=["empty", "blank", "latin-1", "utf-16-le-bom", "utf-16", "nul-byte"],
)
def test_undecodable_files(tmp_path, data, rule):
    path = tmp_path / "m.yaml"
    path.write_bytes(data)
    with pytest.raises(argmap.LoadError) as caught:
        argmap.load(path)
    assert caught.value.problems[0].rule == rule


def test_invalid_utf8_points_at_the_byte(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"thesis:\n  claim: caf\xe9\n")
    with pytest.raises(argmap.LoadError) as caught:
        argmap.load(path)
    p = caught.value.problems[0]
    assert (p.rule, p.line, p.column) == ("not-utf8", 2, 13)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfthesis:\n  claim: A\n")
    assert argmap.load(path).thesis.text == "A"


def test_unreadable_paths(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    for path, rule in [(tmp_path / "missing.yaml", "unreadable"), (tmp_path, "unreadable"), (loop, "unreadable")]:
        with pytest.raises(argmap.LoadError) as caught:
            argmap.load(path)
        assert caught.value.problems[0].rule == rule


def test_billion_laughs_is_refused():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines.append("thesis: {claim: A}")
    assert load_problems("\n".join(lines) + "\n")[0][0] == "alias-bomb"


def test_deep_nesting_is_refused_without_recursion_error():
    text = "thesis:\n  claim: A\n  note: " + "[" * 10000 + "]" * 10000 + "\n"
    assert load_problems(text) == [("too-deep", 3, 507)]  # the same with every PyYAML: see MAX_YAML_DEPTH
    deep = "thesis:\n" + "".join(
        "  " * (i + 1) + f"claim: c{i}\n" + "  " * (i + 1) + "premises:\n" + "  " * (i + 1) + "- " for i in range(150)
    )
    deep += "claim: leaf\n"
    rules = {rule for rule, _, _ in load_problems(deep)}
    assert "too-deep" in rules or "yaml-syntax" in rules


def test_yes_no_and_dates_are_text_where_text_is_expected():
    m = load_text("sources:\n  s: {author: A, date: 2020-04-16}\nthesis:\n  claim: A\n  assumption: yes\n")
    assert m.sources["s"].date == "2020-04-16" and m.thesis.assumption


def test_claims_sharing_an_id_get_uids_of_their_own():
    m = load_text(
        "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n      premises: [{claim: B}]\n"
        "  objections:\n    - id: a\n      claim: O\n      premises: [{claim: C}]\n"
    )
    assert [c.uid for c in m.claims] == ["#thesis", "a", "a/p1", "a~2", "a~2/p1"]
    assert m.claim("a").text == "A"  # refs name the first


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_positions_do_not_drift_after_a_line_break_only_yaml_counts(char):
    # PyYAML counts U+0085, U+2028 and U+2029 as line breaks; editors and argmap's users do not.
    text = (
        f"title: 'a{char}{char}b'\nthesis:\n  claim: 'T {char} U'\n  premises:\n    - claim: 'x{char}y'\n      id: p\n"
    )
    m = load_text(text)
    assert m.thesis.position == (3, 3) and m.thesis.premises[0].members[0].position == (5, 7)
    problems = [(p.rule, p.line, p.column) for p in argmap.check(m)]
    assert ("unsupported-premise", 5, 7) in problems
    assert load_problems(text + "  colour: red\n") == [("unknown-key", 7, 3)]
    assert load_problems(text + "  note: [a\n") == [("yaml-syntax", 8, 1)]


def test_the_model_layout_is_checked_against_the_models_fields(monkeypatch):
    """The reading makes claims, evidence, reasons and refs from tuples in field order (for speed):
    a model whose fields are reordered must stop argmap at import, not scramble every map."""
    import importlib
    from typing import NamedTuple

    from argmap import model
    from argmap.reading import model_layout

    class Position(NamedTuple):  # the model's Position with its fields the other way round
        column: int
        line: int

    monkeypatch.setattr(model, "Position", Position)
    try:
        with pytest.raises(ImportError, match="Position's fields are"):
            importlib.reload(model_layout)
    finally:
        monkeypatch.undo()
        importlib.reload(model_layout)
    assert model_layout.make_position((2, 3)) == model.Position(line=2, column=3)
    made = model_layout.make_claim(("u", "T", "premise", (1, 1), None, (), (), (), (), (), True, "n", ("t",), ()))
    assert made == model.Claim(
        uid="u", text="T", role="premise", position=(1, 1), assumption=True, note="n", tags=("t",)
    )
