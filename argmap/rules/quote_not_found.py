"""quote-not-found: a quote that is not in the text of its source.

When a quote's source has a local text, the quote must occur in it. A source's text is its
``file:`` (relative to the map) or, with ``--sources DIR`` (or ``sources = "DIR"`` in the
settings), ``DIR/KEY.txt``, ``DIR/KEY.md`` or ``DIR/KEY.html``. Quotes whose source has no text
are not checked.

Matching ignores case, white space and line breaks, curly versus straight quote marks and the
kind of dash; ``...`` or ``…`` in a quote stands for words left out. Where a quote is not found,
the message shows the closest passage of the text and how similar it is, so a typo is easy to fix.

Option: ``sources`` (text, default ``""``): the folder of source texts; ``--sources`` and the
top-level ``sources`` setting fill it in.

The examples read ``texts/bandow.txt`` in the map's folder, which says "It is time to bring home
America's forces."

Fails ("all of" is not in the text)::

    sources:
      bandow: {author: Doug Bandow, file: texts/bandow.txt}
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: It is time to bring home all of America's forces
          source: bandow

Passes (case and the kind of quote mark do not matter)::

    sources:
      bandow: {author: Doug Bandow, file: texts/bandow.txt}
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: "it is time to bring home America’s forces"
          source: bandow
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "quote-not-found"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {"sources": ""}
#: The longest closest passage shown in a message, in characters.
MAX_PASSAGE = 300


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    from ..sources import quotes
    from ..sources.texts import SourceText, text_for

    folder = Path(str(options["sources"])) if options.get("sources") else None
    # Without a sources folder only a source's file: gives it a text. Skip all quotes when no
    # source has one (the usual case: 100,000 claims, no files).
    if folder is None and not argmap.has_source_files():
        return
    from ..sources.budgeted_match import SearchBudget

    texts: dict[int, SourceText | None] = {}  # by source: maps quote one source many times
    budget = SearchBudget()  # for the closest passages of all the map's quotes
    for claim in argmap.claims:
        for evidence in claim.evidence:
            if not evidence.is_quote:
                continue
            source = argmap.source_of(evidence)
            if source is None or (folder is None and not source.file):
                continue
            if id(source) not in texts:
                texts[id(source)] = text_for(source, argmap.path, folder)
            found = texts[id(source)]
            if found is None or quotes.find(evidence.text, found.text) is not None:
                continue
            name = f"'{source.key}'" if source.key else source.citation()
            message = f"quote not found in source {name} ({found.path.as_posix()})"
            passage, similarity, complete = quotes.closest_within(evidence.text, found.text, budget)
            early = "" if complete else ", the search stopped early"
            if passage:
                shown = passage if len(passage) <= MAX_PASSAGE else passage[: MAX_PASSAGE - 1] + "…"
                message += f'; closest passage ({similarity:.0%} similar{early}): "{shown}"'
            elif complete:
                message += "; no passage of it shares a word with the quote"
            else:
                message += "; the search for the closest passage stopped early (too much work)"
            yield Finding(evidence.position.line, evidence.position.column, message, claim.uid, claim.text)
