"""The fixes for each kind of problem, found from the problem's place in the text.

- a "did you mean" in an ``unknown-key``, ``unknown-kind``, ``unknown-reference`` or
  ``unknown-rule`` problem: write the suggested name in place of the misspelt one;
- ``unsupported-premise``: mark the claim ``assumption: true`` with a ``note:`` to fill in, or give it
  evidence to fill in (``unsupported-thesis``: evidence);
- ``unanswered-objection``: give the objection a rebuttal to fill in;
- any rule's problem on a claim: ignore the rule for that claim (``ignore: [rule-id]``).

Placeholders start with ``TODO:`` so that a search finds what is left to write.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..model import ArgumentMap, Position
from ..problems import LoadError, Problem
from ..rules import RULES
from ..suggestions import did_you_mean, suggestion_in
from .edits import Value, append_item, respell, set_entries
from .layout import Layout, value_of
from .values import Fix

NOTE = '"TODO: why any reader grants this without support"'
EVIDENCE_TEXT = '"TODO: what shows this claim is true"'
REBUTTAL_TEXT = '"TODO: why this objection fails"'


def fixes_in(text: str, argmap: ArgumentMap | None, problem: Problem) -> list[Fix]:
    """The fixes for ``problem`` (see :func:`argmap.fixes.fixes_for`)."""
    try:
        layout = _layout(text)
    except LoadError:
        return []
    fixes = [make(layout, argmap, problem) for make in _FIXES.get(problem.rule, ())]
    if argmap is not None and problem.node is not None and problem.rule in RULES:
        fixes.append(_ignore_rule(layout, argmap, problem))
    return [fix for fix in fixes if fix is not None]


@lru_cache(maxsize=4)
def _layout(text: str) -> Layout:
    # A code action request asks for the fixes of each problem in turn, all in the same text.
    return Layout(text)


def _respell_word(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-key`` and ``unknown-kind``: the problem is at the word itself."""
    path = layout.path_to(Position(problem.line, problem.column), ScalarNode)
    word = suggestion_in(problem.message)
    if not path or word is None:
        return None
    holder = path[-2] if len(path) > 1 else None
    if problem.rule == "unknown-key" and isinstance(holder, MappingNode) and value_of(holder, word) is not None:
        return None  # the mapping has the key already: two would be a duplicate-key problem
    return _respelled(layout, path[-1], word, problem.rule)  # type: ignore[arg-type]


def _respell_reference(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-reference``: at a ``- ref: ID`` item, or at the value of an evidence's ``source:``."""
    where = Position(problem.line, problem.column)
    ref = layout.node_at(where, MappingNode)
    if ref is not None:
        found = value_of(ref, "ref")
        scalar = found[1] if found is not None and isinstance(found[1], ScalarNode) else None
        choices = [claim.id for claim in argmap.claims if claim.id] if argmap else []
    else:
        scalar = layout.node_at(where, ScalarNode)
        choices = list(argmap.sources) if argmap else []
    if scalar is None:
        return None
    # The problem's hint, or (where the check's budget for hints ran out) the closest name now.
    word = suggestion_in(problem.message) or suggestion_in(did_you_mean(scalar.value, choices))
    return _respelled(layout, scalar, word, problem.rule)


def _respell_ignored_rule(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-rule``: the problem is at the claim; the misspelt id is in its ``ignore:`` list."""
    claim = _claim_mapping(layout, argmap, problem)
    found = value_of(claim, "ignore") if claim is not None else None
    if found is None or not isinstance(found[1], SequenceNode):
        return None
    for item in found[1].value:
        if isinstance(item, ScalarNode) and problem.message.startswith(f"'{item.value}' "):
            return _respelled(layout, item, suggestion_in(problem.message), problem.rule)
    return None


def _respelled(layout: Layout, scalar: ScalarNode | None, word: str | None, rule: str) -> Fix | None:
    if scalar is None or word is None:
        return None
    change = respell(layout, scalar, word)
    return None if change is None else Fix(f"Change '{scalar.value}' to '{word}'", (change,), rule, preferred=True)


def _mark_assumption(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    entries: list[tuple[str, Value]] = [("assumption", "true"), ("note", NOTE)]
    return _add(layout, argmap, problem, "Mark as an assumption (assumption: true, with a note to fill in)", entries)


def _add_evidence(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    evidence = {"text": EVIDENCE_TEXT}
    if argmap is not None and len(argmap.sources) == 1:  # the one source it can be from
        evidence["source"] = next(iter(argmap.sources))
    return _add(layout, argmap, problem, "Add evidence to fill in", [("evidence", [evidence])])


def _add_rebuttal(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    claim = argmap.claim(problem.node) if argmap is not None and problem.node is not None else None
    # A claim defined as a premise and cited as an objection by `ref` is answered by objections:
    # the reader refuses rebuttals on a thesis or a premise.
    relation = "objections" if claim is not None and claim.role in ("thesis", "premise") else "rebuttals"
    title = "Add a rebuttal to fill in" if relation == "rebuttals" else "Add an objection to it to fill in"
    return _add(layout, argmap, problem, title, [(relation, [{"claim": REBUTTAL_TEXT}])])


def _ignore_rule(layout: Layout, argmap: ArgumentMap, problem: Problem) -> Fix | None:
    claim = _claim_mapping(layout, argmap, problem)
    edits = append_item(layout, claim, "ignore", problem.rule) if claim is not None else []
    return Fix(f"Ignore {problem.rule} for this claim", tuple(edits), problem.rule) if edits else None


def _add(
    layout: Layout, argmap: ArgumentMap | None, problem: Problem, title: str, entries: list[tuple[str, Value]]
) -> Fix | None:
    claim = _claim_mapping(layout, argmap, problem)
    edits = set_entries(layout, claim, entries) if claim is not None else []
    return Fix(title, tuple(edits), problem.rule) if edits else None


def _claim_mapping(layout: Layout, argmap: ArgumentMap | None, problem: Problem) -> MappingNode | None:
    """The mapping of the claim the problem is about: where the model says it is, else at the problem."""
    claim = argmap.claim(problem.node) if argmap is not None and problem.node is not None else None
    where = claim.position if claim is not None else Position(problem.line, problem.column)
    return layout.node_at(where, MappingNode)


Maker = Callable[[Layout, "ArgumentMap | None", Problem], "Fix | None"]
_FIXES: dict[str, tuple[Maker, ...]] = {
    "unknown-key": (_respell_word,),
    "unknown-kind": (_respell_word,),
    "unknown-reference": (_respell_reference,),
    "unknown-rule": (_respell_ignored_rule,),
    "unsupported-premise": (_mark_assumption, _add_evidence),
    "unsupported-thesis": (_add_evidence,),
    "unanswered-objection": (_add_rebuttal,),
}
