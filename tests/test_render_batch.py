"""Drawing many maps through the library, as ``argmap render`` does: the settings each map is checked
with, where each diagram goes (:mod:`argmap.diagram.plan`), and drawing all before writing any
(:mod:`argmap.diagram.batch`)."""

from __future__ import annotations

import doctest
import importlib
import re
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.config import Config, ConfigError, Settings
from argmap.diagram import RenderError, RenderOptions, dot_source
from argmap.diagram.batch import WriteError, draw_all, write_all
from argmap.diagram.plan import diagram_format, plan
from argmap.safe_write import UnsafeWrite
from tests.helpers import ROOT
from tests.samples import RENDER_ALL

DOT = RenderOptions(format="dot")


def marked(dot: str | bytes) -> set[str]:
    """The rules whose marks a DOT text draws (classes of the claims' nodes)."""
    text = dot.decode("utf-8") if isinstance(dot, bytes) else dot
    return {rule for classes in re.findall(r'class="claim ([^"]*)"', text) for rule in classes.split() if "-" in rule}


@pytest.fixture
def governed(tmp_path):
    """A map in a folder whose argmap.toml turns 'unsupported-premise' off."""
    (tmp_path / "governed").mkdir()
    shutil.copy(RENDER_ALL, tmp_path / "governed" / "m.yaml")
    (tmp_path / "governed" / "argmap.toml").write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
    return tmp_path / "governed" / "m.yaml"


def test_the_library_and_the_command_draw_the_marks_the_maps_settings_file_asks_for(run, governed):
    assert "unsupported-premise" in marked(argmap.render(argmap.load(RENDER_ALL), DOT))  # on by default
    library = argmap.render(argmap.load(governed), DOT)
    command = run("render", governed, "-f", "dot", "-o", "-")
    assert command.exit_code == 0
    assert command.stdout_bytes == library
    assert "unsupported-premise" not in marked(library) and "unanswered-objection" in marked(library)


def test_settings_or_problems_given_are_drawn_instead_of_the_maps_settings_file(governed):
    m = argmap.load(governed)
    assert "unsupported-premise" in marked(dot_source(m, DOT, config=Config()))
    only = [p for p in argmap.check(m, Config()) if p.rule == "unanswered-objection"]
    assert marked(dot_source(m, DOT, problems=only)) == {"unanswered-objection"}
    assert marked(dot_source(m, DOT, problems=[])) == set()
    with pytest.raises(ValueError, match="not both"):
        dot_source(m, DOT, problems=only, config=Config())


def test_a_bad_settings_file_is_an_error_only_when_checking(tmp_path):
    shutil.copy(RENDER_ALL, tmp_path / "m.yaml")
    (tmp_path / "argmap.toml").write_text("ignore = [1\n", encoding="utf-8")
    m = argmap.load(tmp_path / "m.yaml")
    with pytest.raises(ConfigError, match="invalid TOML"):
        argmap.render(m, DOT)
    assert argmap.render(m, RenderOptions(format="dot", checks=False)).startswith(b"digraph argmap {")


@pytest.mark.parametrize(
    "chosen, output, expected",
    [(None, None, "svg"), (None, "x.PNG", "png"), ("pdf", None, "pdf"), ("dot", "x.dot", "dot"), (None, "-", "svg")],
)
def test_the_format_is_the_one_asked_for_else_the_outputs_suffix_else_svg(chosen, output, expected):
    assert diagram_format(chosen, output) == expected


def test_a_format_and_a_suffix_that_disagree_are_refused():
    with pytest.raises(RenderError, match=r"-o x\.png names a \.png file but --format is svg"):
        diagram_format("svg", "x.png")


@pytest.fixture
def folder(two_maps):
    """tmp/maps/a.yaml and tmp/maps/sub/b.yml, and an empty tmp/out."""
    (two_maps.parent / "out").mkdir()
    return two_maps.parent


