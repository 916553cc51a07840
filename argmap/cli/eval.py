"""``argmap eval``: load -> evaluate -> the labelled tree or JSON -> exit code.

Registered on the app in :mod:`argmap.cli`. The exit code says whether the map could be
evaluated, not what the verdict is: 0 evaluated (whatever the thesis's label), 2 could not run.
Scripts that need the verdict read ``thesis.status`` from ``--format json``.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from .output import EXIT_UNUSABLE, console, print_load_error

if TYPE_CHECKING:
    from ..evaluation.labelling import Evaluation
    from ..model import ArgumentMap
    from ..problems import FileResult

_STYLE = {"accepted": "bold green", "rejected": "bold red", "undecided": "bold yellow", "unsupported": "bold magenta"}


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


def eval_command(
    path: Path = typer.Argument(..., help="The map to evaluate."),
    format: EvalFormat = typer.Option(EvalFormat.text, "--format", "-f", help="Output format: text or json."),
) -> None:
    """Say which claims stand: label every claim accepted, rejected, undecided or unsupported, and why.

    Evidence and 'assumption: true' ground a claim; premises carry support up; objections,
    rebuttals and undercuts count only when they are accepted themselves. Exit 0 when the map was
    evaluated, whatever the verdict; 2 when it cannot be read.

    Example: argmap eval maps/bandow-iraq.yaml --format json
    """
    from ..evaluation.labelling import evaluate
    from ..problems import LoadError
    from ..reading.loader import load

    try:
        argmap = load(path)
    except LoadError as error:
        print_load_error(error)
        raise typer.Exit(EXIT_UNUSABLE) from None
    result = evaluate(argmap)
    if format is EvalFormat.json:
        document = {"version": 1, **evaluation_document(argmap, result)}
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    from ..formats.tree import tree

    out = console()
    out.print(tree(argmap, [], result.labels))
    out.print(_closing(argmap, result))


def _closing(argmap: ArgumentMap, result: Evaluation) -> Any:
    """The thesis's label and the verdict, the last lines of the text output."""
    from rich.text import Text

    from ..evaluation.explain import name

    thesis = result.thesis
    closing = Text(f"\nThesis {name(argmap.thesis)}: ")
    closing.append(thesis.status, style=_STYLE[thesis.status])
    closing.append(f": {thesis.reason}\nVerdict: {result.verdict()}")
    return closing


def evaluation_document(argmap: ArgumentMap, result: Evaluation) -> dict[str, Any]:
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
    return {
        "file": str(argmap.path),
        "thesis": records[0],
        "labels": records,
        "counts": result.counts(),
        "verdict": result.verdict(),
    }


def add_evaluations(report: str, results: list[FileResult]) -> str:
    """``argmap check --format json --eval``: the report with an ``evaluations`` list, one per map."""
    from ..evaluation.labelling import evaluate

    document = json.loads(report)
    document["evaluations"] = [
        evaluation_document(result.argmap, evaluate(result.argmap)) for result in results if result.argmap is not None
    ]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
