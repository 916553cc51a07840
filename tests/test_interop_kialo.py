"""Kialo discussion exports in: numbering, stances, text over several lines, '-> See' refs, links, escapes."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.interop import read
from argmap.model import Ref
from argmap.problems import LoadError

EXPORT = """\
Discussion Title: Should the town library open on Sundays?

1. The town library should open on Sundays.
1.1. Pro: Most residents want it, as the
council's survey found.
1.1.1. Con: The survey asked only [members](https://example.org/survey) \\*of\\* the library.
1.1.1.1. Con: Members are most of the town.
1.2. Con: -> See 1.1.1.
1.3. Pro: Sunday is a free day for families.
"""


def imported(text: str) -> argmap.ArgumentMap:
    return read(text, Path("k.txt"), "kialo").argmap


def test_numbered_claims_become_premises_objections_and_rebuttals():
    m = imported(EXPORT)
    assert m.title == "Should the town library open on Sundays?"
    thesis = m.thesis
    assert (thesis.text, thesis.position) == ("The town library should open on Sundays.", argmap.Position(3, 1))
    first, second = (reason.members[0] for reason in thesis.premises)
    assert first.text == "Most residents want it, as the\ncouncil's survey found."
    assert second.text == "Sunday is a free day for families." and second.position.line == 9
    survey = first.objections[0].members[0]
    assert survey.text == "The survey asked only members *of* the library."
    assert survey.note == "links: members: https://example.org/survey"
    assert survey.rebuttals[0].members[0].text == "Members are most of the town."


def test_see_lines_are_refs_to_the_claim_they_name_even_further_down():
    m = imported(EXPORT)
    [ref] = m.thesis.objections[0].members
    assert isinstance(ref, Ref) and m.resolve(ref).text.startswith("The survey asked")
    forward = imported("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.2.\n1.2. Con: B\n")
    items = [forward.thesis.premises[0].members[0], forward.thesis.objections[0].members[0]]
    assert [type(item).__name__ for item in items] == ["Claim", "Ref"]  # defined where first met, a ref after
    assert [c.text for c in forward.claims] == ["T", "B"]
    assert [p.rule for p in argmap.check(forward) if p.rule == "unknown-reference"] == []


def test_several_top_level_claims_are_several_theses_and_a_claim_without_stance_is_reported():
    result = read("Discussion Title: T\n\n1. A\n1.1. B\n2. C\n", Path("k.txt"), "kialo")
    assert [t.text for t in result.argmap.theses] == ["A", "C"]
    assert [(w.rule, w.line) for w in result.warnings] == [("not-converted", 4)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1. T\n", 1),
        ("Discussion Title: T\n\nSome text\n1. T\n", 3),
        ("Discussion Title: T\n\n1. T\n1.2.1. Pro: orphan\n", 4),
        ("Discussion Title: T\n\n1. T\n1.1 Pro: no dot\n", 4),
        ("Discussion Title: T\n\n1. T\n1..2. Con: two dots\n", 4),
        ("Discussion Title: T\n\n1. T\n1.a. Pro: a letter\n", 4),
        ("Discussion Title: T\n\n1. T\n1.1.x Con: a letter and no dot\n", 4),
        ("Discussion Title: T\n\n1. T\n1.1. Pro: A\n1.1. Pro: B\n", 5),
        ("Discussion Title: T\n\n1. T\n1.1. Pro: -> See 1.9.\n", 4),
        ("Discussion Title: T\n\n", 3),
    ],
)
def test_broken_exports_are_kialo_syntax_errors_at_their_line(text, line):
    with pytest.raises(LoadError) as error:
        imported(text)
    [problem] = error.value.problems
    assert (problem.rule, problem.line, problem.column) == ("kialo-syntax", line, 1)


def test_commands_read_kialo_exports(run, tmp_path):
    path = tmp_path / "library.txt"
    path.write_text(EXPORT, encoding="utf-8")
    checked = run("check", path)
    assert checked.exit_code == 1 and "unsupported-premise" in checked.stdout
    shown = run("show", path, "--color", "never")
    assert shown.exit_code == 0 and "→ see kialo-1.1.1" in shown.stdout
    converted = run("convert", path, "-o", tmp_path / "library.yaml")
    assert converted.exit_code == 0, converted.stderr
    assert argmap.load(tmp_path / "library.yaml").thesis.text == "The town library should open on Sundays."


def test_kialo_cannot_be_written(run, tmp_path):
    result = run("convert", "maps/tutorial-theses.yaml", "--to", "kialo")
    assert result.exit_code == 2 and "kialo" in result.stderr
