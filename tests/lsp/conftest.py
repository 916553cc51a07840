"""The language server under test: the real ``argmap lsp`` process, driven by pytest-lsp.

One server per test module (starting one costs about half a second); each test opens its own
documents, under its own ``tmp_path``. ``client`` is a client that takes pushed diagnostics,
``puller`` one that asks for them (``textDocument/diagnostic``).
"""

from __future__ import annotations

import os
import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.helpers import ROOT

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "argmap", "lsp"],
    server_env={**os.environ, "PYTHONPATH": str(ROOT)},
)

#: What a plain editor says it can do: diagnostics are pushed to it, files watched for it.
PUSHED = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
        workspace_folders=True,
    ),
    text_document=types.TextDocumentClientCapabilities(
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
        rename=types.RenameClientCapabilities(prepare_support=True),
    ),
)
#: A client that pulls diagnostics (as VS Code does).
PULLED = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(diagnostic=types.DiagnosticClientCapabilities())
)


#: What the server asked ``client`` to register (the files it watches).
REGISTERED: list[types.Registration] = []


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        REGISTERED.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=PUSHED,
            root_uri=ROOT.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=ROOT.as_uri(), name="argmap")],
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER, scope="module")
async def puller(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=PULLED))
    yield
    await lsp_client.shutdown_session()
