"""Argdown in and out: the syntax, broken input, Argdown's own parser on our output, the corpus, round trips."""

from __future__ import annotations

import json
import shutil
import string
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.interop import read, read_file, write
from argmap.problems import LoadError
from argmap.reading import loads
from tests.helpers import MAPS, ROOT, SHARED
from tests.interop_equal import assert_equal_maps

CORPUS = SHARED / "corpora" / "argdown-examples"
ARGDOWN_CLI = ROOT / "tests" / "node" / "node_modules" / ".bin" / "argdown"
needs_argdown = pytest.mark.skipif(
    shutil.which("node") is None or not ARGDOWN_CLI.exists(),
    reason="Argdown's command line is not installed (npm install in tests/node)",
)
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the Argdown examples corpus is absent")


def imported(text: str):
    return read(text, Path("d.argdown"), "argdown")


def argdown_json(path: Path, tmp_path: Path) -> dict | None:
    """Argdown's own JSON of a file, ``None`` if Argdown finds it broken."""
    out = tmp_path / "json"
    subprocess.run([str(ARGDOWN_CLI), "json", str(path), str(out)], capture_output=True, timeout=120, check=False)
    made = out / (path.stem + ".json")
    return json.loads(made.read_text(encoding="utf-8")) if made.exists() else None


def test_statements_relations_and_positions():
    m = imported("[T]: Taxes pay.\n  + [R]: Roads need money. #roads\n  - Not all taxes. {assumption: true}\n").argmap
    assert m.thesis.text == "Taxes pay." and m.thesis.position == (1, 1)
    premise = m.thesis.premises[0].members[0]
    assert (premise.text, premise.tags, premise.position) == ("Roads need money.", ("roads",), (2, 5))
    objection = m.thesis.objections[0].members[0]
    assert objection.assumption and objection.role == "objection"


def test_outgoing_relations_and_references():
    m = imported("[A]: a\n  +> [B]: b\n\n[C]: c\n  -> [B]\n").argmap
    assert [t.text for t in m.theses] == ["b"]
    assert [r.members[0].text for r in m.thesis.premises] == ["a"]
    assert [r.members[0].text for r in m.thesis.objections] == ["c"]


def test_a_statement_referred_to_and_never_stated_is_an_unknown_reference(run, tmp_path):
    source = tmp_path / "d.argdown"
    source.write_text("[T]: t\n  + [P]: p {assumption: true}\n  - [Nowhere]\n", encoding="utf-8")
    (ref,) = read_file(source).argmap.thesis.objections[0].members
    assert (ref.target, ref.position) == ("Nowhere", (3, 5))
    result = run("check", str(source))
    assert f"{source}:3:5: error [unknown-reference]" in result.stdout


def test_a_ref_points_at_the_place_of_its_use():
    m = imported("[T]: t\n  + [A]: a\n  - [B]: b\n    + [A]\n").argmap
    (ref,) = m.thesis.objections[0].members[0].premises[0].members
    assert ref.position == (4, 7)


def test_a_premise_conclusion_structure_is_a_linked_reason_of_its_conclusion():
    text = "<Arg>: why\n\n(1) [P]: p\n(2) q\n-- modus ponens --\n(3) [C]: c\n  _ [U]: u\n"
    result = imported(text)
    (reason,) = result.argmap.thesis.premises
    assert reason.linked and [member.text for member in reason.members] == ["p", "q"]
    assert "why" in result.argmap.thesis.note


def test_an_attack_on_an_argument_undercuts_its_reason():
    m = imported("<Arg>\n  - [U]: u\n\n(1) [P]: p\n----\n(2) [C]: c\n").argmap
    (reason,) = m.thesis.premises
    assert [u.members[0].text for u in reason.members[0].undercuts] == ["u"]


def test_equivalence_class_frontmatter_comments_and_escapes():
    text = "===\ntitle: Roads\n===\n\n[T]: first <!-- gone -->\n\n[T]: second // gone too\n\n[X]: a \\#b \\[c\\]\n"
    m = imported(text).argmap
    assert m.title == "Roads"
    t = next(c for c in m.claims if c.id == "T")
    assert (t.text, t.note) == ("first", "second")
    assert next(c for c in m.claims if c.id == "X").text == "a #b [c]"


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("+ [A]: orphan\n", 1, 1),  # a relation with no parent
        ("[A]: a\n\n  - [B]: b\n", 3, 3),  # after an empty line, the parent is gone
        ("(1) p\n(2) q\n", 1, 1),  # a PCS with no conclusion
        ("(1) p\n----\n", 2, 1),  # an inference with nothing after it
        ("===\ntitle: [\n===\n\nT\n", 2, 1),  # front matter that is not YAML
    ],
)
def test_broken_argdown_is_an_argdown_syntax_error_with_its_place(text, line, column):
    with pytest.raises(LoadError) as caught:
        imported(text)
    (problem,) = caught.value.problems
    assert (problem.rule, problem.line, problem.column) == ("argdown-syntax", line, column)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_maps_go_to_argdown_and_back_equal(path):
    original = read_file(path).argmap
    exported = write(original, "argdown")
    assert exported.warnings == ()
    assert_equal_maps(original, imported(exported.text).argmap)


