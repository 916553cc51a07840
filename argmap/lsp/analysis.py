"""One version of one document, checked: its problems, its model, and what navigation needs.

:func:`analyse` runs the text through exactly what ``argmap check -`` runs for a map read from
standard input (:func:`argmap.files.check_data`: the size limit, decoding, the loader, the settings
found from the file's folder, the rules), so that the editor shows what the command line reports.
Everything else is made from it when first asked and kept for that version: the index of names,
the evaluation, each claim's block of lines.

    >>> from pathlib import Path
    >>> analysis = analyse("thesis:\\n  claim: T\\n", Path("m.yaml"), 1)
    >>> [(problem.rule, problem.line) for problem in analysis.problems]
    [('unsupported-thesis', 2)]
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..problems import Problem
from .index import NameIndex
from .spans import indent, split_lines

if TYPE_CHECKING:
    from ..config import Config
    from ..evaluation import Evaluation
    from ..model import ArgumentMap, Claim

#: The rule id of a settings file that cannot be used (``argmap check`` stops with exit 2 instead).
SETTINGS_RULE = "invalid-settings"


class ClaimBlock(NamedTuple):
    """A claim and the lines its block spans (0-based, inclusive)."""

    claim: Claim
    first: int
    last: int


class Analysis:
    """The outcome of checking one version of a document; ``argmap`` is ``None`` if it did not load."""

    def __init__(
        self, text: str, path: Path, version: int, problems: tuple[Problem, ...], argmap: ArgumentMap | None
    ) -> None:
        self.text = text
        self.path = path
        self.version = version
        self.problems = problems
        self.argmap = argmap
        self.lines = split_lines(text)

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex.of(self.lines, self.argmap) if self.argmap is not None else NameIndex([])

    @cached_property
    def evaluation(self) -> Evaluation | None:
        from ..evaluation import evaluate

        return evaluate(self.argmap) if self.argmap is not None else None

    @cached_property
    def blocks(self) -> list[ClaimBlock]:
        """Every claim with its lines, in document order (a claim's block holds those below it)."""
        if self.argmap is None:
            return []
        ends = _Ends(self.lines)
        blocks = []
        for claim in self.argmap.claims:
            first, key_indent = claim.position.line - 1, claim.position.column - 1
            last = first
            following = ends.next_content(first)
            while following is not None and ends.depths[following] >= key_indent:
                last = ends.last_of_run(following)
                following = ends.next_lower[following]
            blocks.append(ClaimBlock(claim, first, max(last, first)))
        return blocks

    @cached_property
    def owners(self) -> list[int]:
        """For each line, the index in :attr:`blocks` of the innermost claim around it (-1: none)."""
        owners = [-1] * (len(self.lines) + 1)
        stack: list[tuple[int, int]] = []  # (last line, block index)
        order = sorted(range(len(self.blocks)), key=lambda index: self.blocks[index].first)
        cursor = 0
        for line in range(len(self.lines)):
            while cursor < len(order) and self.blocks[order[cursor]].first == line:
                stack.append((self.blocks[order[cursor]].last, order[cursor]))
                cursor += 1
            while stack and stack[-1][0] < line:
                stack.pop()
            owners[line] = stack[-1][1] if stack else -1
        return owners

    def claim_at(self, line: int) -> ClaimBlock | None:
        """The innermost claim whose block holds ``line`` (0-based)."""
        owners = self.owners
        index = owners[line] if 0 <= line < len(owners) else -1
        return self.blocks[index] if index >= 0 else None

    def block_of(self, uid: str) -> ClaimBlock | None:
        return self._blocks_by_uid.get(uid)

    @cached_property
    def _blocks_by_uid(self) -> dict[str, ClaimBlock]:
        found: dict[str, ClaimBlock] = {}
        for block in self.blocks:
            found.setdefault(block.claim.uid, block)
        return found


class _Ends:
    """Indentation of every line, and for each the next line indented less: blocks in one pass.

    A claim's block goes on while lines are indented at least as far as its keys; jumping from a
    line to the next one indented less than it skips a whole nested block at once, so finding the
    ends of all 10,000 claims of a map costs about one pass over its lines, not one per claim.
    """

    def __init__(self, lines: list[str]) -> None:
        self.depths = [-1 if depth is None else depth for depth in map(indent, lines)]
        #: The lines that are neither blank nor comment.
        self.content = [number for number, depth in enumerate(self.depths) if depth >= 0]
        #: For each line, the last content line before it.
        self.before: list[int] = []
        last = -1
        for depth in self.depths:
            self.before.append(last)
            last = last if depth < 0 else len(self.before) - 1
        self.next_lower: dict[int, int | None] = {}
        stack: list[int] = []
        for number in self.content:
            while stack and self.depths[stack[-1]] > self.depths[number]:
                self.next_lower[stack.pop()] = number
            stack.append(number)
        self.next_lower.update(dict.fromkeys(stack))
        self._following: list[int | None] = [None] * (len(lines) + 1)
        upcoming: int | None = None
        for number in range(len(lines) - 1, -1, -1):
            self._following[number] = upcoming
            if self.depths[number] >= 0:
                upcoming = number

    def next_content(self, line: int) -> int | None:
        """The first line after ``line`` that is neither blank nor comment."""
        return self._following[line] if 0 <= line < len(self._following) else None

    def last_of_run(self, line: int) -> int:
        """The last content line before the next one indented less than ``line``."""
        lower = self.next_lower.get(line)
        if lower is None:
            return self.content[-1]
        return self.before[lower]


def analyse(text: str, path: Path, version: int, config: Config | None = None) -> Analysis:
    """Check one version of a document as ``argmap check`` checks that file; never raises for its text.

    ``config`` defaults to the settings found from the file's folder; a settings file that cannot be
    used becomes a problem at the top of the map, and the defaults apply meanwhile.
    """
    from ..config import Config, ConfigError, for_map
    from ..files import check_data

    settings_problems: tuple[Problem, ...] = ()
    if config is None:
        try:
            config = for_map(path)
        except ConfigError as error:
            message = f"{error} (the default settings apply until it is fixed)"
            settings_problems = (Problem(str(path), 1, 1, SETTINGS_RULE, "error", message),)
            config = Config()
    result = check_data(text.encode("utf-8", "surrogatepass"), path, config, keep_maps=True)
    return Analysis(text, path, version, settings_problems + result.problems, result.argmap)
