"""Diagnostics: pushed on open and on change, pulled on request, with ranges, codes and settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.session import close, edit, open_map, place, pulled, pushed, replace_text
from tests.samples import CLEAN, ERROR

pytestmark = pytest.mark.asyncio(loop_scope="module")

UNKNOWN_KEY = "thesis:\n  claim: T\n  premisses:\n    - claim: A\n      assumption: true\n"


def text_at(text: str, diagnostic: types.Diagnostic) -> str:
    """The text a diagnostic's range covers (ASCII text: characters are UTF-16 units)."""
    lines = text.splitlines(True)
    start, end = diagnostic.range.start, diagnostic.range.end
    if start.line == end.line:
        return lines[start.line][start.character : end.character]
    middle = "".join(lines[start.line + 1 : end.line])
    return lines[start.line][start.character :] + middle + lines[end.line][: end.character]


async def test_an_opened_map_gets_its_problems_pushed(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "m.yaml", ERROR)
    [diagnostic] = await pushed(client, uri)
    assert (diagnostic.code, diagnostic.source, diagnostic.severity) == (
        "unsupported-premise",
        "argmap",
        types.DiagnosticSeverity.Error,
    )
    assert text_at(ERROR, diagnostic) == "claim: A"  # the claim's text, not a point
    assert diagnostic.data == {"line": 5, "column": 7}  # where `argmap check` puts it


async def test_an_unknown_key_is_underlined_whole_with_its_suggestion(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "m.yaml", UNKNOWN_KEY)
    [diagnostic] = await pushed(client, uri)
    assert diagnostic.code == "unknown-key"
    assert "premises" in diagnostic.message
    assert text_at(UNKNOWN_KEY, diagnostic) == "premisses:"


async def test_edits_that_break_and_repair_the_yaml(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "m.yaml", CLEAN)
    assert await pushed(client, uri) == []
    edit(client, uri, (1, 9), (1, 9), ": [")  # "claim: T: [" does not parse
    broken = await pushed(client, uri)
    assert [diagnostic.code for diagnostic in broken] == ["yaml-syntax"]
    edit(client, uri, (1, 9), (1, 12), "")
    assert await pushed(client, uri) == []


async def test_a_file_that_is_not_a_map_gets_a_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "list.yaml", "- a\n- b\n")
    diagnostics = await pushed(client, uri)
    assert diagnostics and all(diagnostic.severity == types.DiagnosticSeverity.Error for diagnostic in diagnostics)


@pytest.mark.parametrize(
    "text",
    ["", "thesis:\n  claim: T\n  premises:\n    - ", "thesis:\n  claim: 'unclosed\n", "\t\x00\ufeff: ]", "thesis: {"],
)
async def test_half_typed_text_gets_diagnostics_and_the_server_goes_on(client: LanguageClient, tmp_path: Path, text):
    uri = open_map(client, tmp_path / "half.yaml", text)
    diagnostics = await pushed(client, uri)
    assert diagnostics, text
    assert await pulled(client, uri) == diagnostics


async def test_pull_gives_the_same_as_push(puller: LanguageClient, tmp_path: Path):
    uri = open_map(puller, tmp_path / "m.yaml", ERROR)
    [diagnostic] = await pulled(puller, uri)
    assert diagnostic.code == "unsupported-premise"
    replace_text(puller, uri, CLEAN)
    assert await pulled(puller, uri) == []  # the current version, not the one before
    await asyncio.sleep(0.1)
    assert uri not in puller.diagnostics  # a client that pulls is not pushed to as well


async def test_severity_and_rules_come_from_the_settings_file_of_the_maps_folder(
    client: LanguageClient, tmp_path: Path
):
    (tmp_path / "argmap.toml").write_text('[severity]\nunsupported-premise = "warning"\n', encoding="utf-8")
    uri = open_map(client, tmp_path / "m.yaml", ERROR)
    [diagnostic] = await pushed(client, uri)
    assert diagnostic.severity == types.DiagnosticSeverity.Warning


