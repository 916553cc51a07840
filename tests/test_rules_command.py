"""``argmap rules``: every rule's id, default severity, whether it is on, documentation, options."""

from __future__ import annotations

import pytest

from argmap.rules import RULES, summary


def test_whole_output(run, golden):
    result = run("rules")
    assert result.exit_code == 0
    golden("rules.txt", result.stdout)


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_is_described(run, rule_id):
    rule = RULES[rule_id]
    lines = run("rules", rule_id).stdout.splitlines()
    state = "on by default" if rule.ENABLED else "off by default"
    assert lines[0] == f"{rule_id}  ({rule.SEVERITY}, {state})"
    assert lines[1] == f"    {summary(rule)}"
    assert any(line.strip().startswith("Fails") for line in lines)
    if rule.OPTIONS:
        assert lines[-1].startswith(f"    Options, under [rules.{rule_id}]: ")
        for name in rule.OPTIONS:
            assert f"{name} = " in lines[-1]


def test_options_are_shown_as_toml(run):
    assert (
        run("rules", "rabbit-rule").stdout.splitlines()[-1]
        == "    Options, under [rules.rabbit-rule]: min-length = 3, allow = []"
    )


def test_unknown_rule_exits_2(run):
    result = run("rules", "rabit-rule")
    assert result.exit_code == 2 and "did you mean 'rabbit-rule'" in result.stderr
