"""What ``argmap serve`` refuses: files outside the folder, other hosts' names, writes, framing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.samples import CLEAN
from tests.serve.live_server import Served, serving

SECRET = "secret: do not serve\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """A folder with a map, a text file, a hidden folder, links out (to a map, a folder) and one in;
    a secret beside it."""
    root = tmp_path_factory.mktemp("safety")
    folder = root / "maps"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a map\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "c.yaml").write_text(CLEAN, encoding="utf-8")
    (root / "secret.yaml").write_text(SECRET, encoding="utf-8")
    (root / "outside").mkdir()
    (root / "outside" / "c.yaml").write_text(SECRET, encoding="utf-8")
    os.symlink(root / "secret.yaml", folder / "out.yaml")
    os.symlink(root / "outside", folder / "outdir")
    os.symlink(folder / "a.yaml", folder / "sub" / "in.yaml")
    with serving(folder) as server:
        yield server


def body(server: Served, target: str) -> tuple[int, str]:
    status, _, data = server.get(target)
    return status, data.decode(errors="replace")


@pytest.mark.parametrize(
    "target",
    [
        "/map/../secret.yaml",
        "/source/../secret.yaml",
        "/source/%2e%2e/secret.yaml",
        "/source/%2E%2E%2Fsecret.yaml",
        "/source/..%2fsecret.yaml",
        "/source/..%252fsecret.yaml",
        "/source/sub/..%2f..%2fsecret.yaml",
        "/source/%2fetc%2fpasswd",
        "/source//etc/passwd",
        "/source/" + str(Path("/etc/passwd")),
        "/source/..\\secret.yaml",
        "/source/%c0%ae%c0%ae/secret.yaml",
        "/source/out.yaml",
        "/map/out.yaml",
        "/events/out.yaml",
        "/source/outdir/c.yaml",
        "/source/notes.txt",
        "/source/.git/c.yaml",
        "/source/a.yaml%00.txt",
        "/../secret.yaml",
        "/secret.yaml",
        "/maps/",
        "/source/",
        "/source/sub",
        "/sub/",
    ],
)
def test_nothing_outside_the_maps_is_served(served, target):
    status, text = body(served, target)
    assert status == 404, target
    assert "secret" not in text and "not a map" not in text and "root:" not in text


def test_a_link_that_stays_inside_is_served_and_the_links_out_are_named_on_the_index(served):
    assert body(served, "/source/sub/in.yaml") == (200, CLEAN)
    assert body(served, "/source/sub%2Fin.yaml") == (200, CLEAN)  # an encoded slash names the same map
    status, index = body(served, "/")
    assert status == 200 and "out.yaml" in index and "outdir" in index
    assert 'href="/map/out.yaml"' not in index


def test_an_absolute_form_request_target_is_refused(served):
    status, _, _ = served.request("GET", f"http://{served.host}:{served.port}/source/a.yaml")
    assert status == 404


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "127.0.0.1", "127.0.0.1:1", "127.0.0.1.nip.io:{port}", ""]
)
def test_a_request_for_another_host_is_refused(served, host):
    status, headers, data = served.request("GET", "/source/a.yaml", host=host.format(port=served.port))
    assert status == 421
    assert CLEAN.encode() not in data
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_the_served_address_and_localhost_are_answered(served, host):
    assert served.request("GET", "/source/a.yaml", host=host.format(port=served.port))[0] == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "BREW"])
def test_only_get_and_head_are_answered(served, method):
    status, headers, _ = served.request(method, "/source/a.yaml", headers={"Content-Length": "0"})
    assert status == 405 and headers["allow"] == "GET, HEAD"


def test_head_gives_the_headers_alone(served):
    status, headers, data = served.request("HEAD", "/source/a.yaml")
    assert status == 200 and data == b"" and headers["content-length"] == str(len(CLEAN))


@pytest.mark.parametrize("target", ["/", "/map/a.yaml", "/source/a.yaml", "/nowhere", "/source/../x"])
def test_every_answer_says_what_it_is_and_may_not_be_framed(served, target):
    _, headers, _ = served.get(target)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "argmap" in headers["server"] and "Python" not in headers["server"]


def test_a_malformed_request_gets_a_plain_answer(served):
    import socket

    with socket.create_connection((served.host, served.port), timeout=10) as connection:
        connection.sendall(b"GET /a b HTTP/1.0\r\n\r\n")
        answer = connection.recv(65536).decode(errors="replace")
    assert answer.startswith("HTTP/1.0 400") and "text/plain" in answer
