"""unanswered-objection: an objection that nothing rebuts.

An argument that meets an objection should answer it: give the objection ``rebuttals`` (or
``objections`` or ``undercuts`` of its own). Any claim that stands in an ``objections`` list,
directly or through a ``ref``, counts as an objection.

Fails::

    objections:
      - claim: Trees cost too much to water.
        assumption: true

Passes::

    objections:
      - claim: Trees cost too much to water.
        assumption: true
        rebuttals:
          - claim: Native species need no watering after two years.
            evidence: [{text: City arborist's report, source: arborist}]
"""

from __future__ import annotations

from typing import Iterator

from ..model import ArgumentMap
from ..problems import Finding

ID = "unanswered-objection"
SEVERITY = "warning"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in argmap.claims:
        for objection in argmap.members(claim.objections):
            if objection.uid in seen:
                continue
            seen.add(objection.uid)
            if not objection.attacks:
                yield Finding(
                    objection.position.line,
                    objection.position.column,
                    "this objection has no rebuttal: the map leaves it standing",
                    objection.uid,
                    objection.text,
                )
