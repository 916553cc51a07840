"""The pages ``argmap serve`` makes besides each map's interactive view: the index of the maps, and
the page of a map that cannot be read yet. Pure functions from names and problems to HTML; every
name and message is escaped, and the one script is a constant that the Content-Security-Policy
names by its hash.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from urllib.parse import quote

#: The waiting page's script: it lists the load problems each message brings, and shows the map as
#: soon as it can be read.
WAITING_SCRIPT = """
const list = document.getElementById("problems");
const source = new EventSource(document.body.dataset.events);
source.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.view) { source.close(); location.reload(); return; }
  list.replaceChildren(...message.load_problems.map((p) => {
    const item = document.createElement("li");
    item.textContent = `${p.file}:${p.line}:${p.column}: [${p.rule}] ${p.message}`;
    return item;
  }));
};
"""
#: The index's script: the server sends a message on its stream when the maps on offer are no
#: longer those the page lists (one added, renamed or removed), and the page shows the new list.
#: A hidden tab lets its stream go: a browser opens at most six connections to one server, and
#: each open map page holds one.
INDEX_SCRIPT = """
let listing = null;
const follow = () => {
  if (document.hidden) { if (listing) listing.close(); listing = null; return; }
  if (listing) return;
  listing = new EventSource(document.body.dataset.events);
  listing.onmessage = () => { listing.close(); location.reload(); };
};
document.addEventListener("visibilitychange", follow);
follow();
"""
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 50rem; padding: 0 1rem; color: #222; }
li { margin: .25rem 0; } code, .problems li { font-family: ui-monospace, monospace; font-size: 14px; }
.problems li { color: #a00; white-space: pre-wrap; } .note { color: #555; }
"""


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


_COMMON_POLICY = "default-src 'none'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
#: For the pages made here: their own style and script, nothing else.
OWN_PAGE_POLICY = (
    f"{_COMMON_POLICY}; style-src {_hash(STYLE)}; script-src {_hash(WAITING_SCRIPT)} {_hash(INDEX_SCRIPT)}"
)
#: For a map's interactive page, whose own meta tag names its inline code: this header adds the live
#: stream (connect-src 'self') and the images that export makes (data:, blob:), and forbids the rest.
MAP_PAGE_POLICY = f"{_COMMON_POLICY}; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:"


def page_url(name: str) -> str:
    return "/map/" + quote(name)


def events_url(name: str) -> str:
    return "/events/" + quote(name)


def source_url(name: str) -> str:
    return "/source/" + quote(name)


def listing_url(since: str) -> str:
    """The index's stream, told the digest of the listing the page shows."""
    return "/listing?since=" + quote(since)


def index_page(served: str, names: list[str], leaving: list[str], since: str) -> str:
    """The list of maps below the folder served, each a link to its live page; ``since`` names the
    listing it shows, so that its stream speaks only when the maps on offer change."""
    if names:
        items = "".join(
            f'<li><a href="{escape(page_url(name))}">{escape(name)}</a>'
            f' <a class="note" href="{escape(source_url(name))}">(text)</a></li>'
            for name in names
        )
        body = f"<ul>{items}</ul>"
    else:
        body = (
            '<p class="note">No <code>*.yaml</code>, <code>*.yml</code>, <code>*.argdown</code> or <code>*.ad</code>'
            " maps here yet.</p>"
        )
    if leaving:
        links = "".join(f"<li><code>{escape(name)}</code></li>" for name in leaving)
        body += f'<p class="note">Links that lead outside the folder, not followed:</p><ul>{links}</ul>'
    body = f"<h1>Maps in <code>{escape(served)}</code></h1>{body}<script>{INDEX_SCRIPT}</script>"
    return _page(f"argmap serve: {served}", body, events=listing_url(since))


def waiting_page(name: str, problems: list[str]) -> str:
    """The page of a map that cannot be read now: its problems, and the map once it can be read."""
    items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
    body = (
        f'<p><a href="/">All maps</a></p><h1><code>{escape(name)}</code> cannot be read</h1>'
        f'<ul class="problems" id="problems">{items}</ul>'
        '<p class="note">Fix the file and save: the map appears here.</p>'
        f"<script>{WAITING_SCRIPT}</script>"
    )
    return _page(f"{name}: cannot be read", body, events=events_url(name))


def _page(title: str, body: str, events: str | None = None) -> str:
    data = f' data-events="{escape(events)}"' if events is not None else ""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body{data}>{body}</body></html>\n"
    )
