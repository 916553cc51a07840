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

The escapes are for reading, not for reversing: a backslash in the text is left as it is. JSON
reports keep the text exact instead (:func:`harmless_json`): JSON's own escapes are harmless.
"""

from __future__ import annotations

import re

# The characters of HIDDEN that come after the C0 controls.
_BEYOND_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
#: What :func:`visible` changes, and why each:
#:
#: - C0 controls U+0000-U+001F (ESC starts terminal sequences; NUL, BEL, BS, CR, LF, TAB move the
#:   cursor or break lines, so a newline or a carriage return could forge a report line), and DEL;
#: - C1 controls U+0080-U+009F (U+009B is an 8-bit CSI, U+009D an 8-bit OSC, U+0085 a newline);
#: - the line and paragraph separators U+2028, U+2029 (line breaks to some readers);
#: - the bidi embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069, which reorder what
#:   is shown (a ``gnp.exe`` that reads as ``exe.png``), the set compilers warn of ("Trojan Source");
#: - lone surrogates U+D800-U+DFFF, which no output encoding can write: Python decodes the bytes of
#:   a file name that are not UTF-8 to U+DC80-U+DCFF, shown as the byte they stand for (``\\xff``).
#:
#: Other invisible characters are left alone: they do nothing to a terminal, and real text needs
#: them (zero-width joiners in emoji and Indic scripts, soft hyphens, the bidi marks U+200E, U+200F
#: and U+061C that right-to-left text uses and that move no letter).
HIDDEN = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
#: What JSON writes as it is (it escapes C0 controls itself).
_RAW_IN_JSON = re.compile(f"[{_BEYOND_C0}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with each character of :data:`HIDDEN` spelt as an escape (``\\x1b``, ``\\n``,
    ``\\u202e``, ``\\xff`` for a byte of a file name that is not UTF-8); printable text as it is."""
    if text.isprintable():  # nearly every text: no character of HIDDEN is printable, this is fast
        return text
    return HIDDEN.sub(_spelt, text)


def harmless_json(document: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) in which nothing acts on a
    terminal either: each character of :data:`HIDDEN` that JSON leaves as it is becomes a ``\\uXXXX``
    escape, the same text to any parser; a lone surrogate (a byte of a file name that is not UTF-8,
    which no encoder writes and few parsers accept) is spelt as :func:`visible` spells it.

    >>> harmless_json('{"claim": "\\u202egnp.exe", "file": "b\\udcff.yaml"}')
    '{"claim": "\\\\u202egnp.exe", "file": "b\\\\\\\\xff.yaml"}'
    """
    if document.isascii() and "\x7f" not in document:  # most reports: nothing to change, found at once
        return document
    if _RAW_IN_JSON.search(document) is None:  # the rest: one scan, nothing changed
        return document
    return _RAW_IN_JSON.sub(_json_escape, document)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:  # inside a JSON string, a backslash is written doubled
        return _spelt(match).replace("\\", "\\\\")
    return f"\\u{code:04x}"


def _spelt(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # Python's surrogateescape: the byte code - 0xDC00 of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
