"""Only ``argmap lsp`` pays for the server's dependencies: other commands never import them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tests.processes import argmap_process
from tests.samples import SEED

WATCHED = """
import sys
from typer.testing import CliRunner
from argmap.cli.app import app
result = CliRunner().invoke(app, sys.argv[1:])
print(sorted(name for name in sys.modules if name.split(".")[0] in {"pygls", "lsprotocol", "cattrs"}
      or name.startswith("argmap.lsp")))
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", str(SEED)], ["check", "--format", "json", str(SEED)], ["lsp", "--help"], ["rules"]],
)
def test_other_commands_do_not_import_the_server(args: list[str]):
    found = subprocess.run(
        [sys.executable, "-c", WATCHED, *args], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert found.strip() == "[]", found


def test_the_lsp_command_is_listed_with_its_help():
    assert "lsp" in argmap_process("--help").stdout
    shown = argmap_process("lsp", "--help")
    assert shown.returncode == 0 and "Example: argmap lsp" in shown.stdout


def test_the_server_ends_cleanly_when_its_input_closes():
    """An editor that dies closes the server's input: the server must end, not spin."""
    ended = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"], input=b"", capture_output=True, timeout=30, cwd=ROOT
    )
    assert ended.returncode in (0, 1) and b"Traceback" not in ended.stderr
