"""quote-not-found: a quote that is not in the text of its source.

When a quote's source has a local text, the quote must occur in it. A source's text is its
``file:`` (relative to the map) or, with ``--sources DIR`` (or ``sources = "DIR"`` in the
settings), ``DIR/KEY.txt``, ``DIR/KEY.md`` or ``DIR/KEY.html``. Quotes whose source has no text
are not checked. A text argmap refuses to read (see ``unreadable-source-file``) is never opened,
so the closest passage shown is only ever from a file inside the folders argmap reads; the
source's first quote then says that its quotes are not checked, so that running this rule alone
(``--ignore ALL --select quote-not-found``) cannot pass a made-up quote.

Matching ignores case, white space and line breaks, curly versus straight quote marks and the
kind of dash; ``...`` or ``…`` in a quote stands for words left out. Where a quote is not found,
the message shows the closest passage of the text and how similar it is, so a typo is easy to fix.

Options: ``sources`` (text, default ``""``): the folder of source texts; ``--sources`` and the
top-level ``sources`` setting fill it in. ``source-roots`` (list of folders, default ``[]``): more
folders a ``file:`` may be in, besides the map's; the settings file's folder and the top-level
``source-roots`` setting fill it in.

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

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "quote-not-found"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {"sources": "", "source-roots": []}
#: The longest closest passage shown in a message, in characters.
MAX_PASSAGE = 300


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    from ..sources import quotes
    from ..sources.texts import SourceText, refused, roots_option, sources_option, text_for

    folder = sources_option(options)
    # Without a sources folder only a source's file: gives it a text. Skip all quotes when no
    # source has one (the usual case: 100,000 claims, no files).
    if folder is None and not argmap.has_source_files():
        return
    from ..sources.budgeted_match import SearchBudget

    roots = roots_option(argmap.path, options)
    texts: dict[int, SourceText | None] = {}  # by source: maps quote one source many times
    budget = SearchBudget()  # for the closest passages of all the map's quotes
    for claim in argmap.claims:
        for evidence in claim.evidence:
            if not evidence.is_quote:
                continue
            source = argmap.source_of(evidence)
            if source is None or (folder is None and not source.file):
                continue
            name = f"'{source.key}'" if source.key else source.citation()
            if id(source) not in texts:
                texts[id(source)] = text_for(source, argmap.path, folder, roots)
                unread = refused(source, argmap.path, folder, roots) if texts[id(source)] is None else None
                if unread is not None:  # said once, at the source's first quote, whatever else is on
                    message = (
                        f"quotes of source {name} not checked: its text, {unread.path.as_posix()}, {unread.refused}"
                    )
                    yield Finding(evidence.position.line, evidence.position.column, message, claim.uid, claim.text)
            found = texts[id(source)]
            if found is None or quotes.find(evidence.text, found.text) is not None:
                continue
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
