"""Argdown text -> its elements: statements, arguments, relations, premise-conclusion structures.

A line-based reading of the syntax of https://argdown.org/syntax/ (the reference is the parser of
``@argdown/core``): paragraphs separated by empty lines; in each, a first element (a statement
``[Title]: text``, a reference ``[Title]``, an argument ``<Title>: text`` or ``<Title>``, or plain
text, which is an untitled statement), then relations, one per line, indented under the element
they belong to (``+ - _`` and ``<+ <- <_`` for what supports, attacks or undercuts it; ``+> -> _>``
for what it supports, attacks or undercuts; ``><`` contradiction); a paragraph of numbered
statements ``(1)`` with inference lines (``----``, or ``--`` rules ``--``) is a premise-conclusion
structure, belonging to the argument just before it. Comments (``<!-- -->``, ``/* */``, ``//``) are
blanked out first, so every position is a place in the original text. Example::

    >>> doc = parse("[T]: Taxes pay.\\n  + [R]: Roads need money.\\n", "d.argdown")
    >>> [(e.title, e.text, e.position) for e in doc.elements]
    [('T', 'Taxes pay.', Position(line=1, column=1)), ('R', 'Roads need money.', Position(line=2, column=5))]
    >>> doc.relations
    [Relation(source=1, target=0, kind='support', position=Position(line=2, column=3))]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..model import Position
from ..problems import LoadError, Problem
from ..reading.pyyaml_compose import load_data
from .argdown_element import DataRefused, Element, element

Kind = Literal["support", "attack", "undercut", "contradiction"]
#: Marker -> (kind, whether the element below is the source of the relation).
RELATION_MARKERS: dict[str, tuple[Kind, bool]] = {
    "<+": ("support", True), "+>": ("support", False), "+": ("support", True),
    "<-": ("attack", True), "->": ("attack", False), "-": ("attack", True),
    "<_": ("undercut", True), "_>": ("undercut", False), "_": ("undercut", True),
    "><": ("contradiction", True),
}  # fmt: skip
_RELATION = re.compile(r"([ \t]*)(><|<\+|\+>|<-|->|<_|_>|\+|-|_)(?=\s)[ \t]*")
_NUMBER = re.compile(r"([ \t]*)\((\d+)\)[ \t]*")
_INFERENCE = re.compile(r"[ \t]*--")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\*|\d+\.)(?=\s)[ \t]*")
_HEADING = re.compile(r"(#+) ")
#: What starts a Markdown link or a comment; a comment ends where ``_CLOSES`` says, a ``//`` at the line's end.
_OPENER = re.compile(r"\[|<!--|/\*|//")
_CLOSES = {"<!--": "-->", "/*": "*/"}


class Relation(NamedTuple):
    """``source`` supports, attacks, undercuts or contradicts ``target`` (indexes of elements)."""

    source: int
    target: int
    kind: Kind
    position: Position


class Step(NamedTuple):
    """One inference of a premise-conclusion structure: premises (element indexes) to a conclusion."""

    premises: tuple[int, ...]
    conclusion: int
    position: Position


class Pcs(NamedTuple):
    """A premise-conclusion structure, and the argument element it reconstructs (``None``: untitled)."""

    argument: int | None
    steps: tuple[Step, ...]
    position: Position


class Document(NamedTuple):
    frontmatter: dict[str, Any]
    elements: list[Element]
    relations: list[Relation]
    pcs: list[Pcs]
    headings: list[tuple[str, Position]]


def syntax_error(path: Path | str, position: Position, message: str) -> LoadError:
    return LoadError([Problem(str(path), position.line, position.column, "argdown-syntax", "error", message)])


def parse(text: str, path: Path | str) -> Document:
    """The elements of an Argdown document; :class:`LoadError` (``argdown-syntax``) where it is broken."""
    return _Parser(text, path).parse()


def _blank_comments(text: str) -> str:
    """The text with its comments blanked (line breaks kept); Markdown links are kept whole, so
    that the ``//`` of an address is no comment.

    One pass, in linear time: as the regular expression ``_COMMENT`` did, but that one tried every
    ``[`` and ``<!--`` against the rest of the text, 14 s for 100 KB of ``[``.
    """
    parts: list[str] = []
    pos = 0
    unclosed: set[str] = set()  # openers with no close after some place: none after any later place
    # The first ']' after the last '[' tried, and the first ')' after that ']': each found once for
    # all the '[' that share them.
    close_at, paren_at = -1, -1
    while (opener := _OPENER.search(text, pos)) is not None:
        start, kind = opener.start(), opener.group()
        end = -1
        if kind == "[":
            if start >= close_at:
                close_at = text.find("]", start + 1)
                close_at = len(text) if close_at < 0 else close_at
                if paren_at <= close_at + 1 and paren_at < len(text):
                    paren_at = text.find(")", close_at + 2)
                    paren_at = len(text) if paren_at < 0 else paren_at
            # '[text](address)': some text, then '(' right after the ']', some address, ')'
            if close_at > start + 1 and text.startswith("(", close_at + 1) and close_at + 2 < paren_at < len(text):
                parts.append(text[pos : paren_at + 1])
                pos = paren_at + 1
                continue
        elif kind == "//":
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        elif kind not in unclosed:
            close = _CLOSES[kind]
            end = text.find(close, start + len(kind))
            if end < 0:
                unclosed.add(kind)
            else:
                end += len(close)
        if end < 0:  # no link, no comment: the opener's first character is text
            parts.append(text[pos : start + 1])
            pos = start + 1
            continue
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


class _Parser:
    def __init__(self, text: str, path: Path | str) -> None:
        self.path = path
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.raw_lines = text.split("\n")  # the front matter is YAML, where // is no comment
        self.lines = _blank_comments(text).split("\n")
        # A line that only a comment filled is no empty line: it neither ends a paragraph nor starts one.
        self.comment_only = {n for n, line in enumerate(text.split("\n")) if line.strip() and not self.lines[n].strip()}
        self.doc = Document({}, [], [], [], [])
        self.stack: list[tuple[int, int]] = []  # (indentation, element) of the open relation parents
        self.current: list[Any] | None = None  # [kind, title, lines of text, position] being read
        self.pcs: list[tuple[int, Position]] = []  # (element, position) of the open structure's statements
        self.steps: list[Step] = []
        self.pcs_start: Position | None = None
        self.pcs_owner: int | None = None
        self.last_top: int | None = None  # the paragraph's first element, if an argument (owns a PCS)
        self.after_inference: Position | None = None
        self.pcs_conclusion = Position(1, 1)

    def parse(self) -> Document:
        number = self._frontmatter()
        lines = self.lines
        paragraph_start = True
        while number < len(lines):
            line = lines[number]
            number += 1
            if number - 1 in self.comment_only:
                continue
            if not line.strip():
                self._flush()
                if not paragraph_start:
                    self._end_paragraph()
                paragraph_start = True
                continue
            number = self._line(line, number, paragraph_start)
            paragraph_start = False
        self._flush()
        self._end_paragraph()
        return self.doc

    def _frontmatter(self) -> int:
        lines = self.raw_lines
        first = next((n for n, line in enumerate(lines) if line.strip()), None)
        if first is None or not lines[first].strip().startswith("==="):
            return 0
        for end in range(first + 1, len(lines)):
            if lines[end].strip().startswith("==="):
                body = "\n".join(self.raw_lines[first + 1 : end])
                try:
                    data = load_data(body, Path(self.path))  # a map's guards: deep nesting, alias bombs
                except LoadError as error:
                    problem = error.problems[0]
                    line = min(first + 1 + problem.line, end)  # libyaml may point past the last line
                    if problem.rule == "yaml-syntax":
                        raise syntax_error(self.path, Position(line, 1), "the front matter is not valid YAML") from None
                    raise LoadError([problem._replace(file=str(self.path), line=line)]) from None
                if isinstance(data, dict):
                    self.doc.frontmatter.update(data)
                return end + 1
        raise syntax_error(self.path, Position(first + 1, 1), "the front matter '===' is never closed by '==='")

    def _line(self, line: str, number: int, paragraph_start: bool) -> int:
        heading = _HEADING.match(line)
        if paragraph_start and heading:
            self.doc.headings.append((line[heading.end() :].strip(), Position(number, 1)))
            self.last_top = None
            return number
        if (statement := _NUMBER.match(line)) is not None:
            self._flush()
            if not self.pcs and not self.steps:
                self.pcs_start = Position(number, len(statement.group(1)) + 1)
                self.pcs_owner, self.last_top = self.last_top, None
            self.stack = []
            self._open("statement", line, statement.end(), number, indent=len(statement.group(1)), in_pcs=True)
            return number
        if _INFERENCE.match(line):
            return self._inference(line, number)
        relation = _RELATION.match(line)
        if relation and not paragraph_start:
            self._flush()
            indent = len(relation.group(1))
            while self.stack and self.stack[-1][0] >= indent:
                self.stack.pop()
            if not self.stack:
                raise syntax_error(self.path, Position(number, indent + 1), _NO_PARENT)
            kind, below_is_source = RELATION_MARKERS[relation.group(2)]
            self._open("relation", line, relation.end(), number, indent, relation=(kind, below_is_source))
            return number
        if relation:
            raise syntax_error(self.path, Position(number, len(relation.group(1)) + 1), _NO_PARENT)
        item = _LIST_ITEM.match(line)
        if item:
            self._flush()
            self.stack = []
            self._open("top", line, item.end(), number, len(item.group(1)))
            return number
        if paragraph_start:
            self._open("top", line, len(line) - len(line.lstrip()), number, len(line) - len(line.lstrip()))
        elif self.current is not None:
            self.current[2].append(line.strip())
        return number

    def _inference(self, line: str, number: int) -> int:
        self._flush()
        position = Position(number, len(line) - len(line.lstrip()) + 1)
        if not self.pcs and not self.steps:
            raise syntax_error(self.path, position, "an inference line '--' with no premises above it")
        rest = line.strip()
        if not re.fullmatch(r"-{2,}", rest):  # "-- rules --", or "--" and the rules on the lines below
            end = number
            while not ((rest.endswith("--") and len(rest) > 2) or (end > number and rest.startswith("--"))):
                if end >= len(self.lines) or not self.lines[end].strip():
                    raise syntax_error(self.path, position, "an inference '--' is never closed by '--'")
                rest = self.lines[end].strip()
                end += 1
            number = end
        self.after_inference = position
        return number

    def _open(self, role: str, line: str, start: int, number: int, indent: int, **extra: Any) -> None:
        self.current = [role, line[start:].strip(), [], Position(number, start + 1), indent, extra]

    def _flush(self) -> None:
        """Make the element being read an Element, with its relation, or its place in a PCS."""
        if self.current is None:
            return
        role, first, more, position, indent, extra = self.current
        self.current = None
        index = self._element(" ".join([first, *more]), position)
        if role == "relation":
            kind, below_is_source = extra["relation"]
            parent = self.stack[-1][1]
            source, target = (index, parent) if below_is_source else (parent, index)
            marker = Position(position.line, indent + 1)
            self.doc.relations.append(Relation(source, target, kind, marker))
        elif role == "top":
            self.last_top = index if self.doc.elements[index].kind == "argument" else None
        if extra.get("in_pcs"):
            if self.after_inference is not None:
                # An inference draws on what came after the previous one, its conclusion included.
                start = self.pcs.index((self.steps[-1].conclusion, self.pcs_conclusion)) if self.steps else 0
                premises = tuple(element for element, _ in self.pcs[start:])
                self.steps.append(Step(premises, index, self.after_inference))
                self.pcs_conclusion = position
                self.after_inference = None
            self.pcs.append((index, position))
        self.stack.append((indent, index))

    def _element(self, text: str, position: Position) -> int:
        try:
            self.doc.elements.append(element(text, position))
        except DataRefused as refused:  # at the statement: its data's own place is within joined lines
            problem = refused.args[0]._replace(file=str(self.path), line=position.line, column=position.column)
            raise LoadError([problem]) from None
        return len(self.doc.elements) - 1

    def _end_paragraph(self) -> None:
        self.stack = []
        if self.pcs or self.steps:
            if self.after_inference is not None or not self.steps:
                where = self.after_inference or self.pcs_start or Position(1, 1)
                raise syntax_error(self.path, where, _NO_CONCLUSION)
            last_conclusion = self.steps[-1].conclusion
            if self.pcs[-1][0] != last_conclusion:
                raise syntax_error(self.path, self.pcs[-1][1], _NO_CONCLUSION)
            start = self.pcs_start or Position(1, 1)
            self.doc.pcs.append(Pcs(self.pcs_owner, tuple(self.steps), start))
            self.pcs, self.steps, self.pcs_owner = [], [], None
        elif self.last_top is not None:
            pass  # an argument paragraph: a PCS may follow, after one empty line
        if not self.pcs:
            self.pcs_start = None


_NO_PARENT = (
    "a relation with no parent: a line starting with + - _ (or <+ +> ...) must be indented under a statement"
    " or argument in the same paragraph"
)
_NO_CONCLUSION = (
    "a premise-conclusion structure with no conclusion: its last numbered statement must follow an inference"
    " line ('----' or '-- rule --')"
)
