"""Which files a command works on, and checking many of them in one go (in parallel when it pays)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .problems import FileResult, LoadError, Problem

if TYPE_CHECKING:
    from .config import Config, Settings
    from .model import ArgumentMap

#: Argdown documents are checked as they are (argmap.interop reads them); ``argdown = false`` in a
#: settings file leaves them out of folder checks.
ARGDOWN_SUFFIXES = (".argdown", ".ad")
MAP_SUFFIXES = (".yaml", ".yml", *ARGDOWN_SUFFIXES)
#: The maps a folder walk finds, as a message names them.
MAP_PATTERNS = ", ".join(f"*{suffix}" for suffix in MAP_SUFFIXES)
#: Folders never searched for maps.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
#: Fewest maps worth a process pool. Measured with 2 workers (fork) on maps of 20-40 claims: 20 maps
#: take 0.053 s through a pool and 0.027 s in this process; 200 take 0.21 s and 0.26 s. (spawn, on
#: macOS and Windows, costs more to start.) Smaller batches are checked in this process.
PARALLEL_MIN_MAPS = 200


class Walk(NamedTuple):
    """What a command works on: the maps, and the links a folder walk did not follow."""

    maps: list[Path]
    #: Links found in a folder that lead to a file outside it (see :func:`walk`).
    leaving: list[Path]


def expand(paths: list[Path]) -> list[Path]:
    """The maps :func:`walk` finds below ``paths``."""
    return walk(paths).maps


def walk(paths: list[Path]) -> Walk:
    """Files as given; folders replaced by the maps below them (``*.yaml``, ``*.yml``, ``*.argdown``, ``*.ad``), sorted.

    Hidden folders (``.git``, ``.venv``) are skipped, and symlinked folders are not followed, so a
    symlink loop cannot make the search run forever. Only regular files (or symlinks to them) are
    found in folders: a FIFO named ``b.yaml`` would block the read forever, a device would never
    end. A symlink (to a map or to a folder) that leads out of the folder given is not followed but
    listed in ``leaving``: a repository could ship ``maps/a.yaml`` as a link to a file elsewhere on
    the machine, whose text a load error would quote, or ``maps/sub`` as a link to a folder
    elsewhere. A path given by name is kept whatever it is, so that loading it reports it.
    """
    result: list[Path] = []
    leaving: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            inside = Path(os.path.realpath(path))
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [s for s in subfolders if not s.startswith(".") and s not in SKIPPED_FOLDERS]
                # os.walk does not enter a linked folder; one that leads out is said, not passed over.
                leaving.extend(
                    Path(folder) / s
                    for s in subfolders
                    if os.path.islink(os.path.join(folder, s))
                    and not Path(os.path.realpath(os.path.join(folder, s))).is_relative_to(inside)
                )
                for name in files:
                    candidate = Path(folder) / name
                    if not name.endswith(MAP_SUFFIXES) or not _is_regular_file(candidate):
                        continue
                    if candidate.is_symlink() and not Path(os.path.realpath(candidate)).is_relative_to(inside):
                        leaving.append(candidate)
                        continue
                    found.append(candidate)
        else:
            found = [path]
        for map_path in sorted(found):
            key = os.path.abspath(map_path)  # `argmap check a.yaml ./a.yaml` checks a.yaml once
            if key not in seen:
                seen.add(key)
                result.append(map_path)
    return Walk(result, sorted(leaving))


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # a dangling symlink, or a symlink loop: loading would report it, keep it
        return path.is_symlink()


def empty_folders(paths: list[Path]) -> list[Path]:
    """The folders among ``paths`` with no map below them: a mistyped path in CI must not pass."""
    return [path for path in paths if path.is_dir() and not expand([path])]


def check_paths(
    paths: list[Path], config: Config | Settings | None = None, keep_maps: bool = False, jobs: int = 1
) -> list[FileResult]:
    """Load and check every map below ``paths``; load errors become that file's problems.

    ``config`` is one :class:`~argmap.config.Config` for every map, or a
    :class:`~argmap.config.Settings` that gives each map its own (the default: each map's nearest
    settings file). With ``jobs`` above 1 and at least :data:`PARALLEL_MIN_MAPS` maps, that many
    processes share the work; the results are the same, in the same order. Raises
    :class:`~argmap.config.ConfigError` for a bad settings file.
    """
    from .config import Settings

    settings = config if config is not None else Settings()
    empty = empty_folders(paths)
    results = [_no_maps(path, f"no maps ({MAP_PATTERNS}) in this folder") for path in empty]
    maps, leaving = walk(paths)
    results += [FileResult(path, (_not_followed(path),), False) for path in leaving]
    maps = without_turned_off_argdown(maps, paths, settings)
    # A folder of Argdown documents whose settings leave them out has nothing left to check: no pass.
    results += [
        _no_maps(path, "no maps left in this folder: its Argdown documents are left out ('argdown = false')")
        for path in paths
        if path.is_dir() and path not in empty and not any(m.is_relative_to(path) for m in maps)
    ]
    if jobs > 1 and len(maps) >= PARALLEL_MIN_MAPS:
        from .limits import MAX_JOBS
        from .parallel_check import check_in_parallel

        return results + check_in_parallel(maps, check_file, settings, keep_maps, min(jobs, MAX_JOBS))
    return results + [check_file(path, settings, keep_maps) for path in maps]


def without_turned_off_argdown(maps: list[Path], named: list[Path], settings: Config | Settings) -> list[Path]:
    """The maps, less the Argdown documents found in a folder whose settings say ``argdown = false``.

    A document named on the command line is always kept, and so is one under a settings file that
    cannot be read: checking it reports that file (``argmap check``, ``argmap serve``).
    """
    from .config import Config, ConfigError

    given = set(named)

    def wanted(path: Path) -> bool:
        if path in given or not path.name.endswith(ARGDOWN_SUFFIXES):
            return True
        try:
            return (settings if isinstance(settings, Config) else settings.for_map(path)).argdown
        except ConfigError:
            return True

    return [path for path in maps if wanted(path)]


def _no_maps(folder: Path, message: str) -> FileResult:
    return FileResult(folder, (Problem(str(folder), 1, 1, "no-maps", "error", message),), False)


def _not_followed(link: Path) -> Problem:
    message = (
        "a symbolic link that leads outside the folder being checked; argmap does not follow it "
        "(name the file or folder itself to check it)"
    )
    return Problem(str(link), 1, 1, "unreadable", "error", message)


def check_file(path: Path, settings: Config | Settings, keep_maps: bool = False) -> FileResult:
    """Load and check one map file with its settings; a load error becomes its problems."""
    from .interop import read_file

    try:
        argmap = read_file(path).argmap  # YAML, or Argdown and the other formats by their suffix
    except LoadError as error:
        return FileResult(path, tuple(error.problems), loaded=False)
    return _checked(path, argmap, settings, keep_maps)


def check_data(data: bytes, path: Path, settings: Config | Settings, keep_maps: bool = False) -> FileResult:
    """Check a map given as bytes (standard input); ``path`` names it, finds its settings and anchors
    its relative source files, as if the map were that file."""
    from .interop import format_of, read
    from .limits import MAX_FILE_BYTES
    from .reading.text import decode

    try:
        if len(data) > MAX_FILE_BYTES:
            message = (
                f"the input is larger than {MAX_FILE_BYTES // 1048576} MiB, the most argmap reads (MAX_FILE_BYTES)"
            )
            raise LoadError([Problem(str(path), 1, 1, "file-too-large", "error", message)])
        argmap = read(decode(path, data), path, format_of(path) or "yaml").argmap  # --stdin-filename d.argdown
    except LoadError as error:
        return FileResult(path, tuple(error.problems), loaded=False)
    return _checked(path, argmap, settings, keep_maps)


def _checked(path: Path, argmap: object, settings: Config | Settings, keep_maps: bool) -> FileResult:
    from .checker import check
    from .config import Config

    own = settings if isinstance(settings, Config) else settings.for_map(path)
    problems = tuple(check(argmap, own))  # type: ignore[arg-type]
    return FileResult(path, problems, True, argmap if keep_maps else None, read_with(path, argmap, own))  # type: ignore[arg-type]


def read_with(path: Path, argmap: ArgumentMap, config: Config) -> tuple[Path, ...]:
    """The files that checking the map at ``path`` reads besides the map: its settings file and the
    texts of its sources. An output file must never be one of them (``-o argmap.toml``)."""
    from .sources.texts import locate, roots_option, sources_option

    read = [config.path] if config.path is not None else []
    options = config.options_of("quote-not-found")
    sources_dir = sources_option(options)
    if sources_dir is None and not argmap.has_source_files():  # most maps: 100,000 claims and no texts
        return tuple(read)
    roots = roots_option(path, options)
    for source in (*argmap.sources.values(), *argmap.inline_sources()):
        # A text argmap refuses to read is protected too: writing over it is no more wanted.
        text = locate(source, path, sources_dir, roots)
        if text is not None:
            read.append(text.path)
    return tuple(read)
