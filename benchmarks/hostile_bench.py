"""Time and memory of argmap on hostile maps that once took minutes or gigabytes (issue 10, class 5).

    python benchmarks/hostile_bench.py                  # each case at the size that hurt and at ten times it
    python benchmarks/hostile_bench.py --quick          # only the size that hurt
    python benchmarks/hostile_bench.py --project ../main --timeout 60   # another checkout, for "before"

Each case is one command run as its own process on generated input (the input is written to a
temporary folder); the table gives its wall-clock time and peak memory (the child's maxrss), or
``> TIMEOUT`` if it was stopped. Exit 1 if a case at ten times its size takes 2 s or more.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUDGET_SECONDS = 2.0
SIX = "one two three four five six".split()


def shared_id(size: int, folder: Path) -> list[str]:
    """``size`` claims that all have the id ``a`` (uids a, a~2, a~3, ...)."""
    claims = "".join(f"    - id: a\n      claim: c{i}\n" for i in range(size))
    return ["check", "--format", "json", _write(folder / "map.yaml", f"thesis:\n  claim: T\n  premises:\n{claims}")]


def unknown_refs(size: int, folder: Path) -> list[str]:
    """``size`` claims, each with a ref that names no claim (each wants a "did you mean")."""
    claims = "".join(
        f"    - id: claim{i}\n      claim: c{i}\n      premises:\n        - ref: missing{i}x\n" for i in range(size)
    )
    return ["check", "--format", "json", _write(folder / "map.yaml", f"thesis:\n  claim: T\n  premises:\n{claims}")]


def _quote_map(folder: Path, quote: str, text: str, name: str = "text.txt") -> str:
    _write(folder / name, text)
    body = (
        f"sources:\n  s: {{file: {name}}}\nthesis:\n  claim: T\n  evidence:\n    - quote: '{quote}'\n      source: s\n"
    )
    return _write(folder / "map.yaml", body)


def repetitive_quote(size: int, folder: Path) -> list[str]:
    """A quote of ``size`` words against a text of as many, both of six words repeated."""
    text = " ".join(SIX[i % 6] for i in range(size))
    quote = " ".join(SIX[i * 5 % 6] for i in range(size))
    return ["check", "--format", "json", _quote_map(folder, quote, text)]


def ellipsis_quote(size: int, folder: Path) -> list[str]:
    """A quote of ``a. . . .`` ``size`` times against ``size`` * 500 characters of ``a a a``."""
    return ["check", "--format", "json", _quote_map(folder, "a. . . ." * size, "a " * (size * 250))]


def open_tags(size: int, folder: Path) -> list[str]:
    """An HTML source text of ``<a`` ``size`` times (a tag left open at every step)."""
    return ["check", "--format", "json", _quote_map(folder, "a quote", "<a" * size, "text.html")]


def big_png(size: int, folder: Path) -> list[str]:
    """A PNG of ``size`` claims (the generated benchmark map) with the pure engine."""
    generate = Path(__file__).with_name("generate.py")
    text = subprocess.run([sys.executable, str(generate), str(size)], capture_output=True, text=True, check=True).stdout
    out = str(folder / "map.png")
    return ["render", _write(folder / "map.yaml", text), "--format", "png", "--engine", "pure", "-o", out]


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


#: (what, make the command, the size that hurt).
CASES: list[tuple[str, Callable[[int, Path], list[str]], int]] = [
    ("claims sharing one id", shared_id, 16_000),
    ("unknown refs", unknown_refs, 8_000),
    ("closest passage, six repeated words (quote words)", repetitive_quote, 7_000),
    ("closest passage, `a. . . .` quote (repeats)", ellipsis_quote, 2_000),
    ("HTML source text, `<a` repeated", open_tags, 100_000),
    ("PNG with the pure engine (claims)", big_png, 5_000),
]


def measure(project: Path, args: list[str], timeout: float) -> tuple[float | None, float | None, str]:
    """Seconds, peak MiB (``None`` if stopped) and the last line of stderr of ``argmap ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "argmap", *args], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        # os.wait4, not Popen.wait: it gives this child's own peak memory.
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                child.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > timeout:
                child.kill()
                child.wait()
                return None, None, ""
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        stderr.seek(0)
        lines = stderr.read().decode("utf-8", "replace").strip().splitlines()
    return seconds, usage.ru_maxrss / 1024, (lines[-2:-1] or lines[-1:] or [""])[0][:110]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--quick", action="store_true", help="only the size that hurt")
    options = parser.parse_args()
    over = False
    print("| case | size | time (s) | peak memory (MiB) | stderr |")
    print("| --- | ---: | ---: | ---: | --- |")
    for what, make, hurt in CASES:
        for size in (hurt,) if options.quick else (hurt, hurt * 10):
            with tempfile.TemporaryDirectory() as folder:
                seconds, peak, last = measure(options.project.resolve(), make(size, Path(folder)), options.timeout)
            shown = f"> {options.timeout:g}" if seconds is None else f"{seconds:.2f}"
            memory = "" if peak is None else f"{peak:.0f}"
            print(f"| {what} | {size:,} | {shown} | {memory} | {last} |", flush=True)
            over = over or (size > hurt and (seconds is None or seconds >= BUDGET_SECONDS))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
