"""The diagrams as a reader sees them: opened in headless Chromium, every text lies inside its box.

Graphviz sizes each box from its own font metrics; a browser draws the text with the fonts it has.
This test catches the two disagreeing (text spilling out of a box). It needs Chromium and Playwright
(``.ci/run`` installs them) and skips without them, unless ``ARGMAP_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest

import argmap
from argmap.diagram import RenderOptions, render
from tests.helpers import MAPS

REQUIRED = os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1"
SEED = MAPS / "bandow-iraq.yaml"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: For each node: the smallest shape's box, and every text's box, in SVG user units.
MEASURE = """() => Array.from(document.querySelectorAll('g.node')).map(g => {
    const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
    const shapes = Array.from(g.querySelectorAll('path, polygon, ellipse')).map(box)
        .filter(b => b[2] > b[0] && b[3] > b[1])
        .sort((a, b) => (a[2] - a[0]) * (a[3] - a[1]) - (b[2] - b[0]) * (b[3] - b[1]));
    return {id: g.id, shape: shapes[0] || null,
            texts: Array.from(g.querySelectorAll('text')).map(t => [t.textContent, box(t)])};
})"""


def unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"ARGMAP_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    executable = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        unavailable("no Chromium found (apt install chromium, or set ARGMAP_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


#: True once the interactive page (``render -f html``) has drawn its map.
READY = "() => window.argmapView && window.argmapView.ready"


def wait_until(page, predicate: str, timeout: float = 10.0) -> None:
    """Wait until the JavaScript ``predicate`` (a function's source) returns true in ``page``.

    Polled from Python with ``page.evaluate``: Playwright's own ``wait_for_function`` polls with
    ``eval`` in the page up to 1.4x, which the interactive page's Content-Security-Policy forbids.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout:g} s: {predicate}")
        page.wait_for_timeout(20)


def maps_to_view() -> list:
    return [SEED, *sorted(p for p in MAPS.glob("*.yaml") if p != SEED)]


@pytest.mark.parametrize("path", maps_to_view(), ids=lambda p: p.name)
def test_every_text_lies_inside_its_box(browser, path, tmp_path):
    svg = tmp_path / "map.svg"
    svg.write_bytes(render(argmap.load(path), RenderOptions(engine="pure")))
    page = browser.new_page()
    try:
        page.goto(svg.as_uri())
        nodes = page.evaluate(MEASURE)
    finally:
        page.close()
    claims = [node for node in nodes if node["id"].startswith("claim-")]
    assert len(claims) == len(argmap.load(path).claims)
    slack = 0.5  # SVG units: rounding of Graphviz's coordinates
    spilled = []
    for node in nodes:
        if node["shape"] is None or node["id"] == "key":  # plain text; the key is a table of cells
            continue
        x0, y0, x1, y1 = node["shape"]
        for text, (a, b, c, d) in node["texts"]:
            if a < x0 - slack or b < y0 - slack or c > x1 + slack or d > y1 + slack:
                spilled.append(f"{node['id']}: {text!r} {(a, b, c, d)} outside {(x0, y0, x1, y1)}")
    assert not spilled, "\n".join(spilled)


HOSTILE_TEXTS = [
    "<script>window.__pwned = 1</script> must stay text",
    '<img src=x onerror="window.__pwned = 2"> & &amp; "quoted" \\l \\n } ] { [ |',
    ']]> <![CDATA[ x ]]> <!-- comment --> <svg onload="window.__pwned = 3">',
]


def test_markup_in_claims_runs_no_script_and_shows_as_written(browser, tmp_path):
    """Claim text, quotes and sources that look like markup are drawn as the characters written."""
    import json

    quoted = [json.dumps(text) for text in HOSTILE_TEXTS]
    text = (
        f"title: {quoted[2]}\n"
        f"sources:\n  s: {{author: {quoted[0]}, date: '2020'}}\n"
        f"thesis:\n  id: t\n  claim: {quoted[0]}\n  premises:\n"
        f"    - claim: {quoted[1]}\n      evidence: [{{quote: {quoted[2]}, source: s}}]\n"
        f"  objections:\n    - claim: {quoted[2]}\n      assumption: true\n"
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    options = RenderOptions(format="svg", wrap=400)
    svg = tmp_path / "hostile.svg"
    svg.write_bytes(render(argmap.load(path), options))
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(svg.as_uri())
    assert page.evaluate("() => window.__pwned") is None and dialogs == []
    assert page.evaluate("() => document.querySelectorAll('script, img, foreignObject').length") == 0
    shown = page.evaluate("() => Array.from(document.querySelectorAll('text')).map(t => t.textContent).join('\\n')")
    page.close()
    for hostile in HOSTILE_TEXTS:
        assert " ".join(hostile.split()) in " ".join(shown.split())
