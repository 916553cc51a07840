"""The editor shows what ``argmap check`` reports: same rules, same places, on every map the suite has.

The maps in maps/, tests/data/, the passing and failing examples of every rule's documentation and
the invalid maps of the loader's tests (load errors), each opened in the server and checked by the
real ``argmap check --format json``; the diagnostics carry the problem's own line and column.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_lsp import LanguageClient

from argmap.rules import RULES
from tests.helpers import MAPS, ROOT
from tests.lsp.session import close, open_map, pulled
from tests.processes import argmap_process
from tests.rules.examples import examples
from tests.test_loader import BAD

pytestmark = pytest.mark.asyncio(loop_scope="module")


def written_maps(folder: Path) -> list[Path]:
    """Every example of the rules' documentation and every bad map of the loader's tests, as files."""
    paths = []
    for rule_id, rule in RULES.items():
        for number, (label, text) in enumerate(examples(rule.__doc__ or "")):
            paths.append(folder / f"{rule_id}-{label}-{number}.yaml")
            paths[-1].write_text(text, encoding="utf-8")
    for number, (_, text, *_) in enumerate(BAD):
        paths.append(folder / f"bad-{number}.yaml")
        paths[-1].write_text(text, encoding="utf-8", newline="")
    return paths


async def test_the_servers_diagnostics_are_argmap_checks_problems(puller: LanguageClient, tmp_path: Path):
    maps = [*sorted(MAPS.glob("*.yaml")), *sorted((ROOT / "tests" / "data").glob("*.yaml")), *written_maps(tmp_path)]
    report = json.loads(argmap_process("check", "--format", "json", *maps).stdout)
    expected: dict[str, list[tuple[str, int, int]]] = {str(path): [] for path in maps}
    for problem in report["problems"]:
        expected[str(Path(ROOT, problem["file"]))].append((problem["rule"], problem["line"], problem["column"]))
    shown = {}
    for path in maps:
        uri = open_map(puller, path)
        diagnostics = await pulled(puller, uri)
        close(puller, uri)
        shown[str(path)] = [
            (str(diagnostic.code), diagnostic.data["line"], diagnostic.data["column"]) for diagnostic in diagnostics
        ]
    assert shown == expected
    assert len(maps) > 40 and sum(map(len, expected.values())) > 50
    rules = {rule for problems in expected.values() for rule, _, _ in problems}
    assert rules >= {
        "yaml-syntax",
        "unknown-key",
        "not-a-map",
        "duplicate-id",
        "circular-reasoning",
        "unknown-reference",
    }


async def test_every_diagnostic_range_lies_inside_the_text():
    """Checked in-process on the same maps: a range never starts after it ends or leaves its line's text."""
    from pygls.workspace.position_codec import PositionCodec

    from argmap.lsp.analysis import analyse
    from argmap.lsp.diagnostics import diagnostics

    for path in sorted(MAPS.glob("*.yaml")):
        analysis = analyse(path.read_text(encoding="utf-8"), path, 1)
        for diagnostic in diagnostics(analysis, PositionCodec(), path.as_uri()):
            start, end = diagnostic.range.start, diagnostic.range.end
            assert (start.line, start.character) < (end.line, end.character), (path, diagnostic)
            assert end.line < len(analysis.lines)
