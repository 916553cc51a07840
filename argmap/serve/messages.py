"""What the live page is told about a map: the whole view, or why the map cannot be read now.

One message is ``{"view": <view data> | null, "load_problems": [...]}``. The map goes through the
library as ``argmap check`` and ``argmap eval`` take it (its own settings file, the same rules, the
same labels); a map that cannot be read gets ``view`` null, so that the page keeps the last good
diagram and shows a banner with the problems.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..problems import Problem


class Reading(NamedTuple):
    """A map as it is on disk now: its view, or the problems that keep it from being read."""

    view: dict[str, Any] | None
    load_problems: list[Problem]
    #: The map's settings file and source texts, as ``argmap check`` reads them: a change in one
    #: should re-send the map.
    read_with: tuple[Path, ...]


def read_map(path: Path) -> Reading:
    """Load, check (with the map's own settings) and evaluate the map at ``path``."""
    from ..config import ConfigError, Settings
    from ..files import check_file

    try:
        result = check_file(path, Settings(), keep_maps=True)
    except ConfigError as error:
        return Reading(None, [_settings_problem(path, error)], ())
    if result.argmap is None:
        return Reading(None, list(result.problems), result.read_with)
    from ..evaluation.labelling import evaluate
    from ..html import view_data

    view = view_data(result.argmap, list(result.problems), evaluate(result.argmap))
    return Reading(view, [], result.read_with)


def message(reading: Reading) -> str:
    """The stream message for a reading: one line of JSON."""
    return _message(reading.view, reading.load_problems)


def digest(text: str) -> str:
    """A short name for a message's content: equal for equal messages."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def load_problems_message(problems: list[Problem]) -> str:
    """The message for a map that cannot be read now: no view, and why."""
    return _message(None, problems)


def _message(view: dict[str, Any] | None, load_problems: list[Problem]) -> str:
    problems = [
        {"file": p.file, "line": p.line, "column": p.column, "rule": p.rule, "message": p.message}
        for p in load_problems
    ]
    # Compact, and safe inside a page: no "</script>" or U+2028 can end or break the script it lands in.
    text = json.dumps({"view": view, "load_problems": problems}, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c")


#: ``FILE:LINE:COL: message``, as a bad settings file is reported (argmap.config.settings_file).
_PLACED = re.compile(r"(?P<line>\d+):(?P<column>\d+): (?P<message>.*)", re.DOTALL)


def _settings_problem(map_path: Path, error: Exception) -> Problem:
    """A bad settings file, as a load problem of the map it governs, at the line that is wrong."""
    from ..config import find

    settings = find(map_path)
    text = str(error)
    file = str(settings) if settings is not None else str(map_path)
    rest = text.removeprefix(f"{file}:") if text.startswith(f"{file}:") else None
    placed = _PLACED.fullmatch(rest) if rest is not None else None
    if placed is not None:
        return Problem(file, int(placed["line"]), int(placed["column"]), "settings", "error", placed["message"])
    message = rest.strip() if rest is not None else text
    return Problem(file, 1, 1, "settings", "error", message)


def signature(paths: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    """When and how big each file is now (-1 for one that is gone): a change in it means "read again"."""
    stamps = []
    for path in paths:
        try:
            stat = os.stat(path)
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)