async def test_a_changed_settings_file_rechecks_the_open_maps(client: LanguageClient, tmp_path: Path):
    uri = open_map(client, tmp_path / "m.yaml", ERROR)
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["unsupported-premise"]
    settings = tmp_path / "argmap.toml"
    settings.write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
    client.diagnostics.pop(uri)
    change = types.FileEvent(uri=settings.as_uri(), type=types.FileChangeType.Created)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
    assert await pushed(client, uri) == []


async def test_a_saved_source_text_rechecks_the_open_maps(client: LanguageClient, tmp_path: Path):
    text = (
        "sources:\n  s:\n    title: S\n    file: s.txt\nthesis:\n  claim: T\n"
        "  evidence:\n    - quote: the sky is green\n      source: s\n"
    )
    (tmp_path / "s.txt").write_text("The sky is blue.\n", encoding="utf-8")
    uri = open_map(client, tmp_path / "m.yaml", text)
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["quote-not-found"]
    (tmp_path / "s.txt").write_text("They say the sky is green.\n", encoding="utf-8")
    client.diagnostics.pop(uri)
    identifier = types.TextDocumentIdentifier(uri=(tmp_path / "s.txt").as_uri())
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=identifier))
    assert await pushed(client, uri) == []


async def test_a_broken_settings_file_is_a_diagnostic_and_the_defaults_apply(client: LanguageClient, tmp_path: Path):
    (tmp_path / "argmap.toml").write_text("select = [\n", encoding="utf-8")
    uri = open_map(client, tmp_path / "m.yaml", ERROR)
    codes = [diagnostic.code for diagnostic in await pushed(client, uri)]
    assert codes == ["invalid-settings", "unsupported-premise"]


async def test_a_duplicate_id_points_at_the_first_and_a_cycle_at_its_members(client: LanguageClient, tmp_path: Path):
    text = (
        "thesis:\n  id: t\n  claim: T\n  premises:\n"
        "    - id: a\n      claim: A\n      premises:\n        - id: b\n          claim: B\n"
        "          premises:\n            - ref: a\n"
        "    - id: a\n      claim: Again\n      assumption: true\n"
    )
    uri = open_map(client, tmp_path / "m.yaml", text)
    by_code = {diagnostic.code: diagnostic for diagnostic in await pushed(client, uri)}
    [first] = by_code["duplicate-id"].related_information
    assert first.location.uri == uri and text_at(text, types.Diagnostic(first.location.range, "")) == "claim: A"
    members = by_code["circular-reasoning"].related_information
    assert sorted(text_at(text, types.Diagnostic(member.location.range, "")) for member in members) == [
        "claim: A",
        "claim: B",
    ]


async def test_columns_count_utf16_units(client: LanguageClient, tmp_path: Path):
    text = "thesis:\n  claim: T\n  premises:\n    - {claim: \U0001f600 A, id: a, premisses: x}\n"
    uri = open_map(client, tmp_path / "m.yaml", text)
    [diagnostic] = await pushed(client, uri)
    line, index = place(text, "premisses")
    assert diagnostic.range.start == types.Position(line, index + 1)  # the emoji is two UTF-16 units


async def test_an_enormous_paste_blocks_no_other_document(client: LanguageClient, tmp_path: Path):
    small = open_map(client, tmp_path / "small.yaml", ERROR)
    await pushed(client, small)
    huge = open_map(client, tmp_path / "huge.yaml", "thesis:\n  claim: T\n  premises:\n" + "    - claim: A\n" * 20_000)
    hover = client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(small), types.Position(5, 10))
    )
    answer = await asyncio.wait_for(hover, 5)
    assert answer is not None and "unsupported" in answer.contents.value  # type: ignore[union-attr]
    assert len(await pushed(client, huge)) >= 100  # and the huge one is checked too
    close(client, huge)


async def test_a_short_text_nested_thousands_deep_blocks_no_other_document(client: LanguageClient, tmp_path: Path):
    """40 kB of brackets, under the size that sends a check to a worker, take YAML a second to refuse."""
    small = open_map(client, tmp_path / "small.yaml", ERROR)
    await pushed(client, small)
    deep = open_map(client, tmp_path / "deep.yaml", "thesis: " + "[" * 20_000 + "]" * 20_000 + "\n")
    hover = client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(small), types.Position(5, 10))
    )
    # Checked on the server's own thread, the deep text held every answer up for 1.6 s; on a worker,
    # the hover is answered at once. (Whether its diagnostics came first depends on the dependencies'
    # speed, so that is not asked.)
    assert await asyncio.wait_for(hover, 1) is not None
    assert [diagnostic.code for diagnostic in await pushed(client, deep)] == ["too-deep"]
    close(client, deep)


