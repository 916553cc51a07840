"""The interactive page in headless Chromium: every feature a reader uses, with no console error
and no request leaving the page (each test's ``view`` checks both when it ends).

Needs Chromium and Playwright, like tests/test_browser.py (whose launch setup it shares).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.config import for_map
from argmap.diagram.style import RELATIONS
from argmap.html import html_page, view_data
from tests.helpers import load_text
from tests.test_browser import HOSTILE_TEXTS, READY, SEED, browser, wait_until  # noqa: F401 - the shared fixture

MAP = """\
    title: Browser test
    sources:
      s: {author: Ann Author, title: A Book, date: "2021", url: "https://example.org/book"}
      bad: {author: Mallory, url: "javascript:window.__pwned = 9"}
    thesis:
      id: t
      claim: The thesis stands.
      premises:
        - id: p1
          claim: First premise, with quotes.
          evidence:
            - {quote: "the first words", source: s, locator: p. 1}
            - {quote: "the second words", source: bad}
            - {quote: "the third words", source: s}
          premises:
            - {id: p1a, claim: Below the first premise., assumption: true}
            - {id: p1b, claim: Also below the first premise., assumption: true}
        - id: p2
          claim: Second premise, unsupported.
        - linked:
            - {id: l1, claim: Together one., assumption: true}
            - {id: l2, claim: Together two., assumption: true}
      objections:
        - id: o1
          claim: An objection that is answered.
          assumption: true
          rebuttals:
            - {id: r1, claim: The answer to the objection., assumption: true}
            - ref: p1
