"""The ``argmap-check`` hook of ``.pre-commit-hooks.yaml``, run by the real ``pre-commit`` tool.

``pre-commit try-repo`` clones a hook repository at its HEAD, installs it in a new virtual
environment (pip, from PyPI or the machine's package index) and runs the hook in the current git
repository. The hook repository here is a fresh git repository holding a copy of this project's
files as they are now, committed, so that the test runs the hook as a user's clone would, and
needs no network beyond the package index. It takes 10 to 30 s, most of it pip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest
import yaml

import argmap
from tests.helpers import MAPS, ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs the pre-commit package (pip install -e '.[test]') and git",
)
CLEAN = MAPS / "tutorial-basics.yaml"
WITH_ERRORS = MAPS / "bandow-iraq.yaml"
GIT = ["git", "-c", "user.name=argmap tests", "-c", "user.email=tests@argmap.invalid", "-c", "commit.gpgsign=false"]


def test_the_manifest_offers_argmap_check():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "argmap-check" and hook["entry"] == "argmap check" and hook["language"] == "python"


def _committed_copy(folder):
    skip = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "build", ".*_cache", ".hypothesis")
    shutil.copytree(ROOT, folder, ignore=skip, symlinks=True)
    subprocess.run([*GIT, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "argmap as it is"], cwd=folder, check=True)


def _user_repository(folder, maps):
    (folder / "maps").mkdir(parents=True)
    for name, source in maps.items():
        shutil.copy(source, folder / "maps" / name)
    (folder / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")  # YAML, not a map: the hook skips it
    subprocess.run([*GIT, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=folder, check=True)


def test_pre_commit_runs_argmap_check_on_the_maps(tmp_path):
    _committed_copy(tmp_path / "argmap")
    user = tmp_path / "user"
    _user_repository(user, {"clean.yaml": CLEAN, "op-ed.yaml": WITH_ERRORS})
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(tmp_path / "argmap"), "argmap-check"]
        files_args = ["--files", *files] if files else ["--all-files"]
        return subprocess.run([*command, *files_args], cwd=user, env=env, capture_output=True, text=True, timeout=600)

    everything = try_repo()
    assert everything.returncode == 1, everything.stdout + everything.stderr
    where = argmap.load(WITH_ERRORS).claim("iran-no-threat").position  # an unsupported premise
    assert f"maps/op-ed.yaml:{where}: error [unsupported-premise]" in everything.stdout
    assert "ci.yaml" not in everything.stdout and "Traceback" not in everything.stdout
    clean = try_repo("maps/clean.yaml", "ci.yaml")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "argmap check" in clean.stdout and "Passed" in clean.stdout
