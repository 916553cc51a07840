"""unknown-reference: a ``ref`` names no claim, or a ``source`` names no source.

``ref: ID`` must name the ``id`` of a claim defined somewhere in the map, and an evidence
``source: KEY`` must name a key of the map's ``sources``.

Fails::

    sources:
      bandow: {author: Doug Bandow}
    thesis:
      claim: The US should leave Iraq.
      premises:
        - id: costs
          claim: The occupation costs more than it gains.
          evidence:
            - text: The war's costs, year by year.
              source: bandw               # no such source
      objections:
        - claim: Leaving would waste what was spent.
          assumption: true
          rebuttals:
            - ref: cost                   # no claim has this id

Passes (the same map with the id and the key spelled as defined)::

    sources:
      bandow: {author: Doug Bandow}
    thesis:
      claim: The US should leave Iraq.
      premises:
        - id: costs
          claim: The occupation costs more than it gains.
          evidence:
            - text: The war's costs, year by year.
              source: bandow
      objections:
        - claim: Leaving would waste what was spent.
          assumption: true
          rebuttals:
            - ref: costs
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap, Ref, refs_within
from ..problems import Finding, Severity
from ..suggestions import Suggester

ID = "unknown-reference"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    # Made at the first unknown ref or source: only hints need them.
    id_hint: Suggester | None = None
    source_hint: Suggester | None = None
    sources, claim_of = argmap.sources, argmap.claim
    for claim in argmap.claims:
        # One loop over the four relations joined (most are empty): half the time of four loops.
        for reason in claim.premises + claim.objections + claim.rebuttals + claim.undercuts:
            for item in reason.members:
                if isinstance(item, Ref) and (item.undercuts or claim_of(item.target) is None):
                    for ref in refs_within(item):
                        if claim_of(ref.target) is None:
                            id_hint = id_hint or Suggester(each.id for each in argmap.claims if each.id)
                            yield Finding(
                                ref.position.line,
                                ref.position.column,
                                f"ref '{ref.target}' names no claim in this map{id_hint(ref.target)}",
                                claim.uid,
                                claim.text,
                            )
        for evidence in claim.evidence:
            if evidence.source_key is not None and evidence.source_key not in sources:
                where = evidence.source_position or evidence.position
                source_hint = source_hint or Suggester(sources)
                yield Finding(
                    where.line,
                    where.column,
                    f"source '{evidence.source_key}' is not defined under 'sources'{source_hint(evidence.source_key)}",
                    claim.uid,
                    claim.text,
                )