def test_each_diagram_goes_next_to_its_map_into_a_folder_or_to_one_file(folder):
    maps = folder / "maps"
    a, b = maps / "a.yaml", maps / "sub" / "b.yml"
    assert plan([maps], None, DOT).files == {a: maps / "a.dot", b: maps / "sub" / "b.dot"}
    assert plan([maps], str(folder / "out"), DOT).files == {a: folder / "out" / "a.dot", b: folder / "out" / "b.dot"}
    assert plan([a], str(folder / "x.dot"), DOT).files == {a: folder / "x.dot"}
    to_stdout = plan([a], "-", DOT)
    assert to_stdout.to_standard_output and to_stdout.maps == (a,)


@pytest.mark.parametrize(
    "paths, output, options, error, message",
    [
        (["empty"], None, DOT, RenderError, "no maps"),
        (["maps"], "-", DOT, RenderError, "give one map"),
        (["maps"], "x.dot", DOT, RenderError, "-o must be an existing folder"),
        (["maps/a.yaml"], "maps/a.yaml", DOT, UnsafeWrite, "one of the input files"),
        (["maps/a.yaml"], "nowhere/a.dot", DOT, UnsafeWrite, "does not exist"),
        (["maps/a.yaml"], None, RenderOptions(format="pdf", engine="pure"), RenderError, "cannot write PDF"),
    ],
)
def test_refusals_come_before_any_map_is_drawn(folder, monkeypatch, paths, output, options, error, message):
    monkeypatch.chdir(folder)
    (folder / "empty").mkdir()
    with pytest.raises(error, match=message):
        plan([Path(p) for p in paths], output, options)


def test_two_maps_for_one_file_are_refused(tmp_path):
    shutil.copy(RENDER_ALL, tmp_path / "m.yaml")
    shutil.copy(RENDER_ALL, tmp_path / "m.yml")
    with pytest.raises(RenderError, match="two maps would be drawn to"):
        plan([tmp_path], None, DOT)


def test_every_map_is_drawn_with_its_own_settings_and_failures_are_data(folder, governed):
    (folder / "maps" / "bad.yaml").write_text("thesis:\n  claim: T\n  colour: red\n", encoding="utf-8")
    planned = plan([folder / "maps", governed], None, DOT)
    drawn = draw_all(planned.maps, DOT, Settings())
    assert list(drawn.failures) == [folder / "maps" / "bad.yaml"]
    assert isinstance(drawn.failures[folder / "maps" / "bad.yaml"], argmap.LoadError)
    assert "unsupported-premise" in marked(drawn.diagrams[folder / "maps" / "a.yaml"])
    assert "unsupported-premise" not in marked(drawn.diagrams[governed])
    focused = draw_all([governed], RenderOptions(format="dot", focus="nothing"), Settings())
    assert isinstance(focused.failures[governed], RenderError)


def test_labels_are_drawn_when_asked_for(folder):
    drawn = draw_all([folder / "maps" / "a.yaml"], DOT, Settings(), with_labels=True)
    assert "status-" in drawn.diagrams[folder / "maps" / "a.yaml"].decode("utf-8")


def test_writing_yields_each_file_and_names_the_one_that_cannot_be_written(folder):
    planned = plan([folder / "maps"], str(folder / "out"), DOT)
    drawn = draw_all(planned.maps, DOT, Settings())
    assert list(write_all(drawn.diagrams, planned)) == list(planned.files.values())
    assert (folder / "out" / "a.dot").read_bytes() == drawn.diagrams[folder / "maps" / "a.yaml"]
    shutil.rmtree(folder / "out")  # gone between the plan and the writing
    with pytest.raises(WriteError, match=r"cannot write .*a\.dot: .*does not exist"):
        list(write_all(drawn.diagrams, planned))


@pytest.mark.parametrize(
    "module",
    ["argmap.marks", *(f"argmap.diagram.{name}" for name in ("labels", "scope", "dot", "plan", "batch"))],
)
@pytest.mark.usefixtures("in_project")  # the examples name the example maps
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed


def test_only_the_output_module_writes_to_the_terminal():
    """The library never prints, and the render command speaks through argmap.cli.output."""
    package = ROOT / "argmap"
    owned = ["marks.py", "safe_write.py", "cli/render.py", "formats/tree.py"]
    for path in [*package.glob("diagram/*.py"), *(package / name for name in owned)]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bsys\.(stdout|stderr)\b|\bprint\(", text), path.name
