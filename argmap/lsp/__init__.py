"""``argmap lsp``: a language server over stdio, a thin layer over the same library as the CLI.

The editor's unsaved text goes through what ``argmap check`` runs (:mod:`.analysis`); its problems
become diagnostics with ranges (:mod:`.diagnostics`, :mod:`.spans`); an index of where each claim
id and source key is written (:mod:`.index`), made once per version, answers hover, definition,
references and rename (:mod:`.navigation`), completion (:mod:`.completion`), the outline and folds
(:mod:`.outline`); quick fixes come from :mod:`argmap.fixes` (:mod:`.actions`). :mod:`.documents`
keeps each open document's checks, :mod:`.language_server` is the pygls server that holds them,
and :mod:`.server` its handlers. pygls and lsprotocol are imported by this package only, so no
other command pays for them.
"""

from __future__ import annotations


def serve() -> None:
    """Answer a language client on standard input and output until it says exit."""
    import gc
    import os

    from .server import server

    # Automatic collection stays off, as for every command: the server collects when typing
    # pauses (see argmap.lsp.documents), not in the middle of checking a large map.
    gc.disable()
    # Copies of the descriptors: pygls closes its streams at exit, and the command line still
    # flushes its own standard output after the command returns.
    with os.fdopen(os.dup(0), "rb") as reading, os.fdopen(os.dup(1), "wb") as writing:
        server.start_io(reading, writing)
