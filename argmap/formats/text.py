"""The default report: one block per problem, coloured on a terminal, and a summary line.

::

    maps/a.yaml:12:7: error [unsupported-premise] this premise has no evidence and no premises
        "Iran poses no threat to America."  (iran-no-threat)

    2 errors, 1 warning in 1 of 3 files.
"""

from __future__ import annotations

from rich.text import Text

from ..problems import FileResult
from . import summary

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(results: list[FileResult]) -> Text:
    out = Text()
    for result in results:
        for p in result.problems:
            out.append(f"{p.file}:{p.line}:{p.column}: ", style="bold")
            out.append(p.severity, style=STYLE[p.severity])
            out.append(f" [{p.rule}] ", style="dim")
            out.append(p.message + "\n")
            if p.claim is not None:
                out.append(f'    "{_shorten(p.claim)}"', style="italic")
                out.append(f"  ({p.node})\n" if p.node else "\n", style="dim")
    out.append(summary_line(results))
    return out


def summary_line(results: list[FileResult]) -> Text:
    """``2 errors, 1 warning in 1 of 3 files.`` (after a blank line), or ``No problems in 3 files.``"""
    counts = summary(results)
    files = f"{counts['files']} file{'s' if counts['files'] != 1 else ''}"
    if not any(counts[key] for key in ("errors", "warnings", "info")):
        return Text(f"No problems in {files}.\n", style="green")
    parts = [
        f"{counts[key]} {name}{'s' if counts[key] != 1 else ''}"
        for key, name in (("errors", "error"), ("warnings", "warning"), ("info", "note"))
        if counts[key]
    ]
    line = Text("\n" + ", ".join(parts) + f" in {counts['files_with_problems']} of {files}", style="bold")
    if counts["unreadable"]:
        line.append(f" ({counts['unreadable']} could not be read)")
    line.append(".\n")
    return line


def summary_only(results: list[FileResult]) -> Text:
    """``argmap check --quiet``: the summary line alone, with no blank line before it."""
    line = summary_line(results)
    return line[1:] if line.plain.startswith("\n") else line


def _shorten(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
