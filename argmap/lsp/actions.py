"""Code actions: the quick fixes of :mod:`argmap.fixes` for the diagnostics the editor asks about.

The fixes are worked out from the same version of the text the diagnostics came from; the editor
sends back the diagnostics under the cursor, and each is matched to its problem by rule and place.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from ..problems import Problem
from .analysis import Analysis
from .convert import to_range
from .diagnostics import SOURCE, problem_span
from .spans import Span


def code_actions(
    analysis: Analysis, codec: PositionCodec, uri: str, asked: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    """Every fix for the problems behind the diagnostics ``asked`` about."""
    from ..fixes import fixes_for

    actions = []
    for diagnostic in asked:
        if diagnostic.source != SOURCE:
            continue
        problem = _problem_of(analysis, codec, diagnostic)
        if problem is None:
            continue
        for fix in fixes_for(analysis.text, analysis.argmap, problem):
            edits = [
                types.TextEdit(
                    range=to_range(
                        codec,
                        analysis.lines,
                        Span((edit.start.line - 1, edit.start.column - 1), (edit.end.line - 1, edit.end.column - 1)),
                    ),
                    new_text=edit.new_text,
                )
                for edit in fix.edits
            ]
            actions.append(
                types.CodeAction(
                    title=fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=fix.preferred or None,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
    return actions


def _problem_of(analysis: Analysis, codec: PositionCodec, diagnostic: types.Diagnostic) -> Problem | None:
    for problem in analysis.problems:
        if (
            problem.rule == diagnostic.code
            and to_range(codec, analysis.lines, problem_span(analysis, problem)) == diagnostic.range
        ):
            return problem
    return None
