"""holding-hands: a term a premise brings in that nothing else shares.

The companion of ``rabbit-rule``: co-premises must hold hands. Every significant term of a
premise should appear in another co-premise of its linked group or in the claim the premise
supports; a term that appears nowhere else connects to nothing, so the reasoning has a gap there.
An independent premise (a reason of one premise) has no co-premise, so each of its terms must
appear in the claim itself; where it does not, the unstated co-premise is what is missing.

Significant terms are approximated by content words as for ``rabbit-rule`` (stopwords dropped,
crude stemming; synonyms do not match; see ``argmap/content_words.py``).

Options: ``min-length`` (int, default 3): shorter words are not terms; ``allow`` (list of
words, default none): words never required.

Fails ("costs" and "use" appear in no co-premise and not in the claim)::

    thesis:
      claim: The US should withdraw its forces from Iraq.
      premises:
        - claim: The forces in Iraq cost more than their use.

Passes::

    thesis:
      claim: The US should withdraw its forces from Iraq.
      premises:
        - linked:
            - claim: The forces in Iraq cost more than their use.
            - claim: Forces that cost more than their use should withdraw.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content_words import TERM_OPTIONS, premise_reasons
from ..model import ArgumentMap
from ..problems import Finding, Severity

ID = "holding-hands"
SEVERITY: Severity = "warning"
ENABLED = False
OPTIONS: dict[str, object] = dict(TERM_OPTIONS)


def check(argmap: ArgumentMap, options: dict[str, object]) -> Iterator[Finding]:
    for _, claim_terms, reason, members in premise_reasons(argmap, options):
        for index, (item, member, terms) in enumerate(members):
            if member is None:
                continue  # an unknown ref is reported by unknown-reference
            others = set(claim_terms).union(*(other.words for k, other in enumerate(members) if k != index))
            alone = [word for key, word in terms.items() if key not in others]
            if alone:
                names = ", ".join(f"'{word}'" for word in alone)
                where = "no co-premise nor the claim" if reason.linked else "the claim it supports does not"
                yield Finding(
                    item.position.line,
                    item.position.column,
                    f"terms of this premise that {where} mention{'s' if reason.linked else ''}: {names}",
                    member.uid,
                    member.text,
                )