"""


def page_html(text: str = MAP) -> str:
    m = load_text(text)
    return html_page(view_data(m, argmap.check(m), argmap.evaluate(m)))


@pytest.fixture
def view(browser, tmp_path) -> Iterator[Callable[..., Any]]:  # noqa: F811 - the shared fixture
    """``view(html, hash="")``: the page opened from a file and ready; when the test ends, no console
    error or page error happened and no request went anywhere but to the file itself."""
    pages: list[tuple[Any, list[str], list[str], str]] = []

    def open_page(html: str, hash: str = "", width: int = 1300, height: int = 850) -> Any:
        path = tmp_path / f"page{len(pages)}.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri() + hash)
        wait_until(page, READY)
        pages.append((page, errors, requests, path.as_uri()))
        return page

    yield open_page
    for page, errors, requests, uri in pages:
        page.close()
        assert errors == [], errors
        assert all(url.startswith((uri, "blob:")) for url in requests), requests


def visible_keys(page) -> list[str]:
    return page.evaluate("() => Array.from(document.querySelectorAll('#nodes [data-key]')).map(g => g.dataset.key)")


def boxes(page) -> dict[str, list[float]]:
    """Each node's box on the page: x, y, right, bottom."""
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('#nodes [data-key]'))
        .map(g => { const b = g.querySelector('rect.box').getBoundingClientRect();
                    return [g.dataset.key, [b.left, b.top, b.right, b.bottom]]; }))""")


def overlapping(found: dict[str, list[float]]) -> list[tuple[str, str]]:
    items = list(found.items())
    return [
        (a, b)
        for i, (a, p) in enumerate(items)
        for b, q in items[i + 1 :]
        if p[0] < q[2] - 0.5 and q[0] < p[2] - 0.5 and p[1] < q[3] - 0.5 and q[1] < p[3] - 0.5
    ]


def click_chip(page, uid: str, action: str) -> None:
    page.click(f'[data-key="c:{uid}"] [data-action="{action}"]')


def test_the_whole_map_shows_and_no_boxes_overlap(view):
    page = view(page_html())
    assert set(visible_keys(page)) >= {"c:t", "c:p1", "c:p1a", "c:o1", "c:r1", "r:o1:1"}
    assert not overlapping(boxes(page))
    assert page.title() == "Browser test · argmap"


def test_collapse_hides_the_branch_and_leaves_no_hole(view):
    page = view(page_html())
    page.click("#direction")  # a known direction: thesis on top
    if page.evaluate("() => document.getElementById('direction').textContent") != "Thesis at left":
        page.click("#direction")
    before = boxes(page)
    click_chip(page, "p1", "fold")
    after = boxes(page)
    assert "c:p1a" not in after and "c:p1b" not in after and "c:p1" in after
    assert page.get_attribute('[data-key="c:p1"]', "aria-expanded") == "false"
    assert page.text_content('[data-key="c:p1"] [data-action="fold"]') == "+ 2 claims"
    # no hole: the branches beside p1 moved closer to it, and nothing overlaps
    gap_before = before["c:p2"][0] - before["c:p1"][2]
    gap_after = after["c:p2"][0] - after["c:p1"][2]
    assert gap_after < gap_before and not overlapping(after)
    click_chip(page, "p1", "fold")
    assert "c:p1a" in visible_keys(page)
    page.click("#collapse-all")
    assert set(visible_keys(page)) >= {"c:t", "c:p1"} and "c:p1a" not in visible_keys(page)
    page.click("#expand-all")
    assert "c:r1" in visible_keys(page)


def test_evidence_starts_folded_into_a_badge_that_opens_on_click(view):
    page = view(page_html())
    assert page.text_content('[data-key="c:p1"] [data-action="evidence"]') == "▸ 3 quotes"
    assert not [k for k in visible_keys(page) if k.startswith("e:")]
    click_chip(page, "p1", "evidence")
    assert [k for k in visible_keys(page) if k.startswith("e:")] == ["e:p1:0", "e:p1:1", "e:p1:2"]
    assert "the first words" in page.text_content('[data-key="e:p1:0"]')
    assert not overlapping(boxes(page))


def test_the_panel_shows_the_claim_its_evidence_problems_and_label(view):
    page = view(page_html())
    page.click('[data-key="c:p1"]')
    panel = page.text_content("#panel")
    assert not page.is_hidden("#panel")
    for expected in ("First premise, with quotes.", "p1", "the first words", "the second words", "p. 1",
                     "Ann Author", "A Book", "2021", "Mallory", "accepted"):  # fmt: skip
        assert expected in panel, expected
    links = page.eval_on_selector_all("#panel a", "links => links.map(a => [a.href, a.rel, a.textContent])")
    assert links == [["https://example.org/book", "noopener noreferrer", "https://example.org/book"]] * 2
    assert "javascript:window.__pwned = 9" in panel  # shown as text, never a link
    assert page.evaluate("() => window.__pwned") is None
    page.click('[data-key="c:p2"]')
    panel = page.text_content("#panel")
    assert "Second premise, unsupported." in panel and "unsupported-premise" in panel
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")


def test_the_problems_list_names_each_problem_and_selects_its_claim(view):
    page = view(page_html())
    page.click("#problems-button")
    items = page.eval_on_selector_all("#problems-list li", "items => items.map(i => i.textContent)")
    assert any("unsupported-premise" in item and ":" in item for item in items)
    page.click("#problems-list button >> text=unsupported-premise")
    assert page.evaluate("() => window.argmapView.selected()") == "p2"


def test_search_highlights_and_reveals_matching_claims(view):
    page = view(page_html())
    click_chip(page, "p1", "fold")
    page.fill("#search", "also below")
    wait_until(page, "() => document.querySelectorAll('#nodes .match').length === 1")
    assert page.get_attribute('[data-key="c:p1b"]', "class").split().count("match") == 1
    assert page.text_content("#search-count") == "1 match"
    page.press("#search", "Enter")
    assert page.evaluate("() => window.argmapView.selected()") == "p1b"
    page.fill("#search", "")
    wait_until(page, "() => document.querySelectorAll('#nodes .match').length === 0")


#: Undercuts written on a ref deny that use of the claim only; they are drawn below the ref's box.
REF_UNDERCUT = """\
    thesis:
      id: t
      claim: The thesis.
      premises:
        - {id: a, claim: A is so., assumption: true}
        - id: b
          claim: B is so.
          premises:
            - ref: a
              undercuts:
                - {id: u, claim: A has nothing to do with B., assumption: true}
                - ref: t
