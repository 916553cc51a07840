"""Hover, go to definition, find references and rename: lookups in one checked version of a document.

Each function takes the :class:`~argmap.lsp.analysis.Analysis` that serves navigation (the last
that loaded) and a 0-based ``(line, index)`` spot; the server converts to and from the editor's
units. A cursor on a ``ref:``, ``id:`` or ``source:`` value, or on a key of ``sources``, is on a
*name*; elsewhere inside a claim's block it is on that claim.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from ..model import Claim, Source
from ..reading.vocabulary import ID_PATTERN
from .analysis import Analysis
from .convert import to_range
from .index import Name
from .spans import Spot


def hover(analysis: Analysis, codec: PositionCodec, spot: Spot) -> types.Hover | None:
    """What the cursor is on, in Markdown: a claim (label, support, problems), a ref's target, a source."""
    argmap = analysis.argmap
    if argmap is None:
        return None
    name = analysis.names.at(*spot)
    if name is not None and name.kind == "source":
        source = argmap.sources.get(name.name)
        text = describe_source(source) if source is not None else f"`{name.name}`: no such source in `sources`"
        return types.Hover(_markdown(text), to_range(codec, analysis.lines, name.span))
    if name is not None:
        claim = argmap.claim(name.name)
        if claim is None:
            return types.Hover(
                _markdown(f"`{name.name}`: no claim has this id"), to_range(codec, analysis.lines, name.span)
            )
        return types.Hover(_markdown(describe_claim(analysis, claim)), to_range(codec, analysis.lines, name.span))
    block = analysis.claim_at(spot[0])
    if block is None:
        return None
    return types.Hover(_markdown(describe_claim(analysis, block.claim)))


def describe_claim(analysis: Analysis, claim: Claim) -> str:
    """A claim for a hover: its label and why, its text, its support, its problems."""
    evaluation = analysis.evaluation
    label = evaluation.labels.get(claim.uid) if evaluation is not None else None
    title = f"**{claim.role}**" + (f" `{claim.id}`" if claim.id else "")
    if label is not None:
        title += f": **{label.status}**, {label.reason}"
    support = []
    if claim.evidence:
        kinds = sorted({evidence.kind or ("quote" if evidence.is_quote else "text") for evidence in claim.evidence})
        count = len(claim.evidence)
        support.append(f"{count} piece{'s' if count != 1 else ''} of evidence ({', '.join(kinds)})")
    if claim.assumption:
        support.append("an assumption" + (f": {claim.note}" if claim.note else ""))
    if claim.premises:
        support.append(f"{len(claim.premises)} reason{'s' if len(claim.premises) != 1 else ''}")
    paragraphs = [title, "> " + " ".join(claim.text.split()), "Support: " + ("; ".join(support) or "none")]
    problems = [problem for problem in analysis.problems if problem.node == claim.uid]
    if problems:
        paragraphs.append("\n".join(f"- {problem.severity} [{problem.rule}] {problem.message}" for problem in problems))
    return "\n\n".join(paragraphs)


def describe_source(source: Source) -> str:
    """A source for a hover: author, title, date, publisher."""
    parts = [f"**{source.key}**" if source.key else "**source**"]
    for field in ("author", "title", "date", "publisher", "url", "file"):
        value = getattr(source, field)
        if value:
            parts.append(f"{field}: {value}")
    return "\n\n".join(parts)


def _markdown(text: str) -> types.MarkupContent:
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)


def definition(analysis: Analysis, codec: PositionCodec, uri: str, spot: Spot) -> types.Location | None:
    """Where the claim id or source key under the cursor is defined."""
    name = analysis.names.at(*spot)
    if name is None:
        return None
    found = analysis.names.definition(name.kind, name.name)
    if found is None:
        return None
    return types.Location(uri=uri, range=to_range(codec, analysis.lines, found.span))


def references(
    analysis: Analysis, codec: PositionCodec, uri: str, spot: Spot, include_declaration: bool
) -> list[types.Location]:
    """Every place the claim id or source key under the cursor is written."""
    name = analysis.names.at(*spot)
    if name is None:
        return []
    uses = analysis.names.uses(name.kind, name.name)
    return [
        types.Location(uri=uri, range=to_range(codec, analysis.lines, use.span))
        for use in uses
        if include_declaration or not use.definition
    ]


def renamable(analysis: Analysis, spot: Spot) -> Name | None:
    """The claim id or source key under the cursor that can be renamed: one the map defines."""
    name = analysis.names.at(*spot)
    if name is None or analysis.names.definition(name.kind, name.name) is None:
        return None
    return name


def prepare_rename(analysis: Analysis, codec: PositionCodec, spot: Spot) -> types.PrepareRenamePlaceholder | None:
    name = renamable(analysis, spot)
    if name is None:
        return None
    return types.PrepareRenamePlaceholder(range=to_range(codec, analysis.lines, name.span), placeholder=name.name)


def rename(analysis: Analysis, codec: PositionCodec, uri: str, spot: Spot, new_name: str) -> types.WorkspaceEdit:
    """Edits that rename the claim id or source key under the cursor everywhere in the document.

    Raises :class:`ValueError` with the reason when it cannot be done.
    """
    name = renamable(analysis, spot)
    if name is None:
        raise ValueError("only a claim id or a source key defined in this map can be renamed")
    if not ID_PATTERN.match(new_name):
        raise ValueError(f"'{new_name}' is not a valid name: use letters, digits, '_', '.' and '-'")
    if new_name != name.name and analysis.names.uses(name.kind, new_name):
        raise ValueError(f"'{new_name}' is already used in this map")
    edits = [
        types.TextEdit(range=to_range(codec, analysis.lines, use.span), new_text=new_name)
        for use in analysis.names.uses(name.kind, name.name)
    ]
    return types.WorkspaceEdit(changes={uri: edits})
