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
