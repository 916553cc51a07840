"""One self-contained HTML page from the view's data: inline script and style, the data as JSON,
and a Content-Security-Policy that lets nothing run but that inline code.

No text from the map is ever written into the markup: the data goes into a
``<script type="application/json">`` element (never executed) with ``<``, ``>``, ``&`` and the
line separators U+2028/U+2029 escaped, so no claim can close the element; the page's script puts
every text on screen with ``textContent``. The policy allows the one script and the one style by
their SHA-256 hashes, computed here; ``img-src blob:`` lets the page turn its own drawing into a
PNG; ``connect-src 'self'`` is allowed only for a live page (``argmap serve``). Example::

    >>> page = html_page({"title": "</script><b>", "roots": [], "claims": {}})
    >>> "</script><b>" in page, page.count("<script")
    (False, 3)
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib.resources import files
from typing import Any

from .palette import palette_css

#: Characters that could end the data's element or break older JavaScript parsers, as JSON escapes.
_JSON_ESCAPES = str.maketrans({char: f"\\u{ord(char):04x}" for char in "<>&\u2028\u2029"})

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>argument map</title>
<style>{style}</style>
</head>
<body>
{body}
<script type="application/json" id="argmap-data">{data}</script>
<script type="application/json" id="argmap-live">{live}</script>
<script>{script}</script>
</body>
</html>
"""


def html_page(data: dict[str, Any], *, live_url: str | None = None) -> str:
    """The page showing ``data`` (from :func:`~argmap.html.data.view_data`); with ``live_url``, it
    listens there for server-sent updates (see the README's "Interactive view")."""
    script, style, body = _script(), palette_css() + _asset("view.css"), _asset("body.html")
    policy = [
        "default-src 'none'",
        f"script-src '{_hash(script)}'",
        f"style-src '{_hash(style)}'",
        "img-src blob:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if live_url is not None:
        policy.append("connect-src 'self'")
    return _PAGE.format(
        policy="; ".join(policy),
        style=style,
        body=body,
        data=embedded_json(data),
        live=embedded_json(live_url),
        script=script,
    )


def embedded_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    >>> embedded_json({"text": "</script>&\\u2028"})
    '{"text": "\\\\u003c/script\\\\u003e\\\\u0026\\\\u2028"}'
    """
    return json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


#: The script's parts (``static/*.js``) in the order they run, in one function scope whose names they share.
SCRIPT_PARTS = ("core.js", "layout.js", "draw.js", "navigate.js", "panels.js", "export.js", "start.js")
_SCRIPT_OPENING = """// argmap's interactive view. Reads the map's data from #argmap-data (JSON, never markup), lays the
// visible forest out itself (a layered tidy tree: folding a branch leaves no hole, and a relayout
// of 5,000 claims takes milliseconds), and puts every text on screen with textContent only.
(function () {
  'use strict';
"""


@cache
def _script() -> str:
    return _SCRIPT_OPENING + "".join(_asset(part) for part in SCRIPT_PARTS) + "})();\n"


@cache
def _asset(name: str) -> str:
    return (files(__package__) / "static" / name).read_text(encoding="utf-8")
