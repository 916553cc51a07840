"""``--format json``: one JSON object for all files, stable for scripts.

``{"version": 1, "files": N, "problems": [{"file", "line", "column", "rule", "severity",
"message", "node"}], "summary": {...}}``
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C string encoder that json.dumps(ensure_ascii=False) uses

from ..problems import FileResult
from ..visible import harmless_json
from . import summary

#: The first seven fields of :class:`~argmap.problems.Problem`, in its order.
KEYS = ("file", "line", "column", "rule", "severity", "message", "node")
# A problem as json.dumps(indent=2) writes it inside the "problems" list. json.dumps with an indent
# runs the pure-Python encoder (a second for 100,000 problems); filling this in is several times faster.
_PROBLEM = "    {{\n" + ",\n".join(f'      "{key}": {{}}' for key in KEYS) + "\n    }}"


def document(results: list[FileResult], problems: list[dict[str, object]]) -> dict[str, object]:
    """The report as data, with ``problems`` as given (the records of :func:`problem_records`, or [])."""
    return {"version": 1, "files": len(results), "problems": problems, "summary": summary(results)}


def problem_records(results: list[FileResult]) -> list[dict[str, object]]:
    """Every problem as a JSON-ready record of the :data:`KEYS`."""
    return [dict(zip(KEYS, problem[: len(KEYS)], strict=True)) for result in results for problem in result.problems]


def render(results: list[FileResult]) -> str:
    text = json.dumps(document(results, []), indent=2, ensure_ascii=False)
    problems = [problem for result in results for problem in result.problems]
    if problems:
        fill, quoted = _PROBLEM.format, _Encoded()
        body = ",\n".join(
            fill(quoted[file], _number(line), _number(col), quoted[rule], quoted[level], quoted[message], quoted[node])
            for file, line, col, rule, level, message, node, *_ in problems  # the KEYS, in order
        )
        text = text.replace('"problems": []', f'"problems": [\n{body}\n  ]', 1)
    return harmless_json(text) + "\n"


class _Encoded(dict):
    """Scalar -> its JSON text, remembered: files, rules and messages repeat across problems."""

    def __missing__(self, value: object) -> str:
        text = encode_basestring(value) if value.__class__ is str else json.dumps(value, ensure_ascii=False)
        if value.__class__ is str or value is None:  # not numbers: 1 and True are one key to a dict
            self[value] = text
        return text


def _number(value: object) -> object:
    """A line or column as json writes it (``format`` writes an int the same way)."""
    return value if value.__class__ is int else json.dumps(value)
