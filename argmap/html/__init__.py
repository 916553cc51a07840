"""The interactive map: one self-contained HTML page (``argmap render -f html``, ``argmap serve``).

Pure: the model, its problems and its evaluation become data (:func:`view_data`), the data one
HTML string (:func:`html_page`). The page lays the map out itself, so that folding a branch
leaves no hole (see the README's design note on the layout). Example::

    import argmap
    from argmap.html import html_page, view_data
    m = argmap.load("maps/bandow-iraq.yaml")
    page = html_page(view_data(m, argmap.check(m), argmap.evaluate(m)))
"""

from __future__ import annotations

from .data import view_data
from .page import html_page

__all__ = ["html_page", "view_data"]