@needs_argdown
@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_argdown_parses_what_argmap_writes_with_the_same_statements_and_relations(path, tmp_path):
    original = read_file(path).argmap
    target = tmp_path / (path.stem + ".argdown")
    target.write_text(write(original, "argdown").text, encoding="utf-8")
    data = argdown_json(target, tmp_path)
    assert data is not None, "Argdown found syntax errors in argmap's output"
    assert len(data["statements"]) == len(original.claims)
    assert _counts(imported(target.read_text(encoding="utf-8")).argmap) == _argdown_counts(data)


def _counts(m) -> tuple[int, int]:
    """(claims, reasons of every kind, undercuts on refs included)."""
    reasons = 0
    for claim in m.claims:
        for relation in ("premises", "objections", "rebuttals", "undercuts"):
            for reason in claim.reasons(relation):
                reasons += 1
                reasons += sum(len(member.undercuts) for member in reason.members if not hasattr(member, "text"))
    return len(m.claims), reasons


def _argdown_counts(data: dict) -> tuple[int, int]:
    """What argmap makes of Argdown's JSON: a claim per statement and per argument with no
    premise-conclusion structure; a reason per relation and per inference."""
    arguments = data["arguments"].values()
    steps = sum(1 for a in arguments for s in a.get("pcs") or () if s["role"].endswith("conclusion"))
    plain = sum(1 for a in arguments if not a.get("pcs"))
    return len(data["statements"]) + plain, len(data["relations"]) + steps


@needs_corpus
@needs_argdown
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.argdown")), ids=lambda p: p.name)
def test_every_argdown_example_imports_with_argdowns_own_counts(path, tmp_path):
    data = argdown_json(path, tmp_path)
    if data is None:  # Argdown itself finds it broken: so does argmap, with a place
        with pytest.raises(LoadError) as caught:
            read_file(path)
        assert caught.value.problems[0].rule == "argdown-syntax"
        return
    assert _counts(read_file(path).argmap) == _argdown_counts(data)


WORDS = st.text(alphabet=string.ascii_letters + string.digits + " #[]<>{}()/\\-+_*@:,.'\"é✓", min_size=1, max_size=30)
TEXT = WORDS.map(lambda s: " ".join(s.split())).filter(bool)


@st.composite
def maps(draw: st.DrawFn):
    """A map with unique texts, linked groups, refs, undercuts (linked too), objections, three levels deep."""
    ids: list[str] = []
    count = [0]

    def text() -> str:  # unique, as the comparison finds claims by their text
        count[0] += 1
        return f"{draw(TEXT)} n{count[0]}"

    def claim(depth: int) -> dict:
        node: dict = {"claim": text()}
        if draw(st.booleans()):
            node["id"] = f"c{len(ids)}"
            ids.append(node["id"])
        if draw(st.booleans()):
            node["assumption"] = True
        if draw(st.integers(0, 3)) == 0:
            node["note"] = draw(TEXT)
        if draw(st.integers(0, 3)) == 0:
            node["tags"] = [draw(st.sampled_from(["x", "a b", "ü"]))]
        if depth < 3:
            for relation in ("premises", "objections"):
                items = []
                for _ in range(draw(st.integers(0, 2))):
                    kind = draw(st.sampled_from(["claim", "claim", "linked", "ref"]))
                    if kind == "ref" and ids:
                        items.append({"ref": draw(st.sampled_from(ids))})
                    elif kind == "linked":
                        items.append({"linked": [claim(depth + 1), claim(depth + 1)]})
                    else:
                        child = claim(depth + 1)
                        if depth and draw(st.integers(0, 4)) == 0:
                            linked = draw(st.booleans())
                            child["undercuts"] = [{"linked": [claim(3), claim(3)]} if linked else claim(3)]
                        items.append(child)
                if items:
                    node[relation] = items
        return node

    return claim(0)


