"""Issue 10, section 6: a map's file name that is not UTF-8, or that holds a control character.

Python reads the byte 0xff of a file name as the lone surrogate U+DCFF, which no output encoding
can write: every format crashed on it when stdout is strict UTF-8 (``PYTHONIOENCODING=utf-8``), and
SARIF always. Names are shown escaped (``b\\xff.yaml``), SARIF URIs percent-encode the name's bytes
(``b%FF.yaml``), and a name holding ``ESC [2J`` cannot clear the terminal. Each case runs the real
program, as a CI job would, with its output read back as strict UTF-8.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.processes import argmap_process
from tests.samples import ERROR

NOT_UTF8 = os.fsdecode(b"b\xff.yaml")  # how Python names the file b"b\xff.yaml"
CONTROL = "c\x1b[2J.yaml"
NEWLINE = "d\nforged:1:1: error [x] y.yaml"  # would forge a report line
#: name -> how reports show it, and how a SARIF URI spells it
NAMES = {
    NOT_UTF8: ("b\\xff.yaml", "b%FF.yaml"),
    CONTROL: ("c\\x1b[2J.yaml", "c%1B%5B2J.yaml"),
    NEWLINE: ("d\\nforged:1:1: error [x] y.yaml", "d%0Aforged%3A1%3A1%3A%20error%20%5Bx%5D%20y.yaml"),
}
STRICT = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def argmap(*args: str | Path, cwd: Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the real program, each decoded as strict UTF-8."""
    done: subprocess.CompletedProcess[Any] = argmap_process(*args, cwd=cwd, env=STRICT, text=False)
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "Traceback" not in stderr, stderr
    return done.returncode, stdout, stderr


@pytest.fixture(params=list(NAMES), ids=["not UTF-8", "control character", "newline"])
def named(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str, str, str]:
    """A folder holding one map with one error under the hostile name; the name, its two spellings."""
    name = request.param
    (tmp_path / name).write_text(ERROR, encoding="utf-8")
    return (tmp_path, name, *NAMES[name])


@pytest.mark.parametrize("format", ["text", "github"])
def test_text_reports_show_the_name_escaped(named, format):
    folder, _, shown, _ = named
    code, stdout, _ = argmap("check", ".", "--format", format, cwd=folder)
    assert code == 1
    if format == "text":
        assert f"{shown}:5:7: error" in stdout
    else:  # a property's value, with GitHub's escapes of ':' and ','
        assert f"file={shown.replace(':', '%3A')},line=5,col=7," in stdout
        assert all(line.startswith("::error ") for line in stdout.splitlines())
    assert "\x1b" not in stdout


def test_json_report_of_a_name_that_is_not_utf8(tmp_path):
    (tmp_path / NOT_UTF8).write_text(ERROR, encoding="utf-8")
    code, stdout, _ = argmap("check", ".", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert [problem["file"] for problem in json.loads(stdout)["problems"]] == ["b\\xff.yaml"]


def test_json_report_keeps_a_control_character_exact(tmp_path):
    """JSON escapes a control character by its own rules: the name parses back as it is."""
    (tmp_path / CONTROL).write_text(ERROR, encoding="utf-8")
    code, stdout, _ = argmap("check", ".", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert [problem["file"] for problem in json.loads(stdout)["problems"]] == [CONTROL]
    assert "\x1b" not in stdout


def test_sarif_uri_is_percent_encoded(named):
    folder, _, _, uri = named
    code, stdout, _ = argmap("check", ".", "--format", "sarif", cwd=folder)
    assert code == 1
    result = json.loads(stdout)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_uri_outside_the_working_folder_is_a_file_uri(named, tmp_path_factory):
    folder, _, _, uri = named
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    code, stdout, _ = argmap("check", folder, "--format", "sarif", cwd=elsewhere)
    assert code == 1
    location = json.loads(stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"{folder.as_uri()}/{uri}"


@pytest.mark.parametrize("format", ["text", "json"])
def test_a_report_written_to_a_file_names_it_escaped(named, format):
    folder, _, shown, _ = named
    code, _, _ = argmap("check", ".", "--format", format, "-o", "report.txt", cwd=folder)
    assert code == 1
    report = (folder / "report.txt").read_text(encoding="utf-8")
    assert shown in report if format == "text" else json.loads(report)["problems"][0]["file"] in (shown, named[1])


def test_eval_json_names_the_file_escaped(named):
    folder, name, shown, _ = named
    code, stdout, _ = argmap("eval", name, "--format", "json", cwd=folder)
    assert code == 0
    assert json.loads(stdout)["file"] in (shown, name)  # a control character JSON escapes itself
    assert "\x1b" not in stdout


@pytest.mark.parametrize("command", ["check", "show", "eval", "render"])
def test_a_map_that_cannot_be_read_is_named_escaped(named, command):
    folder, name, shown, _ = named
    (folder / name).write_text("thesis: [\n", encoding="utf-8")
    code, stdout, stderr = argmap(command, name, cwd=folder)
    assert code == 2
    assert f"{shown}:2:1: error [yaml-syntax]" in stdout + stderr
    assert "\x1b" not in stdout + stderr


def test_render_says_what_it_wrote_escaped(named):
    folder, _, shown, _ = named
    code, _, stderr = argmap("render", ".", "--format", "dot", cwd=folder)
    assert code == 0
    assert f"wrote {shown.removesuffix('.yaml')}.dot" in stderr
    assert "\x1b" not in stderr


@pytest.mark.parametrize("format", ["text", "github", "json"])
def test_a_raw_8bit_csi_byte_in_a_name_never_reaches_the_terminal(tmp_path, format):
    """In the C locale Python writes a name's undecodable bytes back as they are (surrogateescape):
    the byte 0x9b, an 8-bit CSI to some terminals, would be written raw."""
    (tmp_path / os.fsdecode(b"\x9b2J.yaml")).write_text(ERROR, encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C"}
    env.pop("PYTHONIOENCODING", None)
    done = argmap_process("check", ".", "--format", format, cwd=tmp_path, env=env, text=False)
    assert done.returncode == 1, done.stderr
    assert b"\x9b" not in done.stdout
    assert b"\\x9b2J.yaml" in done.stdout
