"""unknown-reference: a ``ref`` names no claim, or a ``source`` names no source.

``ref: ID`` must name the ``id`` of a claim defined somewhere in the map, and an evidence
``source: KEY`` must name a key of the map's ``sources``.

Fails::

    sources:
      bandow: {author: Doug Bandow}
    thesis:
      claim: ...
      premises:
        - ref: isis-brokn                 # no claim has this id
      evidence:
        - quote: "..."
          source: bandw                   # no such source

Passes when the id and the key exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap, Ref
from ..problems import Finding, Severity
from ..suggestions import did_you_mean

ID = "unknown-reference"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    ids: list[str] = []  # filled at the first unknown ref: only hints need them
    sources, claim_of = argmap.sources, argmap.claim
    for claim in argmap.claims:
        # One loop over the four relations joined (most are empty): half the time of four loops.
        for reason in claim.premises + claim.objections + claim.rebuttals + claim.undercuts:
            for item in reason.members:
                if isinstance(item, Ref) and claim_of(item.target) is None:
                    ids = ids or [each.id for each in argmap.claims if each.id]
                    yield Finding(
                        item.position.line,
                        item.position.column,
                        f"ref '{item.target}' names no claim in this map{did_you_mean(item.target, ids)}",
                        claim.uid,
                        claim.text,
                    )
        for evidence in claim.evidence:
            if evidence.source_key is not None and evidence.source_key not in sources:
                where = evidence.source_position or evidence.position
                yield Finding(
                    where.line,
                    where.column,
                    f"source '{evidence.source_key}' is not defined under 'sources'"
                    f"{did_you_mean(evidence.source_key, sources)}",
                    claim.uid,
                    claim.text,
                )
