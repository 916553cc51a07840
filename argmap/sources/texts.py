"""Find and read the local text of a source, for checking quotes against it.

A source's text is, in this order:

1. its ``file:``, relative to the map's folder (``file: texts/bandow.txt``);
2. ``KEY.txt``, ``KEY.md`` or ``KEY.html`` in the sources folder (``--sources DIR`` or
   ``sources = "DIR"`` in the settings), for a source with the key ``KEY``.

HTML is reduced to its text (tags dropped, entities decoded, scripts and styles skipped);
Markdown and plain text are read as they are. Texts are read and prepared once per file and
run, however many quotes and maps cite them. Example::

    >>> found = text_for(argmap.sources["bandow"], Path("maps/bandow-iraq.yaml"), Path("texts"))  # doctest: +SKIP
    >>> found.path, found.text.original[:20]  # doctest: +SKIP
    (PosixPath('texts/bandow.txt'), '2020/04/16 | 10:20 -')
    >>> html_text("<p>Bring <em>home</em></p>")  # HTML pages: see argmap.sources.html_text
    '\\nBring home\\n'
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..model import Source
from .html_text import html_text
from .quotes import Prepared, prepare

SUFFIXES = (".txt", ".md", ".html")
_cache: dict[tuple[Path, int, int], Prepared] = {}


class SourceText(NamedTuple):
    """A source's text, ready for matching, and the file it was read from."""

    path: Path
    text: Prepared


def text_path(source: Source, map_path: Path, sources_dir: Path | None) -> Path | None:
    """The file that holds the source's text, or ``None`` if it has none."""
    if source.file:
        path = map_path.parent / source.file
        if path.is_file():
            return path
    if sources_dir is not None and source.key:
        for suffix in SUFFIXES:
            path = sources_dir / f"{source.key}{suffix}"
            if path.is_file():
                return path
    return None


def text_for(source: Source, map_path: Path, sources_dir: Path | None) -> SourceText | None:
    """The source's text, read and prepared (cached), or ``None`` if it has none or is unreadable."""
    path = text_path(source, map_path, sources_dir)
    if path is None:
        return None
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
        if key not in _cache:
            _cache[key] = prepare(read(path))
    except OSError:
        return None
    return SourceText(path, _cache[key])


def read(path: Path) -> str:
    """The text of a file; HTML reduced to what a reader sees. Bad UTF-8 bytes become U+FFFD."""
    raw = path.read_text(encoding="utf-8-sig", errors="replace")
    return html_text(raw) if path.suffix.lower() in (".html", ".htm") else raw
