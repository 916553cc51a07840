"""Open pages and the files they show: each change on disk re-sends the maps it touches.

Every live page holds one server-sent-events stream (:class:`Subscription`) for one map. A watcher
thread (``watchfiles``, which uses the system's file notifications) wakes on any change below the
served folder. The map's settings file and source texts may lie outside it (``argmap.toml`` in the
project root), and a notification can be missed (one that came before the watcher started, a folder
past the system's limit of watches), so on each wake, and at least every :data:`TICK_MS`, the size
and time of each open map and of the files its check read are compared too. The message of each
map with an open page is then made again and sent if it differs from the last one sent: a save that
changes nothing the page shows sends nothing.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from pathlib import Path

from ..problems import Problem
from .messages import load_problems_message, message, read_map, signature
from .site import Site

#: Longest wait for a change outside the folder, in milliseconds; changes inside wake it at once.
TICK_MS = 250
#: How long the watcher waits for more changes after one before it reports them, in milliseconds:
#: an editor's save is often several writes (a backup, the file, a rename).
SETTLE_MS = 50
#: Longest wait for the watcher to start before the server answers, in seconds.
WATCH_START_SECONDS = 5.0
#: Seconds between comments on an idle stream, so that a page that has gone is noticed.
KEEPALIVE_SECONDS = 15.0


class Subscription:
    """One open page's stream: messages to send, ``None`` when the server stops."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.messages: queue.Queue[str | None] = queue.Queue()


class _Shown:
    """What the pages of one map were last sent, and what it was made from."""

    def __init__(self, text: str, files: tuple[Path, ...]) -> None:
        self.text = text
        #: The map and the files its check read.
        self.files = files
        self.stamps = signature(files)


class Hub:
    """The open pages, by map, and the watcher that keeps them up to date."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._lock = threading.Lock()
        self._pages: dict[Path, list[Subscription]] = {}
        self._shown: dict[Path, _Shown] = {}
        self._stop = threading.Event()
        #: Set once the watcher looks at the files: a save before then would go unseen.
        self._watching = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="argmap-serve-watch", daemon=True)
        #: Counts the watcher's wakes with changes below the folder (files added or removed among
        #: them), for the index pages that wait on it.
        self._changes = 0
        self._changed = threading.Condition()

    def start(self) -> None:
        """Start watching; return once the watcher sees changes (its first tick), or after a few seconds."""
        self._watcher.start()
        self._watching.wait(timeout=WATCH_START_SECONDS)

    def subscribe(self, name: str, path: Path) -> tuple[Subscription, str]:
        """A new stream for the map, and the message to open it with (the map as it is now)."""
        subscription = Subscription(name, path)
        shown = self._make(path)
        with self._lock:
            pages = self._pages.setdefault(path, [])
            before = self._shown.get(path)
            if before is not None and before.text != shown.text:
                for other in pages:  # the map changed since they were last told
                    other.messages.put(shown.text)
            pages.append(subscription)
            self._shown[path] = shown
        return subscription, shown.text

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            pages = self._pages.get(subscription.path, [])
            if subscription in pages:
                pages.remove(subscription)
            if not pages:
                self._pages.pop(subscription.path, None)
                self._shown.pop(subscription.path, None)

    def wait_for_change(self, seen: int, timeout: float) -> int | None:
        """Wait until the folder changed since wake number ``seen`` (or ``timeout`` seconds); the
        number of the last wake, or None once the server stops."""
        with self._changed:
            self._changed.wait_for(lambda: self._changes != seen or self._stop.is_set(), timeout=timeout)
            return None if self._stop.is_set() else self._changes

    def stop(self) -> None:
        """End every stream and the watcher."""
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        with self._lock:
            for pages in self._pages.values():
                for subscription in pages:
                    subscription.messages.put(None)
        if self._watcher.is_alive():
            self._watcher.join(timeout=5)

    def refresh(self, changed: bool) -> None:
        """Make each open map's message again if anything changed below the folder (``changed``) or
        in its files outside it; send the ones that differ."""
        with self._lock:
            shown = dict(self._shown)
        for path, before in shown.items():
            if not changed and signature(before.files) == before.stamps:
                continue
            after = self._make(path)
            if after.text == before.text:
                with self._lock:
                    if path in self._shown:
                        self._shown[path] = after
                continue
            with self._lock:
                if path not in self._shown:  # its last page closed meanwhile
                    continue
                self._shown[path] = after
                for subscription in self._pages.get(path, []):
                    subscription.messages.put(after.text)

    def _make(self, path: Path) -> _Shown:
        if not self.site.holds(path):  # replaced by a link that leads out since the page opened
            return _Shown(load_problems_message([gone(path)]), (path,))
        try:
            reading = read_map(path)
        except Exception as error:  # a bug must cost one message, never the watcher
            text = f"argmap serve could not show this map ({type(error).__name__}): please report it"
            return _Shown(load_problems_message([Problem(str(path), 1, 1, "internal-error", "error", text)]), (path,))
        return _Shown(message(reading), (path, *reading.read_with))

    def _watch(self) -> None:
        try:
            self._watch_with(force_polling=None)  # the system's notifications where it has them
        except (OSError, RuntimeError):  # no notifications to be had (the limit of watches reached): poll
            if not self._stop.is_set():
                # The folder itself may be gone: pages then keep what they show, with no traceback.
                with contextlib.suppress(OSError, RuntimeError):
                    self._watch_with(force_polling=True)
        finally:
            self._watching.set()  # never keep the server from starting

    def _watch_with(self, force_polling: bool | None) -> None:
        from watchfiles import watch

        for changes in watch(
            self.site.folder,
            stop_event=self._stop,
            debounce=SETTLE_MS * 4,
            step=SETTLE_MS,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
            recursive=self.site.is_folder,
            force_polling=force_polling,
            poll_delay_ms=TICK_MS,
        ):
            self._watching.set()
            if self._stop.is_set():
                return
            if changes:
                with self._changed:
                    self._changes += 1
                    self._changed.notify_all()
            self.refresh(changed=bool(changes))


def gone(path: Path) -> Problem:
    """Why a map whose page is open is no longer read: it became a link that leads out of the folder."""
    text = "this map is now a link that leads outside the folder being served; argmap serve does not follow it"
    return Problem(str(path), 1, 1, "unreadable", "error", text)
