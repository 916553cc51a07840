"""The real ``argmap`` process ends without freeing its objects (cli_common.exit_now): its output
must still arrive whole, its exit code must still be the contract's, and a reader that stops early
must not make it print a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmap import cli_common
from argmap.cli import app
from tests.helpers import MAPS

SEED = MAPS / "bandow-iraq.yaml"


def argmap(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=MAPS.parent, **options
    )


@pytest.mark.parametrize(
    "args, code",
    [
        (["check", "maps/tutorial-basics.yaml"], 0),
        (["check", "maps/bandow-iraq.yaml"], 1),
        (["check", "maps/no-such-map.yaml"], 2),
        (["check", "maps/tutorial-basics.yaml", "--format", "xml"], 2),
        (["eval", "maps/tutorial-eval.yaml"], 0),
        (["rules", "no-such-rule"], 2),
    ],
)
def test_exit_codes_and_output_are_those_of_the_commands(args, code):
    result = argmap(*args)
    expected = CliRunner().invoke(app, args, catch_exceptions=False)  # the same command, run in-process
    assert result.returncode == code == expected.exit_code
    assert result.stdout == expected.stdout
    assert "Traceback" not in result.stderr


def test_a_large_report_arrives_whole():
    result = argmap("check", "maps/", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)  # cut short, it would not parse
    assert report["files"] == 4 and len(report["problems"]) > 10


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    premises = "".join(f"    - claim: Premise {n}.\n" for n in range(3000))
    path = tmp_path / "m.yaml"
    path.write_text(f"thesis:\n  claim: T.\n  premises:\n{premises}", encoding="utf-8")  # a 1 MB report
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "check", str(path), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does, long before the report is written
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors


def test_commands_run_in_process_keep_nothing():
    """Only the real process, which ends at once, keeps what it made; tests and programs free it."""
    CliRunner().invoke(app, ["check", str(SEED)], catch_exceptions=False)
    assert cli_common._kept == []
