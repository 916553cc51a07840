"""A served page in Chromium follows the file: an edit shows within a second, keeping the selected
claim, the zoom and the folded branches; broken YAML shows a banner over the last good diagram.

It needs Chromium and Playwright, as tests/test_browser.py (whose launch it reuses), and skips
without them unless ``ARGMAP_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import time

from tests.serve.live_server import serving
from tests.test_browser import READY, browser, wait_until  # noqa: F401 - the fixture, launched as that module does

#: Thesis t, its premise a, whose premise b is folded away in the test.
MAP = """thesis:
  id: t
  claim: Bikes belong on Main Street
  premises:
    - id: a
      claim: Lanes are safe
      premises:
        - id: b
          claim: Crashes fell where lanes were built
"""
EDITED = "Lanes cut crashes"
STATE = "() => ({selected: argmapView.selected(), view: argmapView.view(), folded: argmapView.folded()})"


def test_a_saved_edit_updates_the_open_page_keeping_selection_zoom_and_folds(browser, tmp_path):  # noqa: F811
    folder = tmp_path / "maps"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text(MAP, encoding="utf-8")
    errors: list[str] = []
    with serving(folder) as server:
        page = browser.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(server.url + "map/a.yaml")
            wait_until(page, READY)
            page.click("#zoom-in")
            page.evaluate("() => { argmapView.fold('a'); argmapView.select('a'); }")
            assert page.locator("#panel-body").inner_text().count("Lanes are safe") >= 1
            before = page.evaluate(STATE)
            assert before["selected"] == "a" and before["folded"] == ["a"]

            path.write_text(MAP.replace("Lanes are safe", EDITED), encoding="utf-8")
            saved = time.monotonic()
            wait_until(page, f"() => document.getElementById('panel-body').textContent.includes({EDITED!r})")
            latency = time.monotonic() - saved
            assert page.evaluate(STATE) == before
            assert "Lanes are safe" not in page.locator("#canvas").text_content()

            path.write_text("thesis:\n  claim: [unclosed\n", encoding="utf-8")
            page.wait_for_selector("#banner", state="visible")
            assert "a.yaml:" in page.locator("#banner").inner_text()
            assert EDITED in page.locator("#canvas").text_content()  # the last good diagram stays
            assert page.evaluate(STATE) == before

            path.write_text(MAP, encoding="utf-8")
            page.wait_for_selector("#banner", state="hidden")
            assert "Lanes are safe" in page.locator("#panel-body").inner_text()
            assert page.evaluate(STATE) == before
        finally:
            page.close()
    assert latency < 1.0, f"the page showed the edit {latency:.2f} s after the save"
    assert errors == []


#: Make the page believe it was hidden (HIDDEN true) or shown again, as a switch of tabs does.
VISIBILITY = """() => {
  Object.defineProperty(document, "hidden", {value: HIDDEN, configurable: true});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_the_open_index_lists_a_map_saved_after_it_opened(browser, tmp_path):  # noqa: F811
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "a.yaml").write_text(MAP, encoding="utf-8")
    errors: list[str] = []
    with serving(folder) as server:
        page = browser.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(server.url)
            assert page.locator('a[href="/map/a.yaml"]').count() == 1
            page.wait_for_timeout(300)  # the stream is open
            (folder / "b.yaml").write_text(MAP, encoding="utf-8")
            saved = time.monotonic()
            page.wait_for_selector('a[href="/map/b.yaml"]', timeout=5000)
            latency = time.monotonic() - saved
            (folder / "a.yaml").unlink()
            page.wait_for_selector('a[href="/map/a.yaml"]', state="detached", timeout=5000)

            # A hidden tab closes its stream (a browser allows six connections to one server) and
            # catches up when shown again.
            page.evaluate(VISIBILITY.replace("HIDDEN", "true"))
            (folder / "c.yaml").write_text(MAP, encoding="utf-8")
            page.wait_for_timeout(1000)
            assert page.locator('a[href="/map/c.yaml"]').count() == 0
            page.evaluate(VISIBILITY.replace("HIDDEN", "false"))
            page.wait_for_selector('a[href="/map/c.yaml"]', timeout=5000)
        finally:
            page.close()
    assert latency < 1.0, f"the index showed the new map {latency:.2f} s after the save"
    assert errors == []


def test_a_hidden_map_page_lets_its_stream_go_and_shows_the_map_as_it_is_when_shown(browser, tmp_path):  # noqa: F811
    folder = tmp_path / "maps"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text(MAP, encoding="utf-8")
    errors: list[str] = []
    with serving(folder) as server:
        page = browser.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(server.url + "map/a.yaml")
            wait_until(page, READY)
            page.click("#zoom-in")
            page.evaluate("() => { argmapView.fold('a'); argmapView.select('a'); }")
            before = page.evaluate(STATE)
            page.evaluate(VISIBILITY.replace("HIDDEN", "true"))
            path.write_text(MAP.replace("Lanes are safe", EDITED), encoding="utf-8")
            page.wait_for_timeout(1000)
            assert EDITED not in page.locator("#panel-body").inner_text()  # no stream while hidden
            page.evaluate(VISIBILITY.replace("HIDDEN", "false"))
            wait_until(page, f"() => document.getElementById('panel-body').textContent.includes({EDITED!r})")
            assert page.evaluate(STATE) == before
            path.write_text(MAP, encoding="utf-8")  # and it follows the file again
            wait_until(page, "() => document.getElementById('panel-body').textContent.includes('Lanes are safe')")
        finally:
            page.close()
    assert errors == []
