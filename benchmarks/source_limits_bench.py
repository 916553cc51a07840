"""What a source text costs to prepare for quote checking, by size, and what a refused one costs.

MAX_SOURCE_BYTES (argmap/limits.py) is set from these figures: preparing a text takes time and
memory in proportion to its size, so the limit bounds both; a text above it (the review's 50 MB
text, 1 GiB sparse file) is refused by its size before a byte is read. Run::

    python benchmarks/source_limits_bench.py

Each size is prepared in a process of its own, so that its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES_MIB = (1, 2, 4, 8)  # 4 MiB is MAX_SOURCE_BYTES; 8 MiB, what it keeps out

_PREPARE = """
import json, random, resource, sys, time
from argmap.sources import quotes
rng = random.Random(1)
words = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
text = " ".join(rng.choice(words) for _ in range(int(sys.argv[1]) * 1048576 // 6))
started = time.perf_counter()
prepared = quotes.prepare(text)
quotes.closest("zzz " + words[3] + " " + words[9], prepared)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def prepare_cost(mib: int) -> dict[str, float]:
    """Seconds to prepare (and search once) a text of ``mib`` MiB, and the process's peak memory."""
    done = subprocess.run([sys.executable, "-c", _PREPARE, str(mib)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def refusal_seconds(size: int) -> float:
    """Seconds for ``argmap.check`` on a map whose source is a sparse file of ``size`` bytes."""
    import argmap

    with tempfile.TemporaryDirectory() as folder:
        with open(Path(folder) / "big.txt", "wb") as handle:
            handle.truncate(size)
        text = "sources:\n  s: {author: X, file: big.txt}\nthesis:\n  claim: T\n  evidence:\n"
        text += "    - quote: not in it\n      source: s\n"
        started = time.perf_counter()
        problems = argmap.check(argmap.loads(text, Path(folder) / "m.yaml"))
        seconds = time.perf_counter() - started
    assert [p.rule for p in problems] == ["unreadable-source-file"], problems
    return seconds


def main() -> int:
    refusal_seconds(64 << 20)  # the first check imports the rules: not part of a refusal
    print("| text | prepare and one search (s) | peak memory (MiB) |")
    print("| ---: | ---: | ---: |")
    for mib in SIZES_MIB:
        cost = prepare_cost(mib)
        print(f"| {mib} MiB | {cost['seconds']:.2f} | {cost['max_rss_mib']:.0f} |")
    for label, size in (("50 MB", 50_000_000), ("1 GiB sparse", 1 << 30)):
        print(f"refused: {label} in {refusal_seconds(size) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
