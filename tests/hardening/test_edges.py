"""Issue 10, class 6 (the edges): option values, invisible text, special files, huge labels.

Each test failed before its fix: a traceback, a hang, a blank text counted as support, or a
drawing silently wrong.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.processes import argmap_process
from tests.samples import CLEAN, SEED

# --- numeric options: every value a shell can pass ends in a message, never a traceback ---------


@pytest.mark.parametrize("value", ["nan", "inf", "1e309", "-inf", "NaN", "86401"])
def test_render_timeout_that_is_no_usable_number_is_refused(run, tmp_path: Path, value: str):
    result = run("render", SEED, "-o", tmp_path / "a.svg", "--timeout", value)
    assert result.exit_code == 2
    assert "timeout" in result.stderr
    assert not (tmp_path / "a.svg").exists()


@pytest.mark.parametrize(
    "option, value",
    [("--timeout", "0"), ("--timeout", "-1"), ("--wrap", "7"), ("--wrap", "100000"), ("--depth", "-1")],
)
def test_render_numeric_option_out_of_range_is_refused(run, tmp_path: Path, option: str, value: str):
    result = run("render", SEED, "-o", tmp_path / "a.svg", option, value)
    assert result.exit_code == 2
    assert option.lstrip("-") in result.stderr  # Typer names "--wrap"; argmap's own check "timeout"


def test_render_huge_depth_draws_everything(run):
    result = run("render", SEED, "-f", "dot", "-o", "-", "--depth", str(10**30))
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph")


def test_library_refuses_a_timeout_of_nan():
    from argmap.diagram import RenderError, RenderOptions

    for value in (float("nan"), float("inf"), 0.0, -5.0):
        with pytest.raises(RenderError, match="timeout"):
            RenderOptions(timeout=value)


def test_check_with_huge_jobs_starts_a_bounded_pool(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """``--jobs 100000`` started 100,000 forked processes at once (the pool starts them all)."""
    from argmap import files, parallel_check
    from argmap.limits import MAX_JOBS

    asked: list[int] = []
    monkeypatch.setattr(
        parallel_check, "check_in_parallel", lambda maps, check, settings, keep, jobs: asked.append(jobs) or []
    )
    for index in range(files.PARALLEL_MIN_MAPS):
        (tmp_path / f"m{index}.yaml").write_text(CLEAN, encoding="utf-8")
    files.check_paths([tmp_path], jobs=100_000)
    assert asked == [MAX_JOBS]


# --- blank text: invisible characters are no claim and no evidence -----------------------------

INVISIBLE = [
    "\u200b",  # zero-width space
    "\u2800",  # Braille pattern blank
    "\u3164",  # Hangul filler
    "\u115f\u1160",  # Hangul choseong and jungseong fillers
    "\uffa0",  # halfwidth Hangul filler
    "\ufe0f\u200d",  # variation selector, zero-width joiner
    "\u2060\ufeff\u00ad",  # word joiner, byte order mark, soft hyphen
    "\u202e\u2066",  # bidirectional override and isolate
    "\U000e0041\U000e0042",  # tag characters
    "\u0301\u034f",  # combining marks with nothing to sit on
    "\u3000\u2028\u200b",  # ideographic space, line separator
    "\\x01\\x7f",  # controls, written as YAML escapes
]


def _map_with_claim(text: str) -> str:
    return f'thesis:\n  claim: T\n  premises:\n    - claim: "{text}"\n      assumption: true\n'


def _map_with_evidence(key: str, text: str) -> str:
    return f'thesis:\n  claim: T\n  evidence:\n    - {key}: "{text}"\n      source: s\n'


@pytest.mark.parametrize("text", INVISIBLE)
def test_claim_of_invisible_characters_is_empty(run, tree, text: str):
    tree({"m.yaml": _map_with_claim(text)})
    result = run("check", "m.yaml")
    assert result.exit_code == 2
    assert "m.yaml:4:14: error [missing-claim] this premise's claim text is empty (it holds only invisible" in (
        result.stdout
    )


@pytest.mark.parametrize("key", ["quote", "text"])
@pytest.mark.parametrize("text", INVISIBLE)
def test_evidence_of_invisible_characters_is_no_support(run, tree, key: str, text: str):
    tree({"m.yaml": _map_with_evidence(key, text)})
    result = run("check", "m.yaml", "--format", "json")
    assert result.exit_code == 2
    assert '"missing-evidence-text"' in result.stdout
    assert "invisible characters" in result.stdout


@pytest.mark.parametrize(
    "text", ["Roads\u200bcost money.", "\u200bA", "\u2800\u2801", "e\u0301", "\ue000", "\u200b\U0001f600"]
)
def test_visible_text_with_invisible_characters_inside_stays_as_written(text: str):
    from argmap.reading.loader import loads

    argmap = loads(_map_with_claim(text))
    assert argmap.thesis.premises[0].members[0].text == text  # type: ignore[union-attr]


def test_blank_text_is_the_same_for_both_readers():
    from argmap.problems import LoadError
    from argmap.reading.loader import loads

    text = _map_with_claim("\u200b") + "".join(
        f"    - claim: filler {i}\n      assumption: true\n" for i in range(2000)
    )
    messages = []
    for reader in ("pyyaml", "fast"):
        with pytest.raises(LoadError) as error:
            loads(text, "m.yaml", reader=reader)  # type: ignore[arg-type]
        messages.append([str(problem) for problem in error.value.problems])
    assert messages[0] == messages[1]


# --- special files: skipped in folders, refused by name, never waited for ----------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
@pytest.mark.parametrize("command", ["check", "render"])
def test_fifo_in_a_folder_is_skipped(tmp_path: Path, command: str):
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "a.yaml").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(folder / "b.yaml")
    extra = ["-o", str(tmp_path / "out")] if command == "render" else []
    result = argmap_process(command, folder, *extra, timeout=20)
    assert result.returncode == 0, result.stderr
    assert "b.yaml" not in result.stdout + result.stderr


@needs_fifo
@pytest.mark.parametrize("command", ["check", "show", "eval", "render"])
def test_fifo_given_by_name_is_refused_without_waiting(tmp_path: Path, command: str):
    fifo = tmp_path / "b.yaml"
    os.mkfifo(fifo)
    extra = ["-o", "-", "-f", "dot"] if command == "render" else []
    result = argmap_process(command, fifo, *extra, timeout=20)
    assert result.returncode == 2
    assert f"{fifo}:1:1: error [unreadable] this is a named pipe (FIFO), not a map file" in (
        result.stdout + result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_given_by_name_is_refused(run):
    result = run("check", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero:1:1: error [unreadable] this is a character device, not a map file" in result.stdout


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_given_by_name_is_refused(run, tmp_path: Path):
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = run("check", path)
    assert result.exit_code == 2
    assert f"{path}:1:1: error [unreadable] this is a socket, not a map file" in result.stdout


@needs_fifo
def test_folder_of_only_special_files_has_no_maps(run, tmp_path: Path):
    os.mkfifo(tmp_path / "b.yaml")
    result = run("check", tmp_path)
    assert result.exit_code == 2
    assert "no-maps" in result.stdout


def test_symlink_to_a_map_in_the_same_folder_is_still_found(run, tmp_path: Path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "real.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "maps" / "a.yaml").symlink_to(tmp_path / "maps" / "real.txt")
    result = run("check", tmp_path / "maps")
    assert result.exit_code == 0
    assert "1 file" in result.stdout


def test_symlink_out_of_the_folder_is_not_followed(run, tmp_path: Path):
    # A repository ships maps/a.yaml as a link to a file elsewhere: its text must not be read (a
    # load error would quote it), and the run must not pass as if nothing were there.
    (tmp_path / "secret.txt").write_text("aws_secret_access_key = AKIA-SECRET\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "b.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "maps" / "a.yaml").symlink_to(tmp_path / "secret.txt")
    for fmt in ("text", "json", "github", "sarif"):
        result = run("check", tmp_path / "maps", "--format", fmt)
        assert result.exit_code == 2, result.stdout
        assert "AKIA-SECRET" not in result.stdout + result.stderr
        assert "a.yaml" in result.stdout and "symbolic link" in result.stdout
    drawn = run("render", tmp_path / "maps", "-f", "dot")
    assert drawn.exit_code == 2 and "symbolic link" in drawn.stderr and "AKIA-SECRET" not in drawn.stderr
    assert not (tmp_path / "maps" / "b.dot").exists(), "refused before any work"
    named = run("check", tmp_path / "maps" / "a.yaml")  # named by the user: read, and reported
    assert named.exit_code == 2 and "not-a-map" in named.stdout


# --- huge labels: cut with a visible note, for every engine, never an empty box -----------------


def _huge_claim_map(words: int) -> str:
    return "thesis:\n  claim: " + " ".join(f"w{index}" for index in range(words)) + "\n"


def test_claim_of_more_lines_than_a_box_holds_is_cut_with_a_note(run, tmp_path: Path):
    from argmap.limits import MAX_LABEL_LINES

    path = tmp_path / "big.yaml"
    path.write_text(_huge_claim_map(200_000), encoding="utf-8")  # about 40,000 lines at --wrap 8
    result = run("render", path, "-f", "dot", "-o", "-", "--wrap", "8")
    assert result.exit_code == 0
    label = next(line for line in result.stdout.splitlines() if "w199" in line or "w0 " in line or "w0<" in line)
    assert label.count("<br") <= 2 * MAX_LABEL_LINES + 2
    assert f"… (text cut at {MAX_LABEL_LINES} lines)" in result.stdout


def test_single_word_of_megabytes_is_cut_quickly():
    from argmap.diagram.labels import wrapped
    from argmap.limits import MAX_LABEL_LINES

    lines = wrapped("x" * 5_000_000, 36)
    assert len(lines) == MAX_LABEL_LINES
    assert lines[-1].startswith("…")


def test_claim_with_thousands_of_evidence_items_is_cut(run, tmp_path: Path):
    from argmap.limits import MAX_LABEL_LINES

    items = "".join(f"    - text: finding {index}\n" for index in range(40_000))
    path = tmp_path / "many.yaml"
    path.write_text("thesis:\n  claim: T\n  evidence:\n" + items, encoding="utf-8")
    result = run("render", path, "-f", "dot", "-o", "-")
    assert result.exit_code == 0
    assert "… and 39" in result.stdout and "more items of evidence, not drawn" in result.stdout
    assert max(line.count("<br") for line in result.stdout.splitlines()) <= 2 * MAX_LABEL_LINES + 4


def test_claim_with_thousands_of_marks_is_cut():
    """Large maps list each item of evidence as a mark inside the claim's box."""
    from argmap.diagram import labels
    from argmap.limits import MAX_LABEL_LINES
    from argmap.reading.loader import loads

    thesis = loads("thesis:\n  claim: T\n").thesis
    label = labels.claim(thesis, "THESIS", [(f"mark {index}", "#000000") for index in range(40_000)], 36, False)
    assert label.count("<br") <= 2 * MAX_LABEL_LINES + 2
    assert "… and 39800 more, not drawn" in label


