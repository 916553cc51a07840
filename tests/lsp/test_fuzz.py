"""Random edits never crash the server, and it always ends up with what ``argmap check`` says.

Hypothesis types, deletes and pastes YAML punctuation, line breaks, tabs, characters outside the
BMP and characters that Python, not LSP, breaks lines at (U+2028, U+0085), at random places of the
seed map, as incremental changes in UTF-16 units; after each burst, the server still answers
hover, completion, symbols and folds, and its diagnostics are those of the same text checked
in-process (so its copy of the text is right as well).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.config import Config
from argmap.files import check_data
from tests.lsp.session import at, close, edit, open_map, pulled
from tests.samples import SEED

pytestmark = pytest.mark.asyncio(loop_scope="module")

SEED_TEXT = SEED.read_text(encoding="utf-8")
PIECES = st.sampled_from(
    [
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "#",
        "'",
        '"',
        "\n",
        "\t",
        "  ",
        "ref: ",
        "id: x",
        "\U0001f600",
        "é",
        "\u2028",
        "\x85",
        "\r\n",
    ]
)
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 12), st.lists(PIECES, max_size=4).map("".join))
#: The file the fuzzed text stands for (it need not exist; its folder has no settings file).
FUZZED = Path(__file__).with_name("fuzzed-map.yaml")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDIT, min_size=1, max_size=6))
async def test_random_edits_never_crash_the_server(puller: LanguageClient, edits):
    text = SEED_TEXT
    uri = open_map(puller, FUZZED, text)
    for where, length, inserted in edits:
        start = int(where * len(text))
        end = min(start + length, len(text))
        if text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n":
            continue
        before = text[:start]
        line = before.count("\n")
        first = (line, utf16(before[before.rfind("\n") + 1 :]))
        upto = text[:end]
        last = (upto.count("\n"), utf16(upto[upto.rfind("\n") + 1 :]))
        edit(puller, uri, first, last, inserted)
        text = text[:start] + inserted + text[end:]
    shown = await pulled(puller, uri)
    expected = check_data(text.encode("utf-8"), FUZZED, Config()).problems
    assert [(d.code, d.data["line"], d.data["column"]) for d in shown] == [(p.rule, p.line, p.column) for p in expected]
    middle = text.count("\n") // 2
    await puller.text_document_hover_async(types.HoverParams(**at(uri, middle, 4)))
    await puller.text_document_completion_async(types.CompletionParams(**at(uri, middle, 2)))
    await puller.text_document_document_symbol_async(types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    await puller.text_document_folding_range_async(types.FoldingRangeParams(types.TextDocumentIdentifier(uri)))
    close(puller, uri)
