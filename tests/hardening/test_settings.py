"""Class 6 of issue 10, the settings: every settings file and value that cannot be used ends the run
with exit 2 and a message naming the file and the key, never a traceback or a hang; settings files
are read as source texts are (a regular file of at most MAX_SETTINGS_BYTES)."""

from __future__ import annotations

import json
import os

import pytest

from tests.processes import argmap_process
from tests.samples import ERROR

DEEP = 5000


@pytest.fixture
def settle(tree, run):
    """``settle(name, text, *options)``: ``m.yaml`` (an unsupported premise) with the settings file
    ``name`` holding ``text``, checked as JSON; exit code, rules with severities, and stderr."""

    def check(name: str, text: str, *options: str) -> tuple[int, list[tuple[str, str]], str]:
        tree({"m.yaml": ERROR, name: text})
        result = run("check", "m.yaml", "--format", "json", *options)
        problems = json.loads(result.stdout)["problems"] if result.stdout.strip() else []
        return result.exit_code, [(p["rule"], p["severity"]) for p in problems], result.stderr

    return check


def refused(settle, name: str, text: str, *options: str) -> str:
    """The message of a run the settings stop: exit 2, the file named, no traceback."""
    code, _, stderr = settle(name, text, *options)
    assert code == 2 and "Traceback" not in stderr
    assert name in stderr or any(name in option for option in options), stderr
    return stderr


@pytest.mark.parametrize(
    "text",
    [
        "select = " + "[" * DEEP + "]" * DEEP,
        "select = " + "{a=" * DEEP + "1" + "}" * DEEP,
    ],
    ids=["arrays", "inline-tables"],
)
def test_settings_nested_5000_deep(settle, text):
    assert "nest too deeply" in refused(settle, "argmap.toml", text + "\n")


def test_a_deep_value_under_a_known_key_is_described_not_printed(settle):
    text = "[rules.rabbit-rule]\nallow" + ".a" * DEEP + " = 1\n"
    assert "must be a list of text, not a table" in refused(settle, "argmap.toml", text)


def test_rules_all_is_refused(settle):
    stderr = refused(settle, "argmap.toml", "[rules.ALL]\nallow = []\n")
    assert "[rules.ALL]" in stderr


@pytest.mark.parametrize("text", ["tool = 5\n", "[tool]\nargmap = 5\n", '[tool]\nargmap = "x"\n'])
def test_pyproject_tool_that_is_not_a_table(settle, text):
    stderr = refused(settle, "pyproject.toml", text + "# [tool.argmap]\n")
    assert "must be tables" in stderr
    assert "must be tables" in refused(settle, "pyproject.toml", text, "--config", "pyproject.toml")


def test_severity_all_applies_to_every_rule_and_a_named_rule_wins(settle):
    assert settle("argmap.toml", '[severity]\nALL = "info"\n')[:2] == (0, [("unsupported-premise", "info")])
    text = '[severity]\nALL = "info"\nunsupported-premise = "warning"\n'
    assert settle("argmap.toml", text)[:2] == (0, [("unsupported-premise", "warning")])
    assert "must be one of" in refused(settle, "argmap.toml", '[severity]\nALL = "loud"\n')


@pytest.mark.parametrize(
    "text, message",
    [
        ('sources = "nope"\n', "no such folder 'nope'"),
        ('sources = ""\n', "'sources' must be a folder path"),
        ("sources = 5\n", "'sources' must be a folder path"),
        ('source-roots = ["nope"]\n', "is not a folder"),
        ('source-roots = "texts"\n', "'source-roots' must be a list of folder paths"),
        ('[rules.quote-not-found]\nsources = "nope"\n', "option 'sources' of 'quote-not-found'"),
        ('[rules.quote-not-found]\nsource-roots = ["nope"]\n', "option 'source-roots' of 'quote-not-found'"),
        ("select = [" + "9" * DEEP + "]\n", "invalid TOML"),
        ("[rules.rabbit-rule]\nmin-length = " + "9" * DEEP + "\n", "invalid TOML"),
        ("[rules.rabbit-rule]\nmin-length = -3\n", "must be 0 or more"),
    ],
    ids=[
        "sources",
        "empty-sources",
        "number-sources",
        "roots",
        "roots-text",
        "rule-sources",
        "rule-roots",
        "huge-int-in-list",
        "huge-int",
        "negative-length",
    ],
)
def test_each_value_is_checked_like_the_command_line(settle, text, message):
    assert message in refused(settle, "argmap.toml", text)


def test_a_control_character_in_a_key_is_shown_escaped(settle):
    stderr = refused(settle, "argmap.toml", '"\\u001b]0;pwned\\u0007" = 1\n')
    assert "\x1b" not in stderr and "\\x1b" in stderr


def test_a_long_value_is_cut_short_in_the_message(settle):
    stderr = refused(settle, "argmap.toml", f'select = ["{"x" * 100_000}"]\n')
    assert len(stderr) < 2000


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "folder"])
def test_config_that_is_not_a_regular_file_ends_at_once(tmp_path, target):
    (tmp_path / "m.yaml").write_text(ERROR, encoding="utf-8")
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    elif target == "folder":
        (tmp_path / "folder").mkdir()
    done = argmap_process("check", "m.yaml", "--config", target, cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_an_argmap_toml_that_is_a_fifo_is_reported_not_skipped_or_waited_on(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "m.yaml").write_text(ERROR, encoding="utf-8")
    (tmp_path / "argmap.toml").write_text('ignore = ["ALL"]\n', encoding="utf-8")
    os.mkfifo(tmp_path / "a" / "argmap.toml")
    done = argmap_process("check", "a/m.yaml", cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "argmap.toml" in done.stderr and "FIFO" in done.stderr


@pytest.mark.parametrize("name", ["argmap.toml", "pyproject.toml"])
def test_an_oversized_settings_file_is_refused_by_its_size(settle, name):
    text = "[tool.argmap]\n" + "# padding\n" * 200_000
    assert "MAX_SETTINGS_BYTES" in refused(settle, name, text)


@pytest.mark.parametrize(
    "name, text, place",
    [
        ("argmap.toml", 'select = []\n[severity]\nALL = "loud"\n', "argmap.toml:3:1: "),
        ("argmap.toml", "# rules\n[rules.rabbit-rule]\n  allow = [1]\n", "argmap.toml:3:3: "),
        ("argmap.toml", "\n\n[rules.ALL]\n", "argmap.toml:3:1: "),
        ("argmap.toml", 'ignore = []\nseverity.unsupported-premise = "x"\n', "argmap.toml:2:1: "),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.argmap]\nsources = "nope"\n', "pyproject.toml:5:1: "),
    ],
)
def test_a_bad_value_is_shown_at_its_line_and_column(settle, name, text, place):
    assert place in refused(settle, name, text)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "[rules]\nunknown-reference = 1\n",
            "argmap.toml:2:1: 'rules.unknown-reference' must be a table of the rule's options",
        ),
        ('select = ["ALL", 5]\n', "'select' must be a list of rule ids; it holds 5"),
    ],
)
def test_a_wrong_value_is_named_where_it_is(run, tmp_path, text: str, message: str):
    (tmp_path / "argmap.toml").write_text(text, encoding="utf-8")
    (tmp_path / "m.yaml").write_text("thesis:\n  claim: T\n  assumption: true\n", encoding="utf-8")
    result = run("check", tmp_path / "m.yaml")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
