"""Find a Graphviz layout program and run it: DOT text in, SVG/PNG/PDF bytes out.

Two engines: ``system``, the Graphviz ``dot`` program on the PATH, and ``pure``, the
``graphviz-pure`` program that ``pip install argmap`` brings along (a self-contained port of
``dot`` that writes the same bytes on every platform, but no PDF). ``auto`` takes ``dot`` where it
is installed and ``graphviz-pure`` otherwise. Example::

    >>> svg = run(find("pure"), "digraph { a -> b }", "svg", timeout=10)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from ..limits import MAX_PNG_PIXELS

ENGINES = ("auto", "system", "pure")
#: What each engine can write.
FORMATS = {"system": ("svg", "png", "pdf"), "pure": ("svg", "png")}
#: graphviz-pure draws PNG at 96 dots per inch; layouts are measured in points (72 per inch).
_PIXELS_PER_POINT = 96 / 72
_SVG_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')
INSTALL_GRAPHVIZ = (
    "install Graphviz, which provides 'dot' (apt install graphviz, brew install graphviz, or "
    "https://graphviz.org/download/)"
)


class RenderError(Exception):
    """The diagram could not be made; the message says why in plain words, and what to do."""


class Engine(NamedTuple):
    name: str  # "system" or "pure"
    executable: str

    def describe(self) -> str:
        what = "Graphviz dot" if self.name == "system" else "graphviz-pure"
        return f"{self.name} ({what}, {self.executable})"


def pure_executable() -> str | None:
    """``graphviz-pure`` next to this Python (its pip install), else on the PATH."""
    beside = Path(sys.executable).parent / ("graphviz-pure.exe" if os.name == "nt" else "graphviz-pure")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("graphviz-pure")


def find(choice: str = "auto", fmt: str = "svg") -> Engine:
    """The engine to use; :class:`RenderError` when the choice is not installed or cannot write ``fmt``."""
    if choice not in ENGINES:
        raise RenderError(f"unknown engine '{choice}'; choose one of {', '.join(ENGINES)}")
    system = shutil.which("dot") if choice in ("auto", "system") else None
    if system:
        return Engine("system", system)
    if choice == "system":
        raise RenderError(f"no Graphviz 'dot' program found on the PATH; {INSTALL_GRAPHVIZ}, or use --engine pure")
    pure = pure_executable()
    if pure is None:
        raise RenderError(
            "no layout program found: neither Graphviz 'dot' nor 'graphviz-pure'; pip install graphviz-pure"
        )
    engine = Engine("pure", pure)
    if fmt not in FORMATS["pure"]:
        raise RenderError(
            f"graphviz-pure cannot write {fmt.upper()}; {INSTALL_GRAPHVIZ} and use --engine system, "
            f"or write SVG (--format svg) and convert it"
        )
    return engine


def run(engine: Engine, source: str, fmt: str, timeout: float) -> bytes:
    """Lay out the DOT ``source`` and return the output; :class:`RenderError` on failure or timeout."""
    if fmt not in FORMATS[engine.name]:
        raise RenderError(f"the {engine.name} engine cannot write {fmt.upper()}")
    if engine.name == "pure" and fmt == "png":
        # Graphviz makes no node smaller than 0.75 x 0.5 inches: a floor on the image's area.
        nodes = source.count('\n\t"') - source.count('" -> "')
        _refuse_huge_png(round(54 * _PIXELS_PER_POINT) * round(36 * _PIXELS_PER_POINT) * nodes, None)
        _refuse_huge_png(*_layout_pixels(_run(engine, source, "svg", timeout)))
    return _run(engine, source, fmt, timeout)


def _layout_pixels(svg: bytes) -> tuple[int, tuple[int, int] | None]:
    """How many pixels the PNG of this layout would have, and its width and height."""
    size = _SVG_SIZE.search(svg[:2000])
    if size is None:
        return 0, None
    width, height = (round(float(points) * _PIXELS_PER_POINT) for points in size.groups())
    return width * height, (width, height)


def _refuse_huge_png(pixels: int, size: tuple[int, int] | None) -> None:
    """:class:`RenderError` if a PNG of ``pixels`` is too large for graphviz-pure.

    It holds the whole image in memory, some 8 bytes a pixel: 5,000 claims took 6.7 GB (and 41 s).
    """
    if pixels <= MAX_PNG_PIXELS:
        return
    what = f"{size[0]:,} x {size[1]:,} pixels" if size else f"at least {pixels // 1_000_000:,} million pixels"
    raise RenderError(
        f"the PNG would be {what}, more than graphviz-pure draws "
        f"({MAX_PNG_PIXELS // 1_000_000:,} million pixels at most); write SVG (--format svg), "
        "draw part of the map (--focus ID --depth N), or install Graphviz and use --engine system"
    )


def _run(engine: Engine, source: str, fmt: str, timeout: float) -> bytes:
    try:
        done = subprocess.run(
            [engine.executable, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"the layout took longer than {timeout:g} seconds and was stopped; draw part of the map "
            "(--focus ID --depth N, --no-evidence) or allow more time (--timeout)"
        ) from None
    except OSError as error:
        raise RenderError(f"could not run {engine.executable}: {error.strerror or error}") from None
    if done.returncode != 0 or not done.stdout:
        reason = _last_lines(done.stderr) or f"it exited with code {done.returncode}"
        raise RenderError(f"the layout failed ({engine.describe()}): {reason}")
    return done.stdout


def _last_lines(stderr: bytes, count: int = 3) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return " / ".join(lines[-count:])
