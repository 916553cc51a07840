"""Safe writes: whole files or none, never over an input, and an interrupted render leaves the old file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.safe_write import UnsafeWrite, write_atomic
from tests.helpers import ROOT

MAP = ROOT / "tests" / "data" / "render-all.yaml"


def test_writes_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.svg"
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    write_atomic(target, b"newer")
    assert target.read_bytes() == b"newer"
    assert os.listdir(tmp_path) == ["out.svg"]


def test_keeps_permissions_and_makes_new_files_readable(tmp_path):
    target = tmp_path / "out.svg"
    write_atomic(target, b"x")
    assert target.stat().st_mode & 0o044  # not mkstemp's 0600
    target.chmod(0o640)
    write_atomic(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640


def protected_cases(tmp_path: Path) -> list[tuple[Path, Path]]:
    source = tmp_path / "map.yaml"
    source.write_text("thesis: {claim: T}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    hard = tmp_path / "hard.yaml"
    os.link(source, hard)
    soft = tmp_path / "soft.svg"
    soft.symlink_to(source)
    return [
        (source, source),
        (tmp_path / "sub" / ".." / "map.yaml", source),
        (Path(os.path.relpath(source)), source),
        (hard, source),
        (soft, source),
    ]


def test_refuses_to_write_over_an_input_however_it_is_named(tmp_path):
    for target, source in protected_cases(tmp_path):
        with pytest.raises(UnsafeWrite, match="input"):
            write_atomic(target, b"oops", protected={source})
        assert source.read_text(encoding="utf-8") == "thesis: {claim: T}\n"


def test_refuses_a_folder_and_a_missing_folder(tmp_path):
    with pytest.raises(UnsafeWrite, match="folder"):
        write_atomic(tmp_path, b"x")
    with pytest.raises(UnsafeWrite, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.svg", b"x")


def test_writes_through_a_symlink_to_an_output(tmp_path):
    real = tmp_path / "real.svg"
    real.write_bytes(b"old")
    link = tmp_path / "link.svg"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.svg"
    target.write_bytes(b"old, whole")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new" * 100_000)
    assert target.read_bytes() == b"old, whole"
    assert os.listdir(tmp_path) == ["out.svg"]


def slow_dot(folder: Path) -> Path:
    """A ``dot`` that says it started, then takes forever: a layout to be killed mid-way."""
    program = folder / "dot"
    program.write_text(f'#!/bin/sh\ntouch "{folder}/started"\nexec sleep 60\n', encoding="utf-8")
    program.chmod(0o755)
    return program


def test_killing_a_render_mid_way_leaves_the_old_output_whole(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slow_dot(bin_dir)
    target = tmp_path / "out.svg"
    target.write_bytes(b"<svg>the old diagram, whole</svg>")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    command = [sys.executable, "-m", "argmap", "render", str(MAP), "-o", str(target), "--engine", "system"]
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not (bin_dir / "started").exists():
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the layout never started"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the render and its layout program, by group id
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"<svg>the old diagram, whole</svg>"


def test_two_renders_at_once_leave_one_whole_output(tmp_path):
    target = tmp_path / "out.svg"
    base = [sys.executable, "-m", "argmap", "render", str(MAP), "-o", str(target), "--engine", "pure"]
    runs = [base, [*base, "--no-evidence"]]
    outputs = []
    for command in runs:  # each alone, for reference
        subprocess.run(command, check=True, capture_output=True)
        outputs.append(target.read_bytes())
    target.unlink()
    for _ in range(3):
        processes = [subprocess.Popen(command, stderr=subprocess.DEVNULL) for command in runs]
        assert [p.wait() for p in processes] == [0, 0]
        assert target.read_bytes() in outputs
        assert sorted(os.listdir(tmp_path)) == ["out.svg"]


def test_a_name_argmap_chose_is_not_followed_through_a_link(tmp_path):
    victim = tmp_path / "victim.conf"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "a.svg"
    link.symlink_to(victim)
    with pytest.raises(UnsafeWrite, match="symbolic link"):
        write_atomic(link, b"<svg/>", follow_symlinks=False)
    assert victim.read_text(encoding="utf-8") == "keep me" and link.is_symlink()


def test_writes_from_another_thread_than_the_main_one(tmp_path):
    """Signal handlers belong to the main thread: elsewhere the write goes on without them."""
    import threading

    errors: list[BaseException] = []

    def write() -> None:
        try:
            write_atomic(tmp_path / "out.svg", b"x")
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert not errors and (tmp_path / "out.svg").read_bytes() == b"x"


def test_signal_handlers_are_restored_after_a_write(tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "out.svg", b"x")
    assert signal.getsignal(signal.SIGTERM) is before
