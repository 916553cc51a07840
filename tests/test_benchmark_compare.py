"""benchmarks/compare.py, the before/after timing table, run as its documentation says."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

COMPARE = ROOT / "benchmarks" / "compare.py"


def compare(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(COMPARE), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_tree_against_itself_gives_a_row_per_command_with_the_same_output():
    result = compare("--base", str(ROOT), "--new", str(ROOT), "--rounds", "1", "--claims", "100", "--no-memory-reading")
    assert result.returncode in (0, 1), result.stderr  # 1 only if this machine's noise passed 5%
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `argmap check")]
    assert [row.split(" | ")[0] for row in rows] == [
        "| `argmap check --format json`, 100 claims",
        "| `argmap check maps/bandow-iraq.yaml` (start-up)",
    ]
    assert all(row.endswith("| yes |") for row in rows)
    assert "Machine: " in result.stdout


def test_a_folder_that_is_no_argmap_tree_is_refused(tmp_path):
    result = compare("--base", str(tmp_path), "--rounds", "1")
    assert result.returncode == 2
    assert f"{tmp_path} (before) is not an argmap source tree" in result.stderr
    assert "Traceback" not in result.stderr
