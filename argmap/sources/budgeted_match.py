"""difflib's matching with a budget, so that comparing repetitive texts cannot take minutes.

:class:`difflib.SequenceMatcher` finds the longest common block by walking, for each item of one
sequence, every place the other holds it. On a text of six repeated words each of those walks is
a sixth of the text, and the search repeats for every block it finds: comparing a quote of 7,000
such words with its passage took over a minute. :class:`BudgetedMatcher` counts those steps before
taking them (from how often each item occurs) and raises :class:`OverBudget` instead of starting
a search the :class:`SearchBudget` cannot pay for. Example::

    >>> budget = SearchBudget(steps=100)
    >>> round(BudgetedMatcher("abcd", "abce", budget).ratio(), 2), budget.left
    (0.75, 95)
    >>> BudgetedMatcher("ab" * 50, "ab" * 50, budget).ratio()
    Traceback (most recent call last):
    ...
    argmap.sources.budgeted_match.OverBudget
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import Match, SequenceMatcher
from itertools import accumulate

from ..limits import CLOSEST_PASSAGE_STEPS


class OverBudget(Exception):
    """The comparison would take more steps than the budget has left."""


class SearchBudget:
    """Steps of matching left for one run of a check, shared by all the comparisons it makes."""

    def __init__(self, steps: int = CLOSEST_PASSAGE_STEPS) -> None:
        self.left = steps


class BudgetedMatcher(SequenceMatcher):
    """A :class:`difflib.SequenceMatcher` (no junk heuristic) that spends ``budget``'s steps."""

    def __init__(self, a: Sequence[str], b: Sequence[str], budget: SearchBudget) -> None:
        self.budget, self.size = budget, len(a)
        super().__init__(None, a, b, autojunk=False)
        places: dict[str, list[int]] = self.b2j  # type: ignore[attr-defined]  # made by set_seq2
        # _costs[i]: the steps a search over a[:i] can take (each item walks its places in b).
        self._costs = list(accumulate((len(places.get(item, ())) for item in a), initial=0))

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> Match:
        high = self.size if ahi is None else ahi
        cost = self._costs[high] - self._costs[alo] + 1
        if cost > self.budget.left:
            raise OverBudget
        self.budget.left -= cost
        return super().find_longest_match(alo, ahi, blo, bhi)
