"""Time ``argmap render`` on generated maps of 100, 1,000 and 5,000 claims, with each engine.

    python benchmarks/render_bench.py            # prints the table; exit 1 if over budget
    python benchmarks/render_bench.py --stages   # also where the time goes, stage by stage

Each figure is the wall-clock time of the whole command, ``argmap render MAP -o OUT.svg --engine
E``, as a user would run it (Python start-up included), the median of three runs. The system
engine (Graphviz ``dot``) is timed only where it is installed.

Budget: 1,000 claims in under 2 s, and 5,000 claims in under 3.8 s, five times faster than
Argdown's command line (19 s for 5,000 claims on a 2-core machine).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

SIZES = (100, 1000, 5000, 10000)
BUDGET_SECONDS = {1000: 2.0, 5000: 3.8}
RUNS = 3


def time_command(command: list[str]) -> tuple[float, float]:
    """Median wall-clock seconds over RUNS runs, and the peak memory (MiB) of the command and its children."""
    times, peaks = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # wait4's usage covers the child and the descendants it waited for: the layout program too.
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
        process.stderr.close()
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def stages(path: Path) -> str:
    """Seconds spent loading, checking, building the DOT text and laying it out, in one process."""
    import argmap
    from argmap.diagram import RenderOptions, dot_source, engine

    start = time.perf_counter()
    m = argmap.load(path)
    loaded = time.perf_counter()
    problems = argmap.check(m)
    checked = time.perf_counter()
    source = dot_source(m, RenderOptions(), problems)
    built = time.perf_counter()
    engine.run(engine.find("pure"), source, "svg", timeout=600)
    laid_out = time.perf_counter()
    parts = zip(
        ("load", "check", "dot", "layout"),
        (start, loaded, checked, built),
        (loaded, checked, built, laid_out),
        strict=True,
    )
    return "  ".join(f"{name} {end - begin:.2f}" for name, begin, end in parts)


def main() -> int:
    engines = ["pure"] + (["system"] if shutil.which("dot") else [])
    if "system" not in engines:
        print("(no Graphviz 'dot' installed: the system engine is not timed)")
    over = []
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'claims':>7}  " + "  ".join(f"{name + ' (s, MiB)':>18}" for name in engines))
        for size in SIZES:
            path = Path(folder) / f"map-{size}.yaml"
            path.write_text(generate(size), encoding="utf-8")
            row = []
            for name in engines:
                out = Path(folder) / f"map-{size}-{name}.svg"
                seconds, peak = time_command(
                    [sys.executable, "-m", "argmap", "render", str(path), "-o", str(out), "--engine", name]
                )
                row.append((seconds, peak))
                if seconds > BUDGET_SECONDS.get(size, float("inf")):
                    over.append(f"{size} claims with {name}: {seconds:.2f} s > {BUDGET_SECONDS[size]} s")
            print(f"{size:>7}  " + "  ".join(f"{s:>9.2f} {m:>7.0f}" for s, m in row))
            if "--stages" in sys.argv:
                print(f"         {stages(path)}")
    for line in over:
        print(f"over budget: {line}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
