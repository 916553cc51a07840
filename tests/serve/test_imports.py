"""No command but ``argmap serve`` imports what it serves with: watchfiles, http.server, argmap.serve."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.samples import RENDER_ALL

SERVER_MODULES = ("watchfiles", "http.server", "socketserver", "argmap.serve")

#: Runs each command in a fresh interpreter and says which of SERVER_MODULES it imported.
PROBE = """
import json, sys
from typer.testing import CliRunner
from argmap.cli.app import app
args = json.loads(sys.argv[1])
code = CliRunner().invoke(app, args).exit_code
print(json.dumps([code, [m for m in json.loads(sys.argv[2]) if m in sys.modules]]))
"""


def imported_by(*args: str) -> tuple[int, list[str]]:
    command = [sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(SERVER_MODULES)]
    code, modules = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return code, modules


def test_other_commands_import_nothing_of_the_server(tmp_path):
    commands = [
        ["--help"],
        ["check", str(RENDER_ALL)],
        ["show", str(RENDER_ALL)],
        ["eval", str(RENDER_ALL)],
        ["render", str(RENDER_ALL), "-o", str(tmp_path / "a.svg")],
        ["rules"],
        ["schema"],
        ["serve", "--help"],
    ]
    for args in commands:
        code, modules = imported_by(*args)
        assert code in (0, 1), args
        assert modules == [], args


def test_the_probe_sees_the_server_when_serve_imports_it():
    # A missing path ends 'serve' with exit 2 before it listens, once the server is imported.
    code, modules = imported_by("serve", "/nonexistent/folder", "--port", "0")
    assert code == 2
    assert {"http.server", "argmap.serve"} <= set(modules)
