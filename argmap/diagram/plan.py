"""Which diagrams a run makes and where each goes, decided before any map is drawn.

The format is the one asked for, else the one the output's suffix names, else SVG. Each map's
diagram goes next to the map (``maps/a.yaml`` -> ``maps/a.svg``), into an output folder, to one
output file, or (``-o -``) to standard output. Every refusal (no maps, no engine for the format,
two maps drawn to one file, a target that is one of the maps) is raised here, before any work, so
that a run writes every diagram or none. Example::

    >>> from argmap.diagram import RenderOptions
    >>> planned = plan([Path("maps/tutorial-basics.yaml")], None, RenderOptions(format="dot"))
    >>> [target.name for target in planned.files.values()]
    ['tutorial-basics.dot']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..files import MAP_PATTERNS, empty_folders, walk
from ..safe_write import check_target
from . import engine
from .engine import RenderError
from .options import FORMATS, RenderOptions

#: The output that stands for standard output.
STANDARD_OUTPUT = "-"


@dataclass(frozen=True)
class Plan:
    """The maps to draw, in order, and the file each one's diagram goes to.

    ``files`` is empty when the one map's diagram goes to standard output. ``derived`` says that
    argmap chose the file names itself (next to each map, or in an output folder): such a name is
    never followed through a symbolic link, since a repository could ship ``maps/a.svg`` as a link
    to a file outside it.
    """

    maps: tuple[Path, ...]
    files: dict[Path, Path]
    derived: bool = False

    @property
    def to_standard_output(self) -> bool:
        return not self.files


def diagram_format(chosen: str | None, output: str | None) -> str:
    """The format asked for, else the one ``output``'s suffix names, else SVG.

    Raises :class:`RenderError` when the format asked for and the suffix disagree.
    """
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != STANDARD_OUTPUT else ""
    named = suffix if suffix in FORMATS else None
    if chosen is not None and named is not None and chosen != named:
        raise RenderError(f"-o {output} names a .{suffix} file but --format is {chosen}; make them agree")
    return chosen or named or "svg"


def plan(paths: list[Path], output: str | None, options: RenderOptions) -> Plan:
    """The maps below ``paths`` (files, or folders searched) and where each one's diagram goes.

    ``output`` is ``None`` (next to each map), a file, a folder, or ``"-"``. Raises
    :class:`RenderError` (no maps, a link out of a folder, no engine for the format, several maps for one output) or
    :class:`~argmap.safe_write.UnsafeWrite` (a target that is one of the maps, a folder, in a
    folder that does not exist, or a link, device or FIFO where argmap chose the name).
    """
    maps, leaving = walk(paths)
    if leaving:  # as `argmap check` does, and before any work
        raise RenderError(
            f"{leaving[0]} is a symbolic link that leads outside the folder being drawn; argmap does not "
            "follow it (name the file or folder itself to draw it)"
        )
    empty = empty_folders(paths)
    if empty or not maps:
        raise RenderError(f"no maps ({MAP_PATTERNS}) in {empty[0] if empty else 'the paths given'}")
    if options.format not in ("dot", "html"):  # the page lays itself out: no layout program
        engine.find(options.engine, options.format)  # a missing engine fails before any work
    if output == STANDARD_OUTPUT:
        if len(maps) > 1:
            raise RenderError("-o - writes one diagram to standard output; give one map, or a folder for -o")
        return Plan(tuple(maps), {})
    files = _files(maps, output, options.format)
    derived = output is None or Path(output).is_dir()
    for target in files.values():
        check_target(target, maps, follow_symlinks=not derived)
    return Plan(tuple(maps), files, derived)


def _files(maps: list[Path], output: str | None, fmt: str) -> dict[Path, Path]:
    """The file each map's diagram goes to; refuses two maps to one file."""
    folder = output is not None and Path(output).is_dir()
    if output is not None and len(maps) > 1 and not folder:
        raise RenderError(f"with several maps, -o must be an existing folder; {output} is not one")
    files: dict[Path, Path] = {}
    for path in maps:
        if output is None:
            target = path.with_suffix(f".{fmt}")
        else:
            target = Path(output) / path.with_suffix(f".{fmt}").name if folder else Path(output)
        if target in files.values():
            raise RenderError(f"two maps would be drawn to {target}; render them one at a time with -o")
        files[path] = target
    return files
