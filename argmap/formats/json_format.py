"""``--format json``: one JSON object for all files, stable for scripts.

``{"version": 1, "files": N, "problems": [{"file", "line", "column", "rule", "severity",
"message", "node"}], "summary": {...}}``
"""

from __future__ import annotations

import json

from ..files import FileResult
from . import summary

KEYS = ("file", "line", "column", "rule", "severity", "message", "node")


def render(results: list[FileResult]) -> str:
    problems = [
        {key: getattr(problem, key) for key in KEYS} for result in results for problem in result.problems
    ]
    document = {"version": 1, "files": len(results), "problems": problems, "summary": summary(results)}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
