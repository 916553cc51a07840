"""unknown-source-file: a source's ``file:`` names no file.

A source's ``file:`` is its local text, relative to the map's folder; ``quote-not-found`` checks
quotes against it. A wrong path would silently leave every quote of the source unchecked.

Fails, when there is no ``texts/bandow-2004.txt`` in the map's folder::

    sources:
      bandow:
        author: Doug Bandow
        file: texts/bandow-2004.txt
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: It is time to bring home America's forces.
          source: bandow

Passes, when there is a ``texts/bandow.txt`` in the map's folder (or without ``file:``)::

    sources:
      bandow:
        author: Doug Bandow
        file: texts/bandow.txt
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: It is time to bring home America's forces.
          source: bandow
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap, Source
from ..problems import Finding, Severity

ID = "unknown-source-file"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    if not argmap.has_source_files():
        return  # no source names a file (the usual case): nothing to look up
    sources: list[tuple[Source, str | None, str | None]] = [(s, None, None) for s in argmap.sources.values()]
    for claim in argmap.claims:
        sources.extend((e.source, claim.uid, claim.text) for e in claim.evidence if e.source is not None)
    for source, node, text in sources:
        if not source.file:
            continue
        path = argmap.path.parent / source.file
        if path.is_file():
            continue
        name = f"source '{source.key}'" if source.key else "this source"
        why = "is not a file" if path.exists() else "does not exist"
        where = source.file_position or source.position
        yield Finding(where.line, where.column, f"the file of {name}, {path.as_posix()}, {why}", node, text)
