"""Shared pytest configuration and fixtures.

Golden files (whole outputs compared byte for byte) live in tests/golden/ and are regenerated with

    python -m pytest --regen-golden

``run`` runs the ``argmap`` command in-process, ``in_project`` makes the project root the working
folder, ``write`` and ``tree`` make files under ``tmp_path``; tests of the real process use
tests/processes.py, and maps several modules share are in tests/samples.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import ROOT
from tests.samples import RENDER_ALL

if TYPE_CHECKING:
    from typer.testing import Result


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/ files from current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: compare ``text`` with tests/golden/NAME, or rewrite it with --regen-golden."""
    regen = request.config.getoption("--regen-golden")
    folder = ROOT / "tests" / "golden"

    def compare(name: str, text: str) -> None:
        path = folder / name
        if regen:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"missing golden file {path}; run: python -m pytest --regen-golden"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs; if intended: python -m pytest --regen-golden"

    return compare


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """The project root as the working folder, so that ``maps/...`` in arguments and reports is stable.

    A module whose tests name maps relative to the root asks for it once::

        pytestmark = pytest.mark.usefixtures("in_project")
    """
    monkeypatch.chdir(ROOT)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """``write(name, text)``: the file ``name`` under ``tmp_path`` (folders made), text or bytes; its path."""

    def make(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return make


@pytest.fixture
def tree(
    write: Callable[[str, str | bytes], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Mapping[str, str]], None]:
    """``tree({"a/m.yaml": MAP, "argmap.toml": ...})``: these files (``write``) under ``tmp_path``,
    which is the working folder, so that reports name them as the test does."""
    monkeypatch.chdir(tmp_path)

    def make(files: Mapping[str, str]) -> None:
        for name, text in files.items():
            write(name, text)

    return make


@pytest.fixture
def two_maps(tmp_path: Path) -> Path:
    """A folder of two maps to draw, ``tmp/maps/a.yaml`` and ``tmp/maps/sub/b.yml``; the folder."""
    folder = tmp_path / "maps"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(RENDER_ALL, folder / "a.yaml")
    shutil.copy(RENDER_ALL, folder / "sub" / "b.yml")
    return folder


@pytest.fixture
def run() -> Callable[..., Result]:
    """``run(*args, input=None, env=None, prog_name=None)``: the ``argmap`` command with these
    arguments, run in-process.

    Arguments may be text or paths; ``input`` (text or bytes) is standard input; ``env`` sets (or,
    with ``None`` as a value, removes) environment variables for this run only; ``prog_name`` is the
    program's name as shell completion sees it. It goes through Typer's ``CliRunner`` with
    ``catch_exceptions=False``, so an exception the command lets through fails the test with its
    traceback instead of hiding in ``result.exception``. The result has ``exit_code``, ``stdout``
    and ``stderr`` apart, as a user sees them. Paths in reports are as given: a test that compares
    them asks for a fixed working folder (``in_project``). Example::

        def test_clean_map(run):
            result = run("check", "maps/tutorial-basics.yaml", "--format", "json")
            assert result.exit_code == 0
    """
    from typer.testing import CliRunner

    from argmap.cli.app import app

    runner = CliRunner()

    def invoke(
        *args: str | PathLike[str],
        input: str | bytes | None = None,
        env: Mapping[str, str | None] | None = None,
        prog_name: str | None = None,
    ) -> Result:
        named: dict[str, Any] = {} if prog_name is None else {"prog_name": prog_name}  # else the default name
        arguments = [str(arg) for arg in args]
        return runner.invoke(app, arguments, input=input, env=env, catch_exceptions=False, **named)

    return invoke