@given(maps())
def test_generated_maps_go_to_argdown_and_back_equal(thesis):
    original = loads(json.dumps({"thesis": thesis}))
    assert_equal_maps(original, imported(write(original, "argdown").text).argmap)


def test_convert_writes_argdown_to_standard_output_and_yaml_to_a_file(run, tmp_path):
    result = run("convert", "maps/tutorial-eval.yaml", "--to", "argdown")
    assert result.exit_code == 0 and result.stdout.startswith("===\ntitle: ")
    assert run("convert", "maps/tutorial-eval.yaml", "--to", "argdown", "-o", "-").stdout == result.stdout
    source = tmp_path / "d.argdown"
    source.write_text(result.stdout, encoding="utf-8")
    target = tmp_path / "d.yaml"
    again = run("convert", str(source), "-o", str(target))
    assert again.exit_code == 0, again.stderr
    assert_equal_maps(read_file(Path("maps/tutorial-eval.yaml")).argmap, read_file(target).argmap)


def test_convert_reports_what_argmap_cannot_keep_as_warnings(run, tmp_path):
    source = tmp_path / "d.ad"
    source.write_text("# Heading\n\n[T]: t {colour: red}\n", encoding="utf-8")
    result = run("convert", str(source))
    assert result.exit_code == 0
    assert f"{source}:1:1: warning not-converted: the heading 'Heading'" in result.stderr
    assert f"{source}:3:1: warning not-converted: the data 'colour'" in result.stderr


