"""Shared test helpers: inline YAML in, problems out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from argmap.config import Config

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "arg-microtexts" / "corpus" / "en"


def load_text(text: str, path: str = "test.yaml") -> argmap.ArgumentMap:
    """Load an inline map, with PyYAML and also with the fast reader (yaml-rs), which must give the
    same map whenever it reads the text, or the same problems: so the fast reader runs on every
    hand-written map of the tests, not only on large ones."""
    text = textwrap.dedent(text)
    try:
        loaded = argmap.loads(text, path, reader="pyyaml")
    except argmap.LoadError as error:
        with pytest.raises(argmap.LoadError) as fast_error:
            argmap.loads(text, path, reader="fast")
        assert fast_error.value.problems == error.problems
        raise
    assert argmap.loads(text, path, reader="fast") == loaded
    return loaded


def problems_of(text: str, config: Config | None = None) -> list[argmap.Problem]:
    """Check an inline YAML map with every rule on by default (and ``config`` if given)."""
    return argmap.check(load_text(text), config)


def found(text: str, rule: str, config: Config | None = None) -> list[tuple[int, str | None]]:
    """``(line, node)`` of each problem of ``rule`` in an inline map."""
    return [(p.line, p.node) for p in problems_of(text, config) if p.rule == rule]


def load_problems(text: str) -> list[tuple[str, int, int]]:
    """``(rule, line, column)`` of each load error of an inline map ([] when it loads)."""
    try:
        load_text(text)
    except argmap.LoadError as error:
        return [(p.rule, p.line, p.column) for p in error.problems]
    return []
