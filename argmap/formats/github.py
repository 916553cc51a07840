"""``--format github``: GitHub Actions workflow commands, one annotation per problem.

Example line: ``::error file=maps/a.yaml,line=12,col=7,title=unsupported-premise::this premise
has no evidence``. ``info`` problems become ``notice`` annotations.
"""

from __future__ import annotations

from ..problems import FileResult
from ..visible import visible

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """Text GitHub shows as it is: line ends and other controls made visible (the log would act on
    them, and a line end would end the command), then ``%``, which GitHub would decode, escaped."""
    return visible(text).replace("%", "%25")


def _property(text: str) -> str:
    """A property's value (``file=``, ``title=``): ``:`` and ``,`` would end it early."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        for p in result.problems:
            lines.append(
                f"::{_LEVEL[p.severity]} file={_property(p.file)},line={p.line},col={p.column},"
                f"title={_property(p.rule)}::{_data(p.message)}"
            )
    return "".join(line + "\n" for line in lines)
