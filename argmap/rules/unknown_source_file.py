"""unknown-source-file: a source's ``file:`` names no file.

A source's ``file:`` is its local text, relative to the map's folder; ``quote-not-found`` checks
quotes against it. A wrong path would silently leave every quote of the source unchecked. A
``file:`` outside the folders argmap reads source texts from is ``unreadable-source-file``'s to
report, and whether it exists is never said.

Option: ``source-roots`` (list of folders, default ``[]``): more folders a ``file:`` may be in,
besides the map's; the settings file's folder and the top-level ``source-roots`` setting fill it in.

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

import os
from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "unknown-source-file"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {"source-roots": []}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    if not argmap.has_source_files():
        return  # no source names a file (the usual case): nothing to look up
    from ..sources.boundary import inside
    from ..sources.texts import cited_sources, file_path, roots_option

    roots = roots_option(argmap.path, options)
    for source, node, text in cited_sources(argmap):
        if not source.file:
            continue
        path = file_path(source, argmap.path)
        if not inside(path, roots) or (os.path.exists(path) and not os.path.isdir(path)):
            continue  # outside: unreadable-source-file says so; a file that is no regular file too
        name = f"source '{source.key}'" if source.key else "this source"
        why = "is not a file" if os.path.exists(path) else "does not exist"
        where = source.file_position or source.position
        yield Finding(where.line, where.column, f"the file of {name}, {path.as_posix()}, {why}", node, text)
