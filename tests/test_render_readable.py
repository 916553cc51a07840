"""Diagrams that stay readable as maps grow (issue 12, section 3): refs drawn as "see ID" stubs,
``--direction auto``, a key that matches what is drawn, the title centred, co-premises in the order
written, and frame labels that edges leave alone. Layouts come from the pure engine (the same bytes
everywhere) and are measured with benchmarks/diagram_quality.py, as the benchmark table is.
"""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from types import ModuleType

import pytest

import argmap
from argmap.diagram import RenderError, RenderOptions, dot_source, engine, render, style
from argmap.diagram.direction import choose_direction
from argmap.diagram.scope import scope
from tests.helpers import MAPS, ROOT, load_text

SEED = MAPS / "bandow-iraq.yaml"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

#: The thesis has two premises; the second uses, by ref, a claim written under the first (a near
#: claim: two steps up and down the tree) and one written far down another branch.
REFS = """
thesis:
  claim: T
  premises:
    - id: a
      claim: A
      premises:
        - id: near
          claim: Near
          premises:
            - id: deep
              claim: Deep <b>&amp; "quoted"
    - id: b
      claim: B
      premises:
        - ref: a
        - ref: deep
"""


def quality_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("diagram_quality", ROOT / "benchmarks" / "diagram_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def layout(m: argmap.ArgumentMap, options: RenderOptions) -> dict:
    source = dot_source(m, options)
    return json.loads(engine._run(engine.find("pure"), source, "json", 30))


def test_stub_draws_a_see_box_that_links_to_the_claim_and_no_arrow_across():
    m = load_text(REFS)
    source = dot_source(m, RenderOptions(refs="stub"))
    assert source.count('class="stub"') == 2
    assert 'href="#claim-a"' in source and 'href="#claim-deep"' in source
    assert 'constraint="false"' not in source  # no ref arrow left to cross the map
    svg = render(m, RenderOptions(refs="stub", engine="pure"))
    root = ET.fromstring(svg)
    links = {a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a")}
    assert {"#claim-a", "#claim-deep"} <= links
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {"claim-a", "claim-deep"} <= ids  # each link leads to a box of the diagram
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "see REASON · deep" in text.replace("  ", " ")
    assert 'Deep <b>&amp; "quoted"' in text  # the target's text, as text


def test_edge_draws_every_ref_as_an_arrow_and_auto_stubs_only_the_far_one():
    m = load_text(REFS)
    edges = dot_source(m, RenderOptions(refs="edge"))
    assert 'class="stub"' not in edges
    assert edges.count('constraint="false"') == 2
    auto = dot_source(m, RenderOptions(refs="auto"))
    assert '"a" -> "b"' in auto and 'constraint="false"' in auto  # a, two steps from b: an arrow
    assert auto.count('class="stub"') == 1 and 'href="#claim-deep"' in auto  # deep, four steps: a stub


def test_stubs_in_a_linked_group_stand_in_its_frame_in_the_order_written():
    m = load_text(
        REFS.replace(
            "      premises:\n        - ref: a", "      premises:\n        - linked:\n          - ref: a"
        ).replace("        - ref: deep", "          - ref: deep")
    )
    source = dot_source(m, RenderOptions(refs="stub"))
    frame = source[source.index("subgraph") :]
    frame = frame[: frame.index("\t}\n")]
    assert frame.count('class="stub"') == 2
    assert re.search(r'rank=same; "\^see[0-9.]+" -> "\^see[0-9.]+" -> "\^together b/p1" \[style=invis\]', frame)


def test_refs_default_is_measured_to_cross_least_on_the_seed_map():
    quality = quality_module()
    m = argmap.load(SEED)
    crossings = {
        refs: [
            quality.measure(layout(m, RenderOptions(evidence=evidence, refs=refs))).crossings
            for evidence in (False, True)
        ]
        for refs in ("edge", "auto", "stub")
    }
    assert RenderOptions().refs == "stub"
    for other in ("edge", "auto"):
        assert all(stub < other for stub, other in zip(crossings["stub"], crossings[other], strict=True)), crossings


def test_unknown_refs_mode_is_a_render_error():
    with pytest.raises(RenderError, match="unknown refs 'arrows'; choose one of auto, stub, edge"):
        RenderOptions(refs="arrows")


def test_direction_auto_makes_the_seed_overview_a_page_not_a_strip():
    quality = quality_module()
    m = argmap.load(SEED)
    assert choose_direction(m, scope(m), RenderOptions(evidence=False)) == "LR"
    shape = quality.measure(layout(m, RenderOptions(evidence=False)))
    assert shape.aspect < 2, shape  # main's code drew it 5,767 x 1,143 px
    strip = quality.measure(layout(m, RenderOptions(evidence=False, direction="TB")))
    assert strip.aspect > 3, strip


@pytest.mark.parametrize(
    "text, chosen",
    [
        # A chain, each claim under the last: top-down it is a column, left to right a long line.
        (
            "thesis:\n  claim: T\n"
            + "".join(
                f"{'  ' * (2 * i + 1)}premises:\n{'  ' * (2 * i + 2)}- claim: Claim {i}, supporting the one above.\n"
                for i in range(5)
            ),
            "TB",
        ),
        # Twelve premises of the thesis: top-down a strip, left to right a column.
        (
            "thesis:\n  claim: T\n  premises:\n"
            + "".join(f"    - claim: Premise number {i} of the thesis.\n" for i in range(12)),
            "LR",
        ),
    ],
    ids=["chain", "fan"],
)
def test_direction_auto_follows_the_maps_shape(text, chosen):
    m = load_text(text)
    assert choose_direction(m, scope(m), RenderOptions(legend=False)) == chosen
    assert "rankdir=" + {"TB": "BT", "LR": "RL"}[chosen] in dot_source(m, RenderOptions(legend=False))


@pytest.mark.parametrize("direction", ["TB", "BT", "LR", "RL"])
def test_the_title_is_centred_above_the_whole_diagram(direction):
    m = argmap.load(MAPS / "tutorial-structure.yaml")
    drawn = layout(m, RenderOptions(direction=direction))
    left, _, right, _ = (float(v) for v in drawn["bb"].split(","))
    x, y = (float(v) for v in drawn["lp"].split(","))  # the centre of the graph's own label
    assert abs(x - (left + right) / 2) < 1
    boxes = [o for o in drawn["objects"] if "pos" in o]
    highest = max(float(o["pos"].split(",")[1]) + float(o["height"]) * 36 for o in boxes)
    assert y > highest  # above every box (y grows upwards in Graphviz)
    assert dot_source(m, RenderOptions(direction=direction)).count("A later start for Northfield High") == 1


def test_the_key_explains_the_evaluation_marks_in_use():
    m = argmap.load(MAPS / "tutorial-eval.yaml")
    labels = argmap.evaluate(m).labels
    source = dot_source(m, RenderOptions(labels=labels))
    key = source[source.index('"^key"') :]
    statuses = {label.status for label in labels.values()}
    for status in ("accepted", "rejected", "unsupported", "undecided"):
        assert ("argmap eval: " in key and f" {status}</font>" in key) is (status in statuses), status
    assert "argmap eval" not in dot_source(m)  # no --eval, no entries for it


def test_the_key_draws_the_assumption_border_in_the_colours_drawn():
    m = load_text(
        "thesis:\n  claim: T\n  objections:\n    - claim: O\n      assumption: true\n"
        "  premises:\n    - claim: P\n      assumption: true\n"
    )
    source = dot_source(m)
    key = source[source.index('"^key"') :]
    drawn = set(re.findall(r'class="claim [a-z]+[^"]*assumption" fillcolor="[^"]+" color="([^"]+)"', source))
    assert drawn == {"#c62828", "#2e7d32"}  # red objection, green reason
    shown = set(re.findall(r'cellspacing="2" cellpadding="2" color="([^"]+)"', key))
    assert shown == drawn
    assert "#1565c0" not in re.findall(r'border="[12]"[^>]*color="([^"]+)"', key)  # no blue border


def test_the_key_explains_every_arrow_colour_drawn_even_when_its_boxes_are_stubs():
    # The undercut and the rebuttal are refs drawn as "see ID" stubs: no box of their kind is drawn,
    # but their purple and orange arrows are, and the key must say what those colours mean.
    m = load_text(
        "thesis:\n  claim: T\n  premises:\n    - id: p\n      claim: P\n      assumption: true\n"
        "      undercuts:\n        - ref: q\n    - id: q\n      claim: Q\n      assumption: true\n"
        "  objections:\n    - claim: O\n      assumption: true\n      rebuttals:\n        - ref: q\n"
    )
    source = dot_source(m, RenderOptions(refs="stub"))
    key = source[source.index('"^key"') :]
    drawn = set(re.findall(r'class="(premises|objections|rebuttals|undercuts)"', source))
    assert drawn == {"premises", "objections", "rebuttals", "undercuts"}
    assert "see" in source and 'class="claim undercut' not in source and 'class="claim rebuttal' not in source
    for relation in drawn:
        assert style.RELATIONS[relation].colour in key, relation


def test_co_premises_are_drawn_side_by_side_in_the_order_written():
    m = argmap.load(MAPS / "tutorial-structure.yaml")
    for direction, axis in (("TB", 0), ("LR", 1)):
        drawn = layout(m, RenderOptions(direction=direction))
        where = {o["name"]: [float(v) for v in o["pos"].split(",")] for o in drawn["objects"] if "pos" in o}
        written = ["teens-sleep-late", "teens-need-sleep", "early-wakeup"]
        along = [where[name][axis] for name in written]
        # left to right; with the thesis on the left, top to bottom (y grows upwards in Graphviz)
        assert along == (sorted(along) if axis == 0 else sorted(along, reverse=True)), (direction, along)


@pytest.mark.parametrize("path", [SEED, MAPS / "tutorial-structure.yaml"], ids=lambda p: p.name)
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_no_edge_runs_through_the_word_together_or_any_box(path, direction):
    quality = quality_module()
    drawn = layout(argmap.load(path), RenderOptions(direction=direction))
    frames = [o for o in drawn["objects"] if o["name"].startswith("cluster_")]
    words = [o for o in drawn["objects"] if o.get("class") == "together"]
    assert frames and len(words) == len(frames)  # one word in each frame, a box of its own
    assert not any(frame.get("label") for frame in frames)  # no frame label for an edge to cross
    measured = quality.measure(drawn)
    assert measured.through_boxes == 0 and measured.through_labels == 0


def test_a_claim_with_the_id_key_or_see_is_not_merged_with_the_key_or_a_stub():
    m = load_text(
        "thesis:\n  id: key\n  claim: T\n  premises:\n    - id: see1.1\n      claim: A\n"
        "    - claim: B\n      premises:\n        - claim: C\n          premises:\n            - ref: see1.1\n"
    )
    source = dot_source(m, RenderOptions(refs="stub"))
    declared = re.findall(r'^\t+("[^"]+") \[', source, re.MULTILINE)
    assert declared.count('"key"') == 1 and declared.count('"^key"') == 1
    assert declared.count('"see1.1"') == 1 and source.count('class="stub"') == 1
