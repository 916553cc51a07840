"""``argmap check --statistics``: how many problems each rule found, most first, then the summary line.

::

       11  unsupported-premise   error
        1  unanswered-objection  warning

    12 errors, 1 warning in 1 of 1 file.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text

from ..problems import FileResult
from ..visible import visible
from .text import STYLE, summary_line


def counts(results: list[FileResult]) -> list[tuple[int, str, str]]:
    """``(count, rule, severity)`` for each rule and severity found, most first, then by rule id."""
    found = Counter((problem.rule, problem.severity) for result in results for problem in result.problems)
    return sorted(((n, rule, level) for (rule, level), n in found.items()), key=lambda row: (-row[0], row[1], row[2]))


def render(results: list[FileResult]) -> Text:
    rows = counts(results)
    out = Text()
    width = max((len(rule) for _, rule, _ in rows), default=0)
    for n, rule, level in rows:
        out.append(f"{n:>5}  {visible(rule):<{width}}  ")
        out.append(level, style=STYLE[level])
        out.append("\n")
    out.append(summary_line(results))
    return out
