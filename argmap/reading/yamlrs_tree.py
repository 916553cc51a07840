"""YAML text -> the plain tree (:mod:`argmap.reading.tree`), read by yaml-rs: fast, for plain block YAML.

PyYAML makes a node and two marks per scalar, and takes about 15 s for a 100,000-claim map. yaml-rs
(a YAML parser in Rust) reads the same text into dicts and lists in well under a second, but it
knows no positions and resolves plain scalars by YAML 1.2, not PyYAML's 1.1. So this reader takes
only texts on which it can give the very tree PyYAML's reader gives, and refuses (``None``) the
rest, which PyYAML then reads:

- the screens (:mod:`~argmap.reading.yamlrs_screens`) refuse anything but plain block YAML;
- yaml-rs refuses syntax errors and duplicate keys;
- every mapping's position is found in the text and checked against its first key, in document
  order (:mod:`~argmap.reading.yamlrs_starts`); the text is searched while yaml-rs parses it, in a
  thread: yaml-rs does not hold the GIL meanwhile;
- a scalar PyYAML may read as other than text (``yes``, ``12``, a date) is read again from the
  text as written, as PyYAML reads it; in a list, such a scalar is refused.

The position of a scalar is found when it is asked for, from its mapping's place and its key: a
position it cannot tell raises :class:`~argmap.reading.tree.ReadAgain`. Example::

    >>> tree = read("thesis:\\n  claim: Taxes pay.\\n  assumption: yes\\n")
    >>> tree.root["thesis"]
    {'claim': 'Taxes pay.', 'assumption': Scalar(tag='tag:yaml.org,2002:bool', text='yes')}
    >>> tree.positions[id(tree.root["thesis"])], tree.value_position(tree.root["thesis"], "assumption")
    (Position(line=2, column=3), Position(line=3, column=15))
"""

from __future__ import annotations

import threading

from ..model import Position
from .model_layout import make_position
from .tree import STR, OddKey, ReadAgain, Scalar, Value
from .yamlrs_screens import plain_enough, plain_tag
from .yamlrs_starts import Starts, surely_text, value_starts


def read(text: str, placed_keys: tuple[str, ...] = ()) -> FastTree | None:
    """The document read by yaml-rs with its positions, or ``None``: then read it with PyYAML.

    ``placed_keys``: keys whose values' positions will be asked for often (a source's, for each piece
    of evidence): they are found in the time yaml-rs parses, all at once.
    """
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")  # a line break to both parsers; no column moves
    if text.startswith("---\n"):  # a leading document start marker (yamllint's default)
        text = "   " + text[3:]  # the same positions, and no marker left to refuse
    if not plain_enough(text):
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
        starts = Starts.find(text)
        placed = {key: value_starts(text, key) for key in placed_keys}
    finally:
        parser.join()
    root = parsed[0] if parsed else None
    if not isinstance(root, dict) or not root:
        return None
    places = starts.places_of(text, root)
    if places is None:
        return None
    tree = FastTree(text, root, places[0], starts, placed)
    return tree if all(map(tree.settle, places[1])) else None


def _parse(yaml_rs: object, text: str, parsed: list[object]) -> None:
    """Append what yaml-rs reads in ``text`` to ``parsed``; nothing if it refuses the text."""
    try:
        root = yaml_rs.loads(text, parse_datetime=False)  # type: ignore[attr-defined]
    except Exception:
        return
    parsed.append(root)


_NO_VALUE_YET = ("", " ", "\n", "#")
_CONTAINERS = (dict, list)


