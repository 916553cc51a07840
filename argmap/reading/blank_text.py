"""Which texts are blank: nothing a reader can see, though ``str.strip`` leaves characters behind.

A claim or a piece of evidence made only of a zero-width space (U+200B), the Braille blank (U+2800)
or a Hangul filler (U+3164) looks empty on every screen, yet it is not empty to ``strip``: without
this check it would count as support. A text is *blank* when every character in it is one of

- white space and separators (what ``str.isspace`` says, Unicode categories Zs, Zl, Zp);
- control and format characters (Cc, Cf: zero-width spaces and joiners, the byte order mark,
  bidirectional marks, soft hyphens, tag characters, invisible operators);
- combining marks (Mn, Me), which draw nothing without a letter to sit on; variation selectors
  are among them;
- the few letters and symbols that fonts draw as blank: :data:`BLANK_LOOKING`.

Only whole texts are judged: visible text with such characters inside stays exactly as written.
Private-use and unassigned code points are *not* blank (a font may draw them). Example::

    >>> is_blank("\\u200b \\u2800"), is_blank("Roads\\u200bcost money.")
    (True, False)
"""

from __future__ import annotations

import unicodedata

#: Categories whose characters draw nothing on their own (see the module's documentation).
BLANK_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})
#: Letters and symbols that are drawn blank by design: Hangul fillers (choseong U+115F, jungseong
#: U+1160, U+3164, halfwidth U+FFA0), the Braille pattern blank (U+2800), Khmer inherent vowels
#: (U+17B4, U+17B5: Mn today, Lo in older Unicode) and the Mongolian vowel separator (U+180E: Cf
#: today, Zs before Unicode 6.3), listed so that the answer does not depend on Python's Unicode.
BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u180e")


def is_blank(text: str) -> bool:
    """True if ``text`` shows nothing: empty, white space, or only invisible characters."""
    if text.isascii() and text.isprintable():  # the common case, answered in C
        return not text.strip()
    return all(_is_blank_character(character) for character in text)


def _is_blank_character(character: str) -> bool:
    return character in BLANK_LOOKING or unicodedata.category(character) in BLANK_CATEGORIES


def blank_description(text: str) -> str:
    """Why a blank text counts as empty, for a message: ``""`` if it is plainly empty or white space,
    else the invisible characters it holds, e.g. ``" (it holds only invisible characters: U+200B)"``."""
    if not text.strip():
        return ""
    shown = sorted({f"U+{ord(character):04X}" for character in text if not character.isspace()})
    more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
    return f" (it holds only invisible characters: {', '.join(shown[:5])}{more})"
