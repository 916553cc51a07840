"""``argmap serve`` through its real process: the index, the pages, the live stream, and the end."""

from __future__ import annotations

import re
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from tests.processes import argmap_process
from tests.samples import CLEAN, ERROR
from tests.serve.live_server import serving

#: A map with two claims; a test edits its text and watches the page change.
TWO = "thesis:\n  id: t\n  claim: Bikes belong on Main Street\n  premises:\n    - id: a\n      claim: Lanes are safe\n"


def rules_found(message: dict[str, Any]) -> list[str]:
    """The rules of the problems ``argmap check`` found, as the page is told them."""
    return [problem["rule"] for problem in message["view"]["problems"]]


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    folder = tmp_path / "maps"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(TWO, encoding="utf-8")
    (folder / "sub" / "b.yml").write_text(CLEAN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a map", encoding="utf-8")
    return folder


def test_the_index_lists_the_maps_as_check_walks_them(maps):
    (maps / ".hidden").mkdir()
    (maps / ".hidden" / "c.yaml").write_text(CLEAN, encoding="utf-8")
    with serving(maps) as server:
        status, headers, body = server.get("/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert 'href="/map/a.yaml"' in page and 'href="/map/sub/b.yml"' in page
    assert "notes.txt" not in page and "c.yaml" not in page


def test_argdown_documents_are_listed_and_served_unless_the_settings_leave_them_out(maps):
    (maps / "sub" / "c.argdown").write_text("[T]: Sundays are for reading.\n  + [P]: The library is quiet.\n")
    with serving(maps) as server:
        listed = server.get("/")[2].decode()
        status, _, page = server.get("/map/sub/c.argdown")
    assert 'href="/map/sub/c.argdown"' in listed
    assert status == 200 and "Sundays are for reading." in page.decode()
    (maps / "argmap.toml").write_text("argdown = false\n", encoding="utf-8")  # as `argmap check` reads it
    with serving(maps) as server:
        listed = server.get("/")[2].decode()
        status = server.get("/map/sub/c.argdown")[0]
    assert "c.argdown" not in listed and 'href="/map/a.yaml"' in listed and status == 404
    (maps / "argmap.toml").write_text('argdown = "no"\n', encoding="utf-8")  # unreadable: the page says why
    with serving(maps) as server:
        listed = server.get("/")[2].decode()
        page = server.get("/map/sub/c.argdown")[2].decode()
    assert 'href="/map/sub/c.argdown"' in listed and "must be true or false" in page


def test_the_index_stream_speaks_when_a_map_is_added_and_only_then(maps):
    with serving(maps) as server:
        page = server.get("/")[2].decode()
        [live] = re.findall(r'data-events="(/listing\?since=[0-9a-f]+)"', page)
        with server.events_at(live) as stream:
            (maps / "notes2.txt").write_text("not a map", encoding="utf-8")
            time.sleep(0.5)  # seen by the watcher; a file that is no map changes nothing listed: no message
            (maps / "sub" / "c.yaml").write_text(CLEAN, encoding="utf-8")
            saved = time.monotonic()
            assert stream.next()["maps"] == ["a.yaml", "sub/b.yml", "sub/c.yaml"]
            assert time.monotonic() - saved < 1.0
        with server.events_at("/listing?since=stale") as stream:
            assert stream.next()["maps"] == ["a.yaml", "sub/b.yml", "sub/c.yaml"]  # told at once


def test_a_map_page_is_the_interactive_view_with_a_live_stream(maps):
    with serving(maps) as server:
        status, headers, body = server.get("/map/a.yaml")
        source = server.get("/source/sub/b.yml")
    assert status == 200
    page = body.decode()
    assert "Bikes belong on Main Street" in page and "/events/a.yaml" in page
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "connect-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert source[0] == 200 and source[1]["content-type"] == "text/plain; charset=utf-8"
    assert source[2].decode() == CLEAN


def test_the_stream_of_a_page_just_made_does_not_send_the_same_map_again(maps):
    with serving(maps) as server:
        page = server.get("/map/a.yaml")[2].decode()
        [live] = re.findall(r'"(/events/a\.yaml\?since=[0-9a-f]+)"', page)
        with server.events(live.removeprefix("/events/")) as stream:
            (maps / "a.yaml").write_text(TWO.replace("Lanes are safe", "Lanes cut crashes"), encoding="utf-8")
            first = stream.next()  # not the map the page was made with: the edit
    assert "Lanes cut crashes" in str(first["view"])


@pytest.mark.parametrize("polling", ["", "1"], ids=["notified", "polling"])
def test_a_save_reaches_the_open_page_within_a_second(maps, polling):
    # WATCHFILES_FORCE_POLLING: as where the system sends no notifications (network drives, or its
    # limit of watched folders reached), when argmap serve asks the disk instead.
    with serving(maps, env={"WATCHFILES_FORCE_POLLING": polling}) as server, server.events("a.yaml") as stream:
        first = stream.next()
        assert first["load_problems"] == [] and "Lanes are safe" in str(first["view"])
        saved = time.monotonic()
        (maps / "a.yaml").write_text(TWO.replace("Lanes are safe", "Lanes cut crashes"), encoding="utf-8")
        update = stream.next(timeout=5)
        latency = time.monotonic() - saved
    assert "Lanes cut crashes" in str(update["view"]) and "Lanes are safe" not in str(update["view"])
    assert latency < 1.0, f"the update took {latency:.2f} s"


def test_broken_yaml_sends_its_problems_and_no_view_then_the_repair_sends_the_view(maps):
    with serving(maps) as server, server.events("a.yaml") as stream:
        stream.next()
        (maps / "a.yaml").write_text("thesis:\n  claim: [unclosed\n", encoding="utf-8")
        broken = stream.next()
        assert broken["view"] is None
        [problem] = broken["load_problems"]
        assert problem["file"].endswith("a.yaml") and problem["line"] >= 2 and problem["rule"]
        assert set(problem) == {"file", "line", "column", "rule", "message"}
        (maps / "a.yaml").write_text(TWO, encoding="utf-8")
        repaired = stream.next()
    assert repaired["view"] is not None and repaired["load_problems"] == []


def test_a_broken_map_opened_first_gets_a_page_that_says_where(maps):
    (maps / "a.yaml").write_text("thesis:\n  claim: [unclosed\n", encoding="utf-8")
    with serving(maps) as server:
        status, headers, body = server.get("/map/a.yaml")
    assert status == 200
    assert "a.yaml:3:1" in body.decode() or "a.yaml:2:" in body.decode()
    assert "script-src 'sha256-" in headers["content-security-policy"]


def test_a_change_to_the_settings_file_re_sends_the_map(maps):
    (maps / "a.yaml").write_text(ERROR, encoding="utf-8")
    with serving(maps) as server, server.events("a.yaml") as stream:
        assert rules_found(stream.next()) == ["unsupported-premise"]
        (maps / "argmap.toml").write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
        assert rules_found(stream.next()) == []
        (maps / "argmap.toml").write_text("ignore = [\n", encoding="utf-8")
        broken = stream.next()
    assert broken["view"] is None and broken["load_problems"][0]["file"].endswith("argmap.toml")


def test_a_settings_file_outside_the_folder_is_watched_too(maps):
    (maps / "a.yaml").write_text(ERROR, encoding="utf-8")
    (maps.parent / "argmap.toml").write_text("", encoding="utf-8")
    with serving(maps) as server, server.events("a.yaml") as stream:
        assert rules_found(stream.next()) == ["unsupported-premise"]
        (maps.parent / "argmap.toml").write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
        assert rules_found(stream.next()) == []


QUOTING = (
    "sources:\n  s: {author: A, file: ../texts/s.txt}\nthesis:\n  claim: T\n  evidence:\n"
    "    - quote: 'the lanes cut crashes by half'\n      source: s\n"
)


def test_a_change_to_a_source_text_outside_the_folder_re_sends_the_map(maps):
    (maps.parent / "argmap.toml").write_text("", encoding="utf-8")  # the project root: texts/ may be read
    (maps.parent / "texts").mkdir()
    (maps.parent / "texts" / "s.txt").write_text("Other words entirely.\n", encoding="utf-8")
    (maps / "a.yaml").write_text(QUOTING, encoding="utf-8")
    with serving(maps) as server, server.events("a.yaml") as stream:
        assert rules_found(stream.next()) == ["quote-not-found"]
        (maps.parent / "texts" / "s.txt").write_text("We saw the lanes cut crashes by half.\n", encoding="utf-8")
        saved = time.monotonic()
        assert rules_found(stream.next()) == []
        assert time.monotonic() - saved < 1.0


def test_one_map_can_be_served_alone(maps):
    with serving(maps / "a.yaml") as server:
        status, _, body = server.get("/")
        assert status == 200 and 'href="/map/a.yaml"' in body.decode() and "b.yml" not in body.decode()
        assert server.get("/map/sub/b.yml")[0] == 404


def test_a_folder_removed_while_served_leaves_an_empty_index_and_a_clean_stop(maps):
    with serving(maps) as server:
        shutil.rmtree(maps)
        time.sleep(0.5)  # the watcher finds its folder gone
        status, _, body = server.get("/")
        code, said = server.stop()
    assert status == 200 and "No <code>*.yaml</code>" in body.decode()
    assert (code, said) == (0, "Stopped.\n")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_it_cleanly_and_ends_the_open_streams(maps, signum):
    with serving(maps) as server, server.events("a.yaml") as stream:
        stream.next()
        code, said = server.stop(signum)
        with pytest.raises(AssertionError, match="the stream ended"):
            stream.next(timeout=5)
    assert code == 0
    assert said == "Stopped.\n"


def test_a_port_in_use_is_a_clear_error(maps):
    with serving(maps) as server:
        result = argmap_process("serve", maps, "--port", str(server.port), timeout=30)
    assert result.returncode == 2
    said = f"port {server.port} on 127.0.0.1 is in use: choose another with --port (--port 0 picks a free one)"
    assert result.stderr == f"argmap: error: {said}\n"


def test_a_missing_path_is_a_clear_error(tmp_path):
    result = argmap_process("serve", tmp_path / "nowhere", "--port", "0", timeout=30)
    assert result.returncode == 2 and "no such file or folder" in result.stderr
