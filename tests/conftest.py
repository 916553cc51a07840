"""Shared pytest configuration.

Golden files (whole outputs compared byte for byte) live in tests/golden/ and are regenerated with

    python -m pytest --regen-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/ files from current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):
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
