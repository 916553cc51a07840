"""AIF JSON both ways: the reader on hand-made graphs, broken graphs and the AraucariaDB corpus; the writer
checked by the arguebuf package; round trips over the shipped maps and generated ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.interop import read, read_file, write
from argmap.model import Ref
from argmap.problems import LoadError
from argmap.reading import loads
from tests.helpers import MAPS, SHARED
from tests.interop_equal import assert_equal_maps
from tests.test_interop_argdown import maps

CORPUS = SHARED / "corpora" / "araucaria-aif"
CORPUS_FILES = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpora/araucaria-aif is absent")


def graph(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], **more: object) -> str:
    """AIF JSON, one node or edge a line (so that line numbers name them): nodes ``(id, type, text)``."""
    lines = [json.dumps({"nodeID": key, "type": kind, "text": text}) for key, kind, text in nodes]
    links = [json.dumps({"edgeID": f"e{k}", "fromID": a, "toID": b}) for k, (a, b) in enumerate(edges, 1)]
    extra = "".join(f',\n"{key}": {json.dumps(value)}' for key, value in more.items())
    return '{"nodes": [\n' + ",\n".join(lines) + '\n],\n"edges": [\n' + ",\n".join(links) + "\n]" + extra + "}\n"


def imported(text: str) -> argmap.ArgumentMap:
    return read(text, Path("g.json"), "aif").argmap


#: A premise used by two inferences; a conflict undercuts the second; an objection attacks the conclusion.
SHARED_PREMISE = graph(
    [("1", "I", "T"), ("2", "I", "U"), ("3", "I", "P"), ("4", "I", "Q"), ("5", "I", "X"), ("6", "I", "Y"),
     ("10", "RA", "RA"), ("11", "RA", "ExpertOpinion"), ("12", "CA", "CA"), ("13", "RA", "RA"), ("14", "CA", "CA")],
    [("3", "10"), ("10", "1"), ("3", "11"), ("4", "11"), ("11", "2"), ("5", "12"), ("12", "11"), ("6", "14"),
     ("14", "1"), ("2", "13"), ("13", "1")],
)  # fmt: skip


def test_inodes_become_claims_ra_nodes_reasons_and_ca_nodes_attacks_and_undercuts():
    m = imported(SHARED_PREMISE)
    assert [t.text for t in m.theses] == ["T"]
    thesis = m.thesis
    assert [c.text for c in m.claims] == ["T", "P", "U", "X", "Q", "Y"]  # X undercuts the use of P under U
    assert thesis.position == argmap.Position(2, 1)  # the node's place in the JSON
    first, second = thesis.premises
    assert first.members[0].text == "P" and not first.linked
    linked = second.members[0].premises[0]  # T <- U <- (P + Q), undercut by X
    assert linked.linked and isinstance(linked.members[0], Ref) and linked.members[0].target == "3"
    assert [r.members[0].text for r in linked.members[0].undercuts] == ["X"]
    assert second.members[0].note == "AIF scheme: ExpertOpinion"
    assert [r.members[0].text for r in thesis.objections] == ["Y"]
    assert not [p for p in argmap.check(m) if p.rule == "unknown-reference"]


def test_roots_are_theses_and_a_claim_attacking_an_attack_is_a_rebuttal():
    text = graph(
        [("1", "I", "A"), ("2", "I", "B"), ("3", "I", "C"), ("4", "I", "D"), ("5", "CA", ""), ("6", "CA", "")],
        [("3", "5"), ("5", "1"), ("4", "6"), ("6", "3")],
    )
    m = imported(text)
    assert [t.text for t in m.theses] == ["A", "B"]
    objection = m.thesis.objections[0].members[0]
    assert objection.text == "C" and objection.role == "objection"
    assert objection.rebuttals[0].members[0].text == "D"


def test_a_conflict_on_a_conflict_undercuts_the_attack():
    text = graph(
        [("1", "I", "A"), ("2", "I", "O"), ("3", "I", "U"), ("5", "CA", ""), ("6", "CA", "")],
        [("2", "5"), ("5", "1"), ("3", "6"), ("6", "5")],
    )
    objection = imported(text).thesis.objections[0].members[0]
    assert objection.undercuts[0].members[0].text == "U"


def test_locutions_and_rephrases_are_notes_and_the_rest_is_reported():
    text = graph(
        [
            ("1", "I", "A"),
            ("2", "L", "Bob says 'A'"),
            ("3", "YA", "Asserting"),
            ("4", "I", "A again"),
            ("5", "MA", "Default Rephrase"),
            ("6", "TA", "Default Transition"),
        ],
        [("2", "3"), ("3", "1"), ("1", "5"), ("5", "4"), ("2", "6")],
        locutions=[{"nodeID": "2", "personID": "1"}],
    )
    result = read(text, Path("g.json"), "aif")
    by_text = {c.text: c for c in result.argmap.claims}
    assert by_text["A"].note == "said: Bob says 'A'" and by_text["A again"].note == "rephrases: A"
    warned = Counter(w.message.split("'")[0] for w in result.warnings)
    assert warned == Counter({"YA-node ": 1, "MA-node ": 1, "TA-node ": 1, "the ": 1})
    assert {w.rule for w in result.warnings} == {"not-converted"} and all(
        w.severity == "warning" for w in result.warnings
    )


@pytest.mark.parametrize(
    ("text", "rule", "line", "column"),
    [
        ("{not json", "not-aif", 1, 2),
        ('{"nodes": []}', "not-aif", 1, 1),
        ("[1, 2]", "not-aif", 1, 1),
        (graph([("1", "I", "A")], [("1", "9")]), "aif-structure", 5, 1),
        (graph([("1", "I", "A"), ("2", "RA", "")], [("2", "1")]), "aif-structure", 3, 1),
        (graph([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", "")], [("2", "3")]), "aif-structure", 4, 1),
        (graph([("1", "I", "A"), ("1", "I", "B")], []), "aif-structure", 3, 1),
        (graph([("1", "I", " ")], []), "aif-structure", 2, 1),
        ('{"nodes": [{"text": "A"}], "edges": []}', "aif-structure", 1, 12),
        (graph([("1", "I", "A"), ("2", "I", "B"), ("3", "CA", "")], [("2", "3")]), "aif-structure", 4, 1),
        # A and B support each other, and nothing stands above them: no thesis.
        (
            graph(
                [("1", "I", "A"), ("2", "I", "B"), ("3", "RA", ""), ("4", "RA", "")],
                [("1", "3"), ("3", "2"), ("2", "4"), ("4", "1")],
            ),
            "aif-structure",
            2,
            1,
        ),
    ],
)
def test_broken_aif_is_an_error_at_the_node_or_edge(text, rule, line, column):
    with pytest.raises(LoadError) as error:
        imported(text)
    first = error.value.problems[0]
    assert (first.rule, first.line, first.column, first.severity) == (rule, line, column, "error")


def test_a_cycle_below_a_thesis_is_kept_with_a_ref_and_found_by_circular_reasoning():
    text = graph(
        [("1", "I", "T"), ("2", "I", "A"), ("3", "I", "B"), ("4", "RA", ""), ("5", "RA", ""), ("6", "RA", "")],
        [("2", "4"), ("4", "1"), ("3", "5"), ("5", "2"), ("2", "6"), ("6", "3")],
    )
    m = imported(text)
    assert [p.rule for p in argmap.check(m) if p.rule == "circular-reasoning"]


# -- the AraucariaDB corpus --------------------------------------------------------------------------------


def _relations(m: argmap.ArgumentMap) -> Counter:
    """How many premise reasons, attacks and undercuts the map holds (refs' undercuts included)."""
    found: Counter = Counter()
    for claim in m.claims:
        found["premises"] += len(claim.premises)
        found["attacks"] += len(claim.objections) + len(claim.rebuttals)
        found["undercuts"] += len(claim.undercuts)
        for reason in claim.premises + claim.objections + claim.rebuttals + claim.undercuts:
            found["undercuts"] += sum(len(item.undercuts) for item in reason.members if isinstance(item, Ref))
    return found


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_araucaria_graph_imports_whole_checks_and_renders(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    kinds = {node["nodeID"]: node["type"] for node in data["nodes"]}
    out = Counter(edge["fromID"] for edge in data["edges"])
    targets = Counter(kinds[edge["toID"]] for edge in data["edges"] if kinds[edge["fromID"]] == "CA")
    m = read_file(path).argmap
    assert len(m.claims) == sum(kind == "I" for kind in kinds.values())  # every I-node a claim, once
    relations = _relations(m)
    # Every RA-node is one reason per conclusion; every CA-node an attack or an undercut.
    assert relations["premises"] == sum(out[key] for key, kind in kinds.items() if kind == "RA")
    assert relations["attacks"] == targets["I"] and relations["undercuts"] == targets["RA"] + targets["CA"]
    # Argument problems only (what AraucariaDB leaves unsupported), none of structure; a subset of
    # RULES alone could not fail, as every problem check() makes has a rule of RULES.
    assert {p.rule for p in argmap.check(m)} <= {"unsupported-premise", "unsupported-thesis", "unanswered-objection"}
    dot = argmap.render(m, argmap.RenderOptions(format="dot"))
    assert dot.count(b'class="claim ') == len(m.claims)


@needs_corpus
def test_the_corpus_has_conflicts_and_locutions_and_they_are_kept():
    notes = attacks = 0
    for path in CORPUS_FILES:
        m = read_file(path).argmap
        notes += sum(1 for claim in m.claims if claim.note and claim.note.startswith("said: "))
        attacks += _relations(m)["attacks"]
    assert notes >= 7 and attacks >= 5


@needs_corpus
@pytest.mark.parametrize("name", ["nodeset105.json", "nodeset543.json", "nodeset655.json"])
def test_some_araucaria_graphs_render_as_svg(run, tmp_path, name):
    out = tmp_path / "g.svg"
    result = run("render", CORPUS / name, "--engine", "pure", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"<?xml") or b"<svg" in out.read_bytes()[:400]


# -- writing, and back ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_maps_go_to_aif_and_back_equal(path):
    original = argmap.load(path)
    exported = write(original, "aif")
    assert_equal_maps(original, imported(exported.text))
    assert all(w.rule == "not-converted" and w.node for w in exported.warnings)


def test_arguebuf_loads_what_argmap_writes_with_the_same_inodes_and_relations():
    arguebuf = pytest.importorskip("arguebuf")
    original = argmap.load(MAPS / "tutorial-theses.yaml")
    data = json.loads(write(original, "aif").text)
    loaded = arguebuf.load.aif(data)
    assert sorted(node.plain_text for node in loaded.atom_nodes.values()) == sorted(c.text for c in original.claims)
    kinds = Counter(type(node.scheme).__name__ for node in loaded.scheme_nodes.values())
    # Two premise reasons (one on a ref), one undercut on the ref.
    assert kinds == Counter({"Support": 2, "Attack": 1})
    assert len(loaded.edges) == len(data["edges"])


def _distinct(theses: list[dict]) -> dict:
    """Several generated theses made one map: texts and ids kept apart, and evidence and undercuts on refs added."""

    def rename(node: object, k: int) -> object:
        if isinstance(node, dict):
            made = {key: rename(value, k) for key, value in node.items()}
            if "claim" in made:
                made["claim"] = f"{k}: {made['claim']}"
                if len(made["claim"]) % 3 == 0:
                    made["evidence"] = [{"quote": made["claim"], "source": {"author": "A", "date": "2020"}}]
            for key in ("id", "ref"):
                if key in made:
                    made[key] = f"t{k}-{made[key]}"
            if "ref" in made and len(made["ref"]) % 2:
                made["undercuts"] = [{"claim": f"{k}: undercut of a use of {made['ref']}"}]
            return made
        if isinstance(node, list):
            return [rename(item, k) for item in node]
        return node

    return {"theses": [rename(thesis, k) for k, thesis in enumerate(theses)]}


@settings(max_examples=60, deadline=None)
@given(st.lists(maps(), min_size=1, max_size=3))
def test_generated_maps_go_to_aif_and_back_equal(theses):
    original = loads(json.dumps(_distinct(theses)))
    assert_equal_maps(original, imported(write(original, "aif").text))


def test_convert_to_aif_and_back_through_the_command_line(run, tmp_path):
    target = tmp_path / "theses.json"
    result = run("convert", MAPS / "tutorial-theses.yaml", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert "not-converted" in result.stderr  # evidence kept in 'argmap' fields, said so
    # Each warning names its claim, not only its place.
    assert "warning not-converted: AIF has no place for its evidence" in result.stderr
    assert "(riders-feel-unsafe)" in result.stderr and "(already-riders)" in result.stderr
    back = tmp_path / "back.yaml"
    assert run("convert", target, "-o", back).exit_code == 0
    assert_equal_maps(argmap.load(MAPS / "tutorial-theses.yaml"), argmap.load(back))
    assert run("check", target).exit_code == 0
    shown = run("eval", target)
    assert "Thesis 'more-lanes': accepted" in shown.stdout and "Thesis 'fewer-cars': unsupported" in shown.stdout


def test_broken_aif_through_the_command_line_exits_2_and_writes_nothing(run, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(graph([("1", "I", "A")], [("1", "9")]), encoding="utf-8")
    target = tmp_path / "out.yaml"
    result = run("convert", source, "-o", target)
    assert result.exit_code == 2 and not target.exists()
    assert f"{source}:5:1" in result.stderr and "aif-structure" in result.stderr
    assert run("check", source).exit_code == 2


def test_node_ids_that_are_numbers_are_read_as_text():
    text = json.dumps(
        {
            "nodes": [{"nodeID": 1, "type": "I", "text": "T"}, {"nodeID": 2, "type": "I", "text": "P"},
                      {"nodeID": 3, "type": "RA", "text": "RA"}],
            "edges": [{"edgeID": 4, "fromID": 2, "toID": 3}, {"edgeID": 5, "fromID": 3, "toID": 1}],
        }
    )  # fmt: skip
    m = imported(text)
    assert m.thesis.premises[0].members[0].text == "P"


def test_a_locution_that_no_ya_node_ties_to_a_claim_is_reported_not_lost():
    text = graph(
        [("1", "I", "A"), ("2", "L", "Bob: A"), ("3", "L", "Ann: so"), ("4", "TA", "T")], [("2", "4"), ("4", "3")]
    )
    warnings = read(text, Path("g.json"), "aif").warnings
    assert [(w.line, w.message) for w in warnings if "L-node" in w.message] == [
        (3, "L-node '2' (locution) is not converted: no YA-node ties it to a claim"),
        (4, "L-node '3' (locution) is not converted: no YA-node ties it to a claim"),
    ]
