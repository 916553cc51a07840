"""``--direction auto``: the thesis at the top or on the left, whichever gives a page, not a strip.

A map is a tree (refs aside). Drawn top-down, its width is that of its widest spread of boxes and
its height the sum of its levels; drawn left to right, the two trade places, with each box's height
in place of its width. This module estimates both shapes from the text in the boxes, without
laying anything out (so that ``-f dot`` needs no layout program and stays fast on 5,000 claims),
and takes the direction whose longer side over shorter side is nearest a page's (1.41). The
estimate against the real layouts is in benchmarks/README.md. Example::

    >>> from argmap import load
    >>> from argmap.diagram import RenderOptions
    >>> from argmap.diagram.scope import scope
    >>> m = load("maps/bandow-iraq.yaml")
    >>> choose_direction(m, scope(m), RenderOptions(evidence=False))
    'LR'
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..model import RELATIONS, ArgumentMap, Claim
from .labels import QUOTE_LENGTH

if TYPE_CHECKING:
    from . import RenderOptions
    from .scope import Scope

#: Points per character of 12-point Helvetica, per line of text, and around a box's text.
CHARACTER = 6.2
LINE = 15.0
PADDING = 22.0
#: Points between boxes side by side and between levels (dot.py's nodesep and ranksep, 0.3 and 0.4 inches).
BETWEEN_BOXES = 21.6
BETWEEN_LEVELS = 28.8
PAGE = math.sqrt(2)


class Box(NamedTuple):
    width: float
    height: float


#: The key, as wide and tall as it usually is.
KEY = Box(420.0, 160.0)


class Shape(NamedTuple):
    """The estimated width and height, in points, of a drawing."""

    width: float
    height: float

    @property
    def aspect(self) -> float:
        return max(self.width, self.height) / max(1.0, min(self.width, self.height))


def choose_direction(argmap: ArgumentMap, scope: Scope, options: RenderOptions) -> str:
    """The direction asked for, or for ``auto``, ``TB`` or ``LR``, whichever shape is nearer a page's."""
    if options.direction != "auto":
        return options.direction
    down, across = shapes(argmap, scope, options)
    return "LR" if _from_page(across) < _from_page(down) else "TB"


def _from_page(shape: Shape) -> float:
    return abs(math.log(shape.aspect / PAGE))


def shapes(argmap: ArgumentMap, scope: Scope, options: RenderOptions) -> tuple[Shape, Shape]:
    """The estimated shapes of the drawing top-down (``TB``) and left to right (``LR``)."""
    drawn = {id(claim) for claim in scope.claims}
    root = scope.claims[0]
    levels: dict[int, list[Box]] = {}

    def spread(claim: Claim, level: int, seen: frozenset[int]) -> tuple[float, float]:
        """The widths (top-down) and heights (left to right) of the subtree below ``claim``."""
        box = _box(claim, options)
        levels.setdefault(level, []).append(box)
        across = down = 0.0
        count = 0
        for child in _children(argmap, claim, scope, drawn, options):
            if isinstance(child, Box):
                levels.setdefault(level + 1, []).append(child)
                child_across, child_down = child.width, child.height
            elif id(child) in seen:  # a map with a cycle of claims: draw-time problem, not ours
                continue
            else:
                child_across, child_down = spread(child, level + 1, seen | {id(child)})
            across, down, count = across + child_across, down + child_down, count + 1
        gaps = BETWEEN_BOXES * max(0, count - 1)
        return max(box.width, across + gaps), max(box.height, down + gaps)

    width, height = spread(root, 0, frozenset({id(root)}))
    if options.legend:  # the key stands beside the thesis
        thesis = levels[0][0]
        levels[0].append(KEY)
        width = max(width, thesis.width + BETWEEN_BOXES + KEY.width)
        height = max(height, thesis.height + BETWEEN_BOXES + KEY.height)
    ranks = len(levels)
    tall = sum(max(box.height for box in boxes) for boxes in levels.values()) + BETWEEN_LEVELS * 2 * (ranks - 1)
    wide = sum(max(box.width for box in boxes) for boxes in levels.values()) + BETWEEN_LEVELS * 2 * (ranks - 1)
    return Shape(width, tall), Shape(wide, height)


def _children(
    argmap: ArgumentMap, claim: Claim, scope: Scope, drawn: set[int], options: RenderOptions
) -> Iterator[Claim | Box]:
    """What stands one level below the claim: the claims written under it, and its evidence box."""
    if id(claim) in scope.cut:
        return
    for relation in RELATIONS:
        for reason in claim.reasons(relation):
            for member in reason.members:
                if isinstance(member, Claim) and id(member) in drawn:
                    yield member
    if options.evidence and claim.evidence:
        chars = options.wrap + 6
        lines = sum(2 + min(len(item.text), QUOTE_LENGTH) // chars for item in claim.evidence)
        yield Box(chars * CHARACTER * 0.85 + PADDING, lines * LINE * 0.85 + PADDING)


def _box(claim: Claim, options: RenderOptions) -> Box:
    """A claim's box: its text wrapped, a line for its kind and id, one for each mark."""
    text = len(claim.text)
    lines = 2 + math.ceil(text / (options.wrap * 0.9)) + claim.assumption
    return Box(min(text, options.wrap) * CHARACTER + PADDING, lines * LINE + PADDING)
