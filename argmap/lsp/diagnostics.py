"""Problems -> the editor's diagnostics: a range over what is at fault, the rule id, the severity.

Each problem's point becomes the span of the key, value or claim text written there
(:func:`problem_span`). Two rules have a second place worth a click: ``duplicate-id`` points at the
claim that holds the id first, ``circular-reasoning`` at every claim of the cycle.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from ..problems import Problem
from .analysis import Analysis
from .convert import to_range
from .spans import Span, key_line, value_span

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SOURCE = "argmap"


def diagnostics(analysis: Analysis, codec: PositionCodec, uri: str) -> list[types.Diagnostic]:
    """The diagnostics of one checked version of a document."""
    return [_diagnostic(analysis, codec, uri, problem) for problem in analysis.problems]


def _diagnostic(analysis: Analysis, codec: PositionCodec, uri: str, problem: Problem) -> types.Diagnostic:
    related = _related(analysis, codec, uri, problem)
    return types.Diagnostic(
        range=to_range(codec, analysis.lines, problem_span(analysis, problem)),
        message=problem.message,
        severity=SEVERITIES[problem.severity],
        code=problem.rule,
        source=SOURCE,
        related_information=related or None,
        # The problem's own place, as `argmap check` reports it: quick fixes find the problem by it.
        data={"line": problem.line, "column": problem.column},
    )


def problem_span(analysis: Analysis, problem: Problem) -> Span:
    """What a problem is about: the claim's text when it points at a claim, else what is written there."""
    line, column = problem.line - 1, problem.column - 1
    if line == 0 and analysis.text.startswith("\ufeff"):
        column += 1  # argmap counts the first line's columns after a byte order mark; the editor, from it
    argmap = analysis.argmap
    if argmap is not None and problem.node is not None:
        claim = argmap.claim(problem.node)
        if claim is not None and claim.position == (problem.line, problem.column):
            found = key_line(analysis.lines, line, column, "claim")
            if found is not None:
                return value_span(analysis.lines, *found)
    return value_span(analysis.lines, line, column)


def _related(
    analysis: Analysis, codec: PositionCodec, uri: str, problem: Problem
) -> list[types.DiagnosticRelatedInformation]:
    argmap = analysis.argmap
    if argmap is None or problem.node is None:
        return []
    places: list[tuple[str, str]] = []  # (uid, what it is)
    if problem.rule == "duplicate-id":
        duplicate = next((claim for claim in argmap.claims if claim.uid == problem.node), None)
        if duplicate is not None and duplicate.id is not None:
            places.append((duplicate.id, f"'{duplicate.id}' is first used here"))
    elif problem.rule == "circular-reasoning":
        from ..graph import cycles, supporters

        for component in cycles(supporters(argmap)):
            if problem.node in component:
                places += [(uid, "a claim of the cycle") for uid in component]
    related = []
    for uid, message in places:
        claim = argmap.claim(uid)
        if claim is None:
            continue
        span = problem_span(
            analysis, problem._replace(line=claim.position.line, column=claim.position.column, node=uid)
        )
        location = types.Location(uri=uri, range=to_range(codec, analysis.lines, span))
        related.append(types.DiagnosticRelatedInformation(location=location, message=message))
    return related
