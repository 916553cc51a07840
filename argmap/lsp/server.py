"""The language server: pygls handlers, one per feature, each a thin call into this package.

Diagnostics are pushed (``textDocument/publishDiagnostics``) to clients that cannot pull, and
answered to ``textDocument/diagnostic`` for those that can (pushing to them too would show every
problem twice). Navigation answers from the last version of the document that loaded, so that it
goes on working while the text is half typed; rename and quick fixes, which write, wait for the
current version and refuse to work on one that does not load.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams

from . import actions, completion, navigation, outline
from .analysis import Analysis
from .convert import edited, from_position
from .diagnostics import SOURCE, diagnostics
from .language_server import ArgmapServer, path_of
from .spans import split_lines

#: Files whose change may change the problems of every open map: settings, and source texts.
WATCHED = ("**/argmap.toml", "**/pyproject.toml", "**/*.txt", "**/*.md", "**/*.html", "**/*.htm")

server = ArgmapServer()


@server.feature(types.INITIALIZED)
def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
    workspace = ls.client_capabilities.workspace
    watching = workspace.did_change_watched_files if workspace is not None else None
    if watching is not None and watching.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        )
        registration = types.Registration(
            id="argmap-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.documents.closed(params.text_document.uri)  # opened again: its versions start again
    document = ls.documents.opened(params.text_document.uri, path_of(params.text_document.uri))
    document.text, document.version = params.text_document.text, params.text_document.version
    ls.documents.schedule(document, ls.text_of(document))


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.document(params.text_document.uri)
    if document.text is not None:
        for change in params.content_changes:
            document.text = edited(ls.workspace.position_codec, document.text, change)
        document.version = params.text_document.version
    ls.documents.schedule(document, ls.text_of(document))


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.documents.closed(params.text_document.uri)
    if not ls.pulls():
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    """A saved settings file or source text may change what every open map reports."""
    if not params.text_document.uri.endswith((".yaml", ".yml")):
        _recheck_all(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files_changed(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
    _recheck_all(ls)


def _recheck_all(ls: ArgmapServer) -> None:
    ls.documents.recheck_all(ls.text_of)
    if ls.pulls():
        ls.workspace_diagnostic_refresh(None)


@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(identifier=SOURCE, inter_file_dependencies=False, workspace_diagnostics=False),
)
async def pull_diagnostics(ls: ArgmapServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
    analysis = await ls.settled(params.text_document.uri)
    items = diagnostics(analysis, ls.workspace.position_codec, params.text_document.uri)
    return types.RelatedFullDocumentDiagnosticReport(items=items)


def _spot(ls: ArgmapServer, analysis: Analysis, position: types.Position) -> tuple[int, int]:
    return from_position(ls.workspace.position_codec, analysis.lines, position)


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    await ls.settled(params.text_document.uri)
    analysis = ls.navigable(params.text_document.uri)
    if analysis is None:
        return None
    return navigation.hover(analysis, ls.workspace.position_codec, _spot(ls, analysis, params.position))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
async def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
    await ls.settled(params.text_document.uri)
    analysis = ls.navigable(params.text_document.uri)
    if analysis is None:
        return None
    spot = _spot(ls, analysis, params.position)
    return navigation.definition(analysis, ls.workspace.position_codec, params.text_document.uri, spot)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
async def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
    await ls.settled(params.text_document.uri)
    analysis = ls.navigable(params.text_document.uri)
    if analysis is None:
        return []
    spot = _spot(ls, analysis, params.position)
    codec, uri = ls.workspace.position_codec, params.text_document.uri
    return navigation.references(analysis, codec, uri, spot, params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " ", "[", ","]))
def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
    """From the text as typed this moment, with the names of the last version that loaded."""
    document = ls.document(params.text_document.uri)
    text, version = ls.text_of(document)()
    latest = document.latest
    lines = latest.lines if latest is not None and latest.version == version else split_lines(text)
    spot = from_position(ls.workspace.position_codec, lines, params.position)
    return completion.complete(lines, *spot, ls.navigable(params.text_document.uri))


async def _current(ls: ArgmapServer, uri: str) -> Analysis:
    """The check of the current version, which must have loaded: edits are made to it."""
    analysis = await ls.settled(uri)
    if analysis.argmap is None:
        raise JsonRpcInvalidParams("the map does not load as it is; fix the problems it shows first")
    return analysis


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
async def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
    analysis = await ls.settled(params.text_document.uri)
    if analysis.argmap is None:
        return None
    return navigation.prepare_rename(analysis, ls.workspace.position_codec, _spot(ls, analysis, params.position))


@server.feature(types.TEXT_DOCUMENT_RENAME)
async def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit:
    uri = params.text_document.uri
    analysis = await _current(ls, uri)
    spot = _spot(ls, analysis, params.position)
    try:
        return navigation.rename(analysis, ls.workspace.position_codec, uri, spot, params.new_name)
    except ValueError as error:
        raise JsonRpcInvalidParams(str(error)) from None


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
async def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    await ls.settled(params.text_document.uri)
    analysis = ls.navigable(params.text_document.uri)
    return outline.symbols(analysis, ls.workspace.position_codec) if analysis is not None else []


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
async def folding_ranges(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    await ls.settled(params.text_document.uri)
    analysis = ls.navigable(params.text_document.uri)
    return outline.folding_ranges(analysis) if analysis is not None else []


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
)
async def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    analysis = await ls.settled(uri)
    return actions.code_actions(analysis, ls.workspace.position_codec, uri, params.context.diagnostics)
