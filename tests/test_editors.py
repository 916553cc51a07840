"""Editor setup (README, "Setting up each editor"): every snippet names ``argmap lsp``, and the server, started
as each editor starts it, answers that editor's ``initialize`` and gives it a map's diagnostics.

Each editor is its command line (read from the README's snippet, or from the VS Code extension) and
the ``initialize`` request it sends: client name, capabilities (those pytest-lsp captured from the
real Neovim, Emacs and VS Code; Helix's and Zed's written out below from their sources), position
encodings, initialization options, root and workspace folders. The map has text beyond ASCII before
a problem, so the range the editor gets, and the quick fix it applies there, are checked in the position
encoding it agreed with the server.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from lsprotocol import types
from lsprotocol.converters import get_converter
from pytest_lsp import client_capabilities
from pytest_lsp.client import make_test_lsp_client

import argmap
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("\n### Setting up each editor\n", 1)[1].split("\n## ", 1)[0]
VSCODE = ROOT / "editors" / "vscode"
WAIT_SECONDS = 30.0


def snippet(language: str) -> str:
    """The README's one code block in ``language`` in the section "Setting up each editor"."""
    (block,) = re.findall(rf"```{language}\n(.*?)```", SECTION, flags=re.S)
    return block


def neovim_command() -> list[str]:
    lua = snippet("lua")
    assert re.search(r'vim\.lsp\.enable\("argmap"\)', lua) and re.search(r'vim\.lsp\.config\("argmap"', lua)
    (cmd,) = re.findall(r"\bcmd\s*=\s*\{([^}]*)\}", lua)
    return re.findall(r'"([^"]*)"', cmd)


def helix_command() -> list[str]:
    settings = tomllib.loads(snippet("toml"))
    (language,) = settings["language"]
    assert "argmap" in language["language-servers"] and language["grammar"] == "yaml"
    server = settings["language-server"]["argmap"]
    return [server["command"], *server["args"]]


def emacs_command() -> list[str]:
    elisp = snippet("elisp")
    assert "eglot-ensure" in elisp
    (program,) = re.findall(r"\)\s*\.\s*\(((?:\s*\"[^\"]*\")+)\s*\)", elisp)
    return re.findall(r'"([^"]*)"', program)


def zed_command() -> list[str]:
    settings = json.loads(snippet("json"))
    assert "argmap" in settings["languages"]["YAML"]["language_servers"]
    binary = settings["lsp"]["argmap"]["binary"]
    return [binary["path"], *binary["arguments"]]


def vscode_command() -> list[str]:
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    client = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert re.search(r'args: \["lsp"\]', client), "the extension starts `<argmap.path> lsp`"
    return [manifest["contributes"]["configuration"]["properties"]["argmap.path"]["default"], "lsp"]


def structure(capabilities: dict[str, Any]) -> types.ClientCapabilities:
    return get_converter().structure(capabilities, types.ClientCapabilities)  # type: ignore[no-any-return]


#: Helix 25.07 (helix-lsp/src/client.rs): UTF-8 first, pushed diagnostics, files watched on request.
HELIX = structure(
    {
        "general": {"positionEncodings": ["utf-8", "utf-32", "utf-16"]},
        "window": {"workDoneProgress": True, "showDocument": {"support": True}},
        "workspace": {
            "configuration": True,
            "workspaceFolders": True,
            "applyEdit": True,
            "didChangeConfiguration": {"dynamicRegistration": False},
            "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": False},
            "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create", "rename", "delete"]},
        },
        "textDocument": {
            "completion": {"completionItem": {"snippetSupport": True, "insertReplaceSupport": True}},
            "hover": {"contentFormat": ["markdown"]},
            "rename": {"dynamicRegistration": False, "prepareSupport": True},
            "codeAction": {
                "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}},
                "isPreferredSupport": True,
                "resolveSupport": {"properties": ["edit", "command"]},
            },
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
            "publishDiagnostics": {"versionSupport": True, "tagSupport": {"valueSet": [1, 2]}},
        },
    }
)
#: Zed (crates/lsp/src/lsp.rs): UTF-16, diagnostics pulled (and pushed ones taken), related information.
ZED = structure(
    {
        "general": {"positionEncodings": ["utf-16"]},
        "window": {
            "workDoneProgress": True,
            "showMessage": {"messageActionItem": {"additionalPropertiesSupport": True}},
        },
        "workspace": {
            "configuration": True,
            "workspaceFolders": True,
            "applyEdit": True,
            "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": True},
            "diagnostics": {"refreshSupport": True},
        },
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "rename": {"prepareSupport": True, "dynamicRegistration": True},
            "codeAction": {
                "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor", "source"]}},
                "dataSupport": True,
                "resolveSupport": {"properties": ["kind", "diagnostics", "isPreferred", "disabled", "edit", "command"]},
            },
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
            "diagnostic": {"dynamicRegistration": False, "relatedDocumentSupport": True},
            "publishDiagnostics": {"relatedInformation": True, "dataSupport": True, "tagSupport": {"valueSet": [1, 2]}},
        },
    }
)


