"""The text inside the diagram's boxes, as Graphviz HTML-like labels.

Every piece of the map's text goes through :func:`escape`, so that quotes, angle brackets,
ampersands and backslashes come out as text and never as markup or Graphviz escapes. Example::

    >>> escape('Say "no" & <mean> it \\\\N')
    'Say &quot;no&quot; &amp; &lt;mean&gt; it \\\\\\\\N'
"""

from __future__ import annotations

import html
import re

from ..limits import MAX_LABEL_LINES
from ..model import ArgumentMap, Claim, Evidence
from . import style

#: Characters that SVG (XML 1.0) cannot hold: C0/C1 controls, lone surrogates, non-characters.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BR = '<br align="left"/>'
QUOTE_LENGTH = 140
#: The last line of a text cut at MAX_LABEL_LINES lines (the map has the whole text).
CUT_LINE = f"… (text cut at {MAX_LABEL_LINES} lines)"


def escape(text: str) -> str:
    """Text made safe inside an HTML-like label: entities escaped, backslashes doubled.

    Graphviz expands ``\\N``, ``\\G`` and ``\\l`` even inside HTML-like labels (and even when the
    backslash is written as an entity); a doubled backslash is its way of writing one.
    """
    text = _UNWRITABLE.sub("\N{REPLACEMENT CHARACTER}", text)
    return html.escape(text, quote=True).replace("\\", "\\\\")


def wrapped(text: str, width: int) -> list[str]:
    """The text's lines, greedily wrapped at ``width`` characters (longer words cut), each escaped.

    Like :func:`textwrap.wrap` without hyphen breaking, five times faster: a 5,000-claim map
    wraps ten thousand texts. At most :data:`~argmap.limits.MAX_LABEL_LINES` lines, the last of
    them saying that the text was cut: Graphviz draws a label of more than 32,767 lines as an empty
    box, without a word of warning.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        start = 0
        while len(word) - start > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[start : start + width])
            start += width
        word = word[start:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
        if len(lines) > MAX_LABEL_LINES:  # a text of megabytes stops here, not after wrapping it all
            return at_most_lines([escape(line) for line in lines])
    if line or not lines:
        lines.append(line)
    return at_most_lines([escape(line) for line in lines])


def at_most_lines(lines: list[str]) -> list[str]:
    """``lines`` (escaped), or their first :data:`~argmap.limits.MAX_LABEL_LINES` - 1 and a last
    line that says the rest is not drawn."""
    if len(lines) <= MAX_LABEL_LINES:
        return lines
    return [*lines[: MAX_LABEL_LINES - 1], CUT_LINE]


def trimmed(text: str, length: int = QUOTE_LENGTH) -> str:
    """The text cut at a word boundary to at most ``length`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] if " " in text[: length - 1] else text[: length - 1]
    return cut.rstrip(",;:.") + "…"


def small(text: str, colour: str = style.GREY, size: int = style.SMALL_SIZE) -> str:
    """One line of small coloured text (already escaped)."""
    return f'<font point-size="{size}" color="{colour}">{text}</font>{BR}'


def claim(claim: Claim, word: str, marks: list[tuple[str, str]], wrap: int, cut: bool) -> str:
    """A claim's label: the kind of claim and its id, the text, then marks (text, colour) below."""
    head = word if claim.id is None else f"{word} · {escape(claim.id)}"
    lines = wrapped(claim.text, wrap)
    if claim.role == "thesis":
        lines = [f"<b>{line}</b>" for line in lines]
    parts = [small(head), *(line + BR for line in lines)]
    below: list[str] = []
    for number, (text, colour) in enumerate(marks):
        if len(below) >= MAX_LABEL_LINES:  # a claim with thousands of items of evidence, say
            below.append(small(f"… and {len(marks) - number} more, not drawn", style.GREY, style.EVIDENCE_SIZE))
            break
        below += [small(line, colour, style.EVIDENCE_SIZE) for line in wrapped(text, wrap + 8)]
    parts += below
    if cut:
        parts.append(small("► more below, not drawn"))
    return "<" + "".join(parts) + ">"


def missing(target: str, wrap: int) -> str:
    """The label of a ref that names no claim."""
    lines = "".join(line + BR for line in wrapped(f"ref: {target}", wrap))
    return "<" + small(style.MISSING.word) + lines + small(f"{style.FINDING} no claim has this id", style.WARNING) + ">"


def stub(target: Claim, word: str, wrap: int) -> str:
    """The label of a ref drawn as a stub: "see" the claim's kind and id, and its text begun.

    A claim without an id (a ref names ids, but a stub is drawn for what it resolves to) shows its
    text only.
    """
    head = f"see {word}" if target.id is None else f"see {word} · <b>{escape(target.id)}</b>"
    text = "".join(small(line, style.GREY, style.EVIDENCE_SIZE) for line in wrapped(trimmed(target.text, wrap), wrap))
    return "<" + small(head) + text + ">"


def citation(argmap: ArgumentMap, evidence: Evidence) -> str:
    """``Author (year)`` of the evidence's source, with its locator; what is missing, said so."""
    source = argmap.source_of(evidence)
    if source is not None:
        cited = source.citation()
    elif evidence.source_key is not None:
        cited = f"{evidence.source_key} (unknown source)"
    else:
        cited = "no source"
    return f"{cited}, {evidence.locator}" if evidence.locator else cited


def evidence_head(argmap: ArgumentMap, item: Evidence) -> str:
    """``KIND · Author (year), locator``: what an item of evidence is and where it is from."""
    kind = (item.kind or ("quote" if item.is_quote else "evidence")).upper()
    return f"{kind} · {citation(argmap, item)}"


def evidence(argmap: ArgumentMap, items: tuple[Evidence, ...], wrap: int) -> str:
    """One box listing a claim's evidence: kind and citation above each (trimmed) quote or text."""
    rows = []
    drawn_lines = 0
    for number, item in enumerate(items):
        if drawn_lines >= MAX_LABEL_LINES:  # Graphviz draws too tall a table as an empty box
            more = small(f"… and {len(items) - number} more items of evidence, not drawn")
            rows.append(f'<tr><td align="left" balign="left">{more}</td></tr>')
            break
        head = "".join(small(line) for line in wrapped(evidence_head(argmap, item), wrap + 8))
        body = trimmed(item.text)
        lines = wrapped(f"“{body}”" if item.is_quote else body, wrap)
        drawn_lines += head.count(BR) + len(lines)
        text = "".join(f"<i>{line}</i>{BR}" if item.is_quote else line + BR for line in lines)
        rows.append(f'<tr><td align="left" balign="left">{head}{text}</td></tr>')
    return '<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">' + "<hr/>".join(rows) + "</table>>"


def title(text: str) -> str:
    """The map's title, its lines centred (it stands centred above the diagram)."""
    return "<" + "<br/>".join(f"<b>{line}</b>" for line in wrapped(text, 60)) + ">"
