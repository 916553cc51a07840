"""The diagrams committed next to the example maps are up to date.

Regenerate them with::

    argmap render maps/ --engine pure

(the pure engine writes the same bytes on every platform, so the committed files do not depend on
which Graphviz, if any, is installed).
"""

from __future__ import annotations

import pytest

from tests.helpers import MAPS

REGENERATE = "argmap render maps/ --engine pure"

pytestmark = pytest.mark.usefixtures("in_project")  # the commands name maps relative to the root


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_committed_svg_is_up_to_date(run, path):
    result = run("render", f"maps/{path.name}", "--engine", "pure", "-o", "-")
    assert result.exit_code == 0, result.stderr
    svg = path.with_suffix(".svg")
    assert svg.exists(), f"{svg.name} is missing; run: {REGENERATE}"
    assert result.stdout_bytes == svg.read_bytes(), f"{svg.name} is out of date; run: {REGENERATE}"


#: The overview the README shows; regenerated with this command.
OVERVIEW = "argmap render maps/bandow-iraq.yaml --no-evidence --engine pure -o docs/bandow-iraq-overview.svg"


def test_readme_overview_is_up_to_date(run):
    import shlex

    args = shlex.split(OVERVIEW)[1:]
    out = args.index("-o")
    result = run(*args[:out], "-o", "-")
    assert result.exit_code == 0, result.stderr
    committed = MAPS.parent / args[out + 1]
    assert result.stdout_bytes == committed.read_bytes(), f"{committed.name} is out of date; run: {OVERVIEW}"
