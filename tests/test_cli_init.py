"""``argmap init``: a commented starter map that checks clean, never written over an existing file."""

from __future__ import annotations

import json
import os

import pytest

from argmap.starter import DEFAULT_NAME, schema_reference
from tests.helpers import MAPS
from tests.processes import argmap_process


def test_the_starter_map_checks_clean_with_every_default_rule(run, tmp_path):
    path = tmp_path / "argument.yaml"
    result = run("init", str(path))
    assert result.exit_code == 0 and str(path) in result.stderr
    report = json.loads(run("check", str(path), "-f", "json", "--strict").stdout)
    assert report["problems"] == [] and report["summary"]["unreadable"] == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and text.count("#") > 10  # commented
    assert run("eval", str(path), "-f", "json").exit_code == 0


def test_the_default_file_name(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    assert (tmp_path / DEFAULT_NAME).is_file() and DEFAULT_NAME == "map.yaml"


@pytest.mark.parametrize("existing", ["a map\n", ""], ids=["a file", "an empty file"])
def test_an_existing_file_is_untouched_and_exit_2(run, tmp_path, existing):
    path = tmp_path / "map.yaml"
    path.write_text(existing, encoding="utf-8")
    before = path.stat()
    result = run("init", str(path))
    assert result.exit_code == 2 and "never overwrites" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == existing and path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(os.listdir(tmp_path)) == ["map.yaml"]  # no temporary file left behind


def test_a_dangling_symlink_is_not_followed(run, tmp_path):
    (tmp_path / "link.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert run("init", str(tmp_path / "link.yaml")).exit_code == 2
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_a_missing_folder_exits_2(run, tmp_path):
    result = run("init", str(tmp_path / "no" / "map.yaml"))
    assert result.exit_code == 2 and "cannot create" in result.stderr


def test_the_modeline_points_to_the_schema_as_the_maps_in_maps_do(tmp_path):
    first_line = (MAPS / "bandow-iraq.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.endswith(f"$schema={schema_reference(MAPS / 'new.yaml')}")
    reference = schema_reference(tmp_path / "map.yaml")
    schema = json.loads((tmp_path / reference).read_text(encoding="utf-8"))
    assert {"required": ["thesis"]} in schema["oneOf"]  # a map gives 'thesis' or 'theses'


def test_init_in_the_real_process(tmp_path):
    first, second = (argmap_process("init", tmp_path / "m.yaml") for _ in range(2))
    assert (first.returncode, second.returncode) == (0, 2)
    assert second.stderr.startswith("argmap: error: cannot create") and "Traceback" not in second.stderr
