"""One Argdown element's text -> its title, text, tags and data: the part of Argdown within a statement.

``\\x`` escapes a character (read as itself), ``#tag`` and ``#(two words)`` are tags (not inside a
Markdown link), a trailing ``{...}`` is YAML data. Example::

    >>> e = element("[T]: Roads \\\\#1 #infra {note: n}", Position(1, 1))
    >>> e.kind, e.title, e.text, e.tags, e.data
    ('statement', 'T', 'Roads #1', ('infra',), {'note': 'n'})
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..model import Position
from ..problems import LoadError
from ..reading.pyyaml_compose import load_data

_TITLED = re.compile(r"(\[(?!-)(.+?)\]|<(?!-)(.+?)>)(:?)[ \t]*")
LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))[ \t]?")


class Element(NamedTuple):
    """A statement or an argument as written at one place."""

    kind: Literal["statement", "argument"]
    #: The title as written, ``None`` for an untitled statement.
    title: str | None
    text: str
    position: Position
    tags: tuple[str, ...] = ()
    data: dict[str, Any] | None = None


def element(text: str, position: Position) -> Element:
    """One statement or argument from its text as written (the lines joined), with its place."""
    escaped: list[str] = []
    text = _ESCAPE.sub(lambda match: _hide(match.group(1), escaped), text)
    kind: Literal["statement", "argument"] = "statement"
    title = None
    titled = _TITLED.match(text)
    if titled and not LINK.match(text):
        kind = "argument" if titled.group(1).startswith("<") else "statement"
        title = _shown((titled.group(2) or titled.group(3)).strip(), escaped)
        text = text[titled.end() :]
    text, data = _data(text, escaped)
    links = link_spans(text)
    found = [m for m in _TAG.finditer(text) if not any(a <= m.start() < b for a, b in links)]
    tags = tuple(match.group(1) or match.group(2) for match in found)
    for match in reversed(found):
        text = text[: match.start()] + " " + text[match.end() :]
    text = _shown(" ".join(text.split()), escaped)
    tags = tuple(_shown(tag, escaped) for tag in tags)
    return Element(kind, title, text, position, tags, data)


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where the Markdown links ``[text](address)`` are: the spans ``LINK.finditer`` gives, in linear
    time (``finditer`` tries each ``[`` against the text up to the next ``]``: 6 s for 30 KB of ``[``).
    Every ``[`` before the same ``]`` has the same fate, so each part of the text is read once."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("[", pos)) >= 0:
        close = text.find("]", start + 1)
        if close < 0:
            break
        if close > start + 1 and text.startswith("(", close + 1):
            paren = text.find(")", close + 2)
            if paren < 0:  # no ')' after this ']', nor after any later one
                break
            if paren > close + 2:
                spans.append((start, paren + 1))
                pos = paren + 1
                continue
        pos = close + 1
    return spans


_ESCAPE = re.compile(r"\\(.)")
#: An escaped character stands in the text as one character of Unicode's private use area while the
#: text is read, so that ``\#`` is no tag and ``\[`` no title.
_HIDDEN = re.compile("[\ue000-\uf8ff]")


def _hide(char: str, escaped: list[str]) -> str:
    escaped.append(char)
    return chr(0xE000 + len(escaped) - 1) if len(escaped) <= 0x1900 else char


def _shown(text: str, escaped: list[str], keep: str = "") -> str:
    """The text with each escaped character shown again (after ``keep``: a backslash, for YAML data)."""
    if not escaped:
        return text
    return _HIDDEN.sub(lambda match: keep + escaped[ord(match.group()) - 0xE000], text)


def _data(text: str, escaped: list[str]) -> tuple[str, dict[str, Any] | None]:
    """The text without a trailing ``{...}`` of YAML data, and that data (``None`` if there is none)."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, None
    at = len(stripped)
    while (at := stripped.rfind("{", 0, at)) >= 0:  # the "{" that the last "}" closes
        tail = stripped[at:]
        if tail.count("{") == tail.count("}"):
            data = _yaml_mapping(_shown(tail, escaped, "\\"))
            return (stripped[:at], data) if data is not None else (text, None)
    return text, None


class DataRefused(Exception):
    """YAML data argmap refuses to read (nested too deep, aliases that expand too far): ``args[0]``
    is the :class:`~argmap.problems.Problem`, its place in the data's text."""


def _yaml_mapping(text: str) -> dict[str, Any] | None:
    """The mapping that YAML flow text holds, or ``None``. JSON (what argmap writes) is read as JSON:
    PyYAML's pure-Python parser took 1.3 ms a statement, 13 s for 10,000."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: JSON nested past the stack: read as YAML, refused
        try:
            data = load_data(text, Path("<data>"))  # a safe loader (plain data only), with a map's guards
        except LoadError as error:
            if error.problems[0].rule == "yaml-syntax":
                return None  # not data: the braces are part of the text
            raise DataRefused(error.problems[0]) from None
    return data if isinstance(data, dict) else None
