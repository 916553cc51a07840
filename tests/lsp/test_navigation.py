"""Hover, definition, references, rename, completion, outline, folds and quick fixes, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from tests.lsp.session import at, edit, open_map, place, pushed, replace_text
from tests.samples import ERROR

pytestmark = pytest.mark.asyncio(loop_scope="module")

MAP = """\
sources:
  crash:
    author: Police
    title: Reports
    date: "2024-01"
thesis:
  id: lane
  claim: Build the lane.
  premises:
    - id: safer
      claim: It is safer.
      evidence:
        - quote: crashes fell
          source: crash
          kind: statistic
  objections:
    - id: cost
      claim: It costs too much.
      assumption: true
      rebuttals:
        - claim: It is cheap.
          premises:
            - ref: safer
"""


@pytest_asyncio.fixture(loop_scope="module")
async def uri(client: LanguageClient, tmp_path: Path) -> str:
    opened = open_map(client, tmp_path / "m.yaml", MAP)
    await pushed(client, opened)
    return opened


def value(hover: types.Hover | None) -> str:
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def test_hover_on_a_claim_shows_its_label_support_and_problems(client: LanguageClient, uri: str):
    shown = value(await client.text_document_hover_async(types.HoverParams(**at(uri, *place(MAP, "It is safer")))))
    assert "premise" in shown and "accepted" in shown and "1 piece of evidence (statistic)" in shown
    shown = value(await client.text_document_hover_async(types.HoverParams(**at(uri, *place(MAP, "It is cheap")))))
    assert "unanswered" not in shown and "rebuttal" in shown


async def test_hover_on_a_ref_shows_the_claim_and_on_a_source_key_the_source(client: LanguageClient, uri: str):
    shown = value(await client.text_document_hover_async(types.HoverParams(**at(uri, *place(MAP, "ref: safer", 6)))))
    assert "It is safer." in shown and "accepted" in shown
    shown = value(await client.text_document_hover_async(types.HoverParams(**at(uri, *place(MAP, "source: crash", 9)))))
    assert "Police" in shown and "Reports" in shown and "2024-01" in shown


async def test_definition_of_a_ref_and_of_a_source(client: LanguageClient, uri: str):
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, *place(MAP, "ref: safer", 7))))
    assert isinstance(found, types.Location)
    assert found.range == types.Range(types.Position(*place(MAP, "safer")), types.Position(*place(MAP, "safer", 5)))
    found = await client.text_document_definition_async(
        types.DefinitionParams(**at(uri, *place(MAP, "source: crash", 8)))
    )
    assert isinstance(found, types.Location) and found.range.start == types.Position(*place(MAP, "crash"))


async def test_references_of_a_claim_id(client: LanguageClient, uri: str):
    def params(declaration: bool) -> types.ReferenceParams:
        return types.ReferenceParams(**at(uri, *place(MAP, "safer")), context=types.ReferenceContext(declaration))

    everywhere = await client.text_document_references_async(params(True))
    assert [location.range.start for location in everywhere or []] == [
        types.Position(*place(MAP, "safer")),
        types.Position(*place(MAP, "ref: safer", 5)),
    ]
    assert len(await client.text_document_references_async(params(False)) or []) == 1


async def test_rename_a_claim_id_and_a_source_key_everywhere(client: LanguageClient, uri: str):
    renamed = await client.text_document_rename_async(
        types.RenameParams(**at(uri, *place(MAP, "ref: safer", 6)), new_name="safest")
    )
    assert renamed is not None and renamed.changes is not None
    assert [edit.new_text for edit in renamed.changes[uri]] == ["safest", "safest"]
    renamed = await client.text_document_rename_async(
        types.RenameParams(**at(uri, *place(MAP, "crash")), new_name="police")
    )
    assert renamed is not None and len(renamed.changes[uri]) == 2  # type: ignore[index]


async def test_rename_refuses_what_is_not_a_name_and_names_that_are_invalid_or_taken(client: LanguageClient, uri: str):
    ready = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(**at(uri, *place(MAP, "safer", 2)))
    )
    assert isinstance(ready, types.PrepareRenamePlaceholder) and ready.placeholder == "safer"
    assert (
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(uri, *place(MAP, "It is"))))
        is None
    )
    for new_name in ("two words", "cost"):
        with pytest.raises(JsonRpcException):
            await client.text_document_rename_async(
                types.RenameParams(**at(uri, *place(MAP, "safer")), new_name=new_name)
            )


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("            - ref: ", {"lane", "safer", "cost"}),
        ("            - ref: sa", {"safer"}),
        ("          source: ", {"crash"}),
        ("          kind: stat", {"statistic"}),
        ("          ignore: [rabbit-rule, unsupported-p", {"unsupported-premise"}),
    ],
)
async def test_completion(client: LanguageClient, tmp_path: Path, typed: str, expected: set[str]):
    text = MAP + typed
    uri = open_map(client, tmp_path / "m.yaml", MAP)
    await pushed(client, uri)
    replace_text(client, uri, text)  # half typed: it may not load; the names come from the last that did
    line = text.count("\n")
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, line, len(typed))))
    assert isinstance(found, types.CompletionList)
    assert {item.label for item in found.items} == expected


async def test_completion_of_a_rule_in_a_block_list_under_ignore(client: LanguageClient, tmp_path: Path):
    text = MAP.replace("      assumption: true\n", "      assumption: true\n      ignore:\n        - rabbit\n", 1)
    uri = open_map(client, tmp_path / "m.yaml", text)
    line, character = place(text, "- rabbit", 8)
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, line, character)))
    assert isinstance(found, types.CompletionList) and [item.label for item in found.items] == ["rabbit-rule"]


async def test_the_outline_follows_the_argument(client: LanguageClient, uri: str):
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    [thesis] = symbols or []
    assert isinstance(thesis, types.DocumentSymbol) and thesis.name == "Build the lane."
    assert [(child.name, child.detail) for child in thesis.children or []] == [
        ("It is safer.", "premise safer"),
        ("It costs too much.", "objection cost"),
    ]
    [rebuttal] = (thesis.children or [])[1].children or []
    assert rebuttal.name == "It is cheap." and rebuttal.kind == types.SymbolKind.Operator
    assert thesis.range.start.line == 6 and thesis.range.end.line == MAP.count("\n") - 1


async def test_a_fold_per_claim(client: LanguageClient, uri: str):
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(types.TextDocumentIdentifier(uri)))
    assert sorted((fold.start_line, fold.end_line) for fold in folds or []) == [(6, 22), (9, 14), (16, 22), (20, 22)]


async def test_navigation_goes_on_from_the_last_good_model_while_the_text_does_not_parse(
    client: LanguageClient, uri: str
):
    end = MAP.count("\n")
    edit(client, uri, (end, 0), (end, 0), "  objections: [\n")
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["yaml-syntax"]
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, *place(MAP, "ref: safer", 7))))
    assert isinstance(found, types.Location) and found.range.start == types.Position(*place(MAP, "safer"))
    shown = value(await client.text_document_hover_async(types.HoverParams(**at(uri, *place(MAP, "ref: safer", 6)))))
    assert "It is safer." in shown
    with pytest.raises(JsonRpcException):  # edits are made only to a text that loads
        await client.text_document_rename_async(types.RenameParams(**at(uri, *place(MAP, "safer")), new_name="x"))


async def test_quick_fixes_for_a_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "m.yaml", ERROR)
    [diagnostic] = await pushed(client, uri)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic]),
    )
    found = await client.text_document_code_action_async(params) or []
    titles = [action.title for action in found if isinstance(action, types.CodeAction)]
    assert any("assumption" in title for title in titles) and any("Ignore" in title for title in titles)
    action = next(action for action in found if isinstance(action, types.CodeAction) and "assumption" in action.title)
    assert action.edit is not None and action.edit.changes is not None
    [change] = action.edit.changes[uri]
    lines = ERROR.splitlines(True)
    start = sum(len(line) for line in lines[: change.range.start.line]) + change.range.start.character
    end = sum(len(line) for line in lines[: change.range.end.line]) + change.range.end.character
    replace_text(client, uri, ERROR[:start] + change.new_text + ERROR[end:])
    assert await pushed(client, uri) == []  # the fix fixes it


async def test_several_theses_and_an_undercut_written_on_a_ref(client: LanguageClient):
    from tests.helpers import MAPS

    path = MAPS / "tutorial-theses.yaml"
    text = path.read_text(encoding="utf-8")
    uri = open_map(client, path)
    await pushed(client, uri)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert [(symbol.name, symbol.detail) for symbol in symbols or []] == [  # type: ignore[union-attr]
        ("The city should build more protected bike lanes.", "thesis more-lanes"),
        ("Protected lanes will take cars off the road.", "thesis fewer-cars"),
    ]
    [undercut] = symbols[1].children or []  # type: ignore[index, union-attr]
    assert (undercut.name, undercut.kind) == ("The survey asked only people who already cycle.", types.SymbolKind.Key)
    params = types.ReferenceParams(**at(uri, *place(text, "riders-feel-unsafe")), context=types.ReferenceContext(True))
    assert len(await client.text_document_references_async(params) or []) == 2
