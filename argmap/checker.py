"""Run the enabled rules over a map and turn their findings into problems.

The checker, not the rule, attaches the file, the rule id and the configured severity, and drops
findings on claims that silence the rule with ``ignore: [rule-id]``. A rule id in ``ignore`` that
names no rule is itself a problem, ``unknown-rule``, which no setting turns off.
"""

from __future__ import annotations

from .config import Config
from .model import ArgumentMap, Claim
from .problems import Problem
from .rules import RULES


def check(argmap: ArgumentMap, config: Config | None = None) -> list[Problem]:
    """Every problem the enabled rules find, sorted by position. Never prints."""
    config = config or Config()
    ignoring = [claim for claim in argmap.claims if claim.ignore]  # one pass over 100,000 claims, not two
    silenced = {claim.uid: set(claim.ignore) for claim in ignoring}
    file = str(argmap.path)
    problems = []
    for rule_id, rule in RULES.items():
        if not config.enabled(rule_id):
            continue
        severity = config.severity_of(rule_id)
        for finding in rule.check(argmap, config.options_of(rule_id)):
            if finding.node is not None and rule_id in silenced.get(finding.node, ()):
                continue
            problems.append(
                Problem(
                    file, finding.line, finding.column, rule_id, severity, finding.message, finding.node, finding.claim
                )
            )
    problems.extend(_unknown_ignored_rules(argmap, ignoring))
    problems.sort(key=Problem.sort_key)
    return problems


def _unknown_ignored_rules(argmap: ArgumentMap, ignoring: list[Claim]) -> list[Problem]:
    from .suggestions import Suggester

    problems = []
    hint = Suggester(RULES)
    for claim in ignoring:
        for rule_id in claim.ignore:
            if rule_id not in RULES:
                line, column = claim.position.line, claim.position.column
                message = f"'{rule_id}' in this claim's ignore is not a rule{hint(rule_id)}"
                problems.append(
                    Problem(str(argmap.path), line, column, "unknown-rule", "error", message, claim.uid, claim.text)
                )
    return problems
