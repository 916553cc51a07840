"""Edits of a map's text that keep its layout: add keys to a mapping, add to a list, respell a word.

Each function returns :class:`~argmap.fixes.TextEdit` values for one change, written in the file's
own line ending and indentation, in block or flow style as the mapping it changes is written, and
never over a comment. Values are YAML text already (``true``, ``"TODO: ..."``, an id), a list of
them (written ``[a, b]``), or a list of mappings (written as a block list under a block mapping).
Example::

    >>> from argmap.model import Position
    >>> layout = Layout("thesis:\\n    claim: T   # the thesis\\n")
    >>> thesis = layout.node_at(Position(2, 5), MappingNode)
    >>> (added,) = set_entries(layout, thesis, [("ignore", ["unsupported-thesis"])])
    >>> added.start, added.end, added.new_text
    (Position(line=2, column=28), Position(line=2, column=28), '\\n    ignore: [unsupported-thesis]')
"""

from __future__ import annotations

from typing import TypeAlias

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from .layout import Layout, value_of
from .values import TextEdit

#: A value to write: YAML text, a list of YAML texts, or a list of mappings of key to YAML text.
Value: TypeAlias = str | list[str] | list[dict[str, str]]
#: Values a fix may write over: nothing yet, or ``false`` (as in ``assumption: false``).
_EMPTY = {"", "~", "null", "Null", "NULL", "false", "False", "FALSE"}


def edit(layout: Layout, start: int, end: int, new_text: str) -> TextEdit:
    """One edit replacing the text from offset ``start`` to ``end`` (exclusive)."""
    return TextEdit(layout.position(start), layout.position(end), new_text)


def set_entries(layout: Layout, mapping: MappingNode, entries: list[tuple[str, Value]]) -> list[TextEdit]:
    """Give the mapping these keys: added after its last entry, or written over an empty value.

    A key that already holds something (a ``note:`` the user wrote) is left as it is.
    """
    edits, added = [], []
    for key, value in entries:
        found = value_of(mapping, key)
        if found is None:
            added.append((key, value))
        elif _is_empty(found[1]):
            edits.extend(_replace_value(layout, mapping, found[0], found[1], value))
    if added:
        edits.append(_add_entries(layout, mapping, added))
    return edits


def append_item(layout: Layout, mapping: MappingNode, key: str, item: str) -> list[TextEdit]:
    """Add ``item`` to the list under ``key``, making the list if there is none; [] if ``key`` holds no list."""
    found = value_of(mapping, key)
    if found is None or _is_empty(found[1]):
        return set_entries(layout, mapping, [(key, [item])])
    items = found[1]
    if not isinstance(items, SequenceNode):
        return []
    if items.flow_style:
        if not items.value:
            bracket = items.end_mark.index - 1
            return [edit(layout, bracket, bracket, item)]
        end = layout.content_end(items.value[-1])
        return [edit(layout, end, end, f", {item}")]
    end = layout.line_end(layout.content_end(items))
    return [edit(layout, end, end, f"{layout.newline}{' ' * layout.column(items)}- {item}")]


def respell(layout: Layout, scalar: ScalarNode, word: str) -> TextEdit | None:
    """Write ``word`` in place of a key or a one-line value, keeping its quotes; None for a block text."""
    start, end = scalar.start_mark.index, scalar.end_mark.index
    if scalar.style in ("'", '"'):
        return edit(layout, start + 1, end - 1, word)
    if scalar.style:
        return None
    return edit(layout, start, end, word if _reads_as_text(word) else f'"{word}"')


def inline(value: Value) -> str:
    """A value in flow style: ``true``, ``[a, b]``, ``[{text: "TODO"}]``."""
    if isinstance(value, str):
        return value
    parts = [
        each if isinstance(each, str) else "{" + ", ".join(f"{k}: {v}" for k, v in each.items()) + "}" for each in value
    ]
    return "[" + ", ".join(parts) + "]"


def _is_empty(node: Node) -> bool:
    if isinstance(node, ScalarNode):
        return not node.style and node.value in _EMPTY
    return isinstance(node, CollectionNode) and bool(node.flow_style) and not node.value


def _is_block_of_mappings(value: Value) -> bool:
    return isinstance(value, list) and bool(value) and not isinstance(value[0], str)


def _block_lines(layout: Layout, value: list[dict[str, str]], key_column: int) -> list[str]:
    """The lines of a block list of mappings under a key at ``key_column``."""
    indentation = layout.indentation
    dash = key_column + indentation.sequence
    lines = []
    for mapping in value:
        for number, (key, text) in enumerate(mapping.items()):
            lead = " " * dash + "-" + " " * (indentation.dash - 1) if number == 0 else " " * (dash + indentation.dash)
            lines.append(f"{lead}{key}: {text}")
    return lines


def _replace_value(layout: Layout, mapping: MappingNode, key: ScalarNode, old: Node, value: Value) -> list[TextEdit]:
    start, end = old.start_mark.index, old.end_mark.index
    if mapping.flow_style or not _is_block_of_mappings(value):
        return [edit(layout, start, end, inline(value) if end > start else f" {inline(value)}")]
    lines = layout.newline.join(_block_lines(layout, value, layout.column(key)))  # type: ignore[arg-type]
    while start > 0 and layout.text[start - 1] in " \t":  # no blank left at the end of `key:`
        start -= 1
    line_end = layout.line_end(end)
    if line_end == end:
        return [edit(layout, start, end, layout.newline + lines)]
    # A comment follows the old value: it stays on the key's line, the list goes below it.
    return [edit(layout, start, end, ""), edit(layout, line_end, line_end, layout.newline + lines)]


def _add_entries(layout: Layout, mapping: MappingNode, entries: list[tuple[str, Value]]) -> TextEdit:
    if mapping.flow_style:
        brace = mapping.end_mark.index - 1
        while layout.text[brace - 1] in " \t\r\n":
            brace -= 1
        text = ", ".join(f"{key}: {inline(value)}" for key, value in entries)
        return edit(layout, brace, brace, f", {text}" if mapping.value else text)
    column = layout.column(mapping)
    lines = []
    for key, value in entries:
        if _is_block_of_mappings(value):
            lines.append(f"{' ' * column}{key}:")
            lines.extend(_block_lines(layout, value, column))  # type: ignore[arg-type]
        else:
            lines.append(f"{' ' * column}{key}: {inline(value)}")
    end = layout.line_end(layout.content_end(mapping))
    return edit(layout, end, end, layout.newline + layout.newline.join(lines))


def _reads_as_text(word: str) -> bool:
    """Whether YAML reads ``word`` unquoted as text (``2020`` or ``true`` it reads as something else)."""
    import yaml

    try:
        return isinstance(yaml.safe_load(word), str)
    except yaml.YAMLError:
        return False
