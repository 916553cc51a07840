"""Other argument-map formats <-> the model: a registry of readers and writers, chosen by name or suffix.

Each format names a reader (``read(text, path) -> Imported``) and a writer (``write(argmap) ->
Exported``) as ``"module:function"``, imported only when used: ``argmap check`` on YAML maps never
loads the Argdown parser. A reader's positions are places in the original file, so problems point
into it; what the other side cannot express comes back as warnings naming the item. Example::

    >>> format_of(Path("debate.argdown")), format_of(Path("notes.md"))
    ('argdown', None)
    >>> imported = read("[T]: Taxes pay for roads.", Path("t.argdown"), "argdown")
    >>> imported.argmap.thesis.text, imported.argmap.thesis.position
    ('Taxes pay for roads.', Position(line=1, column=1))
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

from ..model import ArgumentMap
from ..problems import LoadError, Problem


class Imported(NamedTuple):
    """A map read from some format, and what argmap could not express of it."""

    #: Positions are places in the original file (line, column).
    argmap: ArgumentMap
    #: Severity "warning", each naming the item it concerns.
    warnings: tuple[Problem, ...]


class Exported(NamedTuple):
    """A map written in some format, and what that format could not express of it."""

    text: str
    #: What the target cannot express (kept as a note where possible).
    warnings: tuple[Problem, ...]


class Format(NamedTuple):
    """A format: its name, the suffixes that choose it, and its reader and writer, if any."""

    name: str
    extensions: tuple[str, ...]
    #: ``"module:function"``, imported when first used; ``None`` if argmap cannot read the format.
    reader: str | None
    writer: str | None


FORMATS: dict[str, Format] = {
    format.name: format
    for format in (
        Format("yaml", (".yaml", ".yml"), "argmap.interop.yaml_reader:read", "argmap.interop.yaml_writer:write"),
        Format(
            "argdown",
            (".argdown", ".ad"),
            "argmap.interop.argdown_reader:read",
            "argmap.interop.argdown_writer:write",
        ),
        Format("aif", (".json",), "argmap.interop.aif_reader:read", "argmap.interop.aif_writer:write"),
        Format("kialo", (".txt",), "argmap.interop.kialo_reader:read", None),
    )
}


def format_of(path: Path) -> str | None:
    """The name of the format a file's suffix chooses (case-insensitive), or ``None``."""
    suffix = path.suffix.lower()
    for format in FORMATS.values():
        if suffix in format.extensions:
            return format.name
    return None


def read(text: str, path: Path, fmt: str) -> Imported:
    """The map in ``text``, written in format ``fmt``; raises :class:`LoadError` on broken input."""
    try:
        reader: Callable[[str, Path], Imported] = _function(fmt, "reader")
    except ValueError as error:  # a format argmap cannot read: a problem of this file, not a crash
        raise LoadError([Problem(str(path), 1, 1, "unsupported-format", "error", str(error))]) from None
    return reader(text, path)


def write(argmap: ArgumentMap, fmt: str) -> Exported:
    """The map as text in format ``fmt``, with what that format cannot express."""
    writer: Callable[[ArgumentMap], Exported] = _function(fmt, "writer")
    return writer(argmap)


def read_file(path: Path, fmt: str | None = None) -> Imported:
    """The map in the file at ``path``, in ``fmt`` or the format its suffix names (YAML otherwise).

    The one place a command loads a map file: YAML maps go through :func:`argmap.reading.load`
    as they always did, other formats through their reader. Raises :class:`LoadError`.
    """
    fmt = fmt or format_of(path) or "yaml"
    if fmt == "yaml":
        from ..reading.loader import load

        return Imported(load(path), ())
    from ..reading.text import read_text

    return read(read_text(path), path, fmt)


def _function(fmt: str, role: str) -> Callable:
    format = FORMATS.get(fmt)
    if format is None:
        raise ValueError(f"unknown format {fmt!r}; argmap knows {', '.join(FORMATS)}")
    target = format.reader if role == "reader" else format.writer
    if target is None:
        raise ValueError(f"argmap cannot {'read' if role == 'reader' else 'write'} {fmt} files")
    module, name = target.split(":")
    try:
        function: Callable = getattr(import_module(module), name)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        raise ValueError(f"this argmap cannot {'read' if role == 'reader' else 'write'} {fmt} files") from None
    return function


__all__ = ["FORMATS", "Exported", "Format", "Imported", "LoadError", "format_of", "read", "read_file", "write"]
