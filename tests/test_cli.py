"""The command line: every output format and every exit code (0 clean, 1 problems, 2 could not run)."""

from __future__ import annotations

import json
import os

import pytest

from argmap.cli.app import app
from tests.samples import CLEAN, ERROR

pytestmark = pytest.mark.usefixtures("in_project")  # paths in reports are as given: keep them relative

WARNING_ONLY = CLEAN + "  objections:\n    - claim: O\n      assumption: true\n"


@pytest.mark.parametrize(
    "content, options, code",
    [
        (CLEAN, [], 0),
        (WARNING_ONLY, [], 0),
        (WARNING_ONLY, ["--strict"], 1),
        (ERROR, [], 1),
        ("thesis: [unclosed\n", [], 2),
        (b"\xff\xfe\x00", [], 2),
    ],
    ids=["clean", "warning", "warning-strict", "error", "invalid-yaml", "not-utf8"],
)
def test_check_exit_codes(run, write, content, options, code):
    assert run("check", write("m.yaml", content), *options).exit_code == code


def test_missing_file_and_bad_option_exit_2(run, write):
    assert run("check", "no/such/map.yaml").exit_code == 2
    assert run("check", write("m.yaml", CLEAN), "--format", "xml").exit_code == 2


def test_unreadable_wins_over_problems(run, write):
    assert run("check", write("a.yaml", ERROR), write("b.yaml", "- list\n")).exit_code == 2


def test_check_folder_finds_yaml_and_yml(run, write):
    write("maps/a.yaml", CLEAN)
    write("maps/sub/b.yml", ERROR)
    write("maps/.hidden/c.yaml", "not: a map\n")
    write("maps/notes.txt", "ignored")
    folder = os.path.dirname(write("maps/x/.keep", ""))
    result = run("check", os.path.dirname(folder), "--format", "json")
    data = json.loads(result.stdout)
    assert data["files"] == 2 and result.exit_code == 1
    assert {p["file"].rsplit("/", 1)[1] for p in data["problems"]} == {"b.yml"}


def test_text_report_of_the_seed_map(run, golden):
    result = run("check", "maps/bandow-iraq.yaml")
    assert result.exit_code == 1
    golden("check-bandow.txt", result.stdout)


def test_json_report_of_the_seed_map(run, golden):
    result = run("check", "maps/bandow-iraq.yaml", "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["files"] == 1
    assert set(data["problems"][0]) == {"file", "line", "column", "rule", "severity", "message", "node"}
    assert data["summary"]["errors"] == sum(p["severity"] == "error" for p in data["problems"])
    golden("check-bandow.json", result.stdout)


def test_github_annotations(run, write):
    path = write("m.yaml", ERROR)
    result = run("check", path, "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={path},line=5,col=7,title=unsupported-premise::")


def test_github_escapes_newlines_and_commas(run, write):
    path = write("a,b.yaml", "thesis:\n  claim: T\n  premises:\n    - ref: 'x'\n")
    line = run("check", path, "--format", "github").stdout.splitlines()[0]
    assert "a%2Cb.yaml" in line and "\n" not in line


def test_load_errors_are_reported_in_every_format(run, write):
    path = write("m.yaml", "thesis:\n  claim: A\n  premisses: []\n")
    text = run("check", path)
    assert f"{path}:3:3: error [unknown-key]" in text.stdout and "Traceback" not in text.stdout
    data = json.loads(run("check", path, "--format", "json").stdout)
    assert data["problems"][0]["rule"] == "unknown-key" and data["summary"]["unreadable"] == 1


def test_clean_summary(run):
    result = run("check", "maps/tutorial-basics.yaml", "maps/tutorial-structure.yaml")
    assert result.exit_code == 0 and result.stdout == "No problems in 2 files.\n"


def test_show_marks_unsupported_claims(run):
    result = run("show", "maps/bandow-iraq.yaml")
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if "Iran poses no threat to America." in line)
    assert "⚠ unsupported" in line


def test_show_invalid_map_exits_2(run, write):
    result = run("show", write("m.yaml", "thesis: 3\n"))
    assert result.exit_code == 2 and "[wrong-type]" in result.stderr


def test_rules_lists_every_rule(run):
    from argmap.rules import RULES

    result = run("rules")
    assert result.exit_code == 0
    for rule_id, rule in RULES.items():
        assert f"{rule_id}  ({rule.SEVERITY}, " in result.stdout


def test_schema_prints_json(run):
    result = run("schema")
    assert json.loads(result.stdout)["oneOf"] == [{"required": ["thesis"]}, {"required": ["theses"]}]


def test_version(run):
    from argmap import __version__

    assert run("--version").stdout == f"argmap {__version__}\n"


def test_every_command_has_help_with_an_example(run):
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert "Example: argmap" in (command.help or ""), name
        assert run(name, "--help").exit_code == 0


def test_an_empty_folder_is_an_error_not_a_pass(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", str(tmp_path / "empty"), "--format", "json")
    assert result.exit_code == 2 and json.loads(result.stdout)["problems"][0]["rule"] == "no-maps"


def test_a_folder_without_maps_names_every_kind_of_map_it_looks_for(run, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "graph.json").write_text("{}")  # AIF is read when named, not found in folders
    [problem] = json.loads(run("check", str(tmp_path / "data"), "--format", "json").stdout)["problems"]
    assert problem["message"] == "no maps (*.yaml, *.yml, *.argdown, *.ad) in this folder"


def test_a_folder_whose_argdown_documents_are_turned_off_is_an_error_not_a_pass(run, tmp_path):
    (tmp_path / "debate.argdown").write_text("[T]: A thesis.\n")
    (tmp_path / "argmap.toml").write_text("argdown = false\n")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["rule"] == "no-maps" and "argdown = false" in problem["message"]
    assert run("check", str(tmp_path / "debate.argdown")).exit_code == 1  # named, it is checked


def test_a_map_named_twice_is_checked_once(run, write):
    path = write("m.yaml", ERROR)
    data = json.loads(run("check", path, path, "--format", "json").stdout)
    assert data["files"] == 1 and len(data["problems"]) == 1


def test_show_uses_the_maps_settings_file(run, write):
    path = write("m.yaml", ERROR)
    write("argmap.toml", 'ignore = ["unsupported-premise"]\n')
    assert "⚠" not in run("show", path).stdout
    assert run("check", path).exit_code == 0
