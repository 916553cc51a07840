"""The page's colours as CSS custom properties, from the tables the static diagrams use.

:mod:`argmap.diagram.style` (roles, relations, warnings) and :mod:`argmap.marks` (evaluation
statuses) are the one source of the map's visual language: the page and ``argmap render -f svg``
draw a rebuttal in the same orange. ``static/view.css`` and the scripts name only these variables,
never a colour, so the two cannot drift apart again. The page's own furniture (toolbar, panels,
selection) has no counterpart in a diagram; its colours live here, beside the others::

    >>> palette_css().splitlines()[0]
    ':root {'
    >>> "--undercuts-line: #7b3fa0;" in palette_css()
    True
"""

from __future__ import annotations

from functools import cache

from ..diagram import style
from ..marks import STATUS_LOOKS

#: Colours of the page's furniture, which a static diagram does not have.
CHROME = {
    "ink": "#1d1d1f",
    "muted": "#5f6368",
    "line": "#9aa0a6",
    "paper": "#ffffff",
    "panel": "#f7f7f9",
    "rule": "#dddddd",
    "button-border": "#b0b4ba",
    "focus": "#1a56db",
    "match": "#f9a825",
    "banner": "#fdecea",
    "caution": "#8a5300",
    "box-border": "#5f6368",
    "head-text": "#444444",
    "cite-text": "#555555",
    "chip-fill": "#eef2f7",
    "chip-hover": "#dce6f5",
    "chip-border": "#7a8799",
    "frame": "#546e7a",
}


def palette_variables() -> dict[str, str]:
    """Every custom property the page defines, by name (without the leading ``--``)."""
    names: dict[str, str] = {}
    for role, look in style.ROLES.items():
        names[f"{role}-fill"], names[f"{role}-border"] = look.fill, look.border
    for kind, look in (("evidence", style.EVIDENCE), ("missing", style.MISSING)):
        names[f"{kind}-fill"], names[f"{kind}-border"] = look.fill, look.border
    for relation, arrow in style.RELATIONS.items():
        names[f"{relation}-line"] = arrow.colour
    for status, status_look in STATUS_LOOKS.items():
        names[f"status-{status}"] = status_look.colour
    names.update({"warning": style.WARNING, "assumed": style.ASSUMED, "grey": style.GREY})
    names.update(CHROME)
    return names


@cache
def palette_css() -> str:
    """The ``:root`` rule that defines :func:`palette_variables` for the page's stylesheet."""
    lines = "".join(f"  --{name}: {colour};\n" for name, colour in palette_variables().items())
    return ":root {\n" + lines + "}\n"
