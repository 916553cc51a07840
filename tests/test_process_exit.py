"""The real ``argmap`` process ends without freeing its objects (cli.output.exit_now): its output
must still arrive whole, its exit code must still be the contract's, and a reader that stops early
must not make it print a traceback."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys

import pytest

from argmap.cli import output as cli_common
from tests.helpers import ROOT
from tests.processes import ARGMAP, argmap_process
from tests.samples import SEED


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
@pytest.mark.usefixtures("in_project")  # the in-process run names the maps as the process does
def test_exit_codes_and_output_are_those_of_the_commands(run, args, code):
    result = argmap_process(*args)
    expected = run(*args)  # the same command, run in-process
    assert result.returncode == code == expected.exit_code
    assert result.stdout == expected.stdout
    assert "Traceback" not in result.stderr


def test_a_large_report_arrives_whole():
    result = argmap_process("check", "maps/", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)  # cut short, it would not parse
    assert report["files"] == 4 and len(report["problems"]) > 10


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    premises = "".join(f"    - claim: Premise {n}.\n" for n in range(3000))
    path = tmp_path / "m.yaml"
    path.write_text(f"thesis:\n  claim: T.\n  premises:\n{premises}", encoding="utf-8")  # a 1 MB report
    process = subprocess.Popen(
        [*ARGMAP, "check", str(path), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does, long before the report is written
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors


def test_a_pipe_closed_before_the_output_is_flushed_turns_0_into_1():
    process = subprocess.Popen(
        [*ARGMAP, "check", "maps/tutorial-basics.yaml"],  # clean: exit 0 otherwise
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the report is buffered, then flushed at the end: into a closed pipe
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_disk_is_a_clear_error_and_exit_2():
    with open("/dev/full", "w") as full:
        result = argmap_process(
            "check", "maps/bandow-iraq.yaml", capture_output=False, stdout=full, stderr=subprocess.PIPE
        )
    assert result.returncode == 2
    assert result.stderr == "argmap: error: could not write the output: No space left on device\n"


@pytest.mark.parametrize("command, code", [("check maps/tutorial-basics.yaml", 0), ("check maps/bandow-iraq.yaml", 1)])
def test_a_closed_stdout_is_no_error(command, code):
    result = subprocess.run(f"exec {shlex.join(ARGMAP)} {command} >&-", shell=True, cwd=ROOT, capture_output=True)
    assert result.returncode == code and b"Traceback" not in result.stderr


def test_render_writes_its_file_with_stdout_closed(tmp_path):
    out = tmp_path / "m.dot"
    command = f"exec {shlex.join(ARGMAP)} render maps/tutorial-basics.yaml -o {shlex.quote(str(out))} >&-"
    result = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True)
    assert result.returncode == 0 and out.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.parametrize(
    "code, status, stderr", [(None, 0, ""), (0, 0, ""), (2, 2, ""), ("a message", 1, "a message\n")]
)
def test_exit_now_takes_codes_as_sys_exit_does(code, status, stderr):
    program = f"from argmap.cli.output import exit_now; print('out'); exit_now({code!r})"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (status, "out\n", stderr)


def test_under_a_profiler_the_process_ends_the_usual_way(tmp_path):
    """A profiler (or coverage, or a debugger) writes its results at exit: os._exit would lose them."""
    stats = tmp_path / "stats"
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "argmap", "check", "maps/bandow-iraq.yaml"],
        cwd=ROOT,
        capture_output=True,
    )
    assert b"16 errors" in result.stdout and stats.stat().st_size > 0  # (cProfile's own exit code is 0)


def test_only_a_process_that_ends_hard_keeps_objects(run, monkeypatch):
    """Run in-process (tests, programs calling ``app``), commands free what they made as usual."""
    monkeypatch.setattr(cli_common, "_kept", [])
    run("check", SEED)
    cli_common.keep_until_exit("x")
    assert cli_common._kept == []
    monkeypatch.setattr(cli_common, "_ending_now", True)  # as main() sets it
    cli_common.keep_until_exit("x")
    assert cli_common._kept == ["x"]
