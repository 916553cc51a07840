""" "Did you mean ...?": the closest of the names the user could have meant, for error messages."""

from __future__ import annotations

from collections.abc import Iterable

from .limits import SUGGESTION_BUDGET

#: How alike a choice must be to be suggested (difflib's default cutoff).
_CUTOFF = 0.6


def did_you_mean(word: str, choices: Iterable[str], otherwise: str = "") -> str:
    """``"; did you mean 'X'?"`` for the choice closest to ``word``; ``otherwise`` if none is close.

    >>> did_you_mean("premisses", ["premises", "objections"])
    "; did you mean 'premises'?"
    >>> did_you_mean("zzz", ["premises"], otherwise=" (expected: premises)")
    ' (expected: premises)'
    """
    import difflib  # only on the error path: it costs start-up time

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=_CUTOFF)
    return f"; did you mean '{close[0]}'?" if close else otherwise


def suggestion_in(message: str) -> str | None:
    """The name a :func:`did_you_mean` hint in ``message`` suggests, or ``None`` if it has none.

    >>> suggestion_in("unknown key 'premisses' in thesis; did you mean 'premises'?")
    'premises'
    """
    _, hint, after = message.rpartition("; did you mean '")
    return after[:-2] if hint and after.endswith("'?") else None


class Suggester:
    """:func:`did_you_mean` for many words over the same choices, within a budget of comparisons.

    A map with N unknown refs and M ids asked difflib N x M times (8,000 of each took 68 s). Two
    things bound it. Choices whose length alone rules them out (difflib's own first test) are never
    compared, so the suggestion is the same as :func:`did_you_mean`'s. And once ``budget``
    characters have been compared, words get ``otherwise``: their problems are still reported,
    without a hint.

    >>> suggest = Suggester(["premises", "objections"], budget=80)
    >>> suggest("premisses"), suggest("objectons"), suggest("premise")
    ("; did you mean 'premises'?", "; did you mean 'objections'?", '')
    """

    def __init__(self, choices: Iterable[str], budget: int = SUGGESTION_BUDGET) -> None:
        self.by_length: dict[int, list[str]] = {}
        for choice in dict.fromkeys(choices):
            self.by_length.setdefault(len(choice), []).append(choice)
        self.left = budget

    def __call__(self, word: str, otherwise: str = "") -> str:
        size = len(word)
        # difflib's real_quick_ratio, 2 * min(a, b) / (a + b), is an upper bound of the similarity.
        groups = [
            group
            for length, group in self.by_length.items()
            if size + length == 0 or 2.0 * min(size, length) / (size + length) >= _CUTOFF
        ]
        # What comparing costs grows with the lengths of both names.
        cost = sum(len(group) * (size + len(group[0])) for group in groups)
        if cost > self.left:
            self.left = 0
            return otherwise
        self.left -= cost
        return did_you_mean(word, [choice for group in groups for choice in group], otherwise)
