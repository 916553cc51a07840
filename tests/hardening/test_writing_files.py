"""Class 1 of the hardening issue: argmap writes only what the user named, and never replaces what
it must not.

Temp-and-rename replaces regular files or makes new ones; a character device or FIFO named as the
output is written directly (a block device is refused); a file name argmap derived itself is never
followed through a symbolic link; no file the run read (maps, settings files, source texts) is
written over; SIGTERM and SIGHUP remove the temporary file as SIGINT does. ``check --output-file``
goes through the same writer as ``render``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.processes import argmap_process

MAP = "thesis:\n  claim: The thesis.\n  premises:\n    - claim: A premise.\n      assumption: true\n"
QUOTING = """\
sources:
  src: {author: A. Author, file: src.txt}
thesis:
  claim: The thesis.
  evidence:
    - quote: the quoted words
      source: src
"""
TEXT = "Here are the quoted words, and more.\n"

needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes device nodes")


def device(folder: Path, name: str, kind: int, major: int, minor: int) -> Path:
    """A device node made in ``folder``: the machine's /dev is never put at risk by a test."""
    path = folder / name
    os.mknod(path, kind | 0o666, os.makedev(major, minor))
    return path


def assert_kind(path: Path, is_kind: Callable[[int], bool]) -> None:
    assert is_kind(os.lstat(path).st_mode), f"{path} was replaced by a {stat.filemode(os.lstat(path).st_mode)}"


# -- devices and FIFOs are written directly, never replaced -----------------------------------------


#: The two commands that write a file the user names: the diagram, and the report.
WRITERS = [["render", "-f", "dot", "-o"], ["check", "--output-file"]]


@needs_root
@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize(
    "kind, minor, code, message",
    [
        (stat.S_IFCHR, 3, 0, ""),  # as /dev/null
        (stat.S_IFCHR, 7, 2, "No space left on device"),  # as /dev/full
        (stat.S_IFBLK, 0, 2, "not a regular file"),  # a loop device (major 7): refused, never opened
    ],
)
def test_a_device_is_written_directly_or_refused_never_replaced(
    run, write, tmp_path, command, kind, minor, code, message
):
    path = write("m.yaml", MAP)
    node = device(tmp_path, "node", kind, 1 if kind == stat.S_IFCHR else 7, minor)
    result = run(command[0], path, *command[1:], node)
    assert result.exit_code == code and message in result.stderr, result.stderr
    assert stat.S_IFMT(os.lstat(node).st_mode) == kind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml", "node"]  # no temporary left


@pytest.mark.parametrize("command", WRITERS)
def test_a_fifo_with_a_reader_is_written_not_replaced(run, write, tmp_path, command):
    path = write("m.yaml", MAP)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader that is there before argmap writes
    try:
        result = run(command[0], path, *command[1:], fifo)
        received = os.read(reader, 1 << 16)  # a small output fits in the pipe's buffer
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.stderr
    assert received.startswith(b"digraph" if command[0] == "render" else b"No problems")
    assert_kind(fifo, stat.S_ISFIFO)


@pytest.mark.parametrize("command", WRITERS)
def test_a_fifo_nobody_reads_is_refused_without_hanging(run, write, tmp_path, command):
    os.mkfifo(tmp_path / "out.fifo")
    started = time.monotonic()
    result = run(command[0], write("m.yaml", MAP), *command[1:], tmp_path / "out.fifo")
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and "nothing is reading" in result.stderr
    assert_kind(tmp_path / "out.fifo", stat.S_ISFIFO)


