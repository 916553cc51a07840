"""What the language server tests do with a client: open and edit documents, wait for diagnostics."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

#: Longest wait for the server's diagnostics (a loaded machine; they come in milliseconds).
WAIT_SECONDS = 20.0
_versions: dict[str, int] = {}


def open_map(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open ``path`` in the client with ``text`` (by default, the file's); its URI."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    _versions[uri] = 1
    text = path.read_text(encoding="utf-8") if text is None else text
    document = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))
    return uri


def replace_text(client: LanguageClient, uri: str, text: str) -> None:
    """Send the whole new text of the document, as the next version."""
    client.diagnostics.pop(uri, None)
    _versions[uri] += 1
    identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri])
    change = types.TextDocumentContentChangeWholeDocument(text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=identifier, content_changes=[change])
    )


def edit(client: LanguageClient, uri: str, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
    """Replace a range (0-based line and UTF-16 character) with ``text``, as the next version."""
    client.diagnostics.pop(uri, None)
    _versions[uri] += 1
    identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri])
    change = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(*start), types.Position(*end)), text=text
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=identifier, content_changes=[change])
    )


async def pushed(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server pushes for ``uri``."""
    async with asyncio.timeout(WAIT_SECONDS):
        while uri not in client.diagnostics:
            await asyncio.sleep(0.005)
    return list(client.diagnostics[uri])


async def pulled(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The diagnostics of the document's current version, asked for."""
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    report = await client.text_document_diagnostic_async(params)
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    return list(report.items)


def close(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri)))


def at(uri: str, line: int, character: int) -> dict[str, object]:
    """The ``text_document`` and ``position`` of a request at a place of a document."""
    return {"text_document": types.TextDocumentIdentifier(uri=uri), "position": types.Position(line, character)}


def place(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """The 0-based line and character of the first ``needle`` in ``text`` (plus ``offset``)."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)
