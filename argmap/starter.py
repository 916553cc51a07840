"""``argmap init``: a commented starter map that checks clean, written only where no file is.

Example::

    >>> create(Path("map.yaml"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path

#: The file ``argmap init`` writes when given none.
DEFAULT_NAME = "map.yaml"

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A starter argument map: replace the claims with your own argument, then run
#   argmap check {name}    # the holes: premises nothing supports, unknown refs, cycles, ...
#   argmap show {name}     # the map as a tree
#   argmap eval {name}     # which claims stand, and why
# The line above lets editors with the YAML language server check the map as you type.
argmap: 1
title: A bike lane for Main Street
sources:                        # what the evidence cites, by key
  survey:
    author: Town Council
    title: Residents' transport survey
    date: 2024-03-01
thesis:                         # the claim the whole map argues for
  id: bike-lane                 # ids are optional; give one to claims you refer to
  claim: The town should build a protected bike lane on Main Street.
  premises:                     # reasons for the claim above; each supports it on its own
    - id: demand
      claim: Many residents would cycle to work if it were safe.
      evidence:                 # what backs a claim: a quote or a fact in your words, and its source
        - text: 41% of respondents would cycle to work on a protected lane.
          source: survey
          kind: statistic
    - linked:                   # co-premises: they support the claim only together
        - id: cheap
          claim: The lane costs less than one year of repairs to the road.
          assumption: true      # granted without support, on purpose
        - id: affordable
          claim: The town can afford one year of repairs to the road.
          assumption: true
  objections:                   # claims against the claim above
    - id: parking
      claim: The lane would remove parking that the shops need.
      assumption: true
      rebuttals:                # answers to the objection
        - id: side-streets
          claim: The side streets have more free spaces than Main Street would lose.
          evidence:
            - text: A count found 120 free spaces within 200 m of Main Street, against 40 lost.
              source: survey
"""


def starter_map(path: Path) -> str:
    """The starter map's text, its modeline pointing from ``path``'s folder to the installed schema."""
    return _TEMPLATE.format(schema=schema_reference(path), name=path.name)


def schema_reference(path: Path) -> str:
    """The schema as the modeline names it: a relative path where one exists (``../argmap/schema.json``
    in this repository's ``maps/``, as those maps have it), else a ``file:`` URI."""
    from importlib.resources import files

    schema = Path(str(files("argmap").joinpath("schema.json"))).resolve()
    try:
        return Path(os.path.relpath(schema, Path(os.path.abspath(path)).parent.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return schema.as_uri()


def create(path: Path) -> None:
    """Write the starter map to ``path``, whole, and only if nothing is there.

    Raises :class:`FileExistsError` if ``path`` exists (even if it appears while writing), and
    :class:`OSError` when it cannot be written; a temporary file is never left behind.
    """
    import tempfile

    from .safe_write import removed_if_terminated

    if os.path.lexists(path):
        raise FileExistsError(17, "it exists already; argmap init never overwrites a file", str(path))
    folder = Path(os.path.abspath(path)).parent
    with removed_if_terminated():  # SIGTERM and SIGHUP, as Ctrl-C, reach the finally below
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(starter_map(path))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o666 & ~_umask())
            os.link(temporary, path)  # unlike a rename, a link fails if the file appeared meanwhile
        finally:
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