"""


def test_undercuts_written_on_a_ref_are_drawn_below_it_folded_with_it_and_found(view):
    # They were left out of the page: the claim u was drawn nowhere.
    page = view(page_html(REF_UNDERCUT))
    assert set(visible_keys(page)) == {"c:t", "c:a", "c:b", "r:b:0", "c:u", "r:b:0u1"}
    assert page.locator("#edges .rel-undercuts").count() == 2
    assert "undercuts" in page.text_content("#legend-list")
    assert overlapping(boxes(page)) == []
    click_chip(page, "b", "fold")
    assert "c:u" not in visible_keys(page) and "r:b:0" not in visible_keys(page)
    assert "+ 1 claim" in page.text_content('[data-key="c:b"]')
    page.fill("#search", "nothing to do")
    wait_until(page, "() => document.querySelectorAll('#nodes .match').length === 1")
    assert "c:u" in visible_keys(page)


def test_each_relation_has_a_line_of_its_own_shape_as_the_legend_says(view):
    # Objections and rebuttals were both red dashed lines: not told apart, in colour or shape.
    page = view(page_html())
    looks = {
        relation: page.locator(f"#edges .rel-{relation}").first.evaluate(
            "p => [getComputedStyle(p).stroke, getComputedStyle(p).strokeDasharray]"
        )
        for relation in ("premises", "objections", "rebuttals")
    }
    dashes = [dash for _, dash in looks.values()]
    colours = [colour for colour, _ in looks.values()]
    assert len(set(dashes)) == 3 and len(set(colours)) == 3, looks
    for relation, (colour, _) in looks.items():  # the colours of argmap render -f svg, from diagram/style.py
        assert colour == css_rgb(RELATIONS[relation].colour), relation
    legend = page.text_content("#legend-list")
    assert "objects (red dashed line)" in legend and "rebuts (orange dash-dot line)" in legend
    assert "supports (green solid line)" in legend


def css_rgb(hex_colour: str) -> str:
    """``#e06c00`` as a browser's computed style writes it: ``rgb(224, 108, 0)``."""
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))


def test_the_legend_draws_the_assumption_border_in_the_colour_of_each_kind_assumed(view):
    page = view(page_html())  # premises, the objection o1 and the rebuttal r1 are assumptions
    items = page.locator("#legend-list li").all()
    assumed = {
        item.inner_text().split(" assumed")[0]: item.locator("rect.box").evaluate("r => getComputedStyle(r).stroke")
        for item in items
        if " assumed: " in item.inner_text()
    }
    assert set(assumed) == {"Reason", "Objection", "Rebuttal"}
    drawn = {
        role: page.locator(f'[data-key="c:{uid}"] rect.box').evaluate("r => getComputedStyle(r).stroke")
        for role, uid in (("Reason", "p1a"), ("Objection", "o1"), ("Rebuttal", "r1"))
    }
    assert assumed == drawn and len(set(drawn.values())) == 3


def focused_key(page) -> str:
    return page.evaluate("() => document.activeElement.dataset.key")


def test_keyboard_moves_folds_opens_and_closes(view):
    page = view(page_html())
    page.focus('[data-key="c:t"]')
    keys = page.evaluate("() => document.getElementById('keys').textContent")
    down, up, right = (
        ("ArrowDown", "ArrowUp", "ArrowRight") if "↑ parent" in keys else ("ArrowRight", "ArrowLeft", "ArrowDown")
    )
    page.keyboard.press(down)
    assert focused_key(page) == "c:p1"
    page.keyboard.press(right)
    assert focused_key(page) == "c:p2"
    page.keyboard.press(up)
    assert focused_key(page) == "c:t"
    page.keyboard.press(down)
    page.keyboard.press(" ")
    assert "c:p1a" not in visible_keys(page) and focused_key(page) == "c:p1"
    page.keyboard.press("+")
    assert "c:p1a" in visible_keys(page)
    page.keyboard.press("Enter")
    assert not page.is_hidden("#panel") and page.evaluate("() => window.argmapView.selected()") == "p1"
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel") and focused_key(page) == "c:p1"
    tabbable = page.eval_on_selector_all("#nodes [tabindex='0']", "nodes => nodes.length")
    assert tabbable == 1  # one tab stop for the whole map; arrows move inside it


