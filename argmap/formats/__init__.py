"""Report formats: pure functions from check results to text, chosen by name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..problems import FileResult


def summary(results: list[FileResult]) -> dict[str, int]:
    """Counts by severity, plus how many files were checked, had problems, or could not be read."""
    counts = Counter(problem.severity for result in results for problem in result.problems)
    return {
        "errors": counts["error"],
        "warnings": counts["warning"],
        "info": counts["info"],
        "files": len(results),
        "files_with_problems": sum(1 for result in results if result.problems),
        "unreadable": sum(1 for result in results if not result.loaded),
    }


def _formatter(name: str) -> Callable[[list[FileResult]], object]:
    from importlib import import_module

    render: Callable[[list[FileResult]], object] = import_module(f".{name}", __name__).render
    return render


#: Format name -> module in this package with a ``render(results)`` function.
FORMATS: dict[str, str] = {"text": "text", "json": "json_format", "github": "github", "sarif": "sarif"}


def render(name: str, results: list[FileResult]) -> object:
    """The report in format ``name``: a ``str``, or a ``rich.text.Text`` for ``text``."""
    return _formatter(FORMATS[name])(results)
