"""``argmap render`` on the command line: where diagrams go, what it refuses, and its exit codes."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.samples import RENDER_ALL

BROKEN = "thesis:\n  claim: T\n  premises:\n    - claim: A\n      colour: red\n"


def test_writes_next_to_the_map_with_the_formats_suffix(run, two_maps):
    result = run("render", two_maps / "a.yaml", "--engine", "pure")
    assert result.exit_code == 0, result.output
    ET.parse(two_maps / "a.svg")
    assert run("render", two_maps / "a.yaml", "-f", "png", "--engine", "pure").exit_code == 0
    assert (two_maps / "a.png").read_bytes().startswith(b"\x89PNG")
    assert run("render", two_maps / "a.yaml", "-f", "dot").exit_code == 0
    assert (two_maps / "a.dot").read_text(encoding="utf-8").startswith("digraph argmap {")


def test_renders_every_map_in_a_folder(run, two_maps):
    assert run("render", two_maps, "--engine", "pure").exit_code == 0
    assert (two_maps / "a.svg").exists() and (two_maps / "sub" / "b.svg").exists()


def test_dash_writes_to_standard_output(run, two_maps):
    result = run("render", two_maps / "a.yaml", "-o", "-", "-f", "dot")
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph argmap {")
    assert sorted(p.name for p in two_maps.iterdir()) == ["a.yaml", "sub"]


def test_output_file_and_output_folder(run, two_maps, tmp_path):
    assert run("render", two_maps / "a.yaml", "-o", tmp_path / "x.svg", "--engine", "pure").exit_code == 0
    assert (tmp_path / "x.svg").exists()
    out = tmp_path / "out"
    out.mkdir()
    assert run("render", two_maps, "-o", out, "-f", "dot").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.dot", "b.dot"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{two_maps}/a.yaml"], "refusing to write"),
        (["-o", "{two_maps}/sub/../a.yaml"], "refusing to write"),
        (["-f", "pdf", "--engine", "pure"], "graphviz-pure cannot write PDF; install Graphviz"),
        (["--focus", "rots"], "did you mean 'roots'"),
        (["-o", "-", "{two_maps}/sub/b.yml"], "give one map"),
        (["-o", "{two_maps}/nowhere/x.svg"], "does not exist"),
    ],
)
def test_refusals_exit_2_with_a_message_and_write_nothing(run, two_maps, args, message):
    args = [a.format(two_maps=two_maps) for a in args]
    before = sorted(p.name for p in two_maps.rglob("*"))
    result = run("render", two_maps / "a.yaml", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in two_maps.rglob("*")) == before
    assert (two_maps / "a.yaml").read_bytes() == RENDER_ALL.read_bytes()


def test_two_maps_drawn_to_one_file_is_refused(run, tmp_path):
    (tmp_path / "m.yaml").write_bytes(RENDER_ALL.read_bytes())
    (tmp_path / "m.yml").write_bytes(RENDER_ALL.read_bytes())
    result = run("render", tmp_path, "-f", "dot")
    assert result.exit_code == 2 and "two maps would be drawn to" in result.stderr


def test_an_invalid_map_is_reported_and_nothing_is_written(run, two_maps):
    (two_maps / "c.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("render", two_maps, "--engine", "pure")
    assert result.exit_code == 2
    assert f"{two_maps / 'c.yaml'}:5:7: error [unknown-key]" in result.stderr
    assert not list(two_maps.rglob("*.svg"))


#: Runs commands in a fresh process that records every PATH search and every program started.
WATCHED = """
import shutil, subprocess, sys
calls = []
real_which = shutil.which
def which(name, *args, **kwargs):
    calls.append("which " + name)
    return real_which(name, *args, **kwargs)
shutil.which = which
class Popen(subprocess.Popen):
    def __init__(self, args, *rest, **kwargs):
        calls.append(f"run {args}")
        super().__init__(args, *rest, **kwargs)
subprocess.Popen = Popen
from typer.testing import CliRunner
from argmap.cli.app import app
for args in ARGS:
    result = CliRunner().invoke(app, args)
    engine = "argmap.diagram.engine" in sys.modules
    print(result.exit_code, engine, calls, sep="|")
    calls.clear()
"""


def test_no_layout_program_is_looked_for_until_render_runs():
    """Importing the CLI, its help and 'check' search no PATH and start no program (not even 'dot -V')."""
    quiet = [["--help"], ["render", "--help"], ["check", str(RENDER_ALL)], ["show", str(RENDER_ALL)]]
    drawing = [["render", str(RENDER_ALL), "-o", "-"]]
    code = f"ARGS = {quiet + drawing!r}\n{WATCHED}"
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    reports = [line.split("|") for line in lines.splitlines()]
    assert [report[0] for report in reports] == ["0", "0", "1", "0", "0"]
    for args, (_, engine_imported, calls) in zip(quiet, reports, strict=False):
        assert (engine_imported, calls) == ("False", "[]"), args
    _, _, calls = reports[-1]
    assert "which dot" in calls and "-Tsvg" in calls  # drawing does probe, and the watch sees it


def test_help_names_the_engines_without_probing(run):
    result = run("render", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "auto (dot where installed, else graphviz-pure)" in text and "[default: auto]" in text


def test_options_reach_the_drawing(run, two_maps):
    result = run(
        "render", two_maps / "a.yaml", "-o", "-", "-f", "dot", "--no-evidence", "--no-checks",
        "--direction", "LR", "--wrap", "12", "--focus", "roots", "--depth", "1",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "rankdir=RL" in result.stdout and "evidence" not in result.stdout and "▲" not in result.stdout
    assert "prevent it.<br" in result.stdout and '"cool"' not in result.stdout


def test_format_follows_the_output_suffix_and_must_agree_with_format(run, two_maps, tmp_path):
    source = str(two_maps / "a.yaml")
    assert run("render", source, "-o", str(tmp_path / "d.png")).exit_code == 0
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")
    result = run("render", source, "-o", str(tmp_path / "e.png"), "--format", "svg")
    assert result.exit_code == 2 and not (tmp_path / "e.png").exists()


def test_the_commands_choices_are_the_librarys():
    from argmap.cli.render import DiagramFormat, Direction, EngineChoice, Refs
    from argmap.diagram import DIRECTIONS, FORMATS
    from argmap.diagram.engine import ENGINES
    from argmap.diagram.options import REFS

    assert [tuple(choice.value for choice in enum) for enum in (DiagramFormat, Direction, EngineChoice, Refs)] == [
        FORMATS,
        DIRECTIONS,
        ENGINES,
        REFS,
    ]


def test_refs_and_direction_reach_the_drawing(run, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "thesis:\n  claim: T\n  premises:\n    - id: a\n      claim: A\n      premises:\n"
        "        - id: deep\n          claim: D\n    - claim: B\n      premises:\n        - ref: deep\n",
        encoding="utf-8",
    )
    stub = run("render", path, "-o", "-", "-f", "dot", "--refs", "stub", "--direction", "auto")
    assert stub.exit_code == 0 and 'class="stub"' in stub.stdout and 'href="#claim-deep"' in stub.stdout
    edge = run("render", path, "-o", "-", "-f", "dot", "--refs", "edge", "--direction", "BT")
    assert edge.exit_code == 0 and 'class="stub"' not in edge.stdout and "rankdir=TB" in edge.stdout
    bad = run("render", path, "-o", "-", "--refs", "arrows")
    assert bad.exit_code == 2 and "arrows" in bad.stderr
