"""Settings: files found from the map upwards, --config, --select/--ignore, severities, options."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.config import Config, ConfigError, read

# One unsupported premise (error), one unanswered objection (warning), one silenced objection.
MAP = """\
thesis:
  id: t
  claim: The US should leave Iraq.
  premises:
    - id: p
      claim: Iraq is no ally.
  objections:
    - id: o
      claim: ISIS may return.
      assumption: true
    - id: quiet
      claim: Iran gains.
      assumption: true
      ignore: [unanswered-objection]
"""


@pytest.fixture
def check(run):
    """``check(*args)``: exit code, ``(rule, severity, node)`` of each problem, and stderr of ``argmap check``."""

    def check_json(*args: str):
        result = run("check", "--format", "json", *args)
        problems = []
        if result.stdout.strip():
            problems = [(p["rule"], p["severity"], p["node"]) for p in json.loads(result.stdout)["problems"]]
        return result.exit_code, problems, result.stderr

    return check_json


def rules_of(problems) -> set[str]:
    return {rule for rule, _, _ in problems}


def test_defaults_and_claim_level_ignore(tree, check):
    tree({"m.yaml": MAP})
    code, problems, _ = check("m.yaml")
    assert code == 1
    assert sorted(problems) == [("unanswered-objection", "warning", "o"), ("unsupported-premise", "error", "p")]


@pytest.mark.parametrize("name", ["argmap.toml", "pyproject.toml"])
def test_settings_file_found_from_the_map_upwards(tree, name, check):
    body = 'ignore = ["unsupported-premise"]\n'
    if name == "pyproject.toml":
        body = '[project]\nname = "x"\n\n[tool.argmap]\n' + body
    tree({"a/b/m.yaml": MAP, name: body})
    code, problems, _ = check("a/b/m.yaml")
    assert (code, rules_of(problems)) == (0, {"unanswered-objection"})


def test_nearest_file_wins(tree, check):
    tree({"a/m.yaml": MAP, "argmap.toml": 'ignore = ["ALL"]\n', "a/argmap.toml": 'ignore = ["unanswered-objection"]\n'})
    assert rules_of(check("a/m.yaml")[1]) == {"unsupported-premise"}


def test_pyproject_without_the_table_is_skipped(tree, check):
    tree({"a/m.yaml": MAP, "a/pyproject.toml": '[project]\nname = "x"\n', "argmap.toml": 'ignore = ["ALL"]\n'})
    assert check("a/m.yaml")[:2] == (0, [])


def test_explicit_config_file(tree, check):
    tree({"m.yaml": MAP, "argmap.toml": 'ignore = ["ALL"]\n', "other.toml": 'ignore = ["unsupported-premise"]\n'})
    assert rules_of(check("m.yaml", "--config", "other.toml")[1]) == {"unanswered-objection"}


@pytest.mark.parametrize(
    "options, expected",
    [
        (["--ignore", "unsupported-premise,unanswered-objection"], set()),
        (["--ignore", "unsupported-premise", "--ignore", "unanswered-objection"], set()),
        (["--ignore", "ALL"], set()),
        (["--ignore", "ALL", "--select", "unsupported-premise"], {"unsupported-premise"}),
        (
            ["--select", "ALL", "--ignore", "single-premise-reason"],
            {"unsupported-premise", "unanswered-objection", "rabbit-rule", "holding-hands"},
        ),
        (
            ["--select", "single-premise-reason"],
            {"unsupported-premise", "unanswered-objection", "single-premise-reason"},
        ),
        (
            ["--select", " single-premise-reason , rabbit-rule "],
            {"unsupported-premise", "unanswered-objection", "single-premise-reason", "rabbit-rule"},
        ),
    ],
)
def test_select_and_ignore(tree, options, expected, check):
    tree({"m.yaml": MAP})
    assert rules_of(check("m.yaml", *options)[1]) == expected


def test_command_line_wins_over_the_file(tree, check):
    tree({"m.yaml": MAP, "argmap.toml": 'ignore = ["unanswered-objection"]\nselect = ["rabbit-rule"]\n'})
    found = rules_of(check("m.yaml", "--select", "unanswered-objection", "--ignore", "rabbit-rule")[1])
    assert found == {"unsupported-premise", "unanswered-objection"}


def test_each_map_gets_its_own_file_with_the_command_line_on_top(tree, run):
    tree(
        {
            "a/m.yaml": MAP,
            "a/argmap.toml": 'ignore = ["unanswered-objection"]\n',
            "b/m.yaml": MAP,
            "b/argmap.toml": 'ignore = ["unsupported-premise"]\n',
        }
    )
    result = run("check", "-f", "json", "a", "b", "--select", "single-premise-reason")
    by_file = {}
    for p in json.loads(result.stdout)["problems"]:
        by_file.setdefault(p["file"].split("/")[0], set()).add(p["rule"])
    assert by_file == {
        "a": {"unsupported-premise", "single-premise-reason"},
        "b": {"unanswered-objection", "single-premise-reason"},
    }


@pytest.mark.parametrize(
    "settings, code, severity",
    [
        ('[severity]\nunanswered-objection = "error"\nunsupported-premise = "warning"\n', 1, "error"),
        ('[severity]\nunsupported-premise = "warning"\n', 0, "warning"),
        ('[severity]\nunsupported-premise = "info"\nunanswered-objection = "info"\n', 0, "info"),
    ],
)
def test_severity_changes_the_exit_code(tree, settings, code, severity, check):
    tree({"m.yaml": MAP, "argmap.toml": settings})
    found_code, problems, _ = check("m.yaml")
    assert found_code == code
    assert {rule: level for rule, level, _ in problems}["unanswered-objection"] == severity


def test_rule_options(tree, check):
    tree({"m.yaml": MAP, "argmap.toml": 'select = ["rabbit-rule"]\n[rules.rabbit-rule]\nallow = ["iraq", "leave"]\n'})
    assert "rabbit-rule" not in rules_of(check("m.yaml")[1])
    tree({"argmap.toml": 'select = ["rabbit-rule"]\n'})
    assert "rabbit-rule" in rules_of(check("m.yaml")[1])


@pytest.mark.parametrize(
    "settings, options, message",
    [
        ('select = ["rabit-rule"]\n', [], "did you mean 'rabbit-rule'"),
        ("", ["--select", "unsuported-premise"], "did you mean 'unsupported-premise'"),
        ("", ["--ignore", "nothing-like-it"], "unknown rule 'nothing-like-it'"),
        ('[severity]\nunsupported-premise = "fatal"\n', [], "must be one of error, warning, info"),
        ("[rules.rabbit-rule]\nmin-overlap = 1\n", [], "has no option 'min-overlap'"),
        ('[rules.rabbit-rule]\nmin-length = "3"\n', [], "must be int"),
        ("[rules.rabbit-rule]\nallow = [1]\n", [], "must be a list of text"),
        ('select = "rabbit-rule"\n', [], "must be a list of rule ids"),
        ('colour = "red"\n', [], "unknown setting 'colour'"),
        ("select = [\n", [], "invalid TOML"),
        ("", ["--sources", "no/such/folder"], "no such folder"),
        ("", ["--config", "missing.toml"], "cannot read"),
    ],
)
def test_bad_settings_exit_2_with_a_clear_message(tree, settings, options, message, check):
    tree({"m.yaml": MAP, "argmap.toml": settings})
    code, _, stderr = check("m.yaml", *options)
    assert code == 2 and message in stderr and "Traceback" not in stderr
    if settings and "--" not in " ".join(options):
        assert "argmap.toml" in stderr  # the message names the file


def test_unknown_rule_in_a_claims_ignore(tree, check):
    tree({"m.yaml": MAP.replace("ignore: [unanswered-objection]", "ignore: [unanswered-objections]")})
    code, problems, _ = check("m.yaml")
    assert code == 1 and ("unknown-rule", "error", "quiet") in problems
    assert ("unanswered-objection", "warning", "quiet") in problems


def test_claim_ignore_silences_only_that_claim():
    m = argmap.loads(MAP)
    assert [p.node for p in argmap.check(m) if p.rule == "unanswered-objection"] == ["o"]


def test_sources_setting_is_relative_to_the_settings_file(tmp_path):
    (tmp_path / "conf" / "texts").mkdir(parents=True)
    (tmp_path / "conf" / "other").mkdir()
    path = tmp_path / "conf" / "argmap.toml"
    path.write_text('sources = "texts"\n[rules.quote-not-found]\nsources = "other"\n', encoding="utf-8")
    config = read(path)
    assert config.sources_dir == tmp_path / "conf" / "texts"
    assert config.options_of("quote-not-found")["sources"] == str(tmp_path / "conf" / "texts")
    assert Config(options={"quote-not-found": {"sources": "x"}}).options_of("quote-not-found")["sources"] == "x"


def test_library_validates_too():
    with pytest.raises(ConfigError, match="did you mean 'rabbit-rule'"):
        Config().with_cli(["rabbit"], None, None)


def test_the_readme_settings_example_is_valid(tmp_path):
    from tests.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "project" / "texts").mkdir(parents=True)
    (tmp_path / "shared-texts").mkdir()
    path = tmp_path / "project" / "argmap.toml"
    path.write_text(example, encoding="utf-8")
    config = read(path)
    assert config.source_roots == (tmp_path / "project" / "../shared-texts",)
    assert config.severity_of("unsupported-premise") == "warning"
    assert config.severity_of("evidence-without-source") == "error"


def test_the_examples_in_the_settings_modules_run():
    import doctest

    from argmap.config import toml_positions, values

    for module in (values, toml_positions):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed
