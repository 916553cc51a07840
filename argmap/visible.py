"""Text from a map, a settings file or a file name, made visible and harmless before it is printed.

A map arrives from anyone (a pull request, a download), and so do the names of the files in a
folder. Printed raw, its text could act on the terminal or the log that shows the report: clear
the screen (``ESC [2J``), set the window title (OSC 0), plant a hyperlink (OSC 8), forge a report
line with a newline, reorder what is shown with a bidi override ("Trojan Source"). So every such
text goes through :func:`visible` on its way to any text output, and comes out as printable
characters only, with each character that acts rather than shows spelt as an escape::

    >>> visible("ref 'a\\x1b[2J\\nmaps/x.yaml:1:1: error'")
    "ref 'a\\\\x1b[2J\\\\nmaps/x.yaml:1:1: error'"
    >>> visible("b\\udcff.yaml")      # the byte 0xff of a file name that is not UTF-8
    'b\\\\xff.yaml'
    >>> visible("Ünïcode text, „quoted“ — as it is")
    'Ünïcode text, „quoted“ — as it is'

The escapes are for reading, not for reversing: a backslash in the text is left as it is.
"""

from __future__ import annotations

import re

#: What :func:`visible` changes, and why each:
#:
#: - C0 controls U+0000-U+001F (ESC starts terminal sequences; NUL, BEL, BS, CR, LF, TAB move the
#:   cursor or break lines, so a newline or a carriage return could forge a report line), and DEL;
#: - C1 controls U+0080-U+009F (U+009B is an 8-bit CSI, U+009D an 8-bit OSC, U+0085 a newline);
#: - the line and paragraph separators U+2028, U+2029 (line breaks to some readers);
#: - the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, which reorder what
#:   is shown (a ``gnp.exe`` that reads as ``exe.png``);
#: - lone surrogates U+D800-U+DFFF, which no output encoding can write: Python decodes the bytes of
#:   a file name that are not UTF-8 to U+DC80-U+DCFF, shown as the byte they stand for (``\\xff``).
#:
#: Other invisible characters (zero-width joiners, soft hyphens) are left alone: they do nothing
#: to a terminal, and emoji and several scripts need them.
HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with each character of :data:`HIDDEN` spelt as an escape (``\\x1b``, ``\\n``,
    ``\\u202e``, ``\\xff`` for a byte of a file name that is not UTF-8); printable text as it is."""
    if text.isprintable():  # nearly every text: no character of HIDDEN is printable, this is fast
        return text
    return HIDDEN.sub(_spelt, text)


def encodable_json(document: str) -> str:
    """JSON text with each lone surrogate (a byte of a file name that is not UTF-8) spelt as
    :func:`visible` spells it, so that the document can be written as UTF-8 and still parses.

    JSON already escapes control characters; a lone surrogate it would write as it is (with
    ``ensure_ascii=False``), which no encoder accepts. Surrogates only occur inside strings.
    """
    if _SURROGATES.search(document) is None:
        return document
    return _SURROGATES.sub(lambda match: _spelt(match).replace("\\", "\\\\"), document)


def _spelt(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # Python's surrogateescape: the byte code - 0xDC00 of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
