"""The argument as an outline (document symbols) and a fold per claim (folding ranges).

The outline follows the argument, not the YAML: the thesis, under it its reasons and objections,
under an objection its rebuttals, each named by its text and described by its role and id. Refs
are uses of a claim written elsewhere, not claims, so they are not in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from ..model import RELATIONS, Claim, Reason
from .analysis import Analysis
from .convert import to_range
from .spans import Span, content, value_span

#: How the editor marks each role (the protocol has no argument-shaped kinds).
SYMBOL_KINDS = {
    "thesis": types.SymbolKind.Class,
    "premise": types.SymbolKind.Property,
    "objection": types.SymbolKind.Event,
    "rebuttal": types.SymbolKind.Operator,
    "undercut": types.SymbolKind.Key,
}
#: Longest name shown for a claim; its whole text is in the hover.
NAME_CHARACTERS = 120


def symbols(analysis: Analysis, codec: PositionCodec) -> list[types.DocumentSymbol]:
    """The outline: each thesis and, below it, every claim written under it."""
    argmap = analysis.argmap
    if argmap is None:
        return []
    theses: tuple[Claim, ...] = getattr(argmap, "theses", (argmap.thesis,))
    return [_symbol(analysis, codec, thesis) for thesis in theses]


def _symbol(analysis: Analysis, codec: PositionCodec, claim: Claim) -> types.DocumentSymbol:
    block = analysis.block_of(claim.uid)
    first, last = (block.first, block.last) if block is not None else (claim.position.line - 1,) * 2
    last_line = analysis.lines[last] if last < len(analysis.lines) else ""
    whole = Span((first, claim.position.column - 1), (last, len(content(last_line))))
    selection = value_span(analysis.lines, first, claim.position.column - 1)
    if selection.end > whole.end:
        selection = Span(whole.start, whole.end)
    children = [
        _symbol(analysis, codec, member) for member in _written_under(claim.reasons(relation) for relation in RELATIONS)
    ]
    text = " ".join(claim.text.split())
    name = text if len(text) <= NAME_CHARACTERS else text[: NAME_CHARACTERS - 3] + "..."
    return types.DocumentSymbol(
        name=name or claim.uid,
        detail=claim.role + (f" {claim.id}" if claim.id else ""),
        kind=SYMBOL_KINDS[claim.role],
        range=to_range(codec, analysis.lines, whole),
        selection_range=to_range(codec, analysis.lines, selection),
        children=children or None,
    )


def _written_under(groups: Iterable[tuple[Reason, ...]]) -> Iterator[Claim]:
    """The claims written in these reasons, and in undercuts written on a ref among them."""
    for reasons in groups:
        for reason in reasons:
            for member in reason.members:
                if isinstance(member, Claim):
                    yield member
                else:
                    yield from _written_under([getattr(member, "undercuts", ())])


def folding_ranges(analysis: Analysis) -> list[types.FoldingRange]:
    """One fold per claim that spans more than one line."""
    return [
        types.FoldingRange(start_line=block.first, end_line=block.last, kind=types.FoldingRangeKind.Region)
        for block in analysis.blocks
        if block.last > block.first
    ]
