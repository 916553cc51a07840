"""DOT statements written by hand, and the attributes every node and edge starts with.

Example::

    >>> statement(quote("a"), {"label": "<<b>A</b>>", "color": 'say "red"'})
    '\\t"a" [label=<<b>A</b>> color="say \\\\"red\\\\""]\\n'
"""

from __future__ import annotations

from . import style

NODE = {
    "shape": "box",
    "fontname": style.FONT,
    "fontsize": str(style.TEXT_SIZE),
    "margin": "0.14,0.07",
    "penwidth": "1.2",
}
EDGE = {"penwidth": "1.4", "arrowsize": "0.8"}


def statement(subject: str, attrs: dict[str, str]) -> str:
    """One node or edge statement, every value quoted, an HTML-like ``label`` as it is.

    The graphviz package's ``node()`` and ``edge()`` put every value through regular expressions,
    which took a second for a 5,000-claim map; names and values here are argmap's own (uids, colours,
    and labels escaped by :mod:`.labels`), so plain quoting is enough.
    """
    listed = " ".join(f"{key}={value if key == 'label' else quote(value)}" for key, value in attrs.items())
    return f"\t{subject} [{listed}]\n"


def quote(value: str) -> str:
    """A DOT string: in double quotes, with backslashes and double quotes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
