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
    unanswered_objection,
    unknown_reference,
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
