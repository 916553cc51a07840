"""Read a file only if it is a regular file of bounded size: never block on a FIFO, never read a device.

Maps' source texts and settings files both come through here. The file is opened once, without
waiting (``O_NONBLOCK``, so that opening a FIFO cannot hang), and everything is decided on that
descriptor (``fstat``), so that a file swapped between a check and the read cannot fool it::

    >>> read_regular(Path("/dev/zero"), 1024, "MAX_SOURCE_BYTES")
    Traceback (most recent call last):
    ...
    argmap.sources.safe_read.Unreadable: is a character device, not a regular file
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..reading.text import special_file_kind

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class Unreadable(Exception):
    """A file argmap will not or cannot read; the message completes "the file ...", e.g. "is a folder"."""


def read_regular(path: Path, limit: int, limit_name: str) -> bytes:
    """The bytes of ``path``; :class:`Unreadable` unless it is a regular file of at most ``limit`` bytes.

    ``limit_name`` names the constant in :mod:`argmap.limits` that sets ``limit``, for the message.
    """
    descriptor = _open(path)
    try:
        _refuse_special(os.fstat(descriptor), limit, limit_name)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # /proc files say they are empty: never trust the size alone
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise Unreadable(_too_large(limit, limit_name))
    return data


def check_regular(path: Path, limit: int, limit_name: str) -> None:
    """:class:`Unreadable` if :func:`read_regular` would refuse ``path``, without reading it."""
    descriptor = _open(path)
    try:
        _refuse_special(os.fstat(descriptor), limit, limit_name)
    finally:
        os.close(descriptor)


def _open(path: Path) -> int:
    try:
        return os.open(path, _FLAGS)
    except FileNotFoundError:
        raise Unreadable("does not exist") from None
    except PermissionError:
        raise Unreadable("cannot be read: permission denied") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not a valid file name"
        raise Unreadable(f"cannot be read: {reason}") from None


def _refuse_special(status: os.stat_result, limit: int, limit_name: str) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise Unreadable(f"is {special_file_kind(status.st_mode)}, not a regular file")
    if status.st_size > limit:
        raise Unreadable(f"is {_size(status.st_size)}; {_too_large(limit, limit_name)}")


def _too_large(limit: int, limit_name: str) -> str:
    return f"argmap reads files of at most {_size(limit)} here ({limit_name})"


def _size(count: int) -> str:
    """``count`` bytes in the largest unit that keeps it above 1: ``"8 MiB"``, ``"1.5 KiB"``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"
