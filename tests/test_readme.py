"""The README stays true: its commands run, its shown output is the real output, its example map loads."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

import argmap
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SETUP, TEST = re.findall(r"```sh\n(python3 -m venv .*)\n```", README)[:2]
# What a copy of the project leaves out: virtual environments (.ci/run makes .venv-lint and
# .venv-lowest too), caches and build output.
NOT_COPIED = shutil.ignore_patterns(
    ".venv*", ".git", "__pycache__", "*.egg-info", "build", ".pytest_cache", ".hypothesis"
)


def console_examples() -> list[tuple[str, str]]:
    """``(command, expected output)`` for every ``$ argmap ...`` line in a ```console block."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


def shell_examples() -> list[str]:
    """Every ``argmap ...`` line in a ```sh block (comments after the command dropped)."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        lines += [re.sub(r"\s+#.*$", "", line) for line in block.splitlines() if line.startswith("argmap ")]
    return lines


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    """The project's files in a scratch folder, so that commands that write diagrams write there."""
    project = tmp_path_factory.mktemp("readme") / "argmap"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED, symlinks=True)
    return project


@pytest.mark.parametrize("command", shell_examples())
def test_shell_examples_run(command, project_copy):
    shell = command.replace("argmap ", f"{shlex.quote(sys.executable)} -m argmap ", 1)
    result = subprocess.run(["bash", "-c", shell], cwd=project_copy, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_ci_runs_exactly_the_readme_test_command():
    assert TEST.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST in ci.splitlines()


def test_ci_runs_the_readme_lint_commands():
    [line] = [line for line in README.splitlines() if line.startswith("ruff check")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in line.split(" && "):
        assert f".venv-lint/bin/{command}" in ci


@pytest.mark.parametrize("command, expected", console_examples(), ids=lambda value: value[:60])
def test_console_examples_print_what_the_readme_shows(command, expected, tmp_path):
    args = shlex.split(command)
    assert args[0] == "argmap"
    result = subprocess.run(
        [sys.executable, "-m", "argmap", *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stderr
    if expected.strip():
        assert result.stdout.rstrip("\n") == expected.rstrip("\n")


def test_example_map_in_the_readme_loads_and_has_no_structural_problems():
    example = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)[0]
    m = argmap.loads(example, ROOT / "maps" / "readme-example.yaml")
    structural = {"unknown-reference", "duplicate-id", "circular-reasoning", "unsupported-premise"}
    assert [p for p in argmap.check(m) if p.rule in structural] == []
    assert yaml.safe_load(example)["thesis"]["id"] == "withdraw"


def test_library_example_runs():
    [code] = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {"print": lambda *args: None})
    finally:
        os.chdir(cwd)


@pytest.mark.skipif(os.environ.get("ARGMAP_SKIP_INSTALL_TEST") == "1", reason="ARGMAP_SKIP_INSTALL_TEST=1")
def test_setup_command_installs_and_checks_the_seed_map(tmp_path):
    """The README's first command, on a copy of the project, in a new virtual environment."""
    project = tmp_path / "argmap"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED, symlinks=True)
    result = subprocess.run(["bash", "-c", SETUP], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stderr[-2000:]  # the op-ed has unsupported premises
    assert "unsupported-premise" in result.stdout and "Traceback" not in result.stderr


def test_every_command_and_option_of_the_command_line_is_in_the_readme():
    """As sqlite-utils' test_docs: what ``argmap -h`` lists, the README explains (render has its own section)."""
    import typer.main

    from argmap.cli.app import app

    group = typer.main.get_command(app)
    commands = {name: command for name, command in group.commands.items() if name != "render"}  # type: ignore[attr-defined]
    missing = [f"argmap {name}" for name in commands if f"argmap {name}" not in README]
    for command in [group, *commands.values()]:
        for param in command.params:
            missing += [
                name
                for name in param.opts
                if name.startswith("--") and f"`{name}" not in README and f" {name}" not in README
            ]
    assert missing == []


def test_the_layout_section_names_every_part_of_the_package():
    section = README.split("### How the code is laid out", 1)[1].split("\n## ", 1)[0]
    parts = sorted(
        path.name + ("/" if path.is_dir() else "")
        for path in (ROOT / "argmap").iterdir()
        if path.name not in ("__init__.py", "__main__.py", "__pycache__")
    )
    assert parts, "the package has parts"
    assert [part for part in parts if f"`{part}`" not in section] == []


def test_the_safety_section_lists_every_limit():
    import argmap.limits

    section = README.split("\n## Safety\n", 1)[1].split("\n## ", 1)[0]
    limits = [name for name in vars(argmap.limits) if name.isupper()]
    assert len(limits) >= 16
    assert [name for name in limits if f"| `{name}` |" not in section] == []
