"""The renderer through its public API: golden DOT files, valid SVG with every claim's text, marks
for what the checks find, safe text, determinism, and the engines' failures as plain errors.

Golden files: tests/golden/render-*.dot, regenerated with ``python -m pytest --regen-golden``.
"""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.diagram import RenderError, RenderOptions, dot_source, engine, render
from tests.helpers import MAPS, ROOT, load_text

DATA = ROOT / "tests" / "data"
SVG = "{http://www.w3.org/2000/svg}"
PURE = RenderOptions(engine="pure")

GOLDEN = {
    "render-all.dot": (DATA / "render-all.yaml", RenderOptions()),
    "render-all-plain.dot": (DATA / "render-all.yaml", RenderOptions(checks=False, evidence=False, legend=False)),
    "render-all-focus.dot": (DATA / "render-all.yaml", RenderOptions(focus="roots", depth=1, direction="LR")),
    "render-all-labels.dot": (
        DATA / "render-all.yaml",
        RenderOptions(labels={"trees": "accepted", "roots": "rejected", "cool": "undecided"}, legend=False),
    ),
    "render-tutorial-basics.dot": (MAPS / "tutorial-basics.yaml", RenderOptions()),
    "render-tutorial-structure.dot": (MAPS / "tutorial-structure.yaml", RenderOptions()),
}


@pytest.mark.parametrize("name", list(GOLDEN))
def test_dot_matches_golden(golden, name):
    path, options = GOLDEN[name]
    golden(name, dot_source(argmap.load(path), options))


def nodes(svg: bytes) -> dict[str, ET.Element]:
    """The SVG's node groups by their id (``claim-UID``, ``evidence-UID``)."""
    root = ET.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()}


def text_of(group: ET.Element) -> str:
    return " ".join(" ".join(t.text or "" for t in group.iter(f"{SVG}text")).split())


def every_map() -> list[Path]:
    return [*sorted(MAPS.glob("*.yaml")), DATA / "render-all.yaml"]


@pytest.mark.parametrize("path", every_map(), ids=lambda p: p.name)
def test_svg_is_xml_and_holds_every_claims_text(path):
    m = argmap.load(path)
    groups = nodes(render(m, PURE))
    for claim in m.claims:
        assert " ".join(claim.text.split()) in text_of(groups[f"claim-{claim.uid}"]), claim.uid


def test_same_map_same_bytes():
    m = argmap.load(DATA / "render-all.yaml")
    assert render(m, PURE) == render(argmap.load(DATA / "render-all.yaml"), PURE)
    assert render(m, RenderOptions(engine="pure", format="png")).startswith(b"\x89PNG\r\n\x1a\n")


HOSTILE = r"""
thesis:
  id: t--1
  claim: "<script>alert(1)</script> & \"quotes\" 'single' \\N \\G \\l }]> --> <!-- \x01 ünï 中文 🙂"
  premises:
    - claim: 'Ampersand &amp; entity &#60; stays text, so do <b>tags</b> and \ backslash\'
      evidence:
        - quote: "]]> <![CDATA[ x ]]> </text></g></svg>"
          source: {author: "O'Brien & <Sons>", date: "2001"}
          locator: "p. \\N"
    - ref: "no \"such\" <id>"
"""


def test_hostile_text_is_text():
    m = load_text(HOSTILE)
    source = dot_source(m)
    assert "<script>" not in source and "\\N" not in source.replace("\\\\N", "")
    svg = render(m, PURE)
    root = ET.fromstring(svg)  # well-formed XML
    assert not [e for e in root.iter() if e.tag.removeprefix(SVG) in ("script", "b", "foreignObject")]
    texts = text_of(root)
    thesis = m.thesis.text.replace("\x01", "\N{REPLACEMENT CHARACTER}")
    assert " ".join(thesis.split()) in texts
    assert "Ampersand &amp; entity &#60; stays text, so do <b>tags</b> and \\ backslash\\" in texts
    assert "]]> <![CDATA[ x ]]> </text></g></svg>" in texts
    assert "O'Brien & <Sons> (2001), p. \\N" in texts
    assert 'ref: no "such" <id>' in texts


