"""unsupported-premise: a claim below the thesis that nothing supports.

Every claim other than the thesis (premises, co-premises, objections, rebuttals, undercuts) must
rest on something: evidence, premises of its own, or ``assumption: true`` for what any reader
grants. A ``ref`` shares the support of the claim it points to, so only the claim where it is
defined is checked.

Fails::

    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.        # nothing supports this

Passes::

    sources:
      epa-2019: {author: US EPA, date: "2019"}
    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.
          evidence:
            - text: Shaded streets measured 4 °C cooler.
              source: epa-2019
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "unsupported-premise"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for claim in argmap.claims:
        if not (claim.evidence or claim.premises or claim.assumption) and claim.role != "thesis":
            yield Finding(
                claim.position.line,
                claim.position.column,
                f"this {claim.role} has no evidence and no premises, and is not marked 'assumption: true'",
                claim.uid,
                claim.text,
            )