def test_every_node_is_a_named_tree_item(view):
    page = view(page_html())
    names = page.eval_on_selector_all(
        "#nodes > g", "gs => gs.map(g => [g.getAttribute('role'), g.getAttribute('aria-label')])"
    )
    assert names and all(role == "treeitem" and label for role, label in names)
    label = page.get_attribute('[data-key="c:p2"]', "aria-label")
    assert label.startswith("Reason: Second premise, unsupported.") and "unsupported" in label


def test_a_deep_link_opens_with_the_claim_selected_and_in_view(view):
    page = view(page_html(), hash="#r1", width=700, height=500)
    assert page.evaluate("() => window.argmapView.selected()") == "r1"
    assert "The answer to the objection." in page.text_content("#panel")
    box = page.locator('[data-key="c:r1"] rect.box').bounding_box()
    stage = page.locator("#stage").bounding_box()
    assert box and stage and stage["x"] <= box["x"] and box["x"] + box["width"] <= stage["x"] + stage["width"]
    assert stage["y"] <= box["y"] and box["y"] + box["height"] <= stage["y"] + stage["height"]
    page.click("#fit")
    page.click('[data-key="c:p2"]')
    assert page.evaluate("() => location.hash") == "#p2"


@pytest.mark.parametrize("hash", ["#100%", "#%E0%A4%A", "#constructor", "#__proto__", "#toString", "#nobody"])
def test_a_deep_link_that_names_no_claim_opens_the_page_with_nothing_selected(view, hash):
    # A mistyped link ("#100%" is no valid escape) or one that names a property every JavaScript
    # object has once left the page blank, with an error, instead of opening it.
    page = view(page_html(), hash=hash)
    assert page.evaluate("() => window.argmapView.selected()") is None
    assert page.locator('[data-key="c:t"]').count() == 1


def test_claims_whose_ids_are_names_javascript_objects_have_are_linked_and_shown(view):
    text = (
        "thesis:\n  id: constructor\n  claim: The thesis.\n  premises:\n"
        "    - {id: __proto__, claim: Named like a prototype., assumption: true}\n"
        "    - {id: toString, claim: Named like a method., assumption: true}\n"
    )
    page = view(page_html(text), hash="#__proto__")
    assert page.evaluate("() => window.argmapView.selected()") == "__proto__"
    assert "Named like a prototype." in page.text_content("#panel")
    page.click('[data-key="c:toString"]')
    assert page.evaluate("() => [window.argmapView.selected(), location.hash]") == ["toString", "#toString"]


def test_pan_zoom_and_fit(view):
    page = view(page_html())
    start = page.evaluate("() => window.argmapView.view()")
    page.click("#zoom-in")
    assert page.evaluate("() => window.argmapView.view().k") > start["k"]
    page.mouse.move(400, 500)
    page.mouse.wheel(0, 300)
    zoomed = page.evaluate("() => window.argmapView.view()")
    stage = page.locator("#stage").bounding_box()
    assert stage
    page.mouse.move(stage["x"] + 5, stage["y"] + stage["height"] - 5)
    page.mouse.down()
    page.mouse.move(stage["x"] + 105, stage["y"] + stage["height"] - 45, steps=5)
    page.mouse.up()
    moved = page.evaluate("() => window.argmapView.view()")
    assert moved["x"] == pytest.approx(zoomed["x"] + 100) and moved["y"] == pytest.approx(zoomed["y"] - 40)
    page.click("#fit")
    assert page.evaluate("() => window.argmapView.view()") == pytest.approx(start)


