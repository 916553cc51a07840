"""A terminal that is not UTF-8 gets escapes for what it cannot show, never a traceback."""

from __future__ import annotations

import os

import pytest

from tests.processes import argmap_process


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args, code",
    [
        (["check", "maps/bandow-iraq.yaml"], 1),  # the report quotes "…" and curly quotes
        (["show", "maps/tutorial-basics.yaml"], 0),  # the tree's marks are not in either encoding
        (["eval", "maps/tutorial-eval.yaml"], 0),
        (["rules", "quote-not-found"], 0),
    ],
)
def test_a_terminal_that_is_not_utf8_gets_escapes(encoding: str, args: list[str], code: int) -> None:
    done = argmap_process(*args, env={**os.environ, "PYTHONIOENCODING": encoding}, encoding=encoding)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
    assert "\\u" in done.stdout or "\\x" in done.stdout, "what the encoding lacks is spelt as an escape"
