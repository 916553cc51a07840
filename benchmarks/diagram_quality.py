"""How readable the static diagrams are: edge crossings, shape and ink, measured on the laid-out map.

    python benchmarks/diagram_quality.py                           # this tree's code
    python benchmarks/diagram_quality.py --code /tmp/base-diagrams # another tree's (e.g. main's)
    python benchmarks/diagram_quality.py --variants                # also each --refs / --direction

Each diagram is made by ``argmap render MAP -f dot`` run with the code of ``--code`` (so the same
script measures main's code and this branch's), laid out by the pure engine (``graphviz-pure
-Tjson``, the same bytes everywhere), and measured from the positions of the layout:

- crossings: points where two edges' drawn curves cross (each Bézier curve cut into 12 straight
  pieces; edges that share an end are not counted, since they meet there by design);
- through labels: edges that run through the label of a "together" frame;
- through boxes: edges that run through a box that is neither of their ends;
- ref ink: the total length, in inches, of the dashed arrows of ``ref`` items and their stubs (long bands of them
  across the map are what cannot be followed by eye);
- size and aspect: the drawing's width x height in pixels (96 per inch) and the longer side over
  the shorter (a page is 1.41; a strip is 4 or more).

The maps: the seed map (whole, and the overview ``--no-evidence``), the tutorial maps in maps/,
and maps made by benchmarks/generate.py (60 and 150 claims, three seeds each).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
PURE = Path(sys.executable).parent / "graphviz-pure"
POINTS_PER_INCH = 72
PIXELS_PER_POINT = 96 / 72
PIECES = 12

Point = tuple[float, float]
Segment = tuple[Point, Point]


class Quality(NamedTuple):
    crossings: int
    through_labels: int
    through_boxes: int
    ref_ink: float
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return max(self.width, self.height) / max(1, min(self.width, self.height))


def bezier(points: list[Point]) -> list[Point]:
    """A cubic B-spline as Graphviz draws it (``b`` ops: 1 + 3k points), cut into straight pieces."""
    line = [points[0]]
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start : start + 4]
        for step in range(1, PIECES + 1):
            t = step / PIECES
            u = 1 - t
            line.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return line


def _side(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def cross(s: Segment, t: Segment) -> bool:
    """Whether two segments cross properly (touching ends do not count)."""
    d1, d2 = _side(t[0], t[1], s[0]), _side(t[0], t[1], s[1])
    d3, d4 = _side(s[0], s[1], t[0]), _side(s[0], s[1], t[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def segments(line: list[Point]) -> list[Segment]:
    return list(pairwise(line))


def _box(line: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def enters(line: list[Point], box: tuple[float, float, float, float], inset: float = 2.0) -> bool:
    """Whether the curve runs through the box (shrunk by ``inset`` so that a curve along its edge does not count)."""
    x0, y0, x1, y1 = box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset
    for (ax, ay), (bx, by) in segments(line):
        for k in range(5):
            x, y = ax + (bx - ax) * k / 4, ay + (by - ay) * k / 4
            if x0 < x < x1 and y0 < y < y1:
                return True
    return False


def measure(layout: dict) -> Quality:
    """The figures of one ``-Tjson`` layout."""
    objects = layout.get("objects", [])
    nodes = {o["_gvid"]: o for o in objects if "nodes" not in o and "pos" in o}
    boxes = {}
    for gvid, node in nodes.items():
        if node.get("shape") in ("point",) or node.get("style") == "invis":
            continue
        x, y = (float(v) for v in node["pos"].split(","))
        w, h = float(node["width"]) * POINTS_PER_INCH / 2, float(node["height"]) * POINTS_PER_INCH / 2
        boxes[gvid] = (x - w, y - h, x + w, y + h)
    labels = []
    for o in objects:
        if "nodes" in o and o.get("label") and "lp" in o:
            x, y = (float(v) for v in o["lp"].split(","))
            w, h = float(o["lwidth"]) * POINTS_PER_INCH / 2, float(o["lheight"]) * POINTS_PER_INCH / 2
            labels.append((x - w, y - h, x + w, y + h))
    edges = []
    ref_ink = 0.0
    for edge in layout.get("edges", []):
        if edge.get("style") == "invis":
            continue
        line = [p for op in edge.get("_draw_", []) if op["op"] in ("b", "B") for p in bezier(op["points"])]
        if len(line) < 2:
            continue
        edges.append((edge["tail"], edge["head"], line, _box(line)))
        if "dashed" in edge.get("style", ""):
            ref_ink += sum(math.dist(a, b) for a, b in segments(line)) / POINTS_PER_INCH
    crossings = 0
    for i, (tail, head, line, box) in enumerate(edges):
        for other_tail, other_head, other, other_box in edges[i + 1 :]:
            if {tail, head} & {other_tail, other_head} or not _overlap(box, other_box):
                continue
            crossings += _crossings(segments(line), segments(other))
    through_labels = sum(1 for _, _, line, _ in edges for label in labels if enters(line, label, 0.5))
    through_boxes = sum(
        1
        for tail, head, line, box in edges
        for gvid, node_box in boxes.items()
        if gvid not in (tail, head) and _overlap(box, node_box) and enters(line, node_box)
    )
    bb = [float(v) for v in layout["bb"].split(",")]
    return Quality(
        crossings,
        through_labels,
        through_boxes,
        round(ref_ink, 1),
        round((bb[2] - bb[0]) * PIXELS_PER_POINT),
        round((bb[3] - bb[1]) * PIXELS_PER_POINT),
    )


def _crossings(a: list[Segment], b: list[Segment]) -> int:
    """Crossing points of two curves; hits on neighbouring pieces are one crossing."""
    hits = sorted((i, j) for i, s in enumerate(a) for j, t in enumerate(b) if cross(s, t))
    count, last = 0, (-9, -9)
    for i, j in hits:
        if abs(i - last[0]) > 1 or abs(j - last[1]) > 1:
            count += 1
        last = (i, j)
    return count


def layout(code: Path, path: Path, args: list[str]) -> dict:
    """The ``-Tjson`` layout of the map drawn by the code in ``code`` with these render options."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, "-m", "argmap", "render", str(path), "-f", "dot", "-o", "-", *args]
    dot = subprocess.run(command, env=env, capture_output=True, check=True, cwd=code).stdout
    done = subprocess.run([str(PURE), "-Tjson"], input=dot, capture_output=True, check=True)
    return json.loads(done.stdout)