def test_convert_of_broken_input_writes_nothing_and_exits_2(run, tmp_path):
    source = tmp_path / "d.argdown"
    source.write_text("[A]: a\n\n  + [B]: b\n", encoding="utf-8")
    result = run("convert", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2
    assert f"{source}:3:3: error [argdown-syntax]" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_convert_never_overwrites_its_input(run, tmp_path):
    source = tmp_path / "d.argdown"
    source.write_text("[T]: t\n", encoding="utf-8")
    result = run("convert", str(source), "-o", str(source), "--to", "argdown")
    assert result.exit_code == 2 and "one of the input files" in result.stderr
    assert source.read_text(encoding="utf-8") == "[T]: t\n"


def test_check_eval_and_show_read_argdown_as_it_is(run, tmp_path):
    source = tmp_path / "debate.argdown"
    source.write_text("[T]: t\n  + [P]: p\n  + [Q]: q {assumption: true}\n", encoding="utf-8")
    check = run("check", str(source))
    assert check.exit_code == 1 and f"{source}:2:5: error [unsupported-premise]" in check.stdout
    assert run("eval", str(source)).exit_code == 0
    shown = run("show", str(source))
    assert shown.exit_code == 0 and "+ q  [Q]  (assumption)" in shown.stdout
    folder = run("check", str(tmp_path))
    assert f"{source}:2:5" in folder.stdout


def test_a_settings_file_can_leave_argdown_out_of_folder_checks(run, tmp_path):
    (tmp_path / "a.argdown").write_text("[T]: t\n  + [P]: p\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("thesis: {claim: T, premises: [{claim: P, assumption: true}]}\n", encoding="utf-8")
    assert "a.argdown:2:5" in run("check", str(tmp_path)).stdout
    (tmp_path / "argmap.toml").write_text("argdown = false\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0 and "a.argdown" not in result.stdout
    assert "a.argdown:2:5" in run("check", str(tmp_path / "a.argdown")).stdout  # named: always checked
    (tmp_path / "argmap.toml").write_text('argdown = "no"\n', encoding="utf-8")
    wrong = run("check", str(tmp_path))
    assert wrong.exit_code == 2 and "'argdown' must be true or false" in wrong.stderr


@needs_corpus
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.argdown")), ids=lambda p: p.name)
def test_every_argdown_example_written_as_yaml_loads_back_equal(path):
    try:
        original = read_file(path).argmap
    except LoadError as error:  # the one example that Argdown itself finds broken too
        assert error.problems[0].rule == "argdown-syntax"
        return
    again = loads(write(original, "yaml").text)
    assert_equal_maps(original, again)
    assert len(again.theses) == len(original.theses)


def test_check_reads_argdown_from_standard_input_named_by_stdin_filename(run):
    result = run("check", "-", "--stdin-filename", "debate.argdown", input="[T]: t\n  + [P]: p\n")
    assert result.exit_code == 1 and "debate.argdown:2:5: error [unsupported-premise]" in result.stdout


def test_render_draws_an_argdown_document(run, tmp_path):
    source = tmp_path / "d.argdown"
    source.write_text("[T]: Taxes pay for roads.\n  + [P]: Roads cost money. {assumption: true}\n", encoding="utf-8")
    result = run("render", str(source), "-o", str(tmp_path / "d.dot"))
    assert result.exit_code == 0, result.stderr
    dot = (tmp_path / "d.dot").read_text(encoding="utf-8")
    assert "<b>Taxes pay for roads.</b>" in dot and 'class="claim premise assumption"' in dot


def test_a_cycle_no_thesis_leads_to_gets_its_first_statement_as_a_thesis():
    m = imported("[A]: a\n  + [B]: b\n    + [A]\n").argmap
    assert [t.text for t in m.theses] == ["a"]
    assert m.thesis.premises[0].members[0].premises[0].members[0].target == "A"


def test_what_argdown_cannot_hold_is_a_warning_naming_the_claim():
    m = loads(
        "thesis:\n  id: t\n  claim: \"two\\nlines\"\n  tags: ['a (b)']\n"
        "  premises:\n    - {id: x, claim: A, assumption: true}\n    - {id: x, claim: B, assumption: true}\n"
    )
    exported = write(m, "argdown")
    found = {(w.rule, w.line, w.node, w.message.split(":")[0]) for w in exported.warnings}
    assert ("not-converted", 2, "t", "Argdown joins a statement's lines and spaces") in found
    assert ("not-converted", 2, "t", "the tag 'a (b)' cannot be written in Argdown; it is kept in the data") in found
    assert (
        "not-converted",
        7,
        "x~2",
        "the id 'x' is given twice; this claim is written as a statement of its own",
    ) in found
    again = imported(exported.text).argmap
    assert again.thesis.text == "two lines" and again.thesis.tags == ("a (b)",)
    assert sorted(r.members[0].text for r in again.thesis.premises) == ["A", "B"]


def test_data_is_read_as_a_yaml_map_is_with_its_problems_at_the_statement():
    with pytest.raises(LoadError) as caught:
        imported("[T]: t\n  + [P]: p {assumption: maybe}\n")
    assert [(p.line, p.column) for p in caught.value.problems] == [(2, 5)]
    result = imported("===\ntitle: T\nauthor: A\n===\n\n[T]: t {evidence: [{quote: q, source: {author: B}}]}\n")
    assert result.argmap.thesis.evidence[0].source.author == "B"
    assert any("front matter's 'author' has no place" in w.message for w in result.warnings)


def test_support_of_an_argument_is_support_of_its_conclusion_and_the_warning_names_it():
    result = imported(
        "<Staffing>\n  <+ [V]: Volunteers offer. {assumption: true}\n\n<Staffing>\n\n(1) [P]: p\n----\n(2) [C]: c\n"
    )
    assert sorted(r.members[0].text for r in result.argmap.thesis.premises) == ["Volunteers offer.", "p"]
    [warning] = [w for w in result.warnings if "support of" in w.message]
    assert (warning.line, warning.message) == (
        2,
        "support of the argument <Staffing> is kept as support of its conclusion",
    )


TRIPLE_EQUALS = (
    'argmap: 1\ntitle: "Before === after"\nsources:\n  s: {author: "A === B", date: "2020"}\nthesis: {claim: T}\n'
)


def test_a_title_with_three_equals_signs_does_not_end_the_front_matter():
    # Argdown ends the front matter at the first '===' anywhere on a line: once argmap wrote the
    # title as it is, and Argdown's parser failed ("Expecting --> Empty Line").
    original = loads(TRIPLE_EQUALS)
    text = write(original, "argdown").text
    assert text.count("===") == 2
    again = imported(text).argmap
    assert again.title == "Before === after" and again.sources["s"].author == "A === B"


@needs_argdown
def test_argdown_parses_a_title_with_three_equals_signs(tmp_path):
    target = tmp_path / "t.argdown"
    target.write_text(write(loads(TRIPLE_EQUALS), "argdown").text, encoding="utf-8")
    data = argdown_json(target, tmp_path)
    assert data is not None and len(data["statements"]) == 1


def test_convert_refuses_an_output_suffix_it_cannot_place_unless_told_the_format(run, tmp_path):
    target = tmp_path / "debate.md"
    result = run("convert", "maps/tutorial-eval.yaml", "-o", str(target))
    assert result.exit_code == 2 and "--to" in result.stderr and not target.exists()
    assert run("convert", "maps/tutorial-eval.yaml", "-o", str(target), "--to", "argdown").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("===\ntitle: ")
