"""Quick fixes (argmap.fixes): each one, applied to real and generated maps, loads and fixes its problem,
and keeps the file's line endings, indentation and comments."""

from __future__ import annotations

import textwrap
from collections import Counter
from unittest import mock

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.fixes import Fix, TextEdit, apply, fixes_for
from argmap.model import Position
from tests.corpus import microtext_to_yaml
from tests.helpers import CORPUS, MAPS, ROOT
from tests.test_properties import MAPS as GENERATED_MAPS

REAL_MAPS = [*sorted(MAPS.glob("*.yaml")), ROOT / "tests" / "data" / "render-all.yaml"]


def problems_in(text: str) -> tuple[argmap.ArgumentMap | None, list[argmap.Problem]]:
    try:
        loaded = argmap.loads(text, "m.yaml")
    except argmap.LoadError as error:
        return None, error.problems
    return loaded, argmap.check(loaded)


def assert_fixes(text: str, argmap_: argmap.ArgumentMap | None, problem: argmap.Problem, fix: Fix) -> str:
    """Apply the fix; the problem's (rule, claim) is found fewer times, or not at all; a map that loaded
    still loads, with no new kind of problem but what a skeleton to fill in brings."""
    fixed = apply(text, fix.edits)
    assert fix.rule == problem.rule and fix.edits
    loaded, after = problems_in(fixed)
    _, before = problems_in(text)
    if argmap_ is None:  # a load problem: gone (the map may have others)
        assert problem.rule not in {p.rule for p in after} or len(after) < len(before), fixed
        return fixed
    assert loaded is not None, f"{fix.title!r} made a map that does not load: {after}\n{fixed}"
    key = (problem.rule, problem.node)
    count_before = Counter((p.rule, p.node) for p in before)[key]
    count_after = Counter((p.rule, p.node) for p in after)[key]
    if fix.title.startswith("Ignore"):
        assert count_after == 0
    else:
        assert count_after < count_before, f"{fix.title!r} left {problem}\n{fixed}"
    new_kinds = {p.rule for p in after} - {p.rule for p in before}
    assert new_kinds <= {"evidence-without-source", "unsupported-premise"}, (fix.title, new_kinds, fixed)
    if all(edit.start == edit.end and edit.new_text[:1] in "\r\n" for edit in fix.edits):  # lines added, none changed
        lines = iter(fixed.splitlines())
        assert all(line in lines for line in text.splitlines()), "a line was lost or changed"
    return fixed


@pytest.mark.parametrize("path", REAL_MAPS, ids=lambda path: path.name)
def test_every_fix_on_the_real_maps_loads_and_fixes_its_problem(path):
    text = path.read_text(encoding="utf-8")
    loaded, problems = problems_in(text)
    assert loaded is not None
    offered = 0
    for problem in problems:
        for fix in fixes_for(text, loaded, problem):
            assert_fixes(text, loaded, problem, fix)
            offered += 1
    # every rule's problem at least can be ignored for its claim
    assert offered >= len([p for p in problems if p.node])


