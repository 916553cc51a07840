"""Time two source trees of argmap against each other, in runs that alternate between them.

    git -C /work/main worktree add /tmp/base 4cb61cc     # the tree before, once
    python benchmarks/compare.py                          # /tmp/base against this tree, 10 rounds
    python benchmarks/compare.py --base OLD --new NEW --rounds 20

Two commands, each a whole process as a user runs it: ``argmap check --format json`` on a generated
100,000-claim map, and the start-up, ``argmap check maps/bandow-iraq.yaml``. Each round runs the
check once and the start-up five times in each tree, the two trees in turn (which goes first
alternates), so that the machine's changing speed (see benchmarks/README.md) falls on both
alike. Both trees run with the same Python, each from its own folder with PYTHONPATH set to it.
The table gives the median and the range of each, the change between the medians, and the median of the changes within
a pair (the two runs of a pair are seconds apart, so it is the figure least moved by the
machine's load). The new tree passes if both changes are at most 5%; exit 1 if not, or if the two
trees' output differs. Before the runs it reads the memory's speed (``check_bench.random_read_ns``):
compare tables made at about the same reading.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from check_bench import machine, random_read_ns, run

ROOT = Path(__file__).resolve().parent.parent
BASE = Path("/tmp/base")
SEED_MAP = "maps/bandow-iraq.yaml"
TOLERANCE = 0.05  # the limit: no more than 5% slower
# The start-up takes a tenth of a second, so a moment's load on a shared machine moves it by half:
# it runs this many times per round (in each tree, in turn), the 100,000-claim check once.
STARTUP_PAIRS = 5


def tree_env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def imports_from(tree: Path, python: str) -> Path:
    """The argmap package the Python imports in ``tree``'s set-up: it must be the tree's own."""
    result = subprocess.run(
        [python, "-c", "import argmap; print(argmap.__file__)"],
        cwd=tree,
        env=tree_env(tree),
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.strip()).resolve().parent.parent


def output_digest(command: list[str], tree: Path) -> tuple[int, str]:
    """Exit code and a digest of the output, to show that both trees give the same result."""
    result = subprocess.run(command, cwd=tree, env=tree_env(tree), capture_output=True, check=False)
    return result.returncode, hashlib.sha256(result.stdout).hexdigest()


def timed(command: list[str], tree: Path) -> float:
    cwd = Path.cwd()
    os.chdir(tree)  # run() starts the command in the current folder, as a user in the tree would
    try:
        return run(command, tree_env(tree))[0]
    finally:
        os.chdir(cwd)


def spread(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} ({min(times):.2f}-{max(times):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, default=BASE, help=f"the tree before (default {BASE})")
    parser.add_argument("--new", type=Path, default=ROOT, help="the tree after (default: this one)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of alternating runs (default 10)")
    parser.add_argument("--claims", type=int, default=100_000, help="size of the generated map (default 100,000)")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs both (default: this one)")
    parser.add_argument(
        "--no-memory-reading", action="store_true", help="skip reading the memory's speed (some seconds)"
    )
    args = parser.parse_args()
    trees = {"before": args.base.resolve(), "after": args.new.resolve()}
    for name, tree in trees.items():
        if not (tree / "argmap" / "__init__.py").is_file():
            print(f"compare.py: {tree} ({name}) is not an argmap source tree", file=sys.stderr)
            print("  create the default one with: git -C /work/main worktree add /tmp/base 4cb61cc", file=sys.stderr)
            return 2
        found = imports_from(tree, args.python)
        if found != tree:
            print(f"compare.py: with PYTHONPATH={tree}, {args.python} imports argmap from {found}", file=sys.stderr)
            return 2

    with tempfile.TemporaryDirectory() as folder:
        big_map = Path(folder) / f"map-{args.claims}.yaml"
        with big_map.open("w", encoding="utf-8") as out:
            generator = ROOT / "benchmarks" / "generate.py"
            subprocess.run([args.python, str(generator), str(args.claims)], stdout=out, check=True)
        argmap = [args.python, "-m", "argmap"]
        big = f"`argmap check --format json`, {args.claims:,} claims"
        startup = f"`argmap check {SEED_MAP}` (start-up)"
        commands = {big: [*argmap, "check", "--format", "json", str(big_map)], startup: [*argmap, "check", SEED_MAP]}
        pairs = {big: 1, startup: STARTUP_PAIRS}
        same = {}
        for label, command in commands.items():  # also the warm-up: file cache, bytecode caches
            results = {output_digest(command, tree) for tree in trees.values()}
            same[label] = len(results) == 1
        times: dict[tuple[str, str], list[float]] = {(label, name): [] for label in commands for name in trees}
        memory = None if args.no_memory_reading else random_read_ns()
        for round_ in range(args.rounds):
            for label, command in commands.items():
                for pair in range(pairs[label]):
                    order = list(trees.items())
                    if (round_ + pair) % 2:
                        order.reverse()
                    for name, tree in order:
                        times[label, name].append(timed(command, tree))

    print(f"Machine: {machine()}.")
    reading = "" if memory is None else f"; memory: {memory:.0f} ns per random read of an object (see check_bench.py)"
    print(
        f"{args.rounds} rounds, each running the check once and the start-up {STARTUP_PAIRS} times in each tree, "
        f"the two trees in turn, alternating which goes first{reading}."
    )
    print(f"Before: {trees['before']}; after: {trees['after']}.\n")
    print(
        "| command | before (s): median (min-max) | after (s): median (min-max) | change "
        "| change within a pair (median) | same output |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    slower = []
    for label in commands:
        before, after = times[label, "before"], times[label, "after"]
        change = statistics.median(after) / statistics.median(before) - 1
        paired = statistics.median(new / old for old, new in zip(before, after, strict=True)) - 1
        if change > TOLERANCE or paired > TOLERANCE:
            slower.append(label)
        print(
            f"| {label} | {spread(before)} | {spread(after)} | {change:+.1%} | {paired:+.1%} "
            f"| {'yes' if same[label] else 'NO'} |"
        )
    print()
    print(f"- at most {TOLERANCE:.0%} slower: {'no: ' + ', '.join(slower) if slower else 'yes'}")
    return 1 if slower or not all(same.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
