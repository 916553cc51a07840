"""Standard output that is written whole, or fails: Python's own loses the rest of a short write.

Installed by :func:`argmap.cli.app.main` for the real process; :mod:`argmap.cli.output` still does
all the writing, through ``sys.stdout`` as before.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any

#: Whether the reader of standard output went away (``| head``) before all of it was written.
_reader_gone = False
#: The standard output that :func:`whole_standard_output` replaced.
_replaced: list[object] = []


def reader_gone() -> bool:
    """Whether the reader of standard output went away before all of it was written."""
    return _reader_gone


def whole_standard_output() -> None:
    """Make every write to stdout whole, or an error: Python loses the rest of a short write.

    A write of 2 MB to a disk with 45 KB free writes 45 KB, and ``sys.stdout`` (CPython 3.11-3.13)
    reports success (CPython 3.11, as measured): the command would end 0 with the output cut short. Through
    :class:`_WholeWrites` the rest is written again, and the disk's error is raised (exit 2 with a
    message). A reader that goes away (EPIPE) is remembered, and the rest of the output dropped.
    """
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real descriptor: a test's buffer
        return
    stream.flush()
    _replaced.append(stream)  # freed, it would close the descriptor
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(fd)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=bool(stream.line_buffering),
    )


class _WholeWrites(io.RawIOBase):
    """A descriptor each of whose writes is whole (:func:`~argmap.safe_write.write_whole`) or raises."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def close(self) -> None:  # the descriptor is the process's: leave it open
        super().close()

    def write(self, data: Any) -> int:
        from ..safe_write import write_whole

        global _reader_gone
        if not _reader_gone:
            try:
                write_whole(self._fd, data)
            except BrokenPipeError:
                _reader_gone = True  # output.exit_now turns a 0 into a 1; the rest is not written
        return len(memoryview(data).cast("B"))