MICROTEXTS = sorted(CORPUS.glob("micro_*.xml")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not MICROTEXTS, reason=f"the arg-microtexts corpus is not at {CORPUS}")
def test_every_fix_on_the_corpus_maps_loads_and_fixes_its_problem():
    offered = 0
    for path in MICROTEXTS:
        text = microtext_to_yaml(path)
        loaded, problems = problems_in(text)
        assert loaded is not None
        for problem in problems:
            for fix in fixes_for(text, loaded, problem):
                assert_fixes(text, loaded, problem, fix)
                offered += 1
    assert offered > len(MICROTEXTS)


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# (map, rule of the problem, title of the fix, the map fixed)
CASES = [
    (
        """
        thesis:
          claim: T
          premisses:   # typo
            - claim: P
        """,
        "unknown-key",
        "Change 'premisses' to 'premises'",
        """
        thesis:
          claim: T
          premises:   # typo
            - claim: P
        """,
    ),
    (
        """
        sources:
          bandow: {author: Doug Bandow}
        thesis:
          claim: T
          evidence:
            - text: E
              source: bandow
              kind: statistc
        """,
        "unknown-kind",
        "Change 'statistc' to 'statistic'",
        """
        sources:
          bandow: {author: Doug Bandow}
        thesis:
          claim: T
          evidence:
            - text: E
              source: bandow
              kind: statistic
        """,
    ),
    (
        """
        sources:
          bandow: {author: Doug Bandow}
        thesis:
          claim: T
          evidence:
            - text: E
              source: "bandw"
        """,
        "unknown-reference",
        "Change 'bandw' to 'bandow'",
        """
        sources:
          bandow: {author: Doug Bandow}
        thesis:
          claim: T
          evidence:
            - text: E
              source: "bandow"
        """,
    ),
    (
        """
        thesis:
            claim: T
            premises:
            -   id: costs
                claim: C
                assumption: true
            -   ref: cost
        """,
        "unknown-reference",
        "Change 'cost' to 'costs'",
        """
        thesis:
            claim: T
            premises:
            -   id: costs
                claim: C
                assumption: true
            -   ref: costs
        """,
    ),
    (
        """
        thesis:
          claim: T
          premises:
            - claim: P
              ignore: [unsuported-premise]
        """,
        "unknown-rule",
        "Change 'unsuported-premise' to 'unsupported-premise'",
        """
        thesis:
          claim: T
          premises:
            - claim: P
              ignore: [unsupported-premise]
        """,
    ),
    (
        """
        thesis:
            claim: T
            premises:
                - claim: P  # why?
                  assumption: false
                  # a comment before the next premise
                - claim: Q
                  assumption: true
        """,
        "unsupported-premise",
        "Mark as an assumption (assumption: true, with a note to fill in)",
        """
        thesis:
            claim: T
            premises:
                - claim: P  # why?
                  assumption: true
                  note: "TODO: why any reader grants this without support"
                  # a comment before the next premise
                - claim: Q
                  assumption: true
        """,
    ),
    (
        "thesis:\r\n    claim: T\r\n    premises:\r\n    - claim: P\r\n"
        "      note: |\r\n        Two lines\r\n        of note.\r\n\r\n",
        "unsupported-premise",
        "Add evidence to fill in",
        "thesis:\r\n    claim: T\r\n    premises:\r\n    - claim: P\r\n"
        "      note: |\r\n        Two lines\r\n        of note.\r\n"
        '      evidence:\r\n      - text: "TODO: what shows this claim is true"\r\n\r\n',
    ),
    (
        """
        sources:
          only: {author: A}
        thesis:
          claim: T
          evidence: []  # none yet
        """,
        "unsupported-thesis",
        "Add evidence to fill in",
        """
        sources:
          only: {author: A}
        thesis:
          claim: T
          evidence:  # none yet
            - text: "TODO: what shows this claim is true"
              source: only
        """,
    ),
    (
        """
        thesis:
          claim: T
          premises: [{claim: P, assumption: true}]
          objections:
            - {claim: O, assumption: true}
        """,
        "unanswered-objection",
        "Add a rebuttal to fill in",
        """
        thesis:
          claim: T
          premises: [{claim: P, assumption: true}]
          objections:
            - {claim: O, assumption: true, rebuttals: [{claim: "TODO: why this objection fails"}]}
        """,
    ),
    (
        """
        thesis:
          claim: T
          premises:
            - claim: P
              ignore:
                - unanswered-objection
        """,
        "unsupported-premise",
        "Ignore unsupported-premise for this claim",
        """
        thesis:
          claim: T
          premises:
            - claim: P
              ignore:
                - unanswered-objection
                - unsupported-premise
        """,
    ),
]


@pytest.mark.parametrize("before, rule, title, after", CASES, ids=[f"{case[1]}: {case[2]}" for case in CASES])
def test_each_fix_writes_what_the_file_would(before, rule, title, after):
    text = dedent(before) if "\r" not in before else before
    loaded, problems = problems_in(text)
    problem = next(p for p in problems if p.rule == rule)
    fix = next(fix for fix in fixes_for(text, loaded, problem) if fix.title == title)
    assert fix.preferred == title.startswith("Change")
    expected = dedent(after) if "\r" not in after else after
    assert assert_fixes(text, loaded, problem, fix) == expected


def test_an_objection_defined_as_a_premise_is_answered_with_objections():
    text = dedent(
        """
        thesis:
          claim: T
          premises:
            - id: p
              claim: P
              assumption: true
          objections:
            - ref: p
        """
    )
    loaded, problems = problems_in(text)
    (problem,) = [p for p in problems if p.rule == "unanswered-objection"]
    (fix,) = [fix for fix in fixes_for(text, loaded, problem) if "fill in" in fix.title]
    assert "objections:" in fix.edits[0].new_text
    assert_fixes(text, loaded, problem, fix)


@pytest.mark.parametrize(
    "text",
    ["thesis: [unclosed\n", "thesis:\n  claim: T\n  premisses: 1\n  premisses: 2\n", "- a list\n", ""],
)
def test_text_that_is_not_a_map_gets_no_fix_and_no_error(text):
    problem = argmap.Problem("m.yaml", 1, 1, "yaml-syntax", "error", "invalid YAML")
    assert fixes_for(text, None, problem) == []


def test_a_misspelt_key_is_not_respelt_into_a_key_the_mapping_has():
    text = "thesis:\n  claim: T\n  premisses: []\n  premises:\n    - claim: P\n      assumption: true\n"
    _, problems = problems_in(text)
    (problem,) = problems
    assert problem.rule == "unknown-key" and fixes_for(text, None, problem) == []


def test_a_problem_no_fix_is_known_for_gets_none():
    text = "thesis:\n  id: t\n  claim: T\n  premises:\n    - id: t\n      claim: P\n      assumption: true\n"
    loaded, problems = problems_in(text)
    duplicate = next(p for p in problems if p.rule == "duplicate-id")
    assert [fix.title for fix in fixes_for(text, loaded, duplicate)] == ["Ignore duplicate-id for this claim"]