def vscode_capabilities() -> types.ClientCapabilities:
    """VS Code as pytest-lsp captured it (1.65), with the pulled diagnostics it has had since 1.67."""
    capabilities = client_capabilities("visual-studio-code")
    assert capabilities.text_document is not None
    capabilities.text_document.diagnostic = types.DiagnosticClientCapabilities(
        dynamic_registration=True, related_document_support=False
    )
    return capabilities


class Editor(NamedTuple):
    name: str
    command: Callable[[], list[str]]
    client_info: types.ClientInfo
    capabilities: Callable[[], types.ClientCapabilities]
    #: What the editor sends as ``initializationOptions`` with the README's setup.
    initialization_options: object = None
    #: Whether it sends the old ``rootPath`` besides ``rootUri``.
    root_path: bool = True


EDITORS = [
    Editor(
        "neovim", neovim_command, types.ClientInfo("Neovim", "0.11.0"), lambda: client_capabilities("neovim@v0.11.0")
    ),
    Editor("helix", helix_command, types.ClientInfo("helix", "25.07.1"), lambda: HELIX),
    # eglot sends an empty object when no options are set (eglot-initialization-options).
    Editor("emacs", emacs_command, types.ClientInfo("Eglot", "1.17"), lambda: client_capabilities("emacs@v29.1"), {}),
    Editor("zed", zed_command, types.ClientInfo("Zed", "0.205.0"), lambda: ZED, root_path=False),
    Editor(
        "vscode",
        vscode_command,
        types.ClientInfo("Visual Studio Code", "1.95.0"),
        vscode_capabilities,
        {"allYamlFiles": False},
        root_path=False,
    ),
]

#: A map with three problems; on line 10, text beyond ASCII (2 UTF-8 bytes, a UTF-16 surrogate pair)
#: comes before the misspelt source key.
MAP = """\
# yaml-language-server: $schema=../argmap/schema.json
sources:
  survey: {author: Ville de Lyon, date: "2024"}
thesis:
  id: plant
  claim: Lyon devrait planter des arbres.
  premises:
    - id: shade
      claim: L'ombre rafraîchit les rues.
      evidence: [{text: "Été 🌳 −4 °C", source: survy}]
    - id: cost
      claim: Les arbres coûtent peu.
  objections:
    - claim: L'arrosage coûte cher.
      assumption: true
"""


@pytest.mark.parametrize("editor", EDITORS, ids=lambda editor: editor.name)
def test_the_readme_setup_starts_argmap_lsp(editor):
    assert editor.command() == ["argmap", "lsp"]


def character(line: str, index: int, encoding: str) -> int:
    """The LSP character of a Python index in ``line``, in a position encoding."""
    prefix = line[:index]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


async def session(
    editor: Editor, folder: Path, path: Path
) -> tuple[types.InitializeResult, list[types.Diagnostic], list[types.CodeAction]]:
    """Start the server with the editor's command line, initialize as the editor does, open the map."""
    command = editor.command()
    # The installed `argmap` script runs this module with the interpreter it was installed for.
    program = [sys.executable, "-m", "argmap", *command[1:]]
    client = make_test_lsp_client()
    registered: list[types.Registration] = []
    client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: registered.extend(params.registrations))
    await client.start_io(*program, cwd=folder, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        params = types.InitializeParams(
            capabilities=editor.capabilities(),
            client_info=editor.client_info,
            process_id=os.getpid(),
            root_uri=folder.as_uri(),
            root_path=str(folder) if editor.root_path else None,
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
            initialization_options=editor.initialization_options,
            trace=types.TraceValue.Off,
        )
        result = await client.initialize_session(params)
        uri = path.as_uri()
        document = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=MAP)
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=document))
        async with asyncio.timeout(WAIT_SECONDS):
            if params.capabilities.text_document and params.capabilities.text_document.diagnostic:
                report = await client.text_document_diagnostic_async(
                    types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
                )
                assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
                diagnostics = list(report.items)
            else:
                while uri not in client.diagnostics:
                    await asyncio.sleep(0.01)
                diagnostics = list(client.diagnostics[uri])
            # The quick fix of the misspelt source, as the editor asks for it at the diagnostic.
            misspelt = [d for d in diagnostics if d.code == "unknown-reference"]
            actions = (
                await client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=misspelt[0].range,
                        context=types.CodeActionContext(diagnostics=misspelt, only=[types.CodeActionKind.QuickFix]),
                    )
                )
                if misspelt
                else []
            )
        await client.shutdown_session()
        return result, diagnostics, [action for action in actions or [] if isinstance(action, types.CodeAction)]
    finally:
        await client.stop()


