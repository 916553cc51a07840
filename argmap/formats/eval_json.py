"""Evaluations as JSON: ``argmap eval --format json`` and ``argmap check --format json --eval``.

Pure functions from maps and their :class:`~argmap.evaluation.labelling.Evaluation` to text. One
map's record: ``{"file", "thesis", "labels": [{"node", "line", "column", "claim", "status",
"reason"}], "counts", "verdict"}``, the labels in document order, each claim once. A map of
several theses also has ``"theses"``: each thesis's label record, in document order.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..visible import harmless_json
from . import json_format

if TYPE_CHECKING:
    from ..evaluation.labelling import Evaluation
    from ..model import ArgumentMap
    from ..problems import FileResult

#: A map and its evaluation.
Evaluated = tuple["ArgumentMap", "Evaluation"]


def record(argmap: ArgumentMap, result: Evaluation) -> dict[str, Any]:
    """One map's evaluation as JSON-ready data: file, thesis, labels (document order), counts, verdict."""
    records = []
    seen: set[str] = set()
    for claim in argmap.claims:
        if claim.uid in seen:  # a duplicate id: the label is the first definition's
            continue
        seen.add(claim.uid)
        label = result.labels[claim.uid]
        records.append(
            {
                "node": claim.uid,
                "line": claim.position.line,
                "column": claim.position.column,
                "claim": claim.text,
                "status": label.status,
                "reason": label.reason,
            }
        )
    theses: dict[str, Any] = {"thesis": records[0]}
    if len(argmap.theses) > 1:  # a map of one thesis keeps the record it always had
        by_uid = {each["node"]: each for each in records}
        theses["theses"] = [by_uid[uid] for uid in result.thesis_uids]
    return {
        "file": str(argmap.path),
        **theses,
        "labels": records,
        "counts": result.counts(),
        "verdict": result.verdict(),
    }


def render(argmap: ArgumentMap, result: Evaluation) -> str:
    """``argmap eval MAP --format json``: ``{"version": 1, ...one map's record}``."""
    return _dump({"version": 1, **record(argmap, result)})


def render_with_checks(results: list[FileResult], evaluations: list[Evaluated]) -> str:
    """``argmap check --format json --eval``: the JSON report with an ``evaluations`` list, one per map."""
    report = json_format.document(results, json_format.problem_records(results))
    report["evaluations"] = [record(argmap, result) for argmap, result in evaluations]
    return _dump(report)


def _dump(data: dict[str, Any]) -> str:
    return harmless_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
