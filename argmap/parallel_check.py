"""Checking many maps in several processes, with the results of one process, in the same order.

Each worker checks a run of consecutive maps and sends back their :class:`FileResult` values;
nothing is printed or written by the workers, so the report is made once, from ordered results,
and is byte for byte that of ``--jobs 1``.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import FileResult

if TYPE_CHECKING:
    from .config import Config, Settings

#: What checks one map: ``files.check_file``, handed in so that this module need not import its caller.
CheckOne = Callable[[Path, "Config | Settings", bool], FileResult]

#: Runs per worker: enough that a slow run does not leave the other workers idle at the end.
CHUNKS_PER_JOB = 8

_check: CheckOne | None = None
_settings: Config | Settings | None = None
_keep_maps = False


def check_in_parallel(
    maps: list[Path], check: CheckOne, settings: Config | Settings, keep_maps: bool, jobs: int
) -> list[FileResult]:
    """Every map checked with ``check``, in ``jobs`` processes; the results in the order of ``maps``."""
    size = max(1, -(-len(maps) // (jobs * CHUNKS_PER_JOB)))
    runs = [maps[start : start + size] for start in range(0, len(maps), size)]
    # fork starts a worker in milliseconds with everything imported; macOS and Windows need spawn.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(check, settings, keep_maps)
    ) as pool:
        return [result for run in pool.map(_check_run, runs) for result in run]


def _start(check: CheckOne, settings: Config | Settings, keep_maps: bool) -> None:
    global _check, _settings, _keep_maps
    _check, _settings, _keep_maps = check, settings, keep_maps


def _check_run(maps: list[Path]) -> list[FileResult]:
    assert _check is not None and _settings is not None, "the pool's initializer sets them"
    return [_check(path, _settings, _keep_maps) for path in maps]
