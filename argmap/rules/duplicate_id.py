"""duplicate-id: two claims are given the same ``id``.

Ids name claims for ``ref`` items, for ``--focus`` and in reports, so each must be unique. The
second and later claims with an id are reported; refs resolve to the first.

Fails::

    thesis:
      claim: We should build the bridge.
      premises:
        - id: cost
          claim: It is cheap.
          assumption: true
        - id: cost                  # already used above
          claim: It pays for itself.
          assumption: true

Passes::

    thesis:
      claim: We should build the bridge.
      premises:
        - id: cost
          claim: It is cheap.
          assumption: true
        - id: returns
          claim: It pays for itself.
          assumption: true
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "duplicate-id"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    ids = [claim.id for claim in argmap.claims if claim.id is not None]
    if len(set(ids)) == len(ids):
        return  # no id is used twice (the usual case): one quick pass over 100,000 claims
    first_line: dict[str, int] = {}
    for claim in argmap.claims:
        if claim.id is None:
            continue
        if claim.id in first_line:
            yield Finding(
                claim.position.line,
                claim.position.column,
                f"id '{claim.id}' is already used by the claim on line {first_line[claim.id]}",
                claim.uid,
                claim.text,
            )
        else:
            first_line[claim.id] = claim.position.line
