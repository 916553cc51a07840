"""Where a key is written in a TOML text, for messages: tomllib gives values, not positions.

A line-by-line reading that follows table headers (``[rules.rabbit-rule]``) and dotted keys
(``severity.ALL = "info"``), enough to point at a setting in a settings file; a key it cannot find
(one written inside a multi-line value, say) has no position, and the message names the key alone::

    >>> key_position('select = []\\n[rules.rabbit-rule]\\n  allow = [1]\\n', ("rules", "rabbit-rule", "allow"))
    (3, 3)
"""

from __future__ import annotations

import re

_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_HEADER = re.compile(r"\[\[?([^\]]*)\]")
_KEY = re.compile(r'((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.\s-])+)=')


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(next(group for group in match.groups() if group is not None) for match in _PART.finditer(dotted))


def key_position(text: str, key: tuple[str, ...]) -> tuple[int, int] | None:
    """The 1-based line and column where ``key`` (or the table that holds it) is first written."""
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        column = len(line) - len(stripped) + 1
        header = _HEADER.match(stripped)
        if header:
            table = _parts(header.group(1))
            found = table
        else:
            written = _KEY.match(stripped)
            if not written:
                continue
            found = table + _parts(written.group(1))
        if found[: len(key)] == key:
            return number, column
    return None
