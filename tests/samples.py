"""Maps the tests of several modules share: small inline maps with a known verdict, and files."""

from __future__ import annotations

from tests.helpers import MAPS, ROOT

#: Checks clean with the default rules.
CLEAN = "thesis:\n  claim: T\n  premises:\n    - claim: A\n      assumption: true\n"
#: One error: the premise ``a`` (line 5, column 7) is unsupported.
ERROR = "thesis:\n  id: t\n  claim: T\n  premises:\n    - id: a\n      claim: A\n"
#: The seed map: 16 errors, no warning.
SEED = MAPS / "bandow-iraq.yaml"
#: A map that uses every element a diagram can draw.
RENDER_ALL = ROOT / "tests" / "data" / "render-all.yaml"
