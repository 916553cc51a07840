"""Every rule is documented the same way, and its examples do what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.config import Config
from argmap.problems import SEVERITIES
from argmap.rules import RULES
from tests.rules.examples import documented, examples

RULES_FOLDER = Path(argmap.__file__).parent / "rules"


def test_every_module_is_registered():
    modules = {path.stem for path in RULES_FOLDER.glob("*.py") if path.stem != "__init__"}
    assert modules == {rule.__name__.rsplit(".", 1)[1] for rule in RULES.values()}


#: The examples run as ``example.yaml`` in a folder where ``texts/bandow.txt`` holds this text, as
#: the docstrings of quote-not-found and unknown-source-file say.
BANDOW_TEXT = "It is time to bring home America’s forces."


@pytest.fixture
def example_path(tmp_path):
    """Where an example map is read from: ``example.yaml`` next to ``texts/bandow.txt``."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "bandow.txt").write_text(BANDOW_TEXT, encoding="utf-8")
    return tmp_path / "example.yaml"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_module_shape(rule_id):
    rule = RULES[rule_id]
    assert rule.ID == rule_id == rule.__name__.rsplit(".", 1)[1].replace("_", "-")
    assert rule.SEVERITY in SEVERITIES and isinstance(rule.ENABLED, bool) and isinstance(rule.OPTIONS, dict)
    assert callable(rule.check)
    doc = rule.__doc__ or ""
    assert doc.startswith(f"{rule_id}: "), "the docstring starts with 'id: summary'"
    for name in rule.OPTIONS:
        assert f"``{name}``" in doc, f"option {name} is documented"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_examples_are_whole_maps_that_do_what_they_say(rule_id, example_path):
    doc = RULES[rule_id].__doc__ or ""
    shown = [(label, text) for label, text in examples(doc) if label in ("Fails", "Passes")]
    written = re.findall(r"^ *(?:Fails|Passes)\b[^\n]*::$", doc, re.MULTILINE)
    assert len(shown) == len(written), "every 'Fails...::' and 'Passes...::' is followed by a blank line and a map"
    assert {label for label, _ in shown} == {"Fails", "Passes"}, "the docstring shows a failing and a passing map"
    config = Config(select=(rule_id,))
    for label, text in shown:
        assert re.search(r"^thesis:", text, re.MULTILINE), f"a whole map, not a fragment:\n{text}"
        problems = argmap.check(argmap.loads(text, example_path), config)
        assert any(p.rule == rule_id for p in problems) == (label == "Fails"), f"{label} example:\n{text}"


def test_examples_finds_each_labelled_block():
    doc = "x: y.\n\nFails, when so::\n\n    thesis:\n      claim: A\n\n    more\n\nPasses::\n\n    thesis: {claim: B}\n"
    assert examples(doc) == [("Fails", "thesis:\n  claim: A\n\nmore\n\n"), ("Passes", "thesis: {claim: B}\n")]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_default_settings_report_the_failing_example_only_for_rules_on_by_default(rule_id, example_path):
    rule = RULES[rule_id]
    problems = argmap.check(argmap.loads(documented(rule_id), example_path))
    assert {p.severity for p in problems if p.rule == rule_id} == ({rule.SEVERITY} if rule.ENABLED else set())
