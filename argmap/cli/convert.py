"""``argmap convert``: read a map in one format -> write it in another, with what it cannot keep.

Formats are chosen by suffix unless given (argmap.interop.FORMATS). Broken input: its problems and
exit 2, nothing written. What the target (or argmap) cannot express is a warning on stderr, as
``file:line:col: warning rule: message``. The output is written whole (a temporary file renamed
into place), never over the input.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .output import EXIT_UNUSABLE, fail, note, print_load_error, write


class FormatName(StrEnum):
    yaml = "yaml"
    argdown = "argdown"
    aif = "aif"
    kialo = "kialo"


def convert(
    path: Annotated[Path, typer.Argument(help="The map to convert.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file ('-': standard output) [default: standard output]."),
    ] = None,
    source: Annotated[
        FormatName | None, typer.Option("--from", help="Input format [default: from the suffix].")
    ] = None,
    target: Annotated[
        FormatName | None, typer.Option("--to", help="Output format [default: -o's suffix; yaml to stdout].")
    ] = None,
) -> None:
    """Convert a map between argmap YAML, Argdown, AIF JSON and Kialo (import only).

    Example: argmap convert debate.argdown -o debate.yaml
    """
    from ..interop import FORMATS, format_of, read_file
    from ..interop import write as export
    from ..problems import LoadError
    from ..safe_write import UnsafeWrite, check_target, write_atomic

    if output == Path("-"):
        output = None
    from_format = source.value if source else format_of(path)
    if from_format is None:
        raise fail(f"cannot tell the format of {path} from its suffix; name it with --from")
    to_format = target.value if target else (format_of(output) if output else "yaml")
    if to_format is None:  # an unknown suffix: writing YAML under it would surprise whoever opens it
        raise fail(f"cannot tell the format to write from the suffix of {output}; name it with --to")
    if FORMATS[to_format].writer is None:
        raise fail(f"argmap reads {to_format} files but does not write them")
    if FORMATS[from_format].reader is None:
        raise fail(f"argmap cannot read {from_format} files")
    try:
        if output is not None:
            check_target(output, (path,))
        imported = read_file(path, from_format)
    except LoadError as error:
        print_load_error(error)
        note("argmap: nothing written")
        raise typer.Exit(EXIT_UNUSABLE) from None
    except UnsafeWrite as error:
        raise fail(str(error)) from None
    try:
        exported = export(imported.argmap, to_format)
    except ValueError as error:
        raise fail(str(error)) from None
    for problem in (*imported.warnings, *exported.warnings):
        item = f"  ({problem.node})" if problem.node else ""  # the claim it concerns, as `check` names it
        note(f"{problem.file}:{problem.line}:{problem.column}: warning {problem.rule}: {problem.message}{item}")
    if output is None:
        write(exported.text)
        return
    try:
        write_atomic(output, exported.text.encode("utf-8"), (path,))
    except UnsafeWrite as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"cannot write {output}: {error.strerror or error}") from None
    note(f"wrote {output}")