def test_checks_are_drawn_and_can_be_left_out():
    m = argmap.load(DATA / "render-all.yaml")
    marked = nodes(render(m, PURE))
    unsupported = marked["claim-roots"]
    assert "unsupported-premise" in unsupported.get("class").split()
    assert "▲ unsupported" in text_of(unsupported)
    assert "stroke-dasharray" in ET.tostring(unsupported, encoding="unicode")
    assert "▲ unanswered" in text_of(marked["claim-trees/o2"])
    assumed = marked["claim-cool/u1"]
    assert "assumption" in assumed.get("class").split() and "assumed" in text_of(assumed)
    plain = nodes(render(m, RenderOptions(engine="pure", checks=False)))
    assert "▲" not in text_of(plain["claim-roots"]) and "unsupported-premise" not in plain["claim-roots"].get("class")


def test_linked_premises_meet_in_one_junction_and_independent_ones_have_their_own_arrow():
    source = dot_source(argmap.load(DATA / "render-all.yaml"))
    assert 'subgraph "cluster_trees/p2"' in source
    assert '"trees/p2.2" -> "trees/p2+" [' in source and '"cheap" -> "trees/p2+" [' in source
    assert len(re.findall(r'"trees/p2\+" -> "trees"', source)) == 1
    assert '"cool/link" -> "trees"' in source  # cool has its own arrow (through the point undercuts aim at)
    assert '"cool/u1" -> "cool/link"' in source


def test_a_ref_is_an_arrow_from_the_one_node_of_its_claim():
    source = dot_source(argmap.load(DATA / "render-all.yaml"), RenderOptions(refs="edge"))
    assert len(re.findall(r'^\s*"cool" \[', source, re.MULTILINE)) == 1
    # The ref's arrow leaves the claim's only node and does not pull it to another rank.
    assert re.search(r'^\s*"cool" -> "trees" \[[^]]*constraint="false"', source, re.MULTILINE)


@pytest.mark.parametrize(
    "focus, depth, drawn",
    [
        (None, 0, {"trees"}),
        ("roots", None, {"roots", "roots/r1"}),
        ("roots", 0, {"roots"}),
        (None, 1, {"trees", "cool", "cheap", "trees/p2.2", "roots", "trees/o2"}),
    ],
)
def test_focus_and_depth_draw_a_sub_argument(focus, depth, drawn):
    m = argmap.load(DATA / "render-all.yaml")
    source = dot_source(m, RenderOptions(focus=focus, depth=depth))
    found = set(re.findall(r'id="claim-([^"]+)"', source))
    assert found == drawn


def test_unknown_focus_suggests_an_id():
    with pytest.raises(RenderError, match="did you mean 'roots'"):
        dot_source(argmap.load(DATA / "render-all.yaml"), RenderOptions(focus="rots"))


def test_wrap_sets_the_line_length():
    m = load_text("thesis:\n  claim: " + " ".join(["word"] * 30) + "\n")
    for width in (10, 40):
        lines = re.findall(r"<b>([^<]*)</b>", dot_source(m, RenderOptions(wrap=width)))
        assert lines and max(len(line) for line in lines) <= width


@pytest.mark.parametrize("bad", [{"format": "gif"}, {"direction": "up"}, {"wrap": 2}, {"depth": -1}])
def test_bad_options_are_render_errors(bad):
    with pytest.raises(RenderError):
        RenderOptions(**bad)


# -- engines ------------------------------------------------------------------------------------