@pytest.mark.parametrize("editor", EDITORS, ids=lambda editor: editor.name)
def test_the_server_started_as_the_editor_does_gives_it_the_maps_diagnostics(editor, tmp_path):
    path = tmp_path / "city.argmap.yaml"
    path.write_text(MAP, encoding="utf-8")
    result, diagnostics, actions = asyncio.run(session(editor, tmp_path, path))

    assert result.server_info is not None and result.server_info.name == "argmap"
    offered = (editor.capabilities().general or types.GeneralClientCapabilities()).position_encodings
    encoding = result.capabilities.position_encoding or types.PositionEncodingKind.Utf16
    assert encoding in (offered or [types.PositionEncodingKind.Utf16])

    expected = argmap.check(argmap.load(path))
    # The same findings as `argmap check` (a claim's range is its text, which may start a line lower).
    assert sorted(d.code for d in diagnostics) == sorted(p.rule for p in expected)  # type: ignore[type-var]
    for problem in expected:
        assert any(d.code == problem.rule and 0 <= d.range.start.line - (problem.line - 1) <= 1 for d in diagnostics)
    assert {d.source for d in diagnostics} == {"argmap"}
    (misspelt,) = [d for d in diagnostics if d.code == "unknown-reference"]
    line = MAP.splitlines()[9]
    assert misspelt.range.start.line == misspelt.range.end.line == 9
    assert misspelt.range.start.character == character(line, line.index("survy"), encoding)
    # At least the key's five characters (the server's span of a value in a flow mapping runs on to its end).
    assert misspelt.range.end.character >= character(line, line.index("survy") + len("survy"), encoding)
    assert "did you mean 'survey'" in misspelt.message
    (unanswered,) = [d for d in diagnostics if d.code == "unanswered-objection"]
    assert unanswered.severity == types.DiagnosticSeverity.Warning

    # Its preferred quick fix, applied in the editor's encoding, writes the key the hint names.
    (preferred,) = [action for action in actions if action.is_preferred]
    assert preferred.edit is not None and preferred.edit.changes is not None
    (edit,) = preferred.edit.changes[path.as_uri()]
    assert edit.range.start.line == edit.range.end.line == 9
    start, end = (python_index(line, at.character, encoding) for at in (edit.range.start, edit.range.end))
    assert line[:start] + edit.new_text + line[end:] == line.replace("survy", "survey")


def python_index(line: str, units: int, encoding: str) -> int:
    """The Python index in ``line`` of an LSP character (``units`` of the position encoding)."""
    index = 0
    while index < len(line) and character(line, index, encoding) < units:
        index += 1
    return index


ZED_EXTENSION = ROOT / "editors" / "zed"


def test_the_zed_extension_declares_the_server_the_readme_sets_up_for_yaml():
    manifest = tomllib.loads((ZED_EXTENSION / "extension.toml").read_text(encoding="utf-8"))
    assert manifest["id"] == "argmap" and manifest["schema_version"] == 1
    assert manifest["language_servers"]["argmap"]["languages"] == ["YAML"]
    assert set(json.loads(snippet("json"))["lsp"]) == set(manifest["language_servers"])
    crate = tomllib.loads((ZED_EXTENSION / "Cargo.toml").read_text(encoding="utf-8"))
    assert crate["lib"]["crate-type"] == ["cdylib"] and "zed_extension_api" in crate["dependencies"]
    # Without settings: `argmap` from the project's PATH, with the one argument `lsp`.
    source = (ZED_EXTENSION / "src" / "lib.rs").read_text(encoding="utf-8")
    assert 'worktree.which("argmap")' in source and 'vec!["lsp".to_string()]' in source


def test_the_zed_extension_builds_to_webassembly(tmp_path):
    """Where Rust's ``wasm32-wasip1`` target is installed and crates.io is reachable (as Zed needs)."""
    cargo, rustup = shutil.which("cargo"), shutil.which("rustup")
    if cargo is None or rustup is None:
        pytest.skip("Rust (cargo and rustup) is not installed")
    targets = subprocess.run([rustup, "target", "list", "--installed"], capture_output=True, text=True, check=False)
    if "wasm32-wasip1" not in targets.stdout.split():
        pytest.skip("Rust's wasm32-wasip1 target is not installed (rustup target add wasm32-wasip1)")
    crate = tmp_path / "zed"
    shutil.copytree(ZED_EXTENSION, crate)
    built = subprocess.run(
        [cargo, "build", "--release", "--target", "wasm32-wasip1"],
        cwd=crate,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if built.returncode != 0 and "index.crates.io" in built.stderr:
        pytest.skip("crates.io is not reachable")
    assert built.returncode == 0, built.stderr
    assert (crate / "target" / "wasm32-wasip1" / "release" / "argmap_zed.wasm").is_file()
