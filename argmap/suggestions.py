""" "Did you mean ...?": the closest of the names the user could have meant, for error messages."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str], otherwise: str = "") -> str:
    """``"; did you mean 'X'?"`` for the choice closest to ``word``; ``otherwise`` if none is close.

    >>> did_you_mean("premisses", ["premises", "objections"])
    "; did you mean 'premises'?"
    >>> did_you_mean("zzz", ["premises"], otherwise=" (expected: premises)")
    ' (expected: premises)'
    """
    import difflib  # only on the error path: it costs start-up time

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else otherwise
