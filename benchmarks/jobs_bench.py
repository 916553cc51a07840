"""Time ``argmap check FOLDER`` with ``--jobs 1`` against ``--jobs N`` on a folder of many small maps.

    python benchmarks/jobs_bench.py                 # 2,000 maps of 20-40 claims, 5 runs each
    python benchmarks/jobs_bench.py --maps 500 --runs 3 --folder /tmp/argmap-jobs

The maps are generated once (``benchmarks/generate.py``, seeds 0..N-1) into the folder. Runs
alternate between the two settings, so that a machine that slows down for a while slows both; the
table gives the median and the best wall time of each, their ratios, and whether the target is
met: with two cores or more, at most 0.6 times the single-job time. On a machine that others share,
the best of several runs is the nearest to what an idle machine gives. The reports of both settings must be equal,
byte for byte, in every format; the script checks that too.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # the generator sits next to this script

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.6


def make_folder(folder: Path, count: int) -> None:
    """``count`` maps of 20 to 40 claims, written once (an existing complete folder is reused)."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.yaml"))) == count:
        return
    rng = random.Random(0)
    for number in range(count):
        (folder / f"map-{number:05d}.yaml").write_text(generate(rng.randint(20, 40), number), encoding="utf-8")


def run(folder: Path, jobs: int, *options: str) -> tuple[float, bytes, int]:
    command = [sys.executable, "-m", "argmap", "check", str(folder), "--jobs", str(jobs), *options]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start, done.stdout, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/argmap-jobs-bench"))
    args = parser.parse_args()
    make_folder(args.folder, args.maps)
    for fmt in ("text", "json", "github", "sarif"):
        one, many = run(args.folder, 1, "-f", fmt), run(args.folder, args.jobs, "-f", fmt)
        assert one[1:] == many[1:], f"--format {fmt}: the report or exit code differs with --jobs {args.jobs}"
    times: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.runs):
        for jobs in times:
            times[jobs].append(run(args.folder, jobs)[0])
    print(f"{args.maps} maps of 20-40 claims, {os.cpu_count()} cores, {args.runs} alternating runs each")
    for jobs, runs in times.items():
        listed = ", ".join(f"{t:.2f}" for t in runs)
        print(f"--jobs {jobs}: median {statistics.median(runs):.2f} s, best {min(runs):.2f} s  (runs: {listed})")
    for name, pick in (("median", statistics.median), ("best", min)):
        ratio = pick(times[args.jobs]) / pick(times[1])
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(f"ratio of the {name}s: {ratio:.2f} (target: at most {TARGET} with 2 cores or more): {verdict}")


if __name__ == "__main__":
    main()
