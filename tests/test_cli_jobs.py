"""``argmap check --jobs N``: the maps of a folder checked in parallel processes give the report of
``--jobs 1``, byte for byte, in every format, with the same exit code; small batches use no pool."""

from __future__ import annotations

import pytest

from argmap import files, parallel_check
from benchmarks.generate import generate
from tests.processes import argmap_process

BROKEN = "thesis:\n  claim: [unclosed\n"


@pytest.fixture
def folder(tmp_path):
    """Maps with problems, one that cannot be loaded, one with its own settings, in nested folders."""
    for number in range(14):
        sub = tmp_path / "maps" / f"part{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"m{number:02d}.yaml").write_text(generate(20 + number, number), encoding="utf-8")
    (tmp_path / "maps" / "part1" / "broken.yml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "maps" / "part2" / "argmap.toml").write_text('ignore = ["unanswered-objection"]\n', encoding="utf-8")
    return tmp_path / "maps"


@pytest.mark.parametrize(
    "options",
    [["-f", "text"], ["-f", "json"], ["-f", "github"], ["-f", "sarif"], ["--statistics"], ["-f", "json", "--eval"]],
)
def test_parallel_report_is_the_single_job_report(run, folder, monkeypatch, options):
    monkeypatch.setattr(files, "PARALLEL_MIN_MAPS", 2)
    calls = []
    real = parallel_check.check_in_parallel
    monkeypatch.setattr(parallel_check, "check_in_parallel", lambda *a: calls.append(a) or real(*a))
    one, many = run("check", folder, "--jobs", "1", *options), run("check", folder, "--jobs", "3", *options)
    assert calls, "--jobs 3 used no process pool"
    assert (many.exit_code, many.stdout) == (one.exit_code, one.stdout)
    assert one.exit_code == 2  # broken.yml could not be read


def test_a_bad_settings_file_fails_as_with_one_job(run, folder, monkeypatch):
    monkeypatch.setattr(files, "PARALLEL_MIN_MAPS", 2)
    (folder / "part0" / "argmap.toml").write_text('select = ["no-such-rule"]\n', encoding="utf-8")
    one, many = run("check", folder, "-j", "1"), run("check", folder, "-j", "2")
    assert one.exit_code == many.exit_code == 2 and one.stderr == many.stderr
    assert "unknown rule 'no-such-rule'" in many.stderr


def test_small_batches_use_no_process_pool(run, folder, monkeypatch):
    def refuse(*args: object) -> None:
        raise AssertionError("a process pool for a few maps")

    monkeypatch.setattr(parallel_check, "check_in_parallel", refuse)
    assert run("check", folder, "--jobs", "8").exit_code == 2  # 15 maps: checked in this process


def test_jobs_must_be_positive(run, folder):
    result = run("check", folder, "--jobs", "0")
    assert result.exit_code == 2 and "--jobs" in result.stderr


def test_the_real_process_gives_the_same_report(tmp_path):
    """Above the threshold, with the default number of jobs (one per core), in the real program."""
    for number in range(files.PARALLEL_MIN_MAPS + 5):
        (tmp_path / f"m{number:03d}.yaml").write_text(generate(20, number), encoding="utf-8")

    one, default = (
        argmap_process("check", tmp_path, "-f", "json", "-j", "1"),
        argmap_process("check", tmp_path, "-f", "json"),
    )
    assert (default.returncode, default.stdout) == (one.returncode, one.stdout) and one.returncode == 1
    assert default.stderr == ""
