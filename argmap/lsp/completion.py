"""Completion: what may be written after the key the cursor is at.

``ref:`` takes a claim id (the claim's text as detail), ``source:`` a key of ``sources`` (its
citation as detail), ``kind:`` an evidence kind, and ``ignore:`` (inline ``[a, b]`` or a block list)
a rule id. The key is read from the line being typed, so completion works while the text does not
parse; the names come from the last version that loaded.

    >>> context("    - ref: saf", 14)
    ('ref', 'saf')
    >>> context("  ignore: [rabbit-rule, ho", 26)
    ('ignore', 'ho')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice, takewhile
from operator import itemgetter
from weakref import WeakKeyDictionary

from lsprotocol import types

from ..model import EVIDENCE_KINDS
from .analysis import Analysis
from .spans import indent

_AFTER_KEY = re.compile(r"(?:^|[\s{,])(ref|source|kind|ignore)\s*:\s*(?:\[(?:[^\]]*,)?\s*)?[\"']?([\w.-]*)$")
#: The most items one answer holds.
MAX_COMPLETIONS = 200
_LIST_ITEM = re.compile(r"^(\s*)-\s+[\"']?([\w.-]*)$")


def context(line: str, column: int) -> tuple[str, str] | None:
    """``(key, typed so far)`` when the cursor is at a value of a key that completion knows."""
    match = _AFTER_KEY.search(line[:column])
    if match is None:
        return None
    return match.group(1), match.group(2)


def list_context(lines: Sequence[str], line: int, column: int) -> tuple[str, str] | None:
    """The same for an item of a block list: ``- unanswe`` below ``ignore:``."""
    match = _LIST_ITEM.match(lines[line][:column])
    if match is None:
        return None
    depth = len(match.group(1))
    for number in range(line - 1, -1, -1):
        above = indent(lines[number])
        if above is None or (above == depth and lines[number].lstrip().startswith("-")):
            continue
        if above <= depth:
            key = lines[number].strip().rstrip(":").split("- ")[-1].strip()
            return (key, match.group(2)) if key == "ignore" else None
    return None


def complete(lines: Sequence[str], line: int, column: int, analysis: Analysis | None) -> types.CompletionList:
    """The completion items at a cursor of the current text (0-based line, Python index).

    At most :data:`MAX_COMPLETIONS`, those that start with what is typed, and the list says it is
    incomplete when there are more: the editor asks again as the user types on. (Sending all
    10,000 ids of a large map at each keystroke takes longer than typing.)
    """
    found = None
    if line < len(lines):
        found = context(lines[line], column) or list_context(lines, line, column)
    if found is None:
        return types.CompletionList(is_incomplete=False, items=[])
    key, typed = found
    candidates = _candidates(key, analysis)
    # Sorted by label: those that start with what is typed are together, found by bisection.
    first = bisect_left(candidates, (typed,))
    names = list(
        islice(takewhile(lambda name: name[0].startswith(typed), islice(candidates, first, None)), MAX_COMPLETIONS + 1)
    )
    kind = types.CompletionItemKind.Reference if key in ("ref", "source") else types.CompletionItemKind.EnumMember
    items = [types.CompletionItem(label=label, kind=kind, detail=detail) for label, detail in names[:MAX_COMPLETIONS]]
    return types.CompletionList(is_incomplete=len(names) > MAX_COMPLETIONS, items=items)


def _candidates(key: str, analysis: Analysis | None) -> list[tuple[str, str | None]]:
    """``(label, detail)`` of everything that may follow ``key``, sorted, made once per version."""
    if analysis is None:
        return sorted(_made(key, None))
    made = _MADE.setdefault(analysis, {})
    if key not in made:
        made[key] = sorted(_made(key, analysis), key=itemgetter(0))
    return made[key]


#: The candidates of each version still in use (a version no longer served is dropped with them).
_MADE: WeakKeyDictionary[Analysis, dict[str, list[tuple[str, str | None]]]] = WeakKeyDictionary()


def _made(key: str, analysis: Analysis | None) -> list[tuple[str, str | None]]:
    argmap = analysis.argmap if analysis is not None else None
    if key == "ref":
        claims = argmap.claims if argmap is not None else ()
        return [(claim.id, " ".join(claim.text.split())) for claim in claims if claim.id is not None]
    if key == "source":
        sources = argmap.sources if argmap is not None else {}
        return [(source_key, source.citation()) for source_key, source in sources.items()]
    if key == "kind":
        return [(kind, None) for kind in EVIDENCE_KINDS]
    from ..rules import RULES, summary

    return [(rule_id, summary(rule)) for rule_id, rule in RULES.items()]
