"""Write files whole or not at all, never over the files a run read, and never where a link points.

A regular file argmap writes goes to a temporary file in the same folder, is flushed to disk and
is then renamed over the target (:func:`os.replace`, atomic on POSIX and Windows): a run that is
interrupted (Ctrl-C, ``kill``, a closed terminal) leaves the old file or the new one, never half of
one nor the temporary file, and two runs writing the same file at once leave one of the two
outputs whole. A character device (``/dev/null``) or a FIFO named as the output is written
directly: renaming a file over it would replace the device node. Example::

    >>> write_atomic(Path("maps/seed.svg"), svg, protected={Path("maps/seed.yaml")})  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .limits import FIFO_READER_WAIT_SECONDS

#: The signals that end a run the way Ctrl-C (SIGINT, a KeyboardInterrupt) does: ``kill``,
#: ``timeout`` and CI cancellation send SIGTERM, a closed terminal SIGHUP.
TERMINATING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class UnsafeWrite(Exception):
    """The output cannot be written safely (an input, a folder, a link argmap did not name, ...)."""


class Terminated(BaseException):
    """A terminating signal arrived while a temporary file existed (see :func:`removed_if_terminated`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or (hard links) the same inode."""
    if Path(os.path.realpath(a)) == Path(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def check_target(path: Path, protected: Iterable[Path] = (), follow_symlinks: bool = True) -> Path:
    """The path to write ``path`` to; :class:`UnsafeWrite` if it is protected or cannot be written safely.

    ``follow_symlinks=False`` is for a file name argmap chose itself (``maps/a.yaml`` ->
    ``maps/a.svg``): such a name must not lead elsewhere, so a symbolic link, a device or a FIFO
    there is refused. A name the user gave is followed: a link to a file writes that file, and a
    character device or FIFO is written directly (its path is returned as given).
    """
    for kept in protected:
        if same_file(path, kept):
            raise UnsafeWrite(f"refusing to write {path}: it is one of the input files, which argmap never overwrites")
    if not follow_symlinks and os.path.islink(path):
        raise UnsafeWrite(
            f"refusing to write {path}: it is a symbolic link (to {os.readlink(path)}), and argmap follows no link"
            " in a file name it chose itself; remove the link, or name the output with -o"
        )
    mode = _mode_of(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise UnsafeWrite(f"cannot write {path}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        if follow_symlinks and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            return path  # written directly, by its own name: /dev/fd/63 resolves to no real path
        raise UnsafeWrite(
            f"refusing to write {path}: it is not a regular file"
            " (argmap writes regular files, and a character device or FIFO named as the output)"
        )
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(os.path.abspath(path))
    if not target.parent.is_dir():
        raise UnsafeWrite(f"cannot write {path}: the folder {target.parent} does not exist")
    return target


def write_atomic(path: Path, data: bytes, protected: Iterable[Path] = (), follow_symlinks: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; refuse ``protected`` paths.

    A character device or FIFO is written directly (see :func:`check_target`). Raises
    :class:`UnsafeWrite` for a path that cannot be written safely, :class:`OSError` when the disk
    refuses (the temporary file is removed and the old file is left as it was).
    """
    target = check_target(Path(path), protected, follow_symlinks)
    mode = _mode_of(target)
    if mode is not None and not stat.S_ISREG(mode):  # check_target let only a device or FIFO through
        _write_stream(target, data)
        return
    import tempfile

    with removed_if_terminated():
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            try:
                write_whole(fd, data)  # a buffered file may report a short write as done
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(temporary, _mode(target))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise


@contextlib.contextmanager
def removed_if_terminated() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated`, as SIGINT raises KeyboardInterrupt,
    so that a ``finally`` or ``except BaseException`` in it removes its temporary file; the signal is
    then delivered again with the handler it had before (by default, the process ends by it).

    Signal handlers belong to the main thread: elsewhere the block runs unguarded.
    """
    try:  # a signal that is ignored (nohup ignores SIGHUP) stays ignored; None: a handler set outside Python
        guarded = [signum for signum in TERMINATING_SIGNALS if signal.getsignal(signum) not in (signal.SIG_IGN, None)]
        previous: dict[int, Any] = {signum: signal.signal(signum, _raise_terminated) for signum in guarded}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    except Terminated as terminated:
        _restore(previous)
        signal.raise_signal(terminated.signum)
        raise  # the previous handler returned: let the caller see it
    finally:
        _restore(previous)


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


def _restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def write_whole(fd: int, data: bytes | memoryview) -> None:
    """Write all of ``data`` to the descriptor, or raise :class:`OSError`.

    One ``write`` may write only part (a disk that fills up, a pipe whose reader leaves): the rest is
    written again, so that the error (ENOSPC, EFBIG, EPIPE) is raised instead of lost. A descriptor
    left non-blocking by another program is waited on rather than given up.
    """
    view = memoryview(data).cast("B")
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            import select

            select.select([], [fd], [])
            continue
        view = view[written:]


def _write_stream(path: Path, data: bytes) -> None:
    """Write a character device or FIFO directly; a FIFO that nobody reads is refused, not waited on forever."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + FIFO_READER_WAIT_SECONDS
    while True:
        try:
            fd = os.open(path, flags)
            break
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            if time.monotonic() > deadline:
                raise UnsafeWrite(f"cannot write {path}: it is a FIFO that nothing is reading") from None
            time.sleep(0.02)
    try:
        if hasattr(os, "set_blocking"):  # Windows before 3.12 has none, nor FIFOs to open
            os.set_blocking(fd, True)
        write_whole(fd, data)
    finally:
        os.close(fd)


def _mode_of(path: Path) -> int | None:
    """The file type and permissions that ``path`` leads to, or ``None`` if nothing is there."""
    try:
        return os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None


def _mode(target: Path) -> int:
    """The old file's permissions, or those a new file gets (mkstemp's 0600 would hide diagrams)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
