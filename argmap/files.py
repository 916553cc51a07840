"""Which files a command works on, and checking many of them in one go."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import FileResult, LoadError, Problem

MAP_SUFFIXES = (".yaml", ".yml")
#: Folders never searched for maps.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the ``*.yaml``/``*.yml`` files below them, sorted.

    Hidden folders (``.git``, ``.venv``) are skipped, and symlinked folders are not followed, so a
    symlink loop cannot make the search run forever. A path that does not exist is kept, so that
    loading it reports it.
    """
    result: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            found = []
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [s for s in subfolders if not s.startswith(".") and s not in SKIPPED_FOLDERS]
                found.extend(Path(folder) / name for name in files if name.endswith(MAP_SUFFIXES))
        else:
            found = [path]
        for map_path in sorted(found):
            key = os.path.abspath(map_path)  # `argmap check a.yaml ./a.yaml` checks a.yaml once
            if key not in seen:
                seen.add(key)
                result.append(map_path)
    return result


def empty_folders(paths: list[Path]) -> list[Path]:
    """The folders among ``paths`` with no map below them: a mistyped path in CI must not pass."""
    return [path for path in paths if path.is_dir() and not expand([path])]


def check_paths(paths: list[Path], config: object = None, keep_maps: bool = False) -> list[FileResult]:
    """Load and check every map below ``paths``; load errors become that file's problems.

    ``config`` is one :class:`~argmap.config.Config` for every map, or a
    :class:`~argmap.config.Settings` that gives each map its own (the default: each map's nearest
    settings file). Raises :class:`~argmap.config.ConfigError` for a bad settings file.
    """
    from .checker import check
    from .config import Config, Settings
    from .reading.loader import load

    settings = config if config is not None else Settings()
    results = [
        FileResult(
            path, (Problem(str(path), 1, 1, "no-maps", "error", "no *.yaml or *.yml maps in this folder"),), False
        )
        for path in empty_folders(paths)
    ]
    for path in expand(paths):
        own = settings if isinstance(settings, Config) else settings.for_map(path)  # type: ignore[attr-defined]
        try:
            argmap = load(path)
        except LoadError as error:
            results.append(FileResult(path, tuple(error.problems), loaded=False))
            continue
        results.append(FileResult(path, tuple(check(argmap, own)), True, argmap if keep_maps else None))
    return results
