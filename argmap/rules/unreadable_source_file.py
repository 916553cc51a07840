"""unreadable-source-file: a source's text that argmap will not or cannot read, so its quotes go unchecked.

A map can name any path as a source's ``file:``, and a quote that is not found is reported with
the closest passage of the text: without a boundary, ``file: /etc/shadow`` or
``file: /proc/self/environ`` would print secrets into a CI log. So argmap reads a source's text
only if it resolves (symlinks followed) inside the map's folder, the folder of the settings file
that applies to the map, or a folder the settings name in ``source-roots``; a text found by its
key in the sources folder only inside that folder; never a hidden file or one in a hidden folder
below them (``.git/config`` holds a CI checkout's token, ``.env`` secrets). It reads only regular
files (not FIFOs, devices or sockets) of at most ``MAX_SOURCE_BYTES`` (4 MiB), decided before
reading. Each refusal, and a file that cannot be opened (permission denied), is reported at the
``file:`` (or at the source, for a text in the sources folder); the source's quotes are then not
checked.

Options: ``sources`` and ``source-roots``, as for ``quote-not-found`` (the settings fill them in).

Fails (the file is outside the map's folder)::

    sources:
      bandow: {author: Doug Bandow, file: ../elsewhere/bandow.txt}
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: It is time to bring home America's forces.
          source: bandow

Passes (a regular file inside the map's folder)::

    sources:
      bandow: {author: Doug Bandow, file: texts/bandow.txt}
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: It is time to bring home America's forces.
          source: bandow
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "unreadable-source-file"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {"sources": "", "source-roots": []}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    from ..sources.texts import cited_sources, file_path, refused, roots_option, sources_option

    folder = sources_option(options)
    if folder is None and not argmap.has_source_files():
        return  # no source can have a text (the usual case): nothing to open
    roots = roots_option(argmap.path, options)
    for source, node, text in cited_sources(argmap):
        found = refused(source, argmap.path, folder, roots)
        if found is None:
            continue
        name = f"source '{source.key}'" if source.key else "this source"
        named = source.file and found.path == file_path(source, argmap.path)  # else found in the sources folder
        where = (source.file_position if named else None) or source.position
        message = f"the text of {name}, {found.path.as_posix()}, {found.refused}; its quotes are not checked"
        yield Finding(where.line, where.column, message, node, text)
