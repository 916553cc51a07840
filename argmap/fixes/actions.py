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
from .fragment import claim_layout
from .layout import Layout, Lines, value_of
from .values import Fix

NOTE = '"TODO: why any reader grants this without support"'
EVIDENCE_TEXT = '"TODO: what shows this claim is true"'
REBUTTAL_TEXT = '"TODO: why this objection fails"'


def fixes_in(text: str, argmap: ArgumentMap | None, problem: Problem) -> list[Fix]:
    """The fixes for ``problem`` (see :func:`argmap.fixes.fixes_for`)."""
    source = _Text(text)
    try:
        fixes = [make(source, argmap, problem) for make in _FIXES.get(problem.rule, ())]
        if argmap is not None and problem.node is not None and problem.rule in RULES:
            fixes.append(_ignore_rule(source, argmap, problem))
    except LoadError:
        return []
    return [fix for fix in fixes if fix is not None]


class _Text:
    """The text, and the layouts of it that fixes ask for: of one claim's lines, or of the whole."""

    def __init__(self, text: str) -> None:
        self.text = text

    def whole(self) -> Layout:
        return _whole_layout(self.text)

    def claim(self, where: Position) -> tuple[Layout, MappingNode] | None:
        """The layout and the node of the block mapping at ``where``: from its lines alone if they can be."""
        layout = claim_layout(self.text, where, _lines(self.text))
        if layout is not None:
            return layout, layout.root  # type: ignore[return-value]
        whole = self.whole()
        mapping = whole.node_at(where, MappingNode)
        return None if mapping is None else (whole, mapping)


# A code action request asks for the fixes of each problem in turn, all in the same text.
@lru_cache(maxsize=4)
def _whole_layout(text: str) -> Layout:
    return Layout(text)


@lru_cache(maxsize=4)
def _lines(text: str) -> Lines:
    return Lines(text.removeprefix("\ufeff"))


def _respell_word(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-key`` and ``unknown-kind``: the problem is at the word itself."""
    layout = text.whole()
    path = layout.path_to(Position(problem.line, problem.column), ScalarNode)
    word = suggestion_in(problem.message)
    if not path or word is None:
        return None
    holder = path[-2] if len(path) > 1 else None
    if problem.rule == "unknown-key" and isinstance(holder, MappingNode) and value_of(holder, word) is not None:
        return None  # the mapping has the key already: two would be a duplicate-key problem
    return _respelled(layout, path[-1], word, problem.rule)  # type: ignore[arg-type]


def _respell_reference(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-reference``: at a ``- ref: ID`` item, or at the value of an evidence's ``source:``."""
    where = Position(problem.line, problem.column)
    found = text.claim(where)
    if found is not None:
        layout, ref = found
        entry = value_of(ref, "ref")
        scalar = entry[1] if entry is not None and isinstance(entry[1], ScalarNode) else None
        choices = [claim.id for claim in argmap.claims if claim.id] if argmap else []
    else:
        layout = text.whole()
        scalar = layout.node_at(where, ScalarNode)
        choices = list(argmap.sources) if argmap else []
    if scalar is None:
        return None
    # The problem's hint, or (where the check's budget for hints ran out) the closest name now.
    word = suggestion_in(problem.message) or suggestion_in(did_you_mean(scalar.value, choices))
    return _respelled(layout, scalar, word, problem.rule)


def _respell_ignored_rule(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    """``unknown-rule``: the problem is at the claim; the misspelt id is in its ``ignore:`` list."""
    found = _claim_mapping(text, argmap, problem)
    entry = value_of(found[1], "ignore") if found is not None else None
    if found is None or entry is None or not isinstance(entry[1], SequenceNode):
        return None
    for item in entry[1].value:
        if isinstance(item, ScalarNode) and problem.message.startswith(f"'{item.value}' "):
            return _respelled(found[0], item, suggestion_in(problem.message), problem.rule)
    return None


def _respelled(layout: Layout, scalar: ScalarNode | None, word: str | None, rule: str) -> Fix | None:
    if scalar is None or word is None:
        return None
    change = respell(layout, scalar, word)
    return None if change is None else Fix(f"Change '{scalar.value}' to '{word}'", (change,), rule, preferred=True)


def _mark_assumption(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    entries: list[tuple[str, Value]] = [("assumption", "true"), ("note", NOTE)]
    return _add(text, argmap, problem, "Mark as an assumption (assumption: true, with a note to fill in)", entries)


def _add_evidence(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    evidence = {"text": EVIDENCE_TEXT}
    if argmap is not None and len(argmap.sources) == 1:  # the one source it can be from
        evidence["source"] = next(iter(argmap.sources))
    return _add(text, argmap, problem, "Add evidence to fill in", [("evidence", [evidence])])


def _add_rebuttal(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> Fix | None:
    claim = argmap.claim(problem.node) if argmap is not None and problem.node is not None else None
    # A claim defined as a premise and cited as an objection by `ref` is answered by objections:
    # the reader refuses rebuttals on a thesis or a premise.
    relation = "objections" if claim is not None and claim.role in ("thesis", "premise") else "rebuttals"
    title = "Add a rebuttal to fill in" if relation == "rebuttals" else "Add an objection to it to fill in"
    return _add(text, argmap, problem, title, [(relation, [{"claim": REBUTTAL_TEXT}])])


def _ignore_rule(text: _Text, argmap: ArgumentMap, problem: Problem) -> Fix | None:
    found = _claim_mapping(text, argmap, problem)
    edits = append_item(found[0], found[1], "ignore", problem.rule) if found is not None else []
    return Fix(f"Ignore {problem.rule} for this claim", tuple(edits), problem.rule) if edits else None


def _add(
    text: _Text, argmap: ArgumentMap | None, problem: Problem, title: str, entries: list[tuple[str, Value]]
) -> Fix | None:
    found = _claim_mapping(text, argmap, problem)
    edits = set_entries(found[0], found[1], entries) if found is not None else []
    return Fix(title, tuple(edits), problem.rule) if edits else None


def _claim_mapping(text: _Text, argmap: ArgumentMap | None, problem: Problem) -> tuple[Layout, MappingNode] | None:
    """The mapping of the claim the problem is about: where the model says it is, else at the problem."""
    claim = argmap.claim(problem.node) if argmap is not None and problem.node is not None else None
    return text.claim(claim.position if claim is not None else Position(problem.line, problem.column))


Maker = Callable[[_Text, "ArgumentMap | None", Problem], "Fix | None"]
_FIXES: dict[str, tuple[Maker, ...]] = {
    "unknown-key": (_respell_word,),
    "unknown-kind": (_respell_word,),
    "unknown-reference": (_respell_reference,),
    "unknown-rule": (_respell_ignored_rule,),
    "unsupported-premise": (_mark_assumption, _add_evidence),
    "unsupported-thesis": (_add_evidence,),
    "unanswered-objection": (_add_rebuttal,),
}