async def test_a_text_over_the_size_limit_is_refused_with_a_diagnostic(client: LanguageClient, tmp_path: Path):
    from argmap.limits import MAX_FILE_BYTES

    uri = open_map(client, tmp_path / "big.yaml", "#" * (MAX_FILE_BYTES + 1))
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["file-too-large"]
    close(client, uri)


async def test_many_documents_in_many_folders_each_with_its_own_settings(client: LanguageClient, tmp_path: Path):
    uris = []
    for number in range(12):
        folder = tmp_path / f"project{number}"
        folder.mkdir()
        if number % 2:
            (folder / "argmap.toml").write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
        uris.append(open_map(client, folder / "m.yaml", ERROR))
    for number, uri in enumerate(uris):
        assert [diagnostic.code for diagnostic in await pushed(client, uri)] == (
            [] if number % 2 else ["unsupported-premise"]
        )
        close(client, uri)


async def test_a_buffer_with_no_file_is_checked_with_the_default_settings(client: LanguageClient):
    uri = "untitled:Untitled-1"
    client.diagnostics.pop(uri, None)
    document = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=ERROR)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["unsupported-premise"]
    close(client, uri)


async def test_the_server_asks_to_watch_settings_files_and_source_texts(client: LanguageClient):
    from tests.lsp.conftest import REGISTERED
    from tests.lsp.session import WAIT_SECONDS

    async with asyncio.timeout(WAIT_SECONDS):  # the server asks once the client says it is initialized
        while not REGISTERED:
            await asyncio.sleep(0.01)
    [registration] = [found for found in REGISTERED if found.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    options = registration.register_options  # the client leaves them as JSON
    patterns = {watcher["globPattern"] for watcher in options["watchers"]}  # type: ignore[index]
    assert {"**/argmap.toml", "**/pyproject.toml", "**/*.txt"} <= patterns


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
async def test_an_edit_below_a_character_only_python_breaks_lines_at_lands_in_its_place(
    client: LanguageClient, tmp_path: Path, separator: str
):
    text = ERROR.replace("claim: T", f'claim: "T{separator}U"')
    uri = open_map(client, tmp_path / "m.yaml", text)
    assert [diagnostic.code for diagnostic in await pushed(client, uri)] == ["unsupported-premise"]
    line, character = place(text, "claim: A", len("claim: A"))  # lines as LSP counts them: at \n only
    edit(client, uri, (line, character), (line, character), "\n      assumption: true")
    assert await pushed(client, uri) == []


async def test_a_byte_order_mark_does_not_shift_the_first_lines_ranges(client: LanguageClient, tmp_path: Path):
    text = "\ufeffcolour: red\n" + CLEAN
    uri = open_map(client, tmp_path / "m.yaml", text)
    [diagnostic] = await pushed(client, uri)
    assert diagnostic.code == "unknown-key" and text_at(text, diagnostic) == "colour: red"


async def test_a_document_never_opened_is_not_read_from_disk(client: LanguageClient, tmp_path: Path):
    """The server answers about the editor's texts only: not a file it was never given (nor a missing one)."""
    from pygls.exceptions import JsonRpcException

    (tmp_path / "on-disk.yaml").write_text(ERROR, encoding="utf-8")
    for name in ("on-disk.yaml", "missing.yaml"):
        uri = (tmp_path / name).as_uri()
        hover = types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
        with pytest.raises(JsonRpcException, match="not open in the editor"):
            await client.text_document_hover_async(hover)
    opened = open_map(client, tmp_path / "opened.yaml", ERROR)
    assert await pushed(client, opened)  # and the server goes on
    close(client, opened)


async def test_a_pull_for_a_closed_document_gets_no_diagnostics(puller: LanguageClient, tmp_path: Path):
    uri = open_map(puller, tmp_path / "m.yaml", ERROR)
    assert await pulled(puller, uri)
    close(puller, uri)
    assert await pulled(puller, uri) == []
