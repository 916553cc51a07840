"""rabbit-rule: a term of a claim that no premise of a reason for it mentions.

The classic test of argument mapping: you cannot pull a rabbit out of a hat. Whatever a claim
says must come from its premises, so every significant term of the claim should appear in at
least one co-premise of each reason given for it. A missing term usually means a missing premise
(often an unstated assumption) or a claim that says more than its reasons show.

Each reason is tested on its own (a linked group as a whole). Significant terms are approximated
by content words: words not on a short stopword list, at least ``min-length`` letters long,
compared by a crude stem so that "forces" matches "force" and "withdrawal" matches "withdraw".
Synonyms do not match ("troops" is not "forces"): reword the premise, add the missing premise,
or list the term in ``allow``. See ``argmap/content_words.py``.

Options: ``min-length`` (int, default 3): shorter words are not terms; ``allow`` (list of
words, default none): words never required.

Fails (nothing below mentions "Iraq")::

    thesis:
      claim: The US should withdraw its forces from Iraq.
      premises:
        - claim: Keeping forces abroad costs more than withdrawing them.

Passes::

    thesis:
      claim: The US should withdraw its forces from Iraq.
      premises:
        - linked:
            - claim: Keeping forces in Iraq costs more than withdrawing them.
            - claim: The US should withdraw forces whose cost exceeds their use.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content_words import TERM_OPTIONS, premise_reasons
from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "rabbit-rule"
SEVERITY: Severity = "warning"
ENABLED = False
OPTIONS: dict[str, object] = dict(TERM_OPTIONS)


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for claim, claim_terms, reason, members in premise_reasons(argmap, options):
        if not claim_terms or any(member.claim is None for member in members):
            continue  # an unknown ref is reported by unknown-reference
        covered = set().union(*(member.words for member in members))
        missing = [word for key, word in claim_terms.items() if key not in covered]
        if missing:
            names = ", ".join(f"'{word}'" for word in missing)
            which = "of this linked group" if reason.linked else "here"
            yield Finding(
                reason.position.line,
                reason.position.column,
                f"terms of the claim that no premise {which} mentions: {names}",
                claim.uid,
                claim.text,
            )
