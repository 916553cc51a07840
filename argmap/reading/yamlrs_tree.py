"""Read large, plain maps with yaml-rs (a YAML parser in Rust), keeping the positions argmap needs.

PyYAML makes a node and two marks per scalar, and takes about 15 s for a 100,000-claim map. yaml-rs
reads the same text into dicts and lists in well under a second, but it knows no positions and
resolves plain scalars by YAML 1.2, not PyYAML's 1.1. So this module takes only documents on which
both parsers must agree, and gives up (``None``) on the rest, which argmap then reads with PyYAML:

- a screen of regular expressions over the whole text refuses tabs, other line breaks, anchors,
  aliases, tags, flow collections, block and multi-line scalars, escapes, directives, more than one
  document, deep nesting and very long keys;
- yaml-rs refuses syntax errors and duplicate keys;
- every mapping's position is found in the text (the line after ``key:``, or the key after ``- ``)
  and checked against its first key, in document order; any mismatch gives up. The text is
  searched while yaml-rs parses it, in a thread: yaml-rs does not hold the GIL meanwhile.

Scalars keep yaml-rs's types; :func:`plain_tag` says which values PyYAML would read differently,
and the fast loader gives up on those. Example::

    >>> doc = read("thesis:\\n  claim: Taxes pay.\\n")
    >>> doc.root["thesis"]["claim"], doc.position(doc.root["thesis"])
    ('Taxes pay.', (2, 3))

Positions are 1-based (line, column), columns in characters, as in :class:`argmap.model.Position`.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, islice, repeat
from operator import add, sub
from typing import Callable, NamedTuple

from yaml.resolver import Resolver

from ..model import Position

_STR = "tag:yaml.org,2002:str"
_RESOLVERS = Resolver.yaml_implicit_resolvers  # the tables SafeLoader and CSafeLoader resolve with
_TEXT_TAGS = (_STR, "tag:yaml.org,2002:timestamp")
# Each screen starts with a literal or a character class, so that the regular expression engine
# skips through the text quickly: a screen over a 29 MB map takes tens of milliseconds.
#: What PyYAML's reader refuses or reads as a line break (tabs, CR, NEL, a byte order mark, ...).
_UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
#: Characters that begin an anchor, alias, tag, flow collection, block scalar, ... at a node's start.
_INDICATORS = "&*![{|>%@`?<"
#: Bytes that need no closer look: printable ASCII other than the indicators, and the line feed.
_UNREMARKABLE_BYTES = bytes(b for b in range(0x20, 0x7F) if chr(b) not in _INDICATORS) + b"\n"
#: A quoted scalar that does not end on its line, or holds an escape, or has a comment glued to it.
_ODD_QUOTES = (
    re.compile(r"\"(?<![^ \n]\")[^\"\\\n]*(?:\\|\n|\Z)"),
    re.compile(r"'(?<![^ \n]')(?:[^'\n]|'')*(?:\n|\Z)"),
)
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?: |$)|^%", re.MULTILINE)
# The next three find two or more characters that start with a rare one: faster than str.find
# (or "in"), which steps through a text full of spaces and dashes one character at a time.
_MARKER_HINT = re.compile(r"\n(?:---|\.\.\.|%)")
#: A quote with a comment glued to it.
_QUOTE_HASH = re.compile("#(?<=[\"']#)")
#: A line that ends with a space.
_TRAILING_SPACE = re.compile("\n(?<= \n)")
# yaml-rs crashes on nesting some 100,000 deep. Block nesting grows the indentation, except for list
# items on one line ("- - - x"): refuse those and deep indentation, and the depth stays under 2,000.
_DEEP_INDENT = "\n" + " " * 1000
_ITEMS_ON_ONE_LINE = re.compile(r"-( +)-(?: |\n|\Z)")
_EMPTY_LINE = re.compile(r"\n(?=\n)")
_SPACES_LINE = re.compile(r"\n +(?=\n|\Z)")
_PLAIN_FIRST = r"[^ \n\-?:,\[\]{}#&*!|>'\"%@`]"
#: "- key:": the item is a mapping that starts at the key.
_ITEM_MAPPING = re.compile(rf"\n *- +(?={_PLAIN_FIRST}[^\n:]*(?::[^ \n][^\n:]*)*:(?: |\n|\Z))")
#: "key:" with nothing after it, and a line below that is no list item: a mapping may start there.
_EMPTY_VALUE = re.compile(r":(?: +#[^\n]*)? *\n(?= *[^ \n#-])")
_BARE_COLON = re.compile(r"\n(?<=:\n)(?= *[^ \n#-])")  # _EMPTY_VALUE where no line has " #" or ends in " "
_SPACE_HASH = re.compile("#(?<= #)")
_CONTENT_START = re.compile(r"(?: *(?:#[^\n]*)?\n)*( *)")
_AFTER_KEY = frozenset((":", " "))
_position = partial(tuple.__new__, Position)  # Position((line, column)) without a Python call


@dataclass
class Document:
    """The tree yaml-rs read, and where each of its mappings starts."""

    text: str
    root: dict
    #: id() of each mapping -> the position of its first key (where PyYAML puts the mapping)
    positions: dict[int, Position]
    #: key -> (line, column) of each ``key:`` in the text -> where its value starts
    values: dict[str, dict[tuple[int, int], Position]] = field(default_factory=dict, repr=False)

    def position(self, mapping: dict) -> Position:
        """The 1-based line and column of ``mapping`` (of its first key, as PyYAML puts it)."""
        return self.positions[id(mapping)]

    def value_position(self, mapping: dict, key: str) -> Position | None:
        """Where the scalar value of ``mapping[key]`` is written; ``None`` if it cannot be found.

        Each key before it takes one line, if its value is a scalar, so ``key:`` is written that
        many lines below the mapping's first key, in its column; else (a nested value, comments or
        blank lines between them: all rare) ``None``.
        """
        line, column = self.positions[id(mapping)]
        for other, value in mapping.items():
            if other == key:
                break
            if value.__class__ is dict or value.__class__ is list:
                return None
            line += 1
        else:
            return None
        return self.value_starts(key).get((line, column))

    def value_starts(self, key: str) -> dict[tuple[int, int], Position]:
        """The line and column of each ``key:`` in the text -> where its value starts (found once per key).

        After an empty value (``key:``, ``key: # comment``) PyYAML puts the value just after the colon.
        """
        if key not in self.values:
            self.values[key] = _value_starts(self.text, key) if ":" not in key else {}  # "a:b:" may overlap
        return self.values[key]


def _value_starts(text: str, key: str) -> dict[tuple[int, int], Position]:
    # One pass over the text for them all, in C: the fast loader asks for 100,000 evidence sources.
    matches = list(re.finditer(re.escape(key) + r":(?: *(?=[^ \n#]))?", text))
    starts = list(map(re.Match.start, matches))
    newlines = list(map(text.rfind, repeat("\n"), repeat(0), starts))  # each line's start, less one
    lines = list(islice(accumulate(map(text.count, repeat("\n"), [0, *starts[:-1]], starts), initial=1), 1, None))
    key_columns = map(sub, starts, newlines)
    value_columns = map(sub, map(re.Match.end, matches), newlines)
    return dict(zip(zip(lines, key_columns), map(_position, zip(lines, value_columns))))


def plain_tag(value: str) -> str:
    """The tag PyYAML's SafeLoader gives ``value`` written as a plain scalar."""
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR


def is_text(value: object) -> bool:
    """True if both parsers read ``value`` as the same text (yaml-rs cannot tell us if it was quoted)."""
    if value.__class__ is not str:
        return False
    # No pattern of a tag other than text's (bool, int, null, ...) matches a space: most text skips them.
    return value[:1] not in _RESOLVERS or " " in value or plain_tag(value) in _TEXT_TAGS  # type: ignore[index]


def read(text: str) -> Document | None:
    """The document read by yaml-rs with mapping positions, or ``None``: then read it with PyYAML."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")  # a line break to both parsers; no column moves
    if text.startswith("---\n"):  # a leading document start marker (yamllint's default)
        text = "   " + text[3:]  # the same positions, and no marker left to refuse
    if not _plain_enough(text):
        return None
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - no wheel for this platform: PyYAML reads everything
        return None
    # yaml-rs lets go of the GIL while it parses (most of its time): find where mappings start
    # in the text meanwhile, on the second core. This saves 0.4 s of 1 s for 100,000 claims.
    parsed: list[object] = []
    parser = threading.Thread(target=_parse, args=(yaml_rs, text, parsed))
    parser.start()
    try:
        starts = _Starts.find(text)
    finally:
        parser.join()
    root = parsed[0] if parsed else None
    if not isinstance(root, dict) or not root:
        return None
    positions = starts.positions_of(text, root)
    return Document(text, root, positions) if positions is not None else None


def _parse(yaml_rs: object, text: str, parsed: list[object]) -> None:
    """Append what yaml-rs reads in ``text`` to ``parsed``; nothing if it refuses the text."""
    try:
        root = yaml_rs.loads(text, parse_datetime=False)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any refusal, whatever its type, means "let PyYAML read it"
        return
    parsed.append(root)


def _plain_enough(text: str) -> bool:
    """False if the text may hold what the two parsers read differently (see the module doc)."""
    try:  # one pass in C: which of the bytes worth a closer look does the text hold?
        present = set(text.encode("utf-8").translate(None, _UNREMARKABLE_BYTES))
    except UnicodeEncodeError:  # a lone surrogate
        return False
    if any(byte < 0x20 or byte == 0x7F for byte in present):
        return False  # tabs, CR, control characters
    if any(byte >= 0x80 for byte in present) and _UNUSUAL.search(text):
        return False
    for char in _INDICATORS:
        if ord(char) not in present:
            continue
        index = text.find(char)
        while index >= 0:
            if (index == 0 or text[index - 1] in " \n") and _starts_node(text, index):
                return False
            index = text.find(char, index + 1)
    if _QUOTE_HASH.search(text) or any(screen.search(text) for screen in _ODD_QUOTES):
        return False
    if (_MARKER_HINT.search(text) or text.startswith(("...", "%"))) and _DOCUMENT_MARKER.search(text):
        return False
    return _DEEP_INDENT not in text and not _ITEMS_ON_ONE_LINE.search(text)


def _starts_node(text: str, index: int) -> bool:
    """True if the indicator at ``index`` begins a key, a value or an item (not inside a plain scalar)."""
    char, after = text[index], text[index + 1 : index + 2]
    if (char == "?" and after not in ("", " ", "\n")) or (char == "<" and after != "<"):
        return False  # "?x" is plain text; only "<<" is a merge key
    before = index - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    if before < 0 or text[before] in "\n:":
        return True
    if text[before] == "-":
        line_start = text.rfind("\n", 0, before) + 1
        return not text[line_start:before].strip(" ")
    return False


class _Starts(NamedTuple):
    """Where mappings can start in the text, found from the text alone (while yaml-rs reads it)."""

    #: the character offset of each place a mapping can start, in document order
    offsets: list[int]
    #: the position of each offset
    positions: list[Position]
    #: how many start at a list item's key ("- key:"), which shares its line with the item
    items: int
    #: how many lines hold something other than spaces and a comment
    content_lines: int

    @classmethod
    def find(cls, text: str) -> _Starts:
        item_starts = list(map(re.Match.end, _ITEM_MAPPING.finditer(text)))
        starts = [_CONTENT_START.match(text).end(), *item_starts]  # type: ignore[union-attr]
        trailing_spaces = _TRAILING_SPACE.search(text) is not None
        if trailing_spaces or _SPACE_HASH.search(text):
            colons = list(map(re.Match.start, _EMPTY_VALUE.finditer(text)))
        else:  # then an empty value is ":" at the end of its line: look for the rarer "\n" first
            colons = [start - 1 for start in map(re.Match.start, _BARE_COLON.finditer(text))]
        for colon in colons:
            nested = _nested_mapping_start(text, colon)
            if nested is not None:
                starts.append(nested)
        starts.sort()
        newlines = map(text.count, repeat("\n"), [0, *starts[:-1]], starts)
        lines = islice(accumulate(newlines, initial=1), 1, None)
        columns = map(sub, starts, map(text.rfind, repeat("\n"), repeat(0), starts))
        positions = list(map(_position, zip(lines, columns)))
        return cls(starts, positions, len(item_starts), _content_lines(text, trailing_spaces))

    def positions_of(self, text: str, root: dict) -> dict[int, Position] | None:
        """Each mapping's position, matched in document order against the places mappings can start.

        Also checks that each content line holds exactly one key or item ("- key:" holds the item
        and its mapping's first key), which rules out multi-line scalars and anything else unusual.
        The checks run over all mappings at once (map, zip, set in C): one Python step per mapping
        took a second for 100,000 claims.
        """
        starts = self.offsets
        mappings: list[dict] = []
        lists: list[list] = []
        try:
            _collect(root, mappings.append, lists.append)
        except RecursionError:
            return None
        if len(mappings) != len(starts):
            return None
        for key in set().union(*mappings):
            if key.__class__ is not str or not key or len(key) > 1000 or plain_tag(key) != _STR:
                return None  # a key PyYAML would not read as a string (or too long): not ours
        try:
            first_keys = [next(iter(mapping)) for mapping in mappings]
            ends = list(map(add, starts, map(len, first_keys)))
            if not all(map(text.startswith, first_keys, starts)) or not _AFTER_KEY.issuperset(
                map(text.__getitem__, ends)
            ):
                return None
        except (StopIteration, IndexError):  # an empty mapping; a key at the very end
            return None
        entries = sum(map(len, mappings)) + sum(map(len, lists))  # keys and list items
        if entries - self.items != self.content_lines:  # one per content line, but for "- key:"
            return None
        return dict(zip(map(id, mappings), self.positions))


def _collect(node: dict, mapping: Callable[[dict], None], sequence: Callable[[list], None]) -> None:
    """Hand every mapping and list below ``node`` (itself included) to the callbacks, in document order."""
    mapping(node)
    for value in node.values():
        kind = value.__class__
        if kind is dict:
            _collect(value, mapping, sequence)
        elif kind is list:
            _collect_items(value, mapping, sequence)


def _collect_items(node: list, mapping: Callable[[dict], None], sequence: Callable[[list], None]) -> None:
    sequence(node)
    for item in node:
        kind = item.__class__
        if kind is dict:
            _collect(item, mapping, sequence)
        elif kind is list:
            _collect_items(item, mapping, sequence)


def _content_lines(text: str, trailing_spaces: bool) -> int:
    """How many lines hold something other than spaces and a comment (``trailing_spaces``: a line ends in one)."""
    lines = text.count("\n") + (not text.endswith("\n"))
    lines -= len(_EMPTY_LINE.findall(text)) + (text[:1] == "\n")
    if text.endswith(" ") or trailing_spaces:  # maybe lines of spaces only
        lines -= len(_SPACES_LINE.findall(text)) + bool(re.match(r" +(?:\n|\Z)", text))
    index = text.find("#")
    while index >= 0:  # a comment alone on its line
        line_start = text.rfind("\n", 0, index) + 1
        if not text[line_start:index].strip(" "):
            lines -= 1
        index = text.find("#", text.find("\n", index) + 1 or len(text))
    return lines


def _nested_mapping_start(text: str, colon: int) -> int | None:
    """Where a mapping nested under the key whose ``:`` is at ``colon`` starts, if one does."""
    line_start = text.rfind("\n", 0, colon) + 1
    line = text[line_start:colon]
    content = line.lstrip(" ")
    if not content or content[0] == "#" or "#" in content:
        return None  # a comment (or a key PyYAML may cut at " #"): no key here
    key_column = len(line) - len(content)
    if content[0] == "-" and content[1:2] == " ":
        rest = content[1:].lstrip(" ")
        key_column = len(line) - len(rest)
    after = text.find("\n", colon) + 1
    match = _CONTENT_START.match(text, after)
    column = len(match.group(1))  # type: ignore[union-attr]
    start = match.end()  # type: ignore[union-attr]
    if column <= key_column or start >= len(text) or text[start] == "-":
        return None
    return start
