"""``argmap init``: a commented starter map that checks clean, never written over an existing file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.starter import DEFAULT_NAME, schema_reference
from tests.helpers import MAPS, ROOT


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_the_starter_map_checks_clean_with_every_default_rule(tmp_path):
    path = tmp_path / "argument.yaml"
    result = invoke("init", str(path))
    assert result.exit_code == 0 and str(path) in result.stderr
    report = json.loads(invoke("check", str(path), "-f", "json", "--strict").stdout)
    assert report["problems"] == [] and report["summary"]["unreadable"] == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and text.count("#") > 10  # commented
    assert invoke("eval", str(path), "-f", "json").exit_code == 0


def test_the_default_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    assert (tmp_path / DEFAULT_NAME).is_file() and DEFAULT_NAME == "map.yaml"


@pytest.mark.parametrize("existing", ["a map\n", ""], ids=["a file", "an empty file"])
def test_an_existing_file_is_untouched_and_exit_2(tmp_path, existing):
    path = tmp_path / "map.yaml"
    path.write_text(existing, encoding="utf-8")
    before = path.stat()
    result = invoke("init", str(path))
    assert result.exit_code == 2 and "never overwrites" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == existing and path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(os.listdir(tmp_path)) == ["map.yaml"]  # no temporary file left behind


def test_a_dangling_symlink_is_not_followed(tmp_path):
    (tmp_path / "link.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert invoke("init", str(tmp_path / "link.yaml")).exit_code == 2
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_a_missing_folder_exits_2(tmp_path):
    result = invoke("init", str(tmp_path / "no" / "map.yaml"))
    assert result.exit_code == 2 and "cannot create" in result.stderr


def test_the_modeline_points_to_the_schema_as_the_maps_in_maps_do(tmp_path):
    first_line = (MAPS / "bandow-iraq.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.endswith(f"$schema={schema_reference(MAPS / 'new.yaml')}")
    reference = schema_reference(tmp_path / "map.yaml")
    assert json.loads((tmp_path / reference).read_text(encoding="utf-8"))["required"] == ["thesis"]


def test_init_in_the_real_process(tmp_path):
    command = [sys.executable, "-m", "argmap", "init", str(tmp_path / "m.yaml")]
    first, second = (subprocess.run(command, capture_output=True, text=True, cwd=ROOT) for _ in range(2))
    assert (first.returncode, second.returncode) == (0, 2)
    assert second.stderr.startswith("argmap: error: cannot create") and "Traceback" not in second.stderr
