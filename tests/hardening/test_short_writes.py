"""Class 2 of the hardening issue: standard output is written whole, or the command says so.

A disk that fills up mid-way makes one ``write`` write only part: Python's ``sys.stdout`` drops
the rest and reports success, so a command would end 0 with its output cut short. Each command's
output is written completely or the command ends with exit 2 and a message. A reader that goes
away (``| head -c 10``) is treated the same by every command: no message, no traceback, and the
command's own exit code, except that 0 becomes 1 (not all the output was delivered), as Python's
documentation advises and ``argmap check`` has always done.

A nearly full disk is made with a file-size limit (``RLIMIT_FSIZE``): a write that crosses it
writes what fits, and the next one fails with EFBIG, as a full disk fails with ENOSPC.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.processes import ARGMAP, argmap_process

resource = pytest.importorskip("resource")  # POSIX

#: Claims enough that every report is far larger than a pipe's buffer (64 KiB) and the file limit.
PREMISES = 3000


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    premises = "".join(
        f"    - claim: Premise number {n}, with words enough to make the line long.\n" for n in range(PREMISES)
    )
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(f"thesis:\n  claim: The thesis.\n  premises:\n{premises}", encoding="utf-8")
    return path


#: Every command that writes to standard output, with the code it ends with when all is written.
COMMANDS = [
    (["check", "{map}"], 1),
    (["check", "{map}", "--format", "json"], 1),
    (["show", "{map}"], 0),
    (["eval", "{map}"], 0),
    (["eval", "{map}", "--format", "json"], 0),
    (["render", "{map}", "-f", "dot", "-o", "-"], 0),
    (["rules"], 0),
    (["schema"], 0),
]
IDS = [" ".join(arg for arg in args if arg != "{map}") for args, _ in COMMANDS]
#: Those whose output is larger than a pipe's buffer: the reader can leave before it is all written.
LARGE = [(args, code) for args, code in COMMANDS if args[0] not in ("rules", "schema")]


def arguments(args: list[str], big_map: Path) -> list[str]:
    return [arg.format(map=big_map) for arg in args]


def limited_to(size: int) -> Callable[[], None]:
    """A preexec_fn that lets the process write files of at most ``size`` bytes: a nearly full disk."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("args, code", COMMANDS, ids=IDS)
def test_a_disk_that_fills_up_mid_way_is_an_error(tmp_path, big_map, args, code):
    out = tmp_path / "out"
    with out.open("wb") as stdout:
        result = argmap_process(
            *arguments(args, big_map),
            capture_output=False,
            stdout=stdout,
            stderr=subprocess.PIPE,
            preexec_fn=limited_to(4096),  # every output here is larger
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
    assert result.returncode == 2, f"exit {result.returncode} with {out.stat().st_size} bytes written"
    assert result.stderr == "argmap: error: could not write the output: File too large\n"


@pytest.mark.parametrize("args, code", COMMANDS, ids=IDS)
def test_output_to_a_full_device_is_an_error(big_map, args, code):
    with open(os.devnull if not os.path.exists("/dev/full") else "/dev/full", "wb") as full:
        if full.name == os.devnull:
            pytest.skip("needs /dev/full")
        result = argmap_process(*arguments(args, big_map), capture_output=False, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == "argmap: error: could not write the output: No space left on device\n"


@pytest.mark.parametrize("args, code", COMMANDS, ids=IDS)
def test_output_that_fits_is_whole_and_the_code_is_the_commands(tmp_path, big_map, args, code):
    out = tmp_path / "out"
    with out.open("wb") as stdout:
        result = argmap_process(*arguments(args, big_map), capture_output=False, stdout=stdout, stderr=subprocess.PIPE)
    assert result.returncode == code and result.stderr == ""
    in_process = subprocess.run([*ARGMAP, *arguments(args, big_map)], capture_output=True, check=False)
    assert out.read_bytes() == in_process.stdout and len(in_process.stdout) > 4096


@pytest.mark.parametrize("args, code", LARGE, ids=[name for name in IDS if not name.startswith(("rules", "schema"))])
def test_a_reader_that_goes_away_mid_way_makes_every_command_exit_1(big_map, args, code):
    """As ``argmap ... | head -c 10``: the reader takes a little, then closes the pipe."""
    process = subprocess.Popen([*ARGMAP, *arguments(args, big_map)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(10)) == 10
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert errors == ""


@pytest.mark.parametrize("args, code", COMMANDS, ids=IDS)
def test_a_reader_gone_before_anything_is_written_makes_every_command_exit_1(big_map, args, code):
    process = subprocess.Popen([*ARGMAP, *arguments(args, big_map)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert errors == ""


def test_a_map_that_cannot_be_read_keeps_exit_2_when_the_reader_goes_away(tmp_path):
    process = subprocess.Popen(
        [*ARGMAP, "check", str(tmp_path / "missing.yaml")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    process.stderr.read()
    assert process.wait(timeout=60) == 2


def test_output_held_back_until_the_end_still_fails_with_exit_2(tmp_path):
    """A small output waits in the buffer until the process ends (exit_now): that flush is checked too."""
    program = (
        "from argmap.cli.output import exit_now\nfrom argmap.cli.whole_writes import whole_standard_output\n"
        "whole_standard_output(); print('x' * 3000); exit_now(0)\n"
    )
    with (tmp_path / "out").open("wb") as stdout:
        result = subprocess.run(
            [sys.executable, "-c", program],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=limited_to(1000),
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "argmap: error: could not write the output: File too large\n"


def test_write_whole_writes_again_what_one_write_left(monkeypatch):
    """One write may take a single byte: the rest is written, not dropped."""
    from argmap.safe_write import write_whole

    read_end, write_end = os.pipe()
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:1])))
    try:
        write_whole(write_end, b"whole")
        os.close(write_end)
        assert os.read(read_end, 100) == b"whole"
    finally:
        os.close(read_end)


@pytest.mark.parametrize("command", [["render", "-f", "dot", "-o"], ["check", "--format", "json", "--output-file"]])
def test_a_file_output_on_a_disk_that_fills_up_leaves_the_old_file(tmp_path, big_map, command):
    out = tmp_path / "out.txt"
    out.write_text("the old output, whole", encoding="utf-8")
    result = argmap_process(
        command[0],
        big_map,
        *command[1:],
        out,
        preexec_fn=limited_to(4096),
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 2 and result.stderr == f"argmap: error: cannot write {out}: File too large\n"
    assert out.read_text(encoding="utf-8") == "the old output, whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
