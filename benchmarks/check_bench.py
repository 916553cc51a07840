"""Time ``argmap check`` on generated maps of growing size, and its start-up against yamllint's.

    pip install -e '.[bench]'
    python benchmarks/check_bench.py            # 100 ... 100,000 claims, 5 runs each
    python benchmarks/check_bench.py --quick    # 100 ... 10,000 claims, 3 runs each

Each command runs in its own process, as a user runs it; the table gives the median wall time and
the largest peak memory (resident set size) over the runs, then whether the targets are met:
100,000 claims in under 3 s and 1 GiB, time growing linearly (100k / 10k under 12), and
``argmap check`` on the seed map within 1.5 times ``yamllint`` on the same file.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "maps" / "bandow-iraq.yaml"
#: ``argmap`` that reads every map with PyYAML: "auto" reads maps below this size with PyYAML.
PYYAML_ONLY = (
    "import runpy, sys; from argmap.reading import loader; loader.FAST_READER_MIN_CHARS = sys.maxsize; "
    "sys.argv[0] = 'argmap'; runpy.run_module('argmap', run_name='__main__')"
)


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MiB of one run of ``command`` (in ``env`` if given)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)  # this child's own peak memory, in KiB on Linux
    process.returncode = 0  # reaped above; keeps Popen from waiting again
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def measure(command: list[str], runs: int) -> tuple[float, int]:
    run(command)  # warm the file cache and the bytecode cache
    results = [run(command) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return f"{os.cpu_count()} cores, {model}, {pages / 2**30:.0f} GiB, Python {platform.python_version()}"


def random_read_ns() -> float:
    """Nanoseconds per read of a Python object in random order, 1,000,000 of them (the best of three).

    Checking a large map is bound by memory more than by the processor: it walks hundreds of MB of
    objects. On a machine shared with other jobs, memory is sometimes far slower than at other
    times (about 1 µs per read in the slow hours seen here), and every figure in the table changes
    with it: compare tables made at about the same reading.
    """
    order = list(range(1_000_000))
    random.Random(1).shuffle(order)
    objects = [(i,) for i in range(1_000_000)]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in order:
            total += objects[i][0]
        best = min(best, time.perf_counter() - start)
    return best * 1e9 / len(order)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="stop at 10,000 claims, 3 runs each")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 5, or 3 with --quick)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    sizes = (100, 1_000, 10_000) if args.quick else (100, 1_000, 10_000, 100_000)
    argmap = [sys.executable, "-m", "argmap"]
    rows = []
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"map-{size}.yaml"
            with path.open("w", encoding="utf-8") as out:  # in another process: a child forked from a
                # big benchmark process would count the parent's memory in its own peak
                subprocess.run(
                    [sys.executable, str(Path(__file__).parent / "generate.py"), str(size)], stdout=out, check=True
                )
            for reader in ("auto", "pyyaml") if size >= 10_000 else ("auto",):
                command = argmap if reader == "auto" else [sys.executable, "-c", PYYAML_ONLY]
                seconds, mib = measure([*command, "check", "--format", "json", str(path)], runs)
                name = f"`argmap check --format json`, {size:,} claims" + (
                    ", PyYAML only" if reader == "pyyaml" else ""
                )
                rows.append((name, f"{path.stat().st_size / 1e6:.2f} MB", seconds, mib))
                if reader == "auto":
                    times[f"check {size}"] = seconds
    seed = SEED_MAP if SEED_MAP.exists() else next(iter(sorted((ROOT / "maps").glob("*.yaml"))))
    startup = [
        ("`python -c pass`", [sys.executable, "-c", "pass"]),
        (f"`argmap check {seed.relative_to(ROOT)}`", [*argmap, "check", str(seed)]),
        (f"`argmap check --format json {seed.relative_to(ROOT)}`", [*argmap, "check", "--format", "json", str(seed)]),
    ]
    yamllint = shutil.which("yamllint")
    if yamllint:
        startup.append((f"`yamllint {seed.relative_to(ROOT)}`", [yamllint, str(seed)]))
    for name, command in startup:
        seconds, mib = measure(command, max(runs, 5))
        rows.append((name, f"{seed.stat().st_size / 1e3:.0f} kB", seconds, mib))
        times[name] = seconds
    print(f"Machine: {machine()}; median of {runs} runs (start-up: {max(runs, 5)}).")
    print(f"Its memory now: {random_read_ns():.0f} ns per random read of an object (see random_read_ns).\n")
    print("| command | input | time (s) | peak memory (MiB) |")
    print("| --- | --- | ---: | ---: |")
    for name, size, seconds, mib in rows:
        print(f"| {name} | {size} | {seconds:.2f} | {mib} |")
    print()
    if "check 100000" in times:
        big = next(r for r in rows if r[0].endswith("100,000 claims"))
        print(f"- 100,000 claims under 3 s: {'yes' if big[2] < 3 else 'no'} ({big[2]:.2f} s)")
        print(f"- 100,000 claims under 1 GiB: {'yes' if big[3] < 1024 else 'no'} ({big[3]} MiB)")
        ratio = times["check 100000"] / times["check 10000"]
        print(f"- 100k / 10k time under 12: {'yes' if ratio < 12 else 'no'} ({ratio:.1f})")
    lint = next((t for n, t in times.items() if n.startswith("`yamllint")), None)
    ours = times[startup[1][0]]
    if lint:
        print(f"- seed map within 1.5x of yamllint: {'yes' if ours <= 1.5 * lint else 'no'} ({ours / lint:.2f}x)")
    else:
        print("- yamllint is not installed (pip install -e '.[bench]'): no start-up comparison")


if __name__ == "__main__":
    main()