def test_edits_are_positions_in_the_text_after_a_byte_order_mark():
    text = "\ufeffthesis:\n  claim: T\n  premises:\n    - claim: P\n"
    loaded, problems = problems_in(text)
    (fix, *_) = fixes_for(text, loaded, problems[0])
    assert fix.edits == (TextEdit(Position(4, 15), Position(4, 15), fix.edits[0].new_text),)
    assert apply(text, fix.edits).startswith("\ufeffthesis:")


STYLES = st.fixed_dictionaries(
    {
        "indent": st.sampled_from([2, 3, 4]),
        "flow": st.sampled_from([False, None, True]),
        "newline": st.sampled_from(["\n", "\r\n"]),
    }
)


@given(GENERATED_MAPS, STYLES)
def test_every_fix_on_generated_maps_loads_and_fixes_its_problem(document, style):
    text = yaml.safe_dump(
        document, indent=style["indent"], default_flow_style=style["flow"], allow_unicode=True, sort_keys=False
    ).replace("\n", style["newline"])
    loaded, problems = problems_in(text)
    if loaded is None:  # e.g. two claims' text that YAML cannot keep apart: not what this tests
        return
    for problem in problems[:6]:
        for fix in fixes_for(text, loaded, problem):
            fixed = assert_fixes(text, loaded, problem, fix)
            assert style["newline"] == "\n" or "\n" not in fixed.replace("\r\n", "")


@pytest.mark.parametrize(
    "text, rule, title, fixed_line",
    [
        # an empty `evidence:` is written over, the list goes below it
        ("thesis:\n  claim: T\n  evidence:\n", "unsupported-thesis", "Add evidence", '    - text: "TODO:'),
        # the last line of the file without a line break
        ("thesis:\n  claim: T\n  premises:\n    - claim: P", "unsupported-premise", "Mark", "      assumption: true"),
        ("thesis:\n  claim: T\n  premises:\n    - claim: P\n      ignore: []\n", "unsupported-premise", "Ignore",
         "      ignore: [unsupported-premise]"),
        ("thesis:\n  claim: T\n  premises:\n    - claim: P\n      ignore:\n", "unsupported-premise", "Ignore",
         "      ignore: [unsupported-premise]"),
        ("thesis:\n  claim: T\n  premises:\n    - claim: P\n      ignore: [evidence-without-source]\n",
         "unsupported-premise", "Ignore", "      ignore: [evidence-without-source, unsupported-premise]"),
        ("thesis:\n  claim: T\n  premises:\n    - {claim: P, assumption: true}\n  objections:\n"
         "    - claim: O\n      assumption: true\n      rebuttals: []\n", "unanswered-objection", "Add a rebuttal",
         '        - claim: "TODO: why this objection fails"'),
        # a claim in flow style gets flow entries
        ("thesis: {claim: T, premises: [{claim: P}]}\n", "unsupported-premise", "Mark",
         'thesis: {claim: T, premises: [{claim: P, assumption: true, note: "TODO: why any reader grants'),
    ],
)  # fmt: skip
def test_fixes_where_the_claim_already_has_the_key_empty_or_is_written_otherwise(text, rule, title, fixed_line):
    loaded, problems = problems_in(text)
    problem = next(p for p in problems if p.rule == rule)
    fix = next(fix for fix in fixes_for(text, loaded, problem) if fix.title.startswith(title))
    assert any(line.startswith(fixed_line) for line in assert_fixes(text, loaded, problem, fix).splitlines())


def from_the_whole_text(text: str, loaded: argmap.ArgumentMap | None, problem: argmap.Problem) -> list[Fix]:
    """The fixes as they are made when the whole text is composed (never a claim's lines alone)."""
    with mock.patch("argmap.fixes.actions.claim_layout", return_value=None):
        return fixes_for(text, loaded, problem)


@pytest.mark.parametrize("path", REAL_MAPS, ids=lambda path: path.name)
def test_fixes_made_from_a_claims_lines_are_those_made_from_the_whole_text(path):
    text = path.read_text(encoding="utf-8")
    loaded, problems = problems_in(text)
    for problem in problems:
        assert fixes_for(text, loaded, problem) == from_the_whole_text(text, loaded, problem)


COMMENTED = st.lists(st.sampled_from(["", "# note", "  # note", "    # note"]), min_size=1, max_size=40)


@given(GENERATED_MAPS, STYLES, COMMENTED)
def test_fixes_made_from_a_claims_lines_are_those_made_from_the_whole_text_of_generated_maps(document, style, notes):
    text = yaml.safe_dump(document, indent=style["indent"], default_flow_style=style["flow"], allow_unicode=True)
    # comments between the lines, at any indentation (never inside a block text: safe_dump writes none)
    lines = text.splitlines()
    text = (
        "\n".join(line + ("\n" + note if note else "") for line, note in zip(lines, notes * len(lines), strict=False))
        + "\n"
    )
    loaded, problems = problems_in(text)
    if loaded is None:
        return
    for problem in problems[:6]:
        assert fixes_for(text, loaded, problem) == from_the_whole_text(text, loaded, problem)
