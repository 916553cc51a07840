"""single-premise-reason: a premise that supports its claim alone, through an unstated assumption.

An independent premise supports its claim only given a further premise that links the two, and
that premise goes unsaid: "Iraq is no ally" supports "the US should leave Iraq" only given that
the US should not keep forces where it has no ally. Writing the assumption out, as a co-premise in
a ``linked`` group, lets readers see it and the map question it. Only ``premises`` are checked.

Fails::

    thesis:
      claim: The US should bring its forces home from Iraq.
      premises:
        - claim: Iraq is no ally of the US.

Passes::

    thesis:
      claim: The US should bring its forces home from Iraq.
      premises:
        - linked:
            - claim: Iraq is no ally of the US.
            - claim: The US should not keep forces where it has no ally.
              assumption: true
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "single-premise-reason"
SEVERITY: Severity = "info"
ENABLED = False
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for claim in argmap.claims:
        for reason in claim.premises:
            if reason.linked:
                continue
            premise = argmap.resolve(reason.members[0])
            if premise is None:
                continue  # an unknown ref is reported by unknown-reference
            yield Finding(
                reason.position.line,
                reason.position.column,
                "this premise supports its claim alone: the assumption that links them is unstated; "
                "write it out as a co-premise in a linked group",
                premise.uid,
                premise.text,
            )
