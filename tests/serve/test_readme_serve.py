"""The README's ``argmap serve`` commands run (on a free port), and ``--open`` opens the index."""

from __future__ import annotations

import re
import shlex
import stat
import time

from tests.helpers import ROOT
from tests.serve.live_server import serving

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Live preview: `argmap serve`", 1)[1].split("\n## ", 1)[0]
COMMANDS = [re.sub(r"\s+#.*$", "", line) for line in SECTION.splitlines() if line.startswith("argmap serve ")]


def test_the_readme_shows_serve_commands():
    assert len(COMMANDS) >= 2 and any("--open" in command for command in COMMANDS)


def test_each_readme_command_serves_and_open_opens_the_index(tmp_path):
    browser = tmp_path / "browser"
    opened = tmp_path / "opened"
    # webbrowser runs $BROWSER with the URL for %s: a script that notes the URL, not a real browser.
    browser.write_text(f'#!/bin/sh\necho "$1" >> {shlex.quote(str(opened))}\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    for command in COMMANDS:
        words = shlex.split(command)[2:]
        if "--port" in words:  # the README's port may be taken here: --port 0 (added by serving) instead
            at = words.index("--port")
            del words[at : at + 2]
        with serving(words[0], *words[1:], env={"BROWSER": f"{browser} %s"}) as server:
            status, _, body = server.get("/")
            assert status == 200 and b'href="/map/' in body
            if "--open" in words:
                deadline = time.monotonic() + 10
                while not opened.exists() and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert opened.read_text(encoding="utf-8") == f"{server.url}\n"
