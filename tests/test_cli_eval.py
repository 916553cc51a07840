"""``argmap eval``, ``argmap show --eval`` and ``argmap check --eval``: outputs and exit codes.

Exit codes: 0 when the map was evaluated, whatever the verdict; 2 when it could not be. Whole
outputs are golden files (regenerate with ``python -m pytest --regen-golden``).
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import MAPS

TUTORIAL = "maps/tutorial-eval.yaml"
REJECTED = (
    "thesis:\n  id: t\n  claim: T\n  assumption: true\n  objections:\n    - {id: o, claim: O, assumption: true}\n"
)

pytestmark = pytest.mark.usefixtures("in_project")  # paths in outputs are as given: keep them relative


def test_text_output_of_the_tutorial_map(run, golden):
    result = run("eval", TUTORIAL)
    assert result.exit_code == 0
    golden("eval-tutorial.txt", result.stdout)


def test_json_output_of_the_tutorial_map(run, golden):
    result = run("eval", TUTORIAL, "--format", "json")
    assert result.exit_code == 0
    golden("eval-tutorial.json", result.stdout)


def test_json_lists_every_claim_once_with_its_position(run):
    document = json.loads(run("eval", "maps/bandow-iraq.yaml", "-f", "json").stdout)
    assert document["version"] == 1 and document["file"] == "maps/bandow-iraq.yaml"
    labels = document["labels"]
    assert document["thesis"] == labels[0] and labels[0]["node"] == "withdraw"
    assert len({label["node"] for label in labels}) == len(labels)
    assert all(set(label) == {"node", "line", "column", "claim", "status", "reason"} for label in labels)
    assert sum(document["counts"].values()) == len(labels)
    assert document["verdict"].startswith("the thesis ")


@pytest.mark.parametrize("text", [REJECTED, "thesis:\n  claim: T\n"], ids=["rejected", "unsupported"])
def test_exit_code_is_0_whatever_the_verdict(run, tmp_path, text):
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("eval", str(path), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["thesis"]["status"] in ("rejected", "unsupported")


def test_text_output_ends_with_the_thesis_label_and_the_verdict(run, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(REJECTED, encoding="utf-8")
    last_two = run("eval", str(path)).stdout.rstrip("\n").splitlines()[-2:]
    assert last_two[0].startswith("Thesis 't': rejected: ") and "'o'" in last_two[0]
    assert last_two[1].startswith("Verdict: the thesis ")


@pytest.mark.parametrize(
    "args",
    [("eval", "maps/no-such-map.yaml"), ("eval", "BAD"), ("eval", TUTORIAL, "--format", "xml")],
    ids=["missing file", "invalid map", "unknown format"],
)
def test_exit_2_when_it_cannot_run(run, tmp_path, args):
    if "BAD" in args:
        bad = tmp_path / "bad.yaml"
        bad.write_text("thesis: 3\n", encoding="utf-8")
        args = ("eval", str(bad))
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_load_errors_are_reported_with_their_position(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("thesis: 3\n", encoding="utf-8")
    assert f"{bad}:1:9: error [wrong-type]" in run("eval", str(bad)).stderr


def test_show_eval_labels_each_claim(run):
    plain = run("show", TUTORIAL)
    labelled = run("show", TUTORIAL, "--eval")
    assert plain.exit_code == labelled.exit_code == 0
    assert "[undecided]" not in plain.stdout
    for status in ("accepted", "rejected", "undecided", "unsupported"):
        assert f"[{status}]" in labelled.stdout


def test_check_json_carries_labels_only_with_eval(run):
    plain = json.loads(run("check", TUTORIAL, "-f", "json").stdout)
    assert "evaluations" not in plain
    result = run("check", TUTORIAL, "-f", "json", "--eval")
    assert result.exit_code == 1  # the check's exit code: the tutorial has unsupported claims
    document = json.loads(result.stdout)
    assert {key: document[key] for key in plain} == plain
    [evaluation] = document["evaluations"]
    assert evaluation["file"] == TUTORIAL and evaluation["thesis"]["status"] == "undecided"
    assert len(evaluation["labels"]) == 9


def test_check_eval_needs_json(run):
    result = run("check", TUTORIAL, "--eval")
    assert result.exit_code == 2 and "--format json" in result.stderr


def test_render_eval_draws_each_claims_status(run):
    labelled = run("render", TUTORIAL, "--eval", "--format", "dot", "-o", "-")
    plain = run("render", TUTORIAL, "--format", "dot", "-o", "-")
    assert labelled.exit_code == plain.exit_code == 0
    assert "status-" not in plain.stdout
    for status in ("accepted", "rejected", "undecided", "unsupported"):
        assert f"status-{status}" in labelled.stdout


def test_check_eval_and_eval_share_one_record_per_map(run):
    """Both commands' JSON comes from one pure format: the same record for the same map."""
    from argmap.evaluation.labelling import evaluate
    from argmap.files import check_paths
    from argmap.formats import eval_json
    from argmap.reading.loader import load

    alone = json.loads(run("eval", TUTORIAL, "-f", "json").stdout)
    [within] = json.loads(run("check", TUTORIAL, "-f", "json", "--eval").stdout)["evaluations"]
    assert alone == {"version": 1, **within}
    argmap = load(TUTORIAL)
    results = check_paths([MAPS / "tutorial-eval.yaml"], keep_maps=True)
    text = eval_json.render_with_checks(results, [(argmap, evaluate(argmap))])
    assert json.loads(text)["evaluations"][0] == within
    assert eval_json.render(argmap, evaluate(argmap)) == run("eval", TUTORIAL, "-f", "json").stdout
