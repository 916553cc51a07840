"""What ``argmap serve`` may show: the maps below the folder it serves, each under a name of its own.

The server never turns a URL into a file path. It asks :func:`~argmap.files.walk` (the walk of
``argmap check``, with its filter of Argdown documents) for the maps, names each by its path
below the folder, and looks a requested name up among them: a name that is not one of those maps
is not served, whatever ``..``, percent escapes, absolute paths or links it holds. Before a map is
read, its real path is checked again to lie inside the folder, so that a link swapped in after the
walk cannot lead out either.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from ..files import walk, without_turned_off_argdown


class Listing(NamedTuple):
    """The maps on offer, by name (``sub/a.yaml``), and the links the walk did not follow."""

    maps: dict[str, Path]
    leaving: list[str]

    def names(self) -> str:
        """Every name listed, one a line: the index shows the same page as long as this is the same."""
        return "\n".join([*self.maps, "", *self.leaving])


class Site:
    """The folder (or the one map) given to ``argmap serve``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_folder = path.is_dir()
        #: Names are relative to this folder: the one given, or the folder of the map given.
        self.folder = path if self.is_folder else path.parent
        self._inside = Path(os.path.realpath(self.folder))

    def listing(self) -> Listing:
        """The maps below the folder now (maps come and go while the server runs)."""
        if self.is_folder and not self.path.is_dir():  # removed while served
            return Listing({}, [])
        from ..config import Settings

        maps, leaving = walk([self.path])
        # The maps ``argmap check`` would check here: an Argdown document under ``argdown = false`` is not one.
        maps = without_turned_off_argdown(maps, [self.path], Settings())
        return Listing({self.name_of(path): path for path in maps}, [self.name_of(path) for path in leaving])

    def name_of(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def find(self, name: str) -> Path | None:
        """The map called ``name``, if it is one of the maps on offer and still lies inside the folder."""
        path = self.listing().maps.get(name)
        return path if path is not None and self.holds(path) else None

    def holds(self, path: Path) -> bool:
        """Whether ``path`` really lies inside the folder, links resolved; a map given by name always does."""
        if not self.is_folder:
            return path == self.path
        return Path(os.path.realpath(path)).is_relative_to(self._inside)
