"""The rules, registered by id. Each rule is a module with ``ID``, ``SEVERITY``, ``ENABLED``,
``OPTIONS`` (name -> default), a docstring that documents it, and ``check(argmap, options)``
yielding :class:`~argmap.problems.Finding` values. Rules are pure: they never print or read files
(except through what the map names, as ``quote-not-found`` does) and never know their configured
severity.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    circular_reasoning,
    duplicate_id,
    evidence_without_source,
    holding_hands,
    quote_not_found,
    rabbit_rule,
    single_premise_reason,
    unanswered_objection,
    unknown_reference,
    unknown_source_file,
    unsupported_premise,
    unsupported_thesis,
)

_MODULES: tuple[ModuleType, ...] = (
    unsupported_premise,
    unsupported_thesis,
    unknown_reference,
    duplicate_id,
    circular_reasoning,
    unanswered_objection,
    evidence_without_source,
    unknown_source_file,
    quote_not_found,
    rabbit_rule,
    holding_hands,
    single_premise_reason,
)

RULES: dict[str, ModuleType] = {module.ID: module for module in _MODULES}


def get(rule_id: str) -> ModuleType:
    """The rule with this id; ``KeyError`` with a clear message for an unknown id."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule '{rule_id}'") from None


def summary(rule: ModuleType) -> str:
    """The first line of the rule's docstring, without its id."""
    first = (rule.__doc__ or "").strip().splitlines()[0]
    return first.split(":", 1)[1].strip() if ":" in first else first


def documentation(rule: ModuleType) -> str:
    """The rule's docstring after its first line, dedented: what it finds, with examples."""
    import textwrap

    return textwrap.dedent("\n".join((rule.__doc__ or "").strip().splitlines()[1:])).strip()


def describe(rule: ModuleType) -> str:
    """The rule's documentation as ``argmap rules`` prints it: a header, the docstring, options.

    >>> print(describe(RULES["unanswered-objection"]).splitlines()[0])
    unanswered-objection  (warning, on by default)
    """
    import json

    state = "on by default" if rule.ENABLED else "off by default"
    doc = documentation(rule)
    lines = [f"{rule.ID}  ({rule.SEVERITY}, {state})", f"    {summary(rule)}", ""]
    lines += [f"    {line}" if line else "" for line in doc.splitlines()]
    if rule.OPTIONS:
        options = ", ".join(f"{name} = {json.dumps(value)}" for name, value in rule.OPTIONS.items())
        lines += ["", f"    Options, under [rules.{rule.ID}]: {options}"]
    return "\n".join(lines) + "\n"
