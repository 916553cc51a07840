"""What ``argmap render`` can be asked for: :class:`RenderOptions`, checked on creation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..limits import LAYOUT_TIMEOUT_SECONDS, MAX_LAYOUT_TIMEOUT_SECONDS
from .engine import RenderError

if TYPE_CHECKING:
    from ..marks import LabelOrStatus

FORMATS = ("svg", "png", "dot", "pdf", "html")
DIRECTIONS = ("TB", "BT", "LR", "RL", "auto")
#: How a ``ref`` item is drawn: an arrow from its claim (``edge``), a "see ID" box next to the claim
#: that uses it (``stub``, the default: fewest crossings, benchmarks/README.md), or an arrow where
#: the claim stands close by and a stub elsewhere (``auto``).
REFS = ("auto", "stub", "edge")


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a map. ``direction`` says where the thesis stands (``TB``: at the top; ``auto``:
    at the top or on the left, whichever makes the diagram closer to a page's shape)."""

    format: str = "svg"
    direction: str = "auto"
    refs: str = "stub"
    #: Draw only the sub-argument below this claim id ...
    focus: str | None = None
    #: ... this many levels deep (``None``: all).
    depth: int | None = None
    evidence: bool = True
    #: Mark what ``argmap check`` finds (unsupported premises, unanswered objections, ...).
    checks: bool = True
    #: Characters per line of claim text.
    wrap: int = 36
    engine: str = "auto"
    timeout: float = LAYOUT_TIMEOUT_SECONDS
    legend: bool = True
    title: bool = True
    #: Evaluation status by claim uid ("accepted", "rejected", "undecided", "unsupported"), or
    #: ``argmap.evaluate(m).labels``, shown as a line in each node; ``None`` draws none.
    labels: Mapping[str, LabelOrStatus] | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise RenderError(f"unknown format '{self.format}'; choose one of {', '.join(FORMATS)}")
        if self.direction not in DIRECTIONS:
            raise RenderError(f"unknown direction '{self.direction}'; choose one of {', '.join(DIRECTIONS)}")
        if self.refs not in REFS:
            raise RenderError(f"unknown refs '{self.refs}'; choose one of {', '.join(REFS)}")
        if self.wrap < 8:
            raise RenderError("wrap must be at least 8 characters")
        if self.depth is not None and self.depth < 0:
            raise RenderError("depth must be 0 or more")
        # Written so that nan fails too: every comparison with nan is false.
        if not (isinstance(self.timeout, (int, float)) and 0 < self.timeout <= MAX_LAYOUT_TIMEOUT_SECONDS):
            raise RenderError(
                f"timeout must be a number of seconds above 0 and at most {MAX_LAYOUT_TIMEOUT_SECONDS:g} "
                f"(MAX_LAYOUT_TIMEOUT_SECONDS), not {self.timeout!r}"
            )
