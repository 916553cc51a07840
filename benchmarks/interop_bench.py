"""How long converting to and from other formats takes: a generated map each way, and the AIF corpus in.

    python benchmarks/interop_bench.py            # a 10,000-claim map, AIF and Argdown; the 100 AIF files
    python benchmarks/interop_bench.py 100000

The map comes from ``benchmarks/generate.py``; it is loaded once, then written in each format and
read back (``argmap.interop.write`` and ``read``, in-process, the text in memory). The corpus row
reads every file of ``../shared/corpora/araucaria-aif`` in one process (skipped when absent). Each
time is the best of three runs; the table is Markdown, for benchmarks/README.md.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

import argmap
from argmap.interop import read, read_file, write

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "araucaria-aif"
FORMATS = ("aif", "argdown")


def best_of_three(work: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print("| conversion | input | time (s) |")
    print("| --- | --- | ---: |")
    for size in sizes:
        m = argmap.loads(generate(size), "bench.yaml")
        for fmt in FORMATS:
            try:
                text = write(m, fmt).text
            except (ImportError, ValueError):  # a format this checkout does not have yet
                continue
            path = Path(f"bench.{'json' if fmt == 'aif' else fmt}")
            written = best_of_three(lambda m=m, fmt=fmt: write(m, fmt))
            back = best_of_three(lambda fmt=fmt, text=text, path=path: read(text, path, fmt))
            mb = len(text.encode()) / 1e6
            print(f"| argmap -> {fmt} | {len(m.claims):,} claims | {written:.2f} |")
            print(f"| {fmt} -> argmap | {len(m.claims):,} claims, {mb:.1f} MB | {back:.2f} |")
    files = sorted(CORPUS.glob("*.json"))
    if files:
        corpus = best_of_three(lambda: [read_file(path) for path in files])
        print(f"| AIF corpus -> argmap | {len(files)} AraucariaDB files, one process | {corpus:.2f} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000])
