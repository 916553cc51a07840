"""Every rule is documented the same way, and its examples do what they say."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import argmap
from argmap.config import Config
from argmap.problems import SEVERITIES
from argmap.rules import RULES

RULES_FOLDER = Path(argmap.__file__).parent / "rules"


def examples(doc: str) -> list[tuple[str, str]]:
    """``(label, yaml)`` for each ``Label...::`` block of a docstring."""
    found = []
    for match in re.finditer(r"^( *)(\w+)[^\n]*::\n\n((?:\1 +\S[^\n]*\n|\n)+)", doc, re.MULTILINE):
        found.append((match.group(2), textwrap.dedent(match.group(3))))
    return found


def test_every_module_is_registered():
    modules = {path.stem for path in RULES_FOLDER.glob("*.py") if path.stem != "__init__"}
    assert modules == {rule.__name__.rsplit(".", 1)[1] for rule in RULES.values()}


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_module_shape(rule_id):
    rule = RULES[rule_id]
    assert rule.ID == rule_id == rule.__name__.rsplit(".", 1)[1].replace("_", "-")
    assert rule.SEVERITY in SEVERITIES and isinstance(rule.ENABLED, bool) and isinstance(rule.OPTIONS, dict)
    assert callable(rule.check)
    doc = rule.__doc__ or ""
    assert doc.startswith(f"{rule_id}: "), "the docstring starts with 'id: summary'"
    labels = [label for label, _ in examples(doc)]
    assert "Fails" in labels, "the docstring shows a failing example"
    for name in rule.OPTIONS:
        assert f"``{name}``" in doc, f"option {name} is documented"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_whole_map_examples_do_what_they_say(rule_id, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "bandow.txt").write_text("It is time to bring home America’s forces.", encoding="utf-8")
    config = Config(select=(rule_id,))
    checked = 0
    for label, text in examples(RULES[rule_id].__doc__):
        if not re.search(r"^thesis:", text, re.MULTILINE) or label not in ("Fails", "Passes"):
            continue  # a fragment of a map
        problems = argmap.check(argmap.loads(text, tmp_path / "example.yaml"), config)
        assert any(p.rule == rule_id for p in problems) == (label == "Fails"), f"{label} example:\n{text}"
        checked += 1
    if rule_id in ("rabbit-rule", "holding-hands", "single-premise-reason", "quote-not-found"):
        assert checked, "these rules show whole maps"
