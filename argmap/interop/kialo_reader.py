"""A Kialo discussion export (``.txt``) -> the model. Import only: Kialo reads no files.

::

    Discussion Title: Should the town library open on Sundays?

    1. The town library should open on Sundays.
    1.1. Pro: Most residents want it, as the
    council's survey found.
    1.1.1. Con: The survey asked only [members](https://example.org/survey).
    1.2. Con: -> See 1.1.1.

What becomes what (the README's table is the reference): the title line is the map's title; ``1.``
is the thesis (``2.``, ``3.``... more theses); ``Pro:`` claims are premises of the claim numbered
above them, ``Con:`` claims objections (rebuttals below an objection); a line without a number
goes on with the text above; ``-> See 1.2.3.`` stands for the claim numbered so (a ``- ref``);
Markdown links keep their text in the claim and their address in its note; backslash escapes are
undone. A claim without ``Pro:`` or ``Con:`` is kept as a premise, with a warning. Broken input is
``kialo-syntax`` at its line and column: no title line, text before the first claim, a number
whose parent is missing or that is given twice, a ``-> See`` to no claim. Example::

    >>> m = read("Discussion Title: T\\n\\n1. T\\n1.1. Con: -> See 1.\\n", Path("k.txt")).argmap
    >>> m.thesis.objections[0].members[0].target
    'kialo-1'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..model import Position
from ..problems import LoadError, Problem
from . import Imported
from .graph_tree import GraphClaim, Incoming, TooDeep, to_map

_TITLE = re.compile(r"Discussion Title:[ \t]*(.*)")
_NUMBERED = re.compile(r"(\d+(?:\.\d+)*)\.[ \t]+(?:(Pro|Con):[ \t]*)?(.*)")
#: A line that starts like a number but is not one as Kialo writes them ("1.2 Pro:", "1..2. Con:",
#: "1.a. Pro:"): without this it would go on silently as the text of the claim above.
_LOOKS_NUMBERED = re.compile(r"\d+(?:\.\w*)*\.?[ \t]*(?:Pro|Con):")
_SEE = re.compile(r"->[ \t]*See[ \t]+(\d+(?:\.\d+)*)\.?[ \t]*")
#: No unescaped '[' in a link's text or address (Kialo escapes them): so each '[' is tried against the
#: text up to the next one only; "[[[..." took 51 s for 30 KB when any character but ']' was allowed.
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(([^)\s\[]*)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


class _Line(NamedTuple):
    number: str
    stance: str | None
    text: list[str]
    position: Position


def read(text: str, path: Path) -> Imported:
    """The map a Kialo export states; raises :class:`LoadError` (``kialo-syntax``) where it is broken."""
    file = str(path)

    def fail(line: int, column: int, message: str) -> LoadError:
        return LoadError([Problem(file, line, column, "kialo-syntax", "error", message)])

    lines = text.splitlines()
    title = _TITLE.fullmatch(lines[0].strip()) if lines else None
    if title is None:
        raise fail(1, 1, "a Kialo export starts with a 'Discussion Title:' line")
    entries: list[_Line] = []
    for number, line in enumerate(lines[1:], 2):
        numbered = _NUMBERED.fullmatch(line.strip())
        if numbered:
            stance = numbered[2]
            entries.append(_Line(numbered[1], stance, [numbered[3]], Position(number, 1)))
        elif _LOOKS_NUMBERED.match(line.strip()):
            raise fail(number, 1, f"a broken claim number: {line.strip().split()[0]!r} (Kialo writes '1.2.3.')")
        elif entries:
            entries[-1].text.append(line.strip())
        elif line.strip():
            raise fail(number, 1, "text before the first claim ('1. ...')")
    if not entries:
        raise fail(len(lines) + 1, 1, "the export has no claim: the thesis is numbered '1.'")
    return _Reader(file, entries).read(title[1].strip() or None, path)


class _Reader:
    def __init__(self, file: str, entries: list[_Line]) -> None:
        self.file, self.entries = file, entries
        self.warnings: list[Problem] = []

    def fail(self, at: Position, message: str) -> LoadError:
        return LoadError([Problem(self.file, at.line, at.column, "kialo-syntax", "error", message)])

    def read(self, title: str | None, path: Path) -> Imported:
        index: dict[str, int] = {}  # claim number -> its claim (a '-> See' line: the claim it names)
        claims: list[GraphClaim] = []
        sees: list[tuple[_Line, str]] = []
        numbers: set[str] = set()
        for entry in self.entries:
            if entry.number in numbers:
                raise self.fail(entry.position, f"claim number {entry.number}. is given twice")
            numbers.add(entry.number)
            see = _SEE.fullmatch("\n".join(entry.text).strip())
            if see:
                sees.append((entry, see[1]))
                continue
            index[entry.number] = len(claims)
            claims.append(self.claim(entry))
        for entry, target in sees:  # a '-> See' may name a claim further down
            if target not in index:
                raise self.fail(entry.position, f"'-> See {target}.' names no claim of the discussion")
            index[entry.number] = index[target]
        roots: list[int] = []
        for entry in self.entries:
            number, stance = entry.number, entry.stance
            parent = number.rpartition(".")[0]
            if not parent:
                roots += [] if index[number] in roots else [index[number]]
                continue
            if parent not in index:
                raise self.fail(entry.position, f"claim {number}. has no parent: there is no claim {parent}.")
            if stance is None:
                self.warn(entry.position, f"claim {number}. has no 'Pro:' or 'Con:'; it is kept as a premise")
            relation = "attacks" if stance == "Con" else "premises"
            claims[index[parent]].incoming.append(Incoming(relation, (index[number],), False, entry.position))
        try:
            return Imported(to_map(claims, path, title, roots=roots), tuple(self.warnings))
        except TooDeep as deep:
            raise deep.error(self.file, claims) from None

    def claim(self, entry: _Line) -> GraphClaim:
        text = "\n".join(entry.text).strip()
        links = [f"{_unescape(label)}: {address}" for label, address in _LINK.findall(text)]
        text = _unescape(_LINK.sub(lambda link: link[1], text))
        if not text:
            raise self.fail(entry.position, f"claim {entry.number}. has no text")
        notes = [f"links: {'; '.join(links)}"] if links else []
        return GraphClaim(text, entry.position, f"kialo-{entry.number}", notes=notes)

    def warn(self, at: Position, message: str) -> None:
        self.warnings.append(Problem(self.file, at.line, at.column, "not-converted", "warning", message))


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)
