"""Shared pytest configuration and fixtures.

Golden files (whole outputs compared byte for byte) live in tests/golden/ and are regenerated with

    python -m pytest --regen-golden

``run`` runs the ``argmap`` command in-process; tests of a real process use ``subprocess``.
"""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from typer.testing import Result


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/ files from current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: compare ``text`` with tests/golden/NAME, or rewrite it with --regen-golden."""
    regen = request.config.getoption("--regen-golden")
    folder = Path(__file__).parent / "golden"

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
def run() -> Callable[..., Result]:
    """``run(*args, input=None)``: the ``argmap`` command with these arguments, run in-process.

    Arguments may be text or paths. It goes through Typer's ``CliRunner`` with
    ``catch_exceptions=False``, so an exception the command lets through fails the test with its
    traceback instead of hiding in ``result.exception``. The result has ``exit_code``, ``stdout``
    and ``stderr`` apart, as a user sees them. Paths in reports are as given: a test that compares
    them asks for a fixed working folder with ``monkeypatch.chdir``. Example::

        def test_clean_map(run):
            result = run("check", "maps/tutorial-basics.yaml", "--format", "json")
            assert result.exit_code == 0
    """
    from typer.testing import CliRunner

    from argmap.cli.app import app

    runner = CliRunner()

    def invoke(*args: str | PathLike[str], input: str | bytes | None = None) -> Result:
        return runner.invoke(app, [str(arg) for arg in args], input=input, catch_exceptions=False)

    return invoke
