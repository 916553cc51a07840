"""The open documents of one server: each one's latest check, its last good model, its pending check.

A large map is checked in a worker thread, so that a map of 10,000 claims being checked does not
keep the server from answering about another document. Typing fast makes many versions: a change
checks at once when no check of the document is on its way, and otherwise waits
:data:`DEBOUNCE_SECONDS` for more; a check whose version has been overtaken is not published.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .analysis import Analysis, analyse

#: How long a change waits while a check of the document is on its way, so that a burst of
#: keystrokes is checked once. Checking the seed map takes 5-20 ms.
DEBOUNCE_SECONDS = 0.02
#: Texts shorter than this (a map of some 200 claims, checked in under 20 ms) are checked on the
#: server's own thread: handing them to a worker costs more than it saves.
THREAD_MIN_CHARS = 50_000
#: How long typing must pause before a large map's navigation is readied.
WARM_AFTER_SECONDS = 0.3
#: Checks after which cyclic garbage is collected even while typing goes on.
COLLECT_EVERY = 200
#: A pause in the checks this long collects it.
COLLECT_IDLE_SECONDS = 2.0
#: The rule id of a failure of argmap itself on a text.
INTERNAL_ERROR = "internal-error"


@dataclass
class Document:
    """What the server knows of one open document."""

    uri: str
    path: Path
    #: Whether the document is a file, whose folder's settings apply (not an ``untitled:`` buffer).
    local: bool = True
    #: The editor's text and its version, as changed by every edit it sent (``None``: not opened).
    text: str | None = None
    version: int = 0
    #: The latest version checked.
    latest: Analysis | None = None
    #: The latest version that loaded: navigation works from it while the text does not parse.
    good: Analysis | None = None
    pending: asyncio.Task[Analysis | None] | None = field(default=None, repr=False)
    #: The check running now, which a newer one waits for rather than cancels.
    busy: asyncio.Future[Analysis] | None = field(default=None, repr=False)
    #: The timer that readies navigation of its latest check once typing pauses.
    warming: asyncio.TimerHandle | None = field(default=None, repr=False)


class Documents:
    """Checks open documents and hands each finished check to ``publish``."""

    def __init__(self, publish: Callable[[Document, Analysis], None]) -> None:
        self.open: dict[str, Document] = {}
        self.publish = publish
        self._checks = 0
        self._idle: asyncio.TimerHandle | None = None
        self._warm_tasks: set[asyncio.Future[None]] = set()

    def opened(self, uri: str, path: Path) -> Document:
        return self.open.setdefault(uri, Document(uri, path, local=uri.startswith("file:")))

    def closed(self, uri: str) -> None:
        document = self.open.pop(uri, None)
        if document is not None:
            for waiting in (document.pending, document.warming):
                if waiting is not None:
                    waiting.cancel()

    def schedule(self, document: Document, text: Callable[[], tuple[str, int]]) -> None:
        """Check the document's text soon, replacing a check that has not started yet.

        With no check on its way the check starts at once (after the changes already received);
        a change that comes while one is on its way waits :data:`DEBOUNCE_SECONDS`, so that a burst
        of keystrokes is checked once, for its last version.
        """
        if document.warming is not None:
            document.warming.cancel()
        delay = 0.0
        if document.pending is not None and not document.pending.done():
            document.pending.cancel()
            delay = DEBOUNCE_SECONDS
        document.pending = asyncio.ensure_future(self._check(document, text, delay))

    async def _check(self, document: Document, text: Callable[[], tuple[str, int]], delay: float) -> Analysis | None:
        await asyncio.sleep(delay)
        source, version = text()
        if document.latest is not None and document.latest.version == version and document.latest.text == source:
            return document.latest
        if document.busy is not None and not document.busy.done():
            await asyncio.wait([document.busy])  # one check of a document at a time: no two threads on 10,000 claims
            source, version = text()
        document.busy = asyncio.ensure_future(self._checked(document, source, version))
        analysis = await asyncio.shield(document.busy)
        if self.open.get(document.uri) is not document or text()[1] != version:
            return analysis  # closed, or changed meanwhile: a newer check is on its way
        self._keep(document, analysis)
        self.publish(document, analysis)
        self._collect_later()
        if len(source) >= THREAD_MIN_CHARS:
            loop = asyncio.get_running_loop()
            document.warming = loop.call_later(WARM_AFTER_SECONDS, self._warm, analysis)
        return analysis

    def _warm(self, analysis: Analysis) -> None:
        """Index a large map's names, evaluate it and find its claims' lines, in a worker thread.

        Hover and definition would otherwise do it when first asked after a change: 0.1 to 0.3 s
        on 10,000 claims. Done only once typing has paused, so as not to slow the next check.
        """
        task = asyncio.ensure_future(asyncio.to_thread(warm, analysis))
        self._warm_tasks.add(task)
        task.add_done_callback(self._warm_tasks.discard)

    def _collect_later(self) -> None:
        """Collect cyclic garbage when typing pauses, and after every :data:`COLLECT_EVERY` checks.

        The server runs without automatic collection, as the command line does: a map of 10,000
        claims is a million objects, and every automatic collection walked them again (it doubled
        the time from a change to its diagnostics). Checks make no reference cycles; pygls and
        asyncio make a few per message, which these collections free.
        """
        self._checks += 1
        if self._idle is not None:
            self._idle.cancel()
        if self._checks >= COLLECT_EVERY:
            self._checks = 0
            gc.collect()
        else:
            self._idle = asyncio.get_running_loop().call_later(COLLECT_IDLE_SECONDS, gc.collect)

    @staticmethod
    async def _checked(document: Document, source: str, version: int) -> Analysis:
        """The check, in a worker thread when it takes long enough to hold up other documents."""
        if len(source) < THREAD_MIN_CHARS:
            return checked(document, source, version)
        return await asyncio.to_thread(checked, document, source, version)

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
            await asyncio.wait([pending])  # its end, not its result: a newer change may have cancelled it
        if document.latest is not None and document.latest.version == version:
            return document.latest
        analysis = await self._checked(document, source, version)
        self._keep(document, analysis)
        return analysis

    def recheck_all(self, text_of: Callable[[Document], Callable[[], tuple[str, int]]]) -> None:
        """Check every open document again (a settings file or a source text changed)."""
        for document in self.open.values():
            document.latest = None
            self.schedule(document, text_of(document))


def checked(document: Document, text: str, version: int) -> Analysis:
    """The document's text checked; a failure of argmap itself becomes a problem, not a dead server."""
    from ..config import Config

    try:
        return analyse(text, document.path, version, None if document.local else Config())
    except Exception as error:  # whatever it is, the editor must hear of it and go on
        message = f"argmap failed on this text ({type(error).__name__}: {error}); please report it"
        problem = Problem(str(document.path), 1, 1, INTERNAL_ERROR, "error", message)
        return Analysis(text, document.path, version, (problem,), None)


def warm(analysis: Analysis) -> None:
    """Make what navigation asks of a version before it is asked."""
    _ = analysis.names, analysis.evaluation, analysis.owners
