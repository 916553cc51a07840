"""evidence-without-source: evidence that does not say where it comes from.

Every evidence item should name a ``source``: a key of the map's ``sources`` or an inline mapping
``{author, title, date, url}``. Unsourced evidence cannot be checked by a reader.

Fails::

    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: "Washington broke the movement at the height of its power"

Passes::

    sources:
      bandow: {author: Doug Bandow}
    thesis:
      claim: The US should leave Iraq.
      evidence:
        - quote: "Washington broke the movement at the height of its power"
          source: bandow
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "evidence-without-source"
SEVERITY: Severity = "warning"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for claim in argmap.claims:
        for evidence in claim.evidence:
            if evidence.source_key is None and evidence.source is None:
                yield Finding(
                    evidence.position.line,
                    evidence.position.column,
                    f"this {'quote' if evidence.is_quote else 'evidence'} names no source",
                    claim.uid,
                    claim.text,
                )
