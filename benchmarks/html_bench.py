"""Time the interactive page (``argmap render -f html``) in headless Chromium driven by Playwright.

    python benchmarks/html_bench.py            # prints the table; exit 1 if over budget

For generated maps of 100, 1,000 and 5,000 claims: the page's size; the time from opening the file
until the map is drawn and the page answers input (navigation start to the first frame painted
after the view's start-up, ``argmapView.paintedAt``; a map of more than 150 claims opens folded
to a readable depth); the time to unfold every branch; and then the time to fold, then unfold,
the largest branch below the thesis, each from the click until the next frame is painted. Each figure is the
median of three page loads. Chromium is ``/usr/bin/chromium`` (or ``ARGMAP_CHROMIUM``), with the
flags of tests/test_browser.py.

Budget (issue 12): 1,000 claims interactive within 1.5 s, 5,000 within 4 s; folding or unfolding a
branch of a 1,000-claim map within 100 ms.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generate import generate

SIZES = (100, 1000, 5000)
OPEN_BUDGET = {1000: 1.5, 5000: 4.0}
FOLD_BUDGET = {1000: 0.1}
RUNS = 3

#: Unfolds every branch (a big map opens folded), then folds the thesis's largest branch and unfolds
#: it again; each time until the next frame is painted.
FOLD = """async () => {
    const data = JSON.parse(document.getElementById('argmap-data').textContent);
    const thesis = data.claims[data.roots[0]];
    const size = uid => 1 + data.claims[uid].children.filter(c => !c.ref).reduce((n, c) => n + size(c.uid), 0);
    const branch = thesis.children.filter(c => !c.ref).map(c => c.uid).sort((a, b) => size(b) - size(a))[0];
    const painted = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    const times = [];
    let start = performance.now();
    document.getElementById('expand-all').click();
    await painted();
    times.push(performance.now() - start);
    for (const folded of [true, false]) {
        start = performance.now();
        window.argmapView.fold(branch, folded);
        await painted();
        times.push(performance.now() - start);
    }
    return {expand: times[0], fold: times[1], unfold: times[2], claims: size(branch)};
}"""


def page_for(size: int, folder: Path) -> Path:
    import argmap
    from argmap.diagram import RenderOptions, render

    source = folder / f"map-{size}.yaml"
    source.write_text(generate(size), encoding="utf-8")
    page = folder / f"map-{size}.html"
    page.write_bytes(render(argmap.load(source), RenderOptions(format="html")))
    return page


def measure(browser, page_path: Path) -> tuple[float, dict[str, float]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.argmapView && window.argmapView.paintedAt", timeout=60_000)
    opened = page.evaluate("() => window.argmapView.paintedAt") / 1000
    fold = page.evaluate(FOLD)
    page.close()
    if errors:
        raise SystemExit(f"{page_path}: {errors}")
    return opened, fold


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM_FLAGS

    executable = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    over = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        print(
            f"{'claims':>7} {'page (kB)':>10} {'interactive (s)':>16} {'expand all (ms)':>16} {'fold (ms)':>10} "
            f"{'unfold (ms)':>12} {'branch':>7}"
        )
        for size in SIZES:
            page = page_for(size, Path(folder))
            runs = [measure(browser, page) for _ in range(RUNS)]
            opened = statistics.median(run[0] for run in runs)
            expand = statistics.median(run[1]["expand"] for run in runs)
            fold = statistics.median(run[1]["fold"] for run in runs)
            unfold = statistics.median(run[1]["unfold"] for run in runs)
            branch = runs[0][1]["claims"]
            kilobytes = page.stat().st_size / 1000
            figures = f"{opened:>16.2f} {expand:>16.0f} {fold:>10.0f} {unfold:>12.0f}"
            print(f"{size:>7} {kilobytes:>10.0f} {figures} {branch:>7}")
            if opened > OPEN_BUDGET.get(size, float("inf")):
                over.append(f"{size} claims interactive in {opened:.2f} s (budget {OPEN_BUDGET[size]} s)")
            if max(fold, unfold) / 1000 > FOLD_BUDGET.get(size, float("inf")):
                over.append(f"{size} claims: fold {fold:.0f} ms, unfold {unfold:.0f} ms (budget 100 ms)")
        browser.close()
    for line in over:
        print("over budget:", line)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
