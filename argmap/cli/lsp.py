"""``argmap lsp``: the language server, for editors (see the README, "In the editor")."""

from __future__ import annotations


def lsp() -> None:
    """Run the language server on standard input and output (started by an editor, not by hand).

    Live checks, hover, go to definition, references, rename, completion, outline and quick fixes
    for maps, in any editor that speaks the Language Server Protocol.

    Example: argmap lsp
    """
    from ..lsp import serve

    serve()