@pytest.mark.skipif(shutil.which("dot") is None, reason="the system Graphviz 'dot' is not installed")
def test_system_dot_draws_the_cut_text_of_a_huge_claim(run, tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_text(_huge_claim_map(200_000), encoding="utf-8")
    result = run("render", path, "-f", "svg", "--engine", "system", "--wrap", "8", "-o", tmp_path / "big.svg")
    assert result.exit_code == 0
    svg = (tmp_path / "big.svg").read_text(encoding="utf-8")
    assert "w0" in svg and "text cut at" in svg


def test_a_linked_folder_that_leads_out_is_reported(run, tmp_path: Path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.yaml").write_text("thesis:\n  claim: B\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "maps" / "sub").symlink_to(tmp_path / "outside")
    (tmp_path / "maps" / "self").symlink_to(tmp_path / "maps")  # a loop inside: passed over, as ever
    checked = run("check", tmp_path / "maps")
    assert checked.exit_code == 2 and "sub:1:1" in checked.stdout and "maps/self" not in checked.stdout
    drawn = run("render", tmp_path / "maps", "-f", "dot")
    assert drawn.exit_code == 2 and "symbolic link" in drawn.stderr
    assert not (tmp_path / "maps" / "a.dot").exists()


@pytest.mark.parametrize("seconds, code", [("0.5", 0), ("0", 2), ("-1", 2)])
def test_a_timeout_is_any_number_of_seconds_above_0(run, tmp_path: Path, seconds: str, code: int):
    result = run("render", "maps/tutorial-basics.yaml", "-f", "dot", "-o", tmp_path / "a.dot", "--timeout", seconds)
    assert result.exit_code == code, result.stderr
    assert (code == 2) == ("above 0" in result.stderr)