def test_process_substitution_is_written(tmp_path):
    """``-o >(gzip > x)`` names ``/dev/fd/N``, a pipe: it has no real path to rename over."""
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    read_end, write_end = os.pipe()
    try:
        result = argmap_process("render", path, "-f", "dot", "-o", f"/dev/fd/{write_end}", pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            received = pipe.read()
    finally:
        for fd in (read_end, write_end):
            with contextlib.suppress(OSError):  # already closed
                os.close(fd)
    assert result.returncode == 0, result.stderr
    assert received.startswith(b"digraph")


# -- a file name argmap derived is never followed through a link ---------------------------------------


@pytest.fixture
def shipped_link(tmp_path: Path) -> tuple[Path, Path]:
    """A repository whose ``maps/a.svg`` is a link to a file outside it, as a pull request could ship."""
    victim = tmp_path / "victim" / "important.conf"
    victim.parent.mkdir()
    victim.write_text("keep me\n", encoding="utf-8")
    maps = tmp_path / "repo" / "maps"
    maps.mkdir(parents=True)
    (maps / "a.yaml").write_text(MAP, encoding="utf-8")
    (maps / "b.yaml").write_text(MAP, encoding="utf-8")
    (maps / "a.svg").symlink_to(os.path.relpath(victim, maps))
    return maps, victim


@pytest.mark.parametrize("which", ["folder", "map"])
def test_a_derived_output_is_not_followed_through_a_link(run, shipped_link, which):
    maps, victim = shipped_link
    result = run("render", maps if which == "folder" else maps / "a.yaml", "--engine", "pure")
    assert result.exit_code == 2
    assert f"{maps / 'a.svg'}" in result.stderr and "symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (maps / "a.svg").is_symlink()
    assert not (maps / "b.svg").exists()  # every diagram or none


def test_a_derived_output_in_an_output_folder_is_not_followed(run, shipped_link, tmp_path):
    maps, victim = shipped_link
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.dot").symlink_to(victim)
    result = run("render", maps, "-f", "dot", "-o", out)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"


def test_a_dangling_link_is_not_followed_to_make_a_file(run, tmp_path):
    (tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.conf"
    (tmp_path / "m.dot").symlink_to(elsewhere)
    result = run("render", tmp_path / "m.yaml", "-f", "dot")
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert not elsewhere.exists()


def test_a_fifo_where_argmap_chose_the_name_is_refused(run, tmp_path):
    (tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
    os.mkfifo(tmp_path / "m.dot")
    result = run("render", tmp_path / "m.yaml", "-f", "dot")
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert_kind(tmp_path / "m.dot", stat.S_ISFIFO)


def test_a_link_named_with_o_is_still_written_through(run, shipped_link):
    """The user named it: the link is theirs to follow (a diagram kept in docs/, linked from maps/)."""
    maps, _ = shipped_link
    named = maps / "named.dot"
    target = maps / "real.dot"
    target.write_text("old", encoding="utf-8")
    named.symlink_to(target.name)
    assert run("render", maps / "a.yaml", "-f", "dot", "-o", named).exit_code == 0
    assert named.is_symlink() and target.read_text(encoding="utf-8").startswith("digraph")


# -- no file the run read is written over ----------------------------------------------------------


@pytest.mark.parametrize("command", [["render", "-o"], ["check", "--output-file"]])
@pytest.mark.parametrize(
    "files, output",
    [
        ({"m.yaml": QUOTING, "src.txt": TEXT}, "src.txt"),  # a source text a quote was checked against
        ({"m.yaml": MAP, "argmap.toml": 'ignore = ["unsupported-premise"]\n'}, "argmap.toml"),
        ({"m.yaml": MAP, "pyproject.toml": "[tool.argmap]\nignore = []\n"}, "pyproject.toml"),
        ({"sub/m.yaml": MAP, "argmap.toml": "ignore = []\n"}, "argmap.toml"),  # the settings of a parent folder
    ],
)
def test_no_file_the_run_read_is_overwritten(run, tree, tmp_path, command, files, output):
    tree(files)
    before = {name: (tmp_path / name).read_bytes() for name in files}
    result = run(command[0], next(iter(files)), *command[1:], output)
    assert result.exit_code == 2, result.stderr
    assert "input files" in result.stderr and output in result.stderr
    assert {name: (tmp_path / name).read_bytes() for name in files} == before


@pytest.mark.parametrize("command", [["render", "-o"], ["check", "--output-file"]])
def test_a_source_text_in_the_sources_folder_is_protected(run, tree, tmp_path, command):
    tree(
        {"m.yaml": QUOTING.replace(", file: src.txt", ""), "texts/src.txt": TEXT, "argmap.toml": 'sources = "texts"\n'}
    )
    result = run(command[0], "m.yaml", *command[1:], "texts/src.txt")
    assert result.exit_code == 2 and "input files" in result.stderr
    assert (tmp_path / "texts" / "src.txt").read_text(encoding="utf-8") == TEXT


def test_check_protects_the_settings_file_given_with_config(run, tree, tmp_path):
    tree({"m.yaml": MAP, "other.toml": "ignore = []\n"})
    result = run("check", "m.yaml", "--config", "other.toml", "--output-file", "other.toml")
    assert result.exit_code == 2 and "input files" in result.stderr
    assert (tmp_path / "other.toml").read_text(encoding="utf-8") == "ignore = []\n"


def test_a_hard_link_to_a_read_file_is_protected(run, tree, tmp_path):
    tree({"m.yaml": QUOTING, "src.txt": TEXT})
    os.link(tmp_path / "src.txt", tmp_path / "alias.txt")
    result = run("check", "m.yaml", "--output-file", "alias.txt")
    assert result.exit_code == 2
    assert (tmp_path / "src.txt").read_text(encoding="utf-8") == TEXT


# -- SIGTERM and SIGHUP clean up like SIGINT ---------------------------------------------------------

#: The argmap program with a write that stalls once its temporary file exists (fsync announces it,
#: then waits): the signal arrives while the temporary file is there.
STALLED_WRITE = """
import os, sys, time
from pathlib import Path
flag = Path(sys.argv.pop(1))
def stalled(fd):
    flag.touch()
    time.sleep(30)
os.fsync = stalled
from argmap.cli.app import main
sys.argv[0] = "argmap"
main()
"""


def interrupted(tmp_path: Path, signum: int, args: list[str]) -> subprocess.Popen[bytes]:
    """Run argmap until its write stalls, send ``signum``, and return the process's end."""
    flag = tmp_path / "stalled"
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED_WRITE, str(flag), *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not flag.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)
    process.send_signal(signum)
    try:
        process.wait(timeout=20)
    finally:
        process.kill()
    return process


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
@pytest.mark.parametrize("command", WRITERS)
def test_a_terminating_signal_removes_the_temporary_file(tmp_path, signum, command):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("the old output, whole", encoding="utf-8")
    process = interrupted(tmp_path, signum, [command[0], str(path), *command[1:], str(out)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml", "out.txt", "stalled"]
    assert out.read_text(encoding="utf-8") == "the old output, whole"
    if signum != signal.SIGINT:
        assert process.returncode == -signum  # it still ends by the signal, as its sender expects
    assert process.stderr is not None and b"Traceback" not in process.stderr.read()


def test_an_ignored_hangup_stays_ignored(tmp_path):
    """``nohup argmap render ...`` must go on writing when the terminal closes."""
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    out = tmp_path / "out.dot"
    flag = tmp_path / "stalled"
    program = STALLED_WRITE.replace("time.sleep(30)", "time.sleep(0.5)")
    process = subprocess.Popen(
        [sys.executable, "-c", program, str(flag), "render", str(path), "-f", "dot", "-o", str(out)],
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )
    while not flag.exists() and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=20) == 0
    assert out.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_init_leaves_no_file(tmp_path, signum):
    process = interrupted(tmp_path, signum, ["init", str(tmp_path / "new.yaml")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stalled"]
    assert process.returncode == -signum
