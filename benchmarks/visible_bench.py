"""What showing map text harmlessly costs the reports (issue 10, class 4).

    python benchmarks/visible_bench.py                  # a generated map of 100,000 claims
    python benchmarks/visible_bench.py --claims 10000 --rounds 9
    python benchmarks/visible_bench.py --non-ascii     # claims with curly quotes and dashes

Checks one generated map, then builds each report from the same results, in turns: with
:mod:`argmap.visible` as it is, and with ``visible`` and ``harmless_json`` replaced by functions that
return their text (the reports as they were before). Prints the best time of each (other work on
the machine only adds to a time) and the difference; the garbage collector is off, as in argmap.
The show tree is drawn by rich, which takes most of its time; it is timed on a map a tenth of the
size.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from argmap.cli.output import as_text
from argmap.config import Settings
from argmap.files import check_paths
from argmap.formats import render
from argmap.formats.tree import tree
from argmap.problems import FileResult

#: Each module that escapes, and the escaping function it uses.
USERS = {
    "argmap.formats.text": "visible",
    "argmap.formats.github": "visible",
    "argmap.formats.tree": "visible",
    "argmap.formats.json_format": "harmless_json",
    "argmap.formats.sarif": "harmless_json",
}


def results_of(claims: int, folder: Path, non_ascii: bool) -> list[FileResult]:
    path = folder / f"map-{claims}.yaml"
    text = generate(claims)
    if non_ascii:  # every claim and every message quoting one: reports that are not ASCII
        text = text.replace(" affects ", " affects — “in part” — ")
    path.write_text(text, encoding="utf-8")
    return check_paths([path], Settings(), keep_maps=True, jobs=1)


def escaping(on: bool) -> None:
    """Put the real escaping functions in place, or functions that return their text."""
    import argmap.visible

    for module, name in USERS.items():
        setattr(import_module(module), name, getattr(argmap.visible, name) if on else _as_it_is)


def _as_it_is(text: str) -> str:
    return text


def best_times(build: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Best seconds of ``build`` with escaping and without, alternating which runs first."""
    times: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(rounds):
        for on in (True, False) if round_ % 2 else (False, True):
            escaping(on)
            start = time.perf_counter()
            build()
            times[on].append(time.perf_counter() - start)
    escaping(True)
    return min(times[True]), min(times[False])


def main() -> None:
    gc.disable()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--non-ascii", action="store_true", help="claims with curly quotes and dashes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = results_of(args.claims, Path(folder), args.non_ascii)
        small = results_of(max(args.claims // 10, 1), Path(folder), args.non_ascii)
    problems = sum(len(result.problems) for result in results)
    kind = "not ASCII" if args.non_ascii else "ASCII"
    print(f"{args.claims:,} claims ({kind}), {problems:,} problems; best of {args.rounds} rounds\n")
    print("| report | escaped (s) | as it is (s) | cost |")
    print("| --- | ---: | ---: | ---: |")
    builds: dict[str, Callable[[], object]] = {
        f"check text, {args.claims:,} claims": lambda: as_text(render("text", results), "never"),
        f"check --format json, {args.claims:,} claims": lambda: render("json", results),
        f"check --format github, {args.claims:,} claims": lambda: render("github", results),
        f"check --format sarif, {args.claims:,} claims": lambda: render("sarif", results),
        f"show, {max(args.claims // 10, 1):,} claims": lambda: as_text(
            tree(small[0].argmap, small[0].problems),
            "never",  # type: ignore[arg-type]
        ),
    }
    for label, build in builds.items():
        escaped, plain = best_times(build, args.rounds)
        print(f"| {label} | {escaped:.3f} | {plain:.3f} | {escaped / plain - 1:+.1%} |")


if __name__ == "__main__":
    main()
