"""Several theses per map (``theses:``) and undercuts written on a ``- ref: ID`` item, through every command."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from tests.helpers import found, load_problems, load_text
from tests.test_properties import THESIS, count_claims
from tests.test_schema import SCHEMA

#: Two theses; the second reuses the first's premise, and an undercut denies that use only.
TWO = textwrap.dedent(
    """\
    title: Two theses
    theses:
      - id: a
        claim: A holds.
        premises:
          - id: shared
            claim: S is seen.
            evidence:
              - text: a survey
                source: {author: Ames, date: "2020"}
      - claim: B holds.
        premises:
          - ref: shared
            undercuts:
              - claim: S does not bear on B.
                assumption: true
    """
)


def test_theses_load_in_document_order_with_stable_uids():
    m = load_text(TWO)
    assert [(t.uid, t.role, t.position.line) for t in m.theses] == [("a", "thesis", 3), ("#thesis2", "thesis", 11)]
    assert m.thesis is m.theses[0]
    ref = m.theses[1].premises[0].members[0]
    assert isinstance(ref, argmap.Ref) and ref.target == "shared"
    [undercut] = ref.undercuts[0].members
    assert (undercut.uid, undercut.role, undercut.position.line) == ("#thesis2/p1/u1", "undercut", 15)
    assert [c.uid for c in m.claims] == ["a", "shared", "#thesis2", "#thesis2/p1/u1"]


def test_one_thesis_under_theses_is_the_map_written_with_thesis():
    one = load_text("theses:\n  - claim: A\n    assumption: true\n")
    other = load_text("thesis:\n  claim: A\n  assumption: true\n")
    assert one.theses[0].uid == other.theses[0].uid == "#thesis"
    assert one.theses[0].text == other.theses[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thesis: {claim: A}\ntheses:\n  - claim: B\n", [("thesis-and-theses", 2, 1)]),
        ("theses: []\n", [("missing-thesis", 1, 9)]),
        ("theses:\n", [("missing-thesis", 1, 8)]),
        ("theses: {claim: A}\n", [("wrong-type", 1, 9)]),
        ("theses:\n  - just text\n", [("wrong-type", 2, 5)]),
        ("thesis:\n  claim: A\n  premises:\n    - {ref: x, claim: B}\n", [("unknown-key", 4, 16)]),
        ("thesis:\n  claim: A\n  premises:\n    - {ref: x, undercuts: text}\n", [("wrong-type", 4, 27)]),
    ],
)
def test_bad_theses_and_ref_items_are_load_errors(text, expected):
    assert load_problems(text) == expected


def test_unsupported_thesis_is_reported_for_each_thesis():
    text = "theses:\n  - claim: A\n  - claim: B\n    evidence: [{text: seen, source: {author: X}}]\n  - claim: C\n"
    assert found(text, "unsupported-thesis") == [(2, "#thesis"), (5, "#thesis3")]
    assert found(text, "unsupported-premise") == []  # the other theses are not premises


def test_rules_reach_into_undercuts_on_a_ref():
    text = """\
        thesis:
          claim: A
          premises:
            - id: p
              claim: P
              assumption: true
            - ref: p
              undercuts:
                - claim: U
                - ref: nowhere
        """
    assert found(text, "unsupported-premise") == [(9, "#thesis/p2/u1")]
    assert found(text, "unknown-reference") == [(10, "#thesis")]


def _evaluate(text: str) -> argmap.Evaluation:
    return argmap.evaluate(load_text(text))


def test_an_undercut_on_a_ref_defeats_that_use_only():
    result = _evaluate(TWO)
    assert result.labels["a"].status == "accepted"  # the premise itself, and its other use, stand
    assert result.labels["shared"].status == "accepted"
    assert result.labels["#thesis2"] == argmap.Label(
        "unsupported", "premise 'shared' is undercut by 'S does not bear on B.'"
    )
    assert result.thesis_uids == ("a", "#thesis2")
    assert result.verdict() == (
        "of 2 theses: 1 stands (accepted), 1 is not established (unsupported); "
        "of 4 claims: 3 accepted, 0 rejected, 0 undecided, 1 unsupported"
    )


def test_an_undercut_on_a_ref_that_does_not_hold_leaves_the_reason():
    result = _evaluate(TWO.replace("assumption: true", "assumption: false"))
    assert result.labels["#thesis2"].status == "accepted"
    assert result.labels["#thesis2/p1/u1"].status == "unsupported"


def test_an_undercut_on_a_ref_in_a_linked_group_defeats_the_group():
    text = """\
        thesis:
          claim: A
          premises:
            - id: p
              claim: P
              assumption: true
            - linked:
                - ref: p
                  undercuts: [{claim: U, assumption: true}]
                - {claim: Q, assumption: true}
        """
    result = _evaluate(text)
    assert result.labels["#thesis"].status == "accepted"  # the first reason still holds
    reasonless = _evaluate(text.replace("    - id: p\n      claim: P\n      assumption: true\n", "", 1))
    assert reasonless.labels  # the ref now names nothing, and the map still evaluates
    only_linked = text.replace(
        "- id: p\n              claim: P", "- id: p\n              claim: P\n              premises: []"
    )
    assert _evaluate(only_linked).labels["#thesis"].status == "accepted"


def test_one_thesis_keeps_its_verdict_and_json_record():
    m = load_text("thesis: {claim: A, evidence: [{text: seen, source: {author: X}}]}\n")
    result = argmap.evaluate(m)
    assert result.thesis_uids == ("#thesis",) and result.verdict().startswith("the thesis stands (accepted); of 1")
    from argmap.formats.eval_json import record

    assert "theses" not in record(m, result)


def test_check_is_clean_and_eval_gives_a_verdict_for_each_thesis(run, write):
    path = write("two.yaml", TWO)
    assert run("check", path).exit_code == 0
    result = run("eval", path)
    assert result.exit_code == 0
    assert "Thesis 'a': accepted: premise 'shared' is accepted\n" in result.stdout
    assert "Thesis 'B holds.': unsupported: premise 'shared' is undercut by 'S does not bear on B.'\n" in result.stdout
    assert "Verdict: of 2 theses: 1 stands (accepted), 1 is not established (unsupported);" in result.stdout
    data = json.loads(run("eval", path, "--format", "json").stdout)
    assert [(t["node"], t["status"]) for t in data["theses"]] == [("a", "accepted"), ("#thesis2", "unsupported")]
    assert data["thesis"] == data["theses"][0]
    checked = json.loads(run("check", path, "--eval", "--format", "json").stdout)
    assert [t["node"] for t in checked["evaluations"][0]["theses"]] == ["a", "#thesis2"]


def test_show_draws_a_tree_for_each_thesis_and_the_undercut_under_the_ref(run, write):
    result = run("show", write("two.yaml", TWO), "--color", "never")
    assert result.exit_code == 0
    assert result.stdout == (
        "THESIS A holds.  [a]\n"
        "└── + S is seen.  [shared]\n"
        "    └── ▪ a survey — Ames (2020)\n"
        "\n"
        "THESIS B holds.\n"
        "└── + → see shared\n"
        "    └── / S does not bear on B.  (assumption)\n"
    )


def test_render_draws_both_roots_the_title_over_all_and_the_undercut_on_the_use(run, write, tmp_path):
    out = tmp_path / "two.dot"
    # Refs drawn as arrows, not stubs, so that the undercut's point on the arrow of that use shows.
    assert run("render", write("two.yaml", TWO), "-o", out, "--refs", "edge").exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert dot.count('class="claim thesis"') == 2
    # The title is the graph's own label, centred above the whole diagram: over both roots.
    assert "Two theses" in dot and "labelloc=t" in dot and "labeljust=c" in dot
    # The undercut aims at a point on the arrow from the reused premise to the second thesis.
    assert '"#thesis2/p1/u1" -> "#thesis2/p1.1/link" [color="#7b3fa0" arrowhead="tee" class="undercuts"' in dot
    assert '"shared" -> "#thesis2/p1.1/link"' in dot and '"#thesis2/p1.1/link" -> "#thesis2"' in dot
    assert '"shared" -> "a"' in dot  # the other use is drawn straight


def test_render_depth_starts_from_every_thesis(run, write, tmp_path):
    out = tmp_path / "two.dot"
    assert run("render", write("two.yaml", TWO), "-o", out, "--depth", "0").exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert '"a" [' in dot and '"#thesis2" [' in dot and '"shared" [' not in dot


def test_schema_takes_theses_and_undercuts_on_refs_and_refuses_both_keys():
    def errors(text: str) -> list[str]:
        return [e.message for e in jsonschema.Draft7Validator(SCHEMA).iter_errors(yaml.safe_load(text))]

    assert errors(TWO) == []
    assert errors("thesis: {claim: A}\ntheses:\n  - claim: B\n")
    assert errors("theses: []\n")
    assert errors("title: x\n")
    assert errors("thesis:\n  claim: A\n  premises:\n    - {ref: x, claim: B}\n")


def _undercut_some_refs(node: object, cut: st.DataObject) -> object:
    """The node with undercuts drawn for some of its ``- ref`` items."""
    if isinstance(node, list):
        return [_undercut_some_refs(item, cut) for item in node]
    if not isinstance(node, dict):
        return node
    made = {key: _undercut_some_refs(value, cut) for key, value in node.items()}
    if "ref" in made and cut.draw(st.booleans()):
        made["undercuts"] = cut.draw(st.lists(THESIS, min_size=1, max_size=2))
    return made


@settings(max_examples=80, deadline=None)
@given(st.lists(THESIS, min_size=1, max_size=3), st.data())
def test_generated_maps_of_several_theses_load_check_evaluate_and_draw(theses, cut):
    document = {"theses": _undercut_some_refs(theses, cut)}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    m = argmap.loads(text, "random.yaml")
    assert argmap.loads(text, "random.yaml", reader="fast") == m
    assert len(m.theses) == len(theses) and all(t.role == "thesis" for t in m.theses)
    assert len(m.claims) == count_claims(document["theses"])
    assert len({c.uid for c in m.claims}) == len(m.claims)
    rules = {p.rule for p in argmap.check(m)}
    assert ("unsupported-thesis" in rules) == any(not (t.premises or t.evidence) for t in m.theses)
    result = argmap.evaluate(m)
    assert result.thesis_uids == tuple(t.uid for t in m.theses)
    dot = argmap.render(m, argmap.RenderOptions(format="dot"))
    assert dot.count(b'class="claim thesis') == len({id(t) for t in m.theses})


def test_an_undercut_on_a_ref_answers_that_use_of_an_objection_only():
    reused = """\
        thesis:
          claim: A
          assumption: true
          premises:
            - claim: B
              assumption: true
              objections:
                - id: o
                  claim: O
                  assumption: true
          objections:
            - ref: o
              undercuts:
                - {claim: U, assumption: true}
        """
    assert found(reused, "unanswered-objection") == [(8, "o")]  # still unanswered where it attacks B
    only_there = """\
        thesis:
          claim: A
          premises:
            - id: o
              claim: O
              assumption: true
          objections:
            - ref: o
              undercuts:
                - {claim: U, assumption: true}
        """
    assert found(only_there, "unanswered-objection") == []
    assert found(only_there.replace("              undercuts:\n                - {claim: U, assumption: true}\n", ""),
                 "unanswered-objection") == [(4, "o")]  # fmt: skip