def maps(folder: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """(name, map file, render options) of every diagram measured."""
    seed = ROOT / "maps" / "bandow-iraq.yaml"
    yield "seed map, overview (--no-evidence)", seed, ["--no-evidence"]
    yield "seed map, whole", seed, []
    for path in sorted((ROOT / "maps").glob("tutorial-*.yaml")):
        yield path.stem, path, []
    for size in (60, 150):
        for seed_number in (1, 2, 3):
            generated = folder / f"generated-{size}-{seed_number}.yaml"
            generated.write_text(generate(size, seed=seed_number), encoding="utf-8")
            yield f"generated {size} claims #{seed_number}", generated, ["--no-evidence"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the tree whose argmap draws the maps")
    parser.add_argument("--variants", action="store_true", help="also measure each --refs and --direction")
    parser.add_argument("extra", nargs="*", help="more render options, after --")
    arguments = parser.parse_args()
    variants: list[list[str]] = [[]]
    if arguments.variants:
        variants = [
            [],
            *(["--refs", refs] for refs in ("edge", "stub", "auto")),
            *(["--direction", d] for d in ("TB", "LR")),
        ]
    print("| map | options | crossings | through labels | through boxes | ref ink (in) | size (px) | aspect |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, path, args in maps(Path(folder)):
            for variant in variants:
                options = [*args, *variant, *arguments.extra]
                q = measure(layout(arguments.code.resolve(), path, options))
                shown = " ".join(variant + arguments.extra) or "default"
                print(
                    f"| {name} | {shown} | {q.crossings} | {q.through_labels} | {q.through_boxes} | "
                    f"{q.ref_ink} | {q.width:,} x {q.height:,} | {q.aspect:.2f} |"
                )


if __name__ == "__main__":
    main()
