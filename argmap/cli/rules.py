"""``argmap rules``: every rule's id, default severity, state and documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from .output import emit, fail


def rules(
    ids: Annotated[list[str] | None, typer.Argument(help="Rules to show (default: all).")] = None,
) -> None:
    """List every rule: id, default severity, whether it is on, and its documentation.

    Example: argmap rules quote-not-found
    """
    from ..rules import RULES, describe

    for rule_id in ids or ():
        if rule_id not in RULES:
            from ..suggestions import did_you_mean

            raise fail(f"unknown rule '{rule_id}'{did_you_mean(rule_id, RULES)}")
    chosen = [RULES[rule_id] for rule_id in ids] if ids else list(RULES.values())
    emit("\n".join(describe(rule) for rule in chosen))
