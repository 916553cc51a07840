"""unanswered-objection: an objection that nothing rebuts.

An argument that meets an objection should answer it: give the objection ``rebuttals`` (or
``objections`` or ``undercuts`` of its own). Any claim that stands in an ``objections`` list,
directly or through a ``ref``, counts as an objection. The co-premises of a linked objection stand
or fall together, so a rebuttal of any one of them answers the group. A ``- ref`` item with
``undercuts`` answers that use of the claim (its other uses as an objection still need an answer).

Fails::

    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.
          assumption: true
      objections:
        - claim: Trees cost too much to water.
          assumption: true

Passes::

    sources:
      arborist: {author: City arborist, date: "2023"}
    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.
          assumption: true
      objections:
        - claim: Trees cost too much to water.
          assumption: true
          rebuttals:
            - claim: Native species need no watering after two years.
              evidence: [{text: City arborist's report, source: arborist}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap, Ref
from ..problems import Finding, Severity

ID = "unanswered-objection"
SEVERITY: Severity = "warning"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in argmap.claims:
        for reason in claim.objections:
            if any(isinstance(item, Ref) and item.undercuts for item in reason.members):
                continue  # this use is undercut where it is written: answered here
            members = list(argmap.members((reason,)))
            # Co-premises of a linked objection stand or fall together: answering one answers all.
            if reason.linked and any(member.attacks for member in members):
                seen.update(member.uid for member in members)
                continue
            for objection in members:
                if objection.uid in seen:
                    continue
                seen.add(objection.uid)
                if objection.attacks:
                    continue
                yield Finding(
                    objection.position.line,
                    objection.position.column,
                    "this objection has no rebuttal: the map leaves it standing",
                    objection.uid,
                    objection.text,
                )
