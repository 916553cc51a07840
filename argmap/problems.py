"""Problems: what checks find in a map, and why a map could not be read.

A :class:`Problem` is an immutable value with a 1-based line and column; formats turn problems into
text, and the CLI picks the exit code from their severities.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from .model import ArgumentMap

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


class Problem(NamedTuple):
    """One finding at one place in one file."""

    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    #: The uid of the claim concerned, or ``None``.
    node: str | None = None
    #: The text of the claim concerned, for reports that show it.
    claim: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


class LoadError(Exception):
    """The input could not be read or is not a valid map; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(f"{first.file}:{first.line}:{first.column}: {first.rule}: {first.message}")


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file: its problems, and whether it could be loaded at all."""

    path: Path
    problems: tuple[Problem, ...]
    loaded: bool
    #: The loaded map, kept only when :func:`~argmap.files.check_paths` is asked to (``keep_maps=True``).
    argmap: ArgumentMap | None = None
    #: The other files its check read (settings file, source texts): ``--output-file`` never replaces them.
    read_with: tuple[Path, ...] = ()


class Finding(NamedTuple):
    """What a rule yields: where, what, and which claim. The linter adds file, rule and severity."""

    line: int
    column: int
    message: str
    node: str | None = None
    claim: str | None = None
