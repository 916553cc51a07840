"""Read a map file into text, refusing what is not a readable UTF-8 text of sane size."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from ..limits import MAX_FILE_BYTES
from ..problems import LoadError, Problem


def _fail(path: Path, rule: str, message: str, line: int = 1, column: int = 1) -> LoadError:
    return LoadError([Problem(str(path), line, column, rule, "error", message)])


def line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters, as far as they decode) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def read_text(path: Path) -> str:
    """The file's text; a :class:`LoadError` for anything that is not a readable map file."""
    try:
        # One open, then fstat on the descriptor: a file that is replaced between the two cannot
        # fool the size or kind checks, and a directory or a symlink loop fails here with a clear
        # errno. Opened non-blocking, so that a FIFO is refused instead of waiting for a writer
        # (and in binary mode on Windows, where os.open would otherwise translate line ends).
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
                raise _fail(path, "unreadable", f"this is {special_file_kind(status.st_mode)}, not a map file")
            size = status.st_size
            if size > MAX_FILE_BYTES:
                raise _fail(
                    path,
                    "file-too-large",
                    f"the file is {size / 1048576:.1f} MiB; argmap reads maps of at most "
                    f"{MAX_FILE_BYTES // 1048576} MiB (MAX_FILE_BYTES)",
                )
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise _fail(path, "unreadable", "this is a directory, not a map file") from None
    except FileNotFoundError:
        raise _fail(path, "unreadable", "no such file") from None
    except PermissionError:
        raise _fail(path, "unreadable", "permission denied") from None
    except OSError as error:
        if error.errno is not None and os.path.exists(path) and not os.path.isfile(path):
            # A socket cannot be opened at all (ENXIO); say what it is rather than the errno.
            kind = special_file_kind(os.stat(path).st_mode)
            raise _fail(path, "unreadable", f"this is {kind}, not a map file") from None
        raise _fail(path, "unreadable", f"cannot read the file: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while we read it
        raise _fail(path, "file-too-large", f"the file is larger than {MAX_FILE_BYTES} bytes")
    return decode(path, data)


def special_file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words: ``"a named pipe (FIFO)"``, ..."""
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    )
    return next((words for test, words in kinds if test(mode)), "not a regular file")


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without a byte order mark); explain every other encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail(path, "not-utf8", "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = line_and_column(data, nul)
        raise _fail(path, "not-text", "the file contains a NUL byte: it is binary, not a YAML map", line, column)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_and_column(data, error.start)
        raise _fail(
            path,
            "not-utf8",
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8",
            line,
            column,
        ) from None
    if not text.strip():
        raise _fail(path, "empty-file", "the file is empty; a map needs at least a thesis")
    return text
