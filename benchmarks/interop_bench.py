"""How long converting a map to and from Argdown takes, by map size (in-process, the map already loaded).

    python benchmarks/interop_bench.py              # 1,000 and 10,000 claims
    python benchmarks/interop_bench.py 2000 50000

Maps come from ``benchmarks/generate.py`` (premises, linked groups, objections, rebuttals, refs,
evidence). Each time is the best of three runs; the table is Markdown, for benchmarks/README.md.
The target: 10,000 claims each way in under 2 s.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

import argmap
from argmap.interop import read, write


def best_of_three(action: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print("| claims | Argdown (MB) | map -> Argdown (s) | Argdown -> map (s) | map -> YAML (s) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        m = argmap.loads(generate(size), "generated.yaml")
        text = write(m, "argdown").text
        again = read(text, Path("generated.argdown"), "argdown").argmap
        assert len(again.claims) == len(m.claims)
        to_argdown = best_of_three(lambda: write(m, "argdown"))  # noqa: B023 - called at once
        from_argdown = best_of_three(lambda: read(text, Path("generated.argdown"), "argdown"))  # noqa: B023
        to_yaml = best_of_three(lambda: write(m, "yaml"))  # noqa: B023
        megabytes = len(text.encode()) / 1e6
        print(f"| {len(m.claims):,} | {megabytes:.2f} | {to_argdown:.2f} | {from_argdown:.2f} | {to_yaml:.2f} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1_000, 10_000])
