"""How long ``argmap.evaluate`` takes, by map size (loading not counted).

    python benchmarks/eval_bench.py              # 1,000, 10,000 and 100,000 claims
    python benchmarks/eval_bench.py 5000 50000

Maps come from ``benchmarks/generate.py`` (realistic mixes of premises, linked groups,
objections, rebuttals and refs). One more row times the worst shape known for the solver: a
chain of support loops, each settled only once the loop before it is (``loops``). Each time is
the best of three runs; the table is Markdown, for benchmarks/README.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

import argmap


def loops(k: int) -> str:
    """k support loops x<->y; loop j's outside support z is attacked by w, which loop j-1 attacks."""
    lines = ["thesis:", "  id: t", "  claim: T", "  premises:", "    - linked:"]
    for j in range(k):
        item = f"        - {{id: x{j}, claim: X, premises: [{{id: y{j}, claim: Y, premises: [{{ref: x{j}}}]}}"
        if j:
            item += f", {{id: z{j}, claim: Z, assumption: true, objections: [{{id: w{j}, claim: W, assumption: true"
            item += f", objections: [{{ref: x{j - 1}}}]}}]}}"
        lines.append(item + "]}")
    return "\n".join(lines) + "\n"


def best_of_three(m: argmap.ArgumentMap) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        argmap.evaluate(m)
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print("| map | claims | evaluate (best of 3) | per claim |")
    print("|---|---:|---:|---:|")
    rows = [(f"generate.py {n}", generate(n)) for n in sizes] + [("loops 5000", loops(5000))]
    for name, text in rows:
        m = argmap.loads(text)
        seconds = best_of_three(m)
        print(f"| {name} | {len(m.claims):,} | {seconds:.3f} s | {seconds / len(m.claims) * 1e6:.1f} µs |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10_000, 100_000])