def test_toggles_hide_evidence_check_marks_and_colours_and_the_legend_follows(view):
    page = view(page_html())
    legend = page.text_content("#legend-list")
    assert "√ accepted" in legend and "unsupported: found by argmap check" in legend and "quotes" in legend
    assert page.locator("#nodes .check").count() and page.locator("#nodes .tint").count()
    page.uncheck("#show-checks")
    page.uncheck("#show-colours")
    page.uncheck("#show-evidence")
    assert page.locator("#nodes .check").count() == 0 and page.locator("#nodes .tint").count() == 0
    assert page.locator('#nodes [data-action="evidence"]').count() == 0
    legend = page.text_content("#legend-list")
    assert "√ accepted" not in legend and "found by argmap check" not in legend and "quotes" not in legend
    assert "Objection" in legend and "together" in legend


def test_export_svg_and_png(view, tmp_path):
    page = view(page_html())
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg = Path(svg_download.value.path()).read_text(encoding="utf-8")
    assert svg_download.value.suggested_filename == "test.svg"
    assert svg.startswith("<svg") and "The thesis stands." in svg and "<style>" in svg and "<script" not in svg
    # The rules name the palette's variables, so the file carries the palette too (on its root element).
    assert re.search(rf"--premises-line:\s*{RELATIONS['premises'].colour}", svg) and "var(--premises-line)" in svg
    assert 'class="paper"' in svg
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = Path(png_download.value.path()).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
    assert png_download.value.suggested_filename == "test.png"


def test_print_shows_the_map_without_the_tools(view):
    page = view(page_html())
    page.emulate_media(media="print")
    assert page.is_hidden(".toolbar") and page.is_visible("#canvas")
    # Printing itself cannot run headless: the button must call the browser's print, which is
    # replaced here by a counter.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.emulate_media(media="screen")
    page.click("#print")
    assert page.evaluate("() => window.printed") == 1


