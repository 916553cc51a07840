"""The server's state: the pygls language server with argmap's open documents, and its protocol.

:mod:`argmap.lsp.server` registers the handlers of each feature on the one instance made there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from .. import __version__
from .analysis import Analysis
from .diagnostics import diagnostics
from .documents import Document, Documents


class ArgmapProtocol(LanguageServerProtocol):
    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Iterator[Any]:
        """pygls's copy of the text gets a copy of the changes; the server's handler, the changes as sent.

        pygls breaks lines at \\x85 and \\u2028 as well, and moves a position past the end of such
        a line back onto it in the params themselves; the server's own copy of the text
        (:func:`~argmap.lsp.convert.edited`) must see each range as the editor sent it.
        """
        for handler, _, callback in super().lsp_text_document__did_change(copy.deepcopy(params)):
            yield handler, (params,), callback

    def _check_handler_result(self, future: Future[Any]) -> None:
        """After a notification: its future is dropped (pygls 2 keeps it).

        pygls files the future of a notification whose handler is a generator (``didOpen``,
        ``didChange``, ``didClose``...) among those of the requests, under a fresh id, and never
        takes it out: one future for each keystroke, about 1.2 kB, for as long as the server
        runs (measured: 30 MiB after 25,000 edits).
        """
        super()._check_handler_result(future)
        for msg_id, waiting in list(self._request_futures.items()):
            if waiting is future:
                del self._request_futures[msg_id]


class ArgmapServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "argmap",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=ArgmapProtocol,
        )
        self.documents = Documents(self._publish)

    def text_of(self, document: Document) -> Callable[[], tuple[str, int]]:
        """A function that gives the document's current text and version."""

        def current() -> tuple[str, int]:
            if document.text is not None:
                return document.text, document.version
            text_document = self.workspace.get_text_document(document.uri)  # asked about, never opened
            return text_document.source, text_document.version or 0

        return current

    def pulls(self) -> bool:
        """Whether the client asks for diagnostics itself (``textDocument/diagnostic``)."""
        text_document = self.client_capabilities.text_document
        return text_document is not None and text_document.diagnostic is not None

    def _publish(self, document: Document, analysis: Analysis) -> None:
        if self.pulls():
            return
        codec = self.workspace.position_codec
        params = types.PublishDiagnosticsParams(
            uri=document.uri, version=analysis.version, diagnostics=diagnostics(analysis, codec, document.uri)
        )
        self.text_document_publish_diagnostics(params)

    def document(self, uri: str) -> Document:
        """The open document at ``uri`` (a request about one never opened opens it)."""
        found = self.documents.open.get(uri)
        if found is None:
            found = self.documents.opened(uri, path_of(uri))
        return found

    async def settled(self, uri: str) -> Analysis:
        document = self.document(uri)
        return await self.documents.settled(document, self.text_of(document))

    def navigable(self, uri: str) -> Analysis | None:
        """The analysis navigation answers from: the last version that loaded."""
        document = self.documents.open.get(uri)
        return document.good if document is not None else None


def path_of(uri: str) -> Path:
    """The file a document stands for; a document with no file (``untitled:``) is named by its URI."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else Path(uri.rpartition("/")[2] or "untitled.yaml")
