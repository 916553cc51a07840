"""The open documents of one server: each one's latest check, its last good model, its pending check.

Checks run in a worker thread, so that a map of 10,000 claims being checked does not keep the
server from answering about another document. Typing fast makes many versions; a check starts
:data:`DEBOUNCE_SECONDS` after the last change, and a check whose version has been overtaken is
not published.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .analysis import Analysis, analyse

#: How long after a change a check starts, so that a burst of keystrokes is checked once. Checking
#: the seed map takes 10-20 ms: a longer wait would be most of the time to its diagnostics.
DEBOUNCE_SECONDS = 0.01
#: The rule id of a failure of argmap itself on a text.
INTERNAL_ERROR = "internal-error"


@dataclass
class Document:
    """What the server knows of one open document."""

    uri: str
    path: Path
    #: Whether the document is a file, whose folder's settings apply (not an ``untitled:`` buffer).
    local: bool = True
    #: The latest version checked.
    latest: Analysis | None = None
    #: The latest version that loaded: navigation works from it while the text does not parse.
    good: Analysis | None = None
    pending: asyncio.Task[Analysis | None] | None = field(default=None, repr=False)


class Documents:
    """Checks open documents and hands each finished check to ``publish``."""

    def __init__(self, publish: Callable[[Document, Analysis], None]) -> None:
        self.open: dict[str, Document] = {}
        self.publish = publish

    def opened(self, uri: str, path: Path) -> Document:
        return self.open.setdefault(uri, Document(uri, path, local=uri.startswith("file:")))

    def closed(self, uri: str) -> None:
        document = self.open.pop(uri, None)
        if document is not None and document.pending is not None:
            document.pending.cancel()

    def schedule(
        self, document: Document, text: Callable[[], tuple[str, int]], delay: float = DEBOUNCE_SECONDS
    ) -> None:
        """Check the document's text soon, replacing a check that has not started yet."""
        if document.pending is not None and not document.pending.done():
            document.pending.cancel()
        document.pending = asyncio.ensure_future(self._check(document, text, delay))

    async def _check(self, document: Document, text: Callable[[], tuple[str, int]], delay: float) -> Analysis | None:
        if delay:
            await asyncio.sleep(delay)
        source, version = text()
        if document.latest is not None and document.latest.version == version and document.latest.text == source:
            return document.latest
        analysis = await asyncio.shield(asyncio.to_thread(checked, document, source, version))
        if self.open.get(document.uri) is not document or text()[1] != version:
            return analysis  # closed, or changed meanwhile: a newer check is on its way
        self._keep(document, analysis)
        self.publish(document, analysis)
        return analysis

    def _keep(self, document: Document, analysis: Analysis) -> None:
        document.latest = analysis
        if analysis.argmap is not None:
            document.good = analysis

    async def settled(self, document: Document, text: Callable[[], tuple[str, int]]) -> Analysis:
        """The check of the document's current version, made now if none is on its way."""
        source, version = text()
        if document.latest is not None and document.latest.version == version:
            return document.latest
        pending = document.pending
        if pending is not None and not pending.done():
            try:
                await pending
            except asyncio.CancelledError:
                if asyncio.current_task() is not None and asyncio.current_task().cancelling():  # type: ignore[union-attr]
                    raise
        if document.latest is not None and document.latest.version == version:
            return document.latest
        analysis = await asyncio.to_thread(checked, document, source, version)
        self._keep(document, analysis)
        return analysis

    def recheck_all(self, text_of: Callable[[Document], Callable[[], tuple[str, int]]]) -> None:
        """Check every open document again (a settings file or a source text changed)."""
        for document in self.open.values():
            document.latest = None
            self.schedule(document, text_of(document), delay=0)


def checked(document: Document, text: str, version: int) -> Analysis:
    """The document's text checked; a failure of argmap itself becomes a problem, not a dead server."""
    from ..config import Config

    try:
        return analyse(text, document.path, version, None if document.local else Config())
    except Exception as error:  # whatever it is, the editor must hear of it and go on
        message = f"argmap failed on this text ({type(error).__name__}: {error}); please report it"
        problem = Problem(str(document.path), 1, 1, INTERNAL_ERROR, "error", message)
        return Analysis(text, document.path, version, (problem,), None)