class FastTree:
    """The tree yaml-rs read (see :class:`argmap.reading.tree.Tree`)."""

    def __init__(
        self,
        text: str,
        root: dict,
        positions: dict[int, Position],
        starts: Starts,
        placed: dict[str, dict[tuple[int, int], Position]] | None = None,
    ) -> None:
        self.text = text
        self.root: Value = root
        self.root_position = positions[id(root)]
        self.positions = positions
        self.starts = starts  # where each mapping starts in the text
        self.placed = placed or {}  # key -> (line, column) of each "key:" in the text -> where its value starts
        self.tags: dict[int, str] = {}  # the screens refuse tags, merge keys; yaml-rs refuses keys given twice
        self.key_order: dict[int, list[str | OddKey]] = {}
        self.shared: set[int] = set()  # and aliases

    def value_position(self, container: dict | list, key: str | int) -> Position:
        value = container[key]  # type: ignore[index]
        if value.__class__ is dict:
            return self.positions[id(value)]
        if value.__class__ is list:
            raise ReadAgain  # where a list starts is not known: only ever asked for a problem
        placed = self.placed.get(key)  # type: ignore[arg-type]
        if placed is not None and container.__class__ is dict:
            # "key:" is as many lines below the mapping's first key as there are keys before it, if
            # it is written where it would be then; else (a comment between them, say) look closer.
            line, column = self.positions[id(container)]
            for other in container:
                if other == key or container[other].__class__ in _CONTAINERS:
                    break
                line += 1
            found = placed.get((line, column)) if other == key else None
            if found is not None:
                return found
        return self._value_start(container, key)[1]  # type: ignore[arg-type]

    def key_position(self, mapping: dict, key: str) -> Position:
        raise ReadAgain  # only ever asked for a problem, and the fast reading reports none

    def settle(self, container: dict | list) -> bool:
        """Make each scalar of ``container`` what PyYAML reads, from the text as written; False if it cannot."""
        if container.__class__ is not dict:
            return False  # a list item: its place is not known
        for key, value in container.items():
            if value.__class__ in _CONTAINERS or (value.__class__ is str and surely_text(value)):
                continue
            try:
                written = self._written(container, key)
            except ReadAgain:
                return False
            if written[:1] in ("'", '"'):
                continue  # quoted: text to both parsers, and yaml-rs has read it
            tag = plain_tag(written)
            container[key] = written if tag == STR else Scalar(tag, written)
        return True

    def _written(self, mapping: dict, key: str) -> str:
        """The scalar value of ``mapping[key]`` as written: to the end of its line or a comment."""
        offset = self._value_start(mapping, key)[0]
        end = self.text.find("\n", offset)
        written = self.text[offset : end if end >= 0 else len(self.text)]
        comment = written.find(" #")
        return (written if comment < 0 else written[:comment]).rstrip(" ")

    def _value_start(self, mapping: dict, key: str) -> tuple[int, Position]:
        """The character offset and the position where the scalar ``mapping[key]`` starts; ReadAgain if
        that cannot be told for sure.

        Each key before it takes one line if its value is a scalar (one content line per key, checked
        by Starts.places_of), so ``key:`` is written that many lines below the mapping's first key, in
        its column, unless a comment or a blank line comes between them (rare): then the key is not
        there. This runs for the source of each piece of evidence, so it takes few steps.
        """
        text = self.text
        try:
            line, column = position = self.positions[id(mapping)]  # a KeyError for a list: no places of items
            offset = self.starts.offset(position)
            for other in mapping:
                if other == key:
                    break
                if mapping[other].__class__ in _CONTAINERS:
                    raise ReadAgain
                line_start = text.index("\n", offset) + 1
                offset = line_start + column - 1
                if text.find("\n", line_start, offset) >= 0:  # a shorter line: a blank line, say
                    raise ReadAgain
                line += 1
            start = offset + len(key) + 1
            if text[start - 1] != ":" or not text.startswith(key, offset):
                raise ReadAgain
            if text[start] == " " and text[start + 1] not in _NO_VALUE_YET:
                start += 1  # "key: value", as most values are written
            else:
                after = start
                while text[start : start + 1] == " ":
                    start += 1
                if text[start : start + 1] in _NO_VALUE_YET:  # an empty value: PyYAML puts it after the ":"
                    start = after
        except (KeyError, ValueError, IndexError):  # no mapping's place; no next line; the end of the text
            raise ReadAgain from None
        return start, make_position((line, column + start - offset))
