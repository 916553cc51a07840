"""Which folders a map may read source texts from, so that a map cannot make argmap print other files.

A source's ``file:`` is read only if it resolves (symlinks followed, ``..`` applied) inside the map's
folder, the folder of the settings file that applies to the map, or a folder that file names in
``source-roots``; a text found by its key in the sources folder (``--sources``) only if it resolves
inside that folder. Anything else (``/etc/shadow``, ``../../.env``, a symlink that leads out) is
refused before it is opened, so its text can never reach a message::

    >>> roots = reading_roots(Path("project/maps/a.yaml"), ["project"])
    >>> inside(Path("project/maps/../texts/t.txt"), roots), inside(Path("/etc/shadow"), roots)
    (True, False)
    >>> inside(Path("project/.git/config"), roots)
    False
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def real(path: Path | str) -> Path | None:
    """``path`` absolute with every symlink and ``..`` resolved; ``None`` if it cannot be a path."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):  # ValueError: a NUL character in it
        return None


def reading_roots(map_path: Path, extra: Iterable[str | Path] = ()) -> tuple[Path, ...]:
    """The folders a map's ``file:`` may resolve into: the map's own and ``extra`` (from the settings)."""
    found = (real(folder) for folder in (map_path.parent, *extra))
    return tuple(dict.fromkeys(folder for folder in found if folder is not None))


def inside(path: Path, roots: Iterable[Path]) -> bool:
    """Whether ``path`` resolves to a place inside one of ``roots`` (already resolved)."""
    return refusal(path, tuple(roots)) is None


def refusal(path: Path, roots: tuple[Path, ...], what: str = "the folders source texts are read from") -> str | None:
    """Why ``path`` may not be read: it resolves outside ``roots``, or into a hidden file or folder
    below them (``.git/config`` holds CI tokens, ``.env`` secrets); ``None`` if it may."""
    resolved = real(path)
    if resolved is None:
        return "is not a name a file can have (it holds a NUL character)"
    below = [resolved.relative_to(root).parts for root in roots if resolved.is_relative_to(root)]
    if not below:
        return f"is outside {what} ({describe(roots)})"
    if all(any(part.startswith(".") for part in parts) for parts in below):
        return "is in a hidden file or folder (such as .git or .env), which argmap never reads source texts from"
    return None


def describe(roots: Iterable[Path]) -> str:
    """The roots for a message: ``"/p/maps"`` or ``"/p/maps, /p"``."""
    return ", ".join(root.as_posix() for root in roots)
