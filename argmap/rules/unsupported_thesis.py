"""unsupported-thesis: the thesis has neither premises nor evidence.

A map whose thesis stands on nothing is an assertion, not an argument. Marking the thesis
``assumption: true`` does not change that (``argmap eval`` accepts such a thesis as granted, but
there is still no argument to check).

Fails::

    thesis:
      claim: We should plant more trees.

Passes::

    thesis:
      claim: We should plant more trees.
      premises:
        - claim: Trees cool streets.
          assumption: true
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "unsupported-thesis"
SEVERITY: Severity = "error"
ENABLED = True
OPTIONS: dict[str, object] = {}


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for thesis in argmap.theses:
        if not (thesis.premises or thesis.evidence):
            yield Finding(
                thesis.position.line,
                thesis.position.column,
                "the thesis has no premises and no evidence: nothing argues for it"
                + (" ('assumption: true' does not make a thesis an argument)" if thesis.assumption else ""),
                thesis.uid,
                thesis.text,
            )
