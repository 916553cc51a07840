"""Write files whole or not at all, and never over the files a command was given.

Every file argmap writes goes to a temporary file in the same folder, is flushed to disk and is
then renamed over the target (:func:`os.replace`, atomic on POSIX and Windows): a run that is
interrupted leaves the old file or the new one, never half of one, and two runs writing the same
file at once leave one of the two outputs whole. Example::

    >>> write_atomic(Path("maps/seed.svg"), svg, protected={Path("maps/seed.yaml")})  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class UnsafeWrite(Exception):
    """The output cannot be written safely (it is an input, a folder, or its folder is missing)."""


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or (hard links) the same inode."""
    if Path(os.path.realpath(a)) == Path(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def check_target(path: Path, protected: Iterable[Path] = ()) -> Path:
    """The real path to write ``path`` to; :class:`UnsafeWrite` if it is protected or unwritable."""
    for kept in protected:
        if same_file(path, kept):
            raise UnsafeWrite(f"refusing to write {path}: it is one of the input files, which argmap never overwrites")
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    if target.is_dir():
        raise UnsafeWrite(f"cannot write {path}: it is a folder")
    if not target.parent.is_dir():
        raise UnsafeWrite(f"cannot write {path}: the folder {target.parent} does not exist")
    return target


def write_atomic(path: Path, data: bytes, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; refuse ``protected`` paths.

    Raises :class:`UnsafeWrite` for a protected path or a folder, :class:`OSError` when the disk
    refuses (the temporary file is removed and the old file is left as it was).
    """
    target = check_target(Path(path), protected)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _mode(target: Path) -> int:
    """The old file's permissions, or those a new file gets (mkstemp's 0600 would hide diagrams)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