def test_markup_in_claims_runs_no_script_and_shows_as_written(view):
    quoted = [json.dumps(text) for text in HOSTILE_TEXTS]
    text = (
        f"title: {quoted[2]}\n"
        f"sources:\n  s: {{author: {quoted[0]}, date: '2020', url: {quoted[1]}}}\n"
        f"thesis:\n  id: t\n  claim: {quoted[0]}\n  premises:\n"
        f"    - claim: {quoted[1]}\n      evidence: [{{quote: {quoted[2]}, source: s}}]\n"
        f"  objections:\n    - claim: {quoted[2]}\n      assumption: true\n"
    )
    page = view(page_html(text))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.click('[data-key="c:t"]')
    page.click('[data-key^="c:t/"] [data-action="evidence"]')  # the premise, which has no id
    assert page.evaluate("() => window.__pwned") is None and dialogs == []
    assert page.evaluate("() => document.querySelectorAll('img, iframe, object, foreignObject').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    shown = " ".join(page.text_content("body").split())
    for hostile in HOSTILE_TEXTS:
        assert " ".join(hostile.split()) in shown
    assert page.evaluate("() => document.title").startswith("]]>")


def test_live_update_keeps_view_selection_and_folds_and_a_broken_map_shows_a_banner(view):
    page = view(page_html())
    click_chip(page, "p1", "fold")
    page.click('[data-key="c:p2"]')
    page.click("#zoom-in")
    before = page.evaluate("() => window.argmapView.view()")
    m = load_text(MAP.replace("Second premise, unsupported.", "Second premise, edited."))
    new_view = view_data(m, argmap.check(m), argmap.evaluate(m))
    page.evaluate("message => window.argmapView.update(message)", {"view": new_view, "load_problems": []})
    assert "Second premise, edited." in page.text_content('[data-key="c:p2"]')
    assert "Second premise, edited." in page.text_content("#panel")
    assert page.evaluate("() => window.argmapView.view()") == before
    assert page.evaluate("() => window.argmapView.folded()") == ["p1"] and "c:p1a" not in visible_keys(page)
    broken = {"file": "maps/a.yaml", "line": 3, "column": 7, "rule": "yaml-syntax", "message": "bad <b>indent</b>"}
    page.evaluate("message => window.argmapView.update(message)", {"view": None, "load_problems": [broken]})
    assert "maps/a.yaml:3:7 yaml-syntax bad <b>indent</b>" in page.text_content("#banner")
    assert page.is_visible("#banner") and "Second premise, edited." in page.text_content('[data-key="c:p2"]')
    page.evaluate("message => window.argmapView.update(message)", {"view": new_view, "load_problems": []})
    assert page.is_hidden("#banner")


def test_several_theses_are_laid_out_side_by_side(view):
    from tests.test_theses import TWO

    m = load_text(TWO)
    data = view_data(m, argmap.check(m), argmap.evaluate(m))
    assert len(data["roots"]) == 2
    page = view(html_page(data))
    keys = visible_keys(page)
    assert {f"c:{root}" for root in data["roots"]} <= set(keys) and "c:shared" in keys
    assert any(key.startswith("r:") for key in keys)  # the second thesis's ref to the shared premise
    assert not overlapping(boxes(page))
    second = data["roots"][1]
    page.focus("[data-key='c:a']")
    keys_help = page.evaluate("() => document.getElementById('keys').textContent")
    page.keyboard.press("ArrowRight" if "← → siblings" in keys_help else "ArrowDown")  # the next thesis
    assert focused_key(page) == f"c:{second}"


def test_the_flagship_page_opens_cleanly(view):
    m = argmap.load(SEED)
    page = view(html_page(view_data(m, argmap.check(m, for_map(m.path)), argmap.evaluate(m))))
    opened = [k for k in visible_keys(page) if k.startswith("c:")]
    assert 1 < len(opened) < len(m.claims)  # folded to a level whose words can be read
    assert page.evaluate("() => window.argmapView.view().k") > 0.3 and page.locator("#nodes text").count() > 0
    page.click("#expand-all")
    assert len([k for k in visible_keys(page) if k.startswith("c:")]) == len({c.uid for c in m.claims})
    assert not overlapping(boxes(page))


def test_a_big_map_opens_folded_draws_only_what_is_in_view_and_exports_whole(view, tmp_path):
    from benchmarks.generate import generate

    path = tmp_path / "big.yaml"
    path.write_text(generate(600), encoding="utf-8")
    m = argmap.load(path)
    page = view(html_page(view_data(m, argmap.check(m), argmap.evaluate(m))))
    claims = len({c.uid for c in m.claims})
    opened = [k for k in visible_keys(page) if k.startswith("c:")]
    assert 1 < len(opened) <= 150 and page.evaluate("() => window.argmapView.folded().length") > 0
    page.click("#expand-all")
    assert page.evaluate("() => window.argmapView.folded()") == []
    last = m.claims[-1].uid
    page.evaluate("uid => window.argmapView.select(uid)", last)  # zoomed in on one claim
    in_document = len(visible_keys(page))
    assert f"c:{last}" in visible_keys(page) and in_document < page.evaluate("() => window.argmapView.visibleCount()")
    with page.expect_download() as download:
        page.click("#export-svg")
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert svg.count('data-key="c:') == claims


PINCH = """() => {
    const svg = document.getElementById('canvas'), box = svg.getBoundingClientRect();
    const at = (id, x, y) => ({pointerId: id, clientX: box.left + x, clientY: box.top + y, bubbles: true});
    svg.dispatchEvent(new PointerEvent('pointerdown', at(1, 300, 300)));
    svg.dispatchEvent(new PointerEvent('pointerdown', at(2, 400, 300)));
    svg.dispatchEvent(new PointerEvent('pointermove', at(2, 500, 300)));
    svg.dispatchEvent(new PointerEvent('pointerup', at(2, 500, 300)));
    svg.dispatchEvent(new PointerEvent('pointerup', at(1, 300, 300)));
}"""


def test_pinch_zooms_and_slash_goes_to_search(view):
    page = view(page_html())
    before = page.evaluate("() => window.argmapView.view().k")
    page.evaluate(PINCH)  # two fingers moving apart to twice their distance
    assert page.evaluate("() => window.argmapView.view().k") == pytest.approx(before * 2)
    page.focus('[data-key="c:t"]')
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "search"
