"""Data flows one way: text -> model -> problems and labels -> output, with no way back.

Each part of ``argmap`` belongs to a stage; a module may import its own stage and earlier ones,
never a later one. So the reader cannot depend on the rules, a rule cannot depend on a report
format, a format cannot reach for the batch orchestrator, and nothing in the
library imports the command line. The graph is read statically, lazy imports included (see
tests/imports.py).
"""

from __future__ import annotations

import pytest

from tests.imports import import_graph

#: The stages in the order data flows through them; each entry is a top-level module or package.
STAGES: tuple[frozenset[str], ...] = tuple(
    frozenset(stage.split())
    for stage in (
        # values and vocabulary every stage shares
        "argmap lazy_names limits model problems suggestions marks graph content_words visible",
        "reading sources interop",  # text -> model; the texts that sources name; other formats <-> model
        "rules",  # model -> findings
        "config checker evaluation",  # findings -> problems with settings; model -> labels
        "formats fixes",  # results -> text, pure; problems -> edits that fix them
        "files parallel_check safe_write starter",  # many files in, files out
        "diagram html",  # model and problems -> drawings (static, and the interactive page), and writing them
        "serve lsp",  # the servers (live preview, language server): thin layers over the library, like cli/
        "cli",  # the command line, a thin layer over all of the above
        "__main__",
    )
)


def stage_of(module: str) -> int:
    part = module.split(".")[1] if "." in module else module
    for index, stage in enumerate(STAGES):
        if part in stage:
            return index
    raise AssertionError(f"{module} belongs to no stage: add '{part}' to STAGES in {__file__}")


def test_every_module_has_a_stage():
    for module in import_graph():
        stage_of(module)


def backwards(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """``(importer, imported)`` for every import of a later stage."""
    return sorted((a, b) for a, targets in graph.items() for b in targets if stage_of(b) > stage_of(a))


def test_no_module_imports_a_later_stage():
    assert not backwards(import_graph()), "imports that reach back against the data flow"


@pytest.mark.parametrize(
    "importer, imported",
    [
        ("argmap.reading.loader", "argmap.rules.duplicate_id"),  # the reader needs no rule
        ("argmap.rules.quote_not_found", "argmap.formats.text"),  # a rule knows no report
        ("argmap.formats.json_format", "argmap.files"),  # formats take results, not the orchestrator
        ("argmap.diagram.batch", "argmap.cli.output"),  # the library never writes to the terminal
        ("argmap.model", "argmap.reading.text"),  # the values know nothing of how they are read
    ],
)
def test_the_reach_backs_the_review_found_would_fail(importer: str, imported: str):
    assert backwards({importer: {imported}}) == [(importer, imported)]
