"""Which texts yaml-rs reads exactly as PyYAML does: screens over the whole text, run before yaml-rs.

yaml-rs resolves plain scalars by YAML 1.2 rules, not PyYAML's 1.1, knows no positions, and reads
some constructs differently; so the fast reader takes only plain block YAML. These screens of
regular expressions refuse tabs, other line breaks, anchors, aliases, tags, flow collections,
block and multi-line scalars, escapes, directives, more than one document and deep nesting.
Each starts with a literal or a character class, so that the regular expression engine skips
through the text quickly: a screen over a 29 MB map takes tens of milliseconds. Example::

    >>> plain_enough("thesis:\\n  claim: A\\n"), plain_enough("thesis: &t\\n  claim: A\\n")
    (True, False)
    >>> plain_tag("yes"), plain_tag("yes, we can")
    ('tag:yaml.org,2002:bool', 'tag:yaml.org,2002:str')
"""

from __future__ import annotations

import re

from yaml.resolver import Resolver

from .tree import STR

RESOLVERS = Resolver.yaml_implicit_resolvers  # the tables SafeLoader and CSafeLoader resolve with
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
# The next two find two or more characters that start with a rare one: faster than str.find
# (or "in"), which steps through a text full of spaces and dashes one character at a time.
_MARKER_HINT = re.compile(r"\n(?:---|\.\.\.|%)")
#: A quote with a comment glued to it.
_QUOTE_HASH = re.compile("#(?<=[\"']#)")
# yaml-rs crashes on nesting some 100,000 deep. Block nesting grows the indentation, except for list
# items on one line ("- - - x"): refuse those and deep indentation, and the depth stays under 2,000.
_DEEP_INDENT = "\n" + " " * 1000
_ITEMS_ON_ONE_LINE = re.compile(r"-( +)-(?: |\n|\Z)")


def plain_tag(value: str) -> str:
    """The tag PyYAML's SafeLoader gives ``value`` written as a plain scalar."""
    for tag, regexp in RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    return STR


def plain_enough(text: str) -> bool:
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
