"""The rules, registered by id. Each rule is a module that provides what :class:`Rule` describes:
``ID``, ``SEVERITY``, ``ENABLED``, ``OPTIONS`` (name -> default), a docstring that documents it,
and ``check(argmap, options)`` yielding :class:`~argmap.problems.Finding` values. Rules are pure:
they never print or read files (except through what the map names, as ``quote-not-found`` does)
and never know their configured severity.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

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
    unreadable_source_file,
    unsupported_premise,
    unsupported_thesis,
)

if TYPE_CHECKING:
    from ..model import ArgumentMap
    from ..problems import Finding, Severity


class Rule(Protocol):
    """What a rule module provides; mypy checks every module registered below against it."""

    #: The rule's id, also its module's name with ``-`` for ``_``.
    ID: str
    #: The severity unless the settings say otherwise.
    SEVERITY: Severity
    #: Whether it runs unless the settings say otherwise.
    ENABLED: bool
    #: Option name -> default, set under ``[rules.ID]``.
    OPTIONS: dict[str, object]
    #: ``"id: summary"``, then the documentation with a failing and a passing example.
    __doc__: str | None

    def check(self, argmap: ArgumentMap, options: dict[str, object]) -> Iterable[Finding]:
        """The findings in one map, with the options filled in from the defaults."""
        ...


_MODULES: tuple[Rule, ...] = (
    unsupported_premise,
    unsupported_thesis,
    unknown_reference,
    duplicate_id,
    circular_reasoning,
    unanswered_objection,
    evidence_without_source,
    unknown_source_file,
    unreadable_source_file,
    quote_not_found,
    rabbit_rule,
    holding_hands,
    single_premise_reason,
)

RULES: dict[str, Rule] = {module.ID: module for module in _MODULES}


def _docstring(rule: Rule) -> tuple[str, str]:
    """The rule's docstring as its first line (``id: summary``) and the rest."""
    first, _, rest = (rule.__doc__ or "").strip().partition("\n")
    return first, rest


def summary(rule: Rule) -> str:
    """The first line of the rule's docstring, without its id.

    >>> summary(RULES["unsupported-thesis"])
    'the thesis has neither premises nor evidence.'
    """
    first = _docstring(rule)[0]
    return first.split(":", 1)[1].strip() if ":" in first else first


def documentation(rule: Rule) -> str:
    """The rule's docstring after its first line, dedented: what ``argmap rules`` shows below the summary."""
    import textwrap

    return textwrap.dedent(_docstring(rule)[1]).strip()


def describe(rule: Rule) -> str:
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