def fake_program(folder: Path, name: str, script: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def no_system_dot(monkeypatch, tmp_path):
    """A PATH without Graphviz's ``dot`` (this machine's, or any other)."""
    monkeypatch.setattr(engine.shutil, "which", lambda name: None)


def test_pure_engine_cannot_write_pdf_and_says_what_to_do(no_system_dot):
    m = argmap.load(DATA / "render-all.yaml")
    for choice in ("auto", "pure"):
        with pytest.raises(RenderError, match="graphviz-pure cannot write PDF; install Graphviz"):
            render(m, RenderOptions(engine=choice, format="pdf"))


def test_system_engine_missing_is_a_clear_error(no_system_dot):
    with pytest.raises(RenderError, match=r"no Graphviz 'dot' program found.*--engine pure"):
        render(argmap.load(DATA / "render-all.yaml"), RenderOptions(engine="system"))


def test_auto_prefers_system_dot(monkeypatch, tmp_path):
    dot = fake_program(tmp_path, "dot", 'exec "$GVPURE" "$@"')
    monkeypatch.setenv("GVPURE", engine.pure_executable())
    monkeypatch.setattr(engine.shutil, "which", lambda name: str(dot) if name == "dot" else None)
    assert engine.find("auto") == engine.Engine("system", str(dot))
    assert engine.find("auto", "pdf").name == "system"
    assert render(argmap.load(DATA / "render-all.yaml")) == render(argmap.load(DATA / "render-all.yaml"), PURE)


@pytest.mark.parametrize(
    "script, message",
    [
        ("sleep 30", "took longer than 0.5 seconds"),
        ("echo 'Error: syntax error in line 3' >&2; exit 1", "the layout failed.*syntax error in line 3"),
        ("exit 0", "the layout failed"),
    ],
)
def test_engine_failures_are_plain_errors(tmp_path, script, message):
    program = fake_program(tmp_path, "layout", script)
    with pytest.raises(RenderError, match=message):
        engine.run(engine.Engine("pure", str(program)), "digraph { a }", "svg", timeout=0.5)


def test_a_layout_program_that_cannot_run_is_a_plain_error(tmp_path):
    with pytest.raises(RenderError, match="could not run"):
        engine.run(engine.Engine("pure", str(tmp_path / "missing")), "digraph { a }", "svg", timeout=5)


def test_pure_engine_is_found_next_to_python_first(monkeypatch, tmp_path):
    fake_python = tmp_path / "bin" / "python"
    fake_python.parent.mkdir()
    beside = fake_program(fake_python.parent, "graphviz-pure", "exit 0")
    monkeypatch.setattr(engine.sys, "executable", str(fake_python))
    assert engine.pure_executable() == str(beside)
    os.remove(beside)
    monkeypatch.setattr(engine.shutil, "which", lambda name: "/elsewhere/graphviz-pure")
    assert engine.pure_executable() == "/elsewhere/graphviz-pure"


def test_render_is_public_api_whichever_is_imported_first():
    import subprocess
    import sys

    code = (
        "import argmap{first}; m = argmap.load({path!r}); "
        "assert argmap.render(m, argmap.RenderOptions(format='dot')).startswith(b'digraph')"
    )
    # Importing the diagram package (or the evaluation package) first must not shadow the function.
    for first in ("", ".diagram", ".evaluation"):
        subprocess.run([sys.executable, "-c", code.format(first=first, path=str(DATA / "render-all.yaml"))], check=True)


def test_evaluation_labels_are_drawn():
    m = argmap.load(MAPS / "tutorial-basics.yaml")
    labels = argmap.evaluate(m).labels
    groups = nodes(render(m, RenderOptions(engine="pure", labels=labels)))
    for uid, label in labels.items():
        assert label.status in text_of(groups[f"claim-{uid}"])
        assert f"status-{label.status}" in groups[f"claim-{uid}"].get("class").split()


ODD_MAPS = {
    "duplicate ids": """
        thesis:
          id: t
          claim: T
          premises:
            - {id: a, claim: First A, assumption: true}
            - {id: a, claim: Second A, assumption: true}
            - ref: a
        """,
    "circular refs": """
        thesis:
          id: t
          claim: T
          premises:
            - id: a
              claim: A
              premises: [{ref: b}]
            - id: b
              claim: B
              premises: [{ref: a}, {ref: t}]
        """,
    "empty undercuts on the thesis, linked refs only, empty lists": """
        thesis:
          id: t
          claim: T
          undercuts: []
          premises:
            - {id: a, claim: A, assumption: true, objections: []}
            - {id: b, claim: B, assumption: true}
            - linked: [{ref: a}, {ref: b}]
        """,
    "undercut of a linked co-premise, rebuttal of an undercut": """
        thesis:
          claim: T
          premises:
            - linked:
                - claim: A
                  assumption: true
                  undercuts:
                    - claim: U
                      assumption: true
                      rebuttals: [{claim: R, assumption: true}]
                - {claim: B, assumption: true}
        """,
}


@pytest.mark.parametrize("text", ODD_MAPS.values(), ids=list(ODD_MAPS))
def test_odd_maps_render_every_claim_once(text):
    m = load_text(text)
    source = dot_source(m)
    assert len(re.findall(r' id="claim-', source)) == len(m.claims)
    groups = nodes(render(m, PURE))
    assert len([g for g in groups if g.startswith("claim-")]) == len(m.claims)
