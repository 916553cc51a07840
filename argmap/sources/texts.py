"""Find and read the local text of a source, for checking quotes against it.

A source's text is, in this order:

1. its ``file:``, relative to the map's folder (``file: texts/bandow.txt``);
2. ``KEY.txt``, ``KEY.md`` or ``KEY.html`` in the sources folder (``--sources DIR`` or
   ``sources = "DIR"`` in the settings), for a source with the key ``KEY``.

HTML is reduced to its text (tags dropped, entities decoded, scripts and styles skipped);
Markdown and plain text are read as they are. Only regular files of at most MAX_SOURCE_BYTES
inside the folders :mod:`.boundary` allows are read (:mod:`.safe_read`): a map cannot make argmap
open a FIFO, a device or a file elsewhere. Texts are read and prepared once per file and run,
however many quotes and maps cite them. Example::

    >>> found = text_for(argmap.sources["bandow"], Path("maps/bandow-iraq.yaml"), Path("texts"))  # doctest: +SKIP
    >>> found.path, found.text.original[:20]  # doctest: +SKIP
    (PosixPath('texts/bandow.txt'), '2020/04/16 | 10:20 -')
    >>> html_text("<p>Bring <em>home</em></p>")  # HTML pages: see argmap.sources.html_text
    '\\nBring home\\n'
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from ..limits import MAX_SOURCE_BYTES
from ..model import ArgumentMap, Source
from .boundary import reading_roots, real
from .boundary import refusal as boundary_refusal
from .html_text import html_text
from .quotes import Prepared, prepare
from .safe_read import Unreadable, check_regular, read_regular

SUFFIXES = (".txt", ".md", ".html")
_cache: dict[tuple[Path, int, int], Prepared] = {}


class SourceText(NamedTuple):
    """A source's text, ready for matching, and the file it was read from."""

    path: Path
    text: Prepared


class Located(NamedTuple):
    """The file that holds a source's text, and why argmap refuses to read it (``None``: it does not)."""

    path: Path
    refused: str | None = None


def cited_sources(argmap: ArgumentMap) -> Iterator[tuple[Source, str | None, str | None]]:
    """Every source of the map once: the keyed ones, then each inline one with its claim's uid and text."""
    for source in argmap.sources.values():
        yield source, None, None
    for claim in argmap.claims:
        for evidence in claim.evidence:
            if evidence.source is not None:
                yield evidence.source, claim.uid, claim.text


def sources_option(options: dict[str, object]) -> Path | None:
    """The sources folder a rule's options name (``--sources``, the ``sources`` setting), if any."""
    return Path(str(options["sources"])) if options.get("sources") else None


def roots_option(map_path: Path, options: dict[str, object]) -> tuple[Path, ...]:
    """The folders a map's ``file:`` may resolve into, with a rule's ``source-roots`` option."""
    extra = options.get("source-roots") or ()
    return reading_roots(map_path, [str(folder) for folder in extra] if isinstance(extra, list | tuple) else ())


def file_path(source: Source, map_path: Path) -> Path:
    """Where the source's ``file:`` points: relative to the map's folder (an absolute path as it is)."""
    return map_path.parent / (source.file or "")


def locate(source: Source, map_path: Path, sources_dir: Path | None, roots: Sequence[Path]) -> Located | None:
    """The file that holds the source's text, or ``None`` if it has none.

    ``roots`` are the folders a ``file:`` may resolve into (:func:`~.boundary.reading_roots`); a
    text in ``sources_dir`` must resolve inside it. A file outside is located but ``refused``.
    """
    if source.file:
        path = file_path(source, map_path)
        refused = boundary_refusal(path, tuple(roots))
        if refused is not None:
            return Located(path, refused)
        if os.path.exists(path) and not os.path.isdir(path):
            return Located(path)
    if sources_dir is not None and source.key:
        for suffix in SUFFIXES:
            path = sources_dir / f"{source.key}{suffix}"
            if not os.path.lexists(path) or os.path.isdir(path):
                continue
            folder = real(sources_dir)
            return Located(path, boundary_refusal(path, (folder,) if folder else (), "the sources folder"))
    return None


def refused(source: Source, map_path: Path, sources_dir: Path | None, roots: Sequence[Path]) -> Located | None:
    """The source's text file with why argmap will not read it (outside the roots, hidden, not a
    regular file, too large, unreadable), found without reading it; ``None`` if there is none to refuse."""
    found = locate(source, map_path, sources_dir, roots)
    if found is None or found.refused is not None:
        return found
    try:
        check_regular(found.path, MAX_SOURCE_BYTES, "MAX_SOURCE_BYTES")
    except Unreadable as error:
        return Located(found.path, str(error))
    return None


def text_for(source: Source, map_path: Path, sources_dir: Path | None, roots: Sequence[Path] = ()) -> SourceText | None:
    """The source's text, read and prepared (cached), or ``None`` if it has none or argmap refuses to
    read it (``unreadable-source-file`` reports why). ``roots`` default to the map's folder."""
    found = locate(source, map_path, sources_dir, roots or reading_roots(map_path))
    if found is None or found.refused is not None:
        return None
    try:
        stat = found.path.stat()
        key = (found.path.resolve(), stat.st_mtime_ns, stat.st_size)
        if key not in _cache:
            _cache[key] = prepare(read(found.path))
    except (OSError, Unreadable):
        return None
    return SourceText(found.path, _cache[key])


def read(path: Path) -> str:
    """The text of a regular file of at most MAX_SOURCE_BYTES; HTML reduced to what a reader sees.
    Bad UTF-8 bytes become U+FFFD. :class:`~.safe_read.Unreadable` for anything else."""
    data = read_regular(path, MAX_SOURCE_BYTES, "MAX_SOURCE_BYTES")
    raw = data.decode("utf-8-sig", errors="replace")
    return html_text(raw) if path.suffix.lower() in (".html", ".htm") else raw
