"""Which claims stand: every claim labelled accepted, rejected, undecided or unsupported.

The rules, in the order they apply (the README's "Evaluating a map" has a worked example):

- A claim is *grounded* when it has evidence or is ``assumption: true``. It is *supported* when
  it is grounded or one of its reasons holds: an independent premise holds when it is accepted; a
  ``linked`` group when every co-premise is accepted. A reason also needs its link: an accepted
  undercut written on a premise (on any member of a linked group) defeats that reason.
- Objections and rebuttals attack the claim they are written under; an attack counts only when
  its attacker is accepted and not undercut. An objection with nothing behind it attacks nothing:
  the burden of proof is on the objector.
- **rejected**: some attack counts. **accepted**: supported and every attack fails.
  **unsupported**: not rejected, and no support can come: nothing is offered, every reason fails,
  or the support runs in a circle. **undecided**: everything else: claims caught in a cycle of
  attacks, and claims whose support or attackers depend on one.

A ``ref`` is the claim it names, so a claim used in several places gets one label (with duplicate
ids, the first definition's). Labels are the well-founded solution of these rules, found in time
linear in the map's size (``network`` builds the circuit, ``fixpoint`` solves it,
``explain`` words the reasons). Example::

    >>> import argmap
    >>> result = argmap.evaluate(argmap.load("maps/tutorial-eval.yaml"))
    >>> result.labels["overtime"]
    Label(status='rejected', reason="rebuttal 'rota' stands unanswered")
    >>> print(result.verdict())
    the thesis is open (undecided); of 9 claims: 3 accepted, 1 rejected, 3 undecided, 2 unsupported
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model import ArgumentMap
from .fixpoint import TRUE, UNKNOWN

Status = Literal["accepted", "rejected", "undecided", "unsupported"]
STATUSES: tuple[Status, ...] = ("accepted", "rejected", "undecided", "unsupported")
#: What each status of the thesis means for the argument as a whole.
_VERDICTS = {
    "accepted": "the thesis stands",
    "rejected": "the thesis is refuted",
    "undecided": "the thesis is open",
    "unsupported": "the thesis is not established",
}
#: The same, said of several theses.
_PLURAL = {
    "accepted": "stand",
    "rejected": "are refuted",
    "undecided": "are open",
    "unsupported": "are not established",
}


class Label(NamedTuple):
    """A claim's status and the one-sentence reason for it."""

    status: Status
    reason: str

    def __str__(self) -> str:
        return f"{self.status}: {self.reason}"


@dataclass(frozen=True)
class Evaluation:
    """Every claim's label by uid, in document order, and the theses' uids (the first's on its own)."""

    labels: dict[str, Label]
    thesis_uid: str
    #: The uids of the theses after the first, in document order (a map that gives ``theses:``).
    other_thesis_uids: tuple[str, ...] = ()

    @property
    def thesis(self) -> Label:
        return self.labels[self.thesis_uid]

    @property
    def thesis_uids(self) -> tuple[str, ...]:
        """Every thesis's uid, the first first."""
        return (self.thesis_uid, *self.other_thesis_uids)

    def counts(self) -> dict[str, int]:
        """How many claims have each status, every status listed."""
        counts = Counter(label.status for label in self.labels.values())
        return {status: counts[status] for status in STATUSES}

    def verdict(self) -> str:
        """One sentence on the whole map: what the thesis's label means, and the tally.

        >>> Evaluation({"t": Label("accepted", "granted as an assumption")}, "t").verdict()
        'the thesis stands (accepted); of 1 claim: 1 accepted, 0 rejected, 0 undecided, 0 unsupported'
        """
        total = len(self.labels)
        tally = ", ".join(f"{count} {status}" for status, count in self.counts().items())
        return f"{self.theses_verdict()}; of {total} claim{'s' if total != 1 else ''}: {tally}"

    def theses_verdict(self) -> str:
        """What the theses' labels mean: one thesis's, or a count of each status over several.

        >>> labels = {"a": Label("accepted", "granted"), "b": Label("undecided", "in a cycle")}
        >>> Evaluation(labels, "a", ("b",)).theses_verdict()
        'of 2 theses: 1 stands (accepted), 1 is open (undecided)'
        """
        if not self.other_thesis_uids:
            status = self.thesis.status
            return f"{_VERDICTS[status]} ({status})"
        counts = Counter(self.labels[uid].status for uid in self.thesis_uids)
        each = ", ".join(
            f"{n} {_VERDICTS[status].removeprefix('the thesis ') if n == 1 else _PLURAL[status]} ({status})"
            for status in STATUSES
            if (n := counts[status])
        )
        return f"of {len(self.thesis_uids)} theses: {each}"


def evaluate(argmap: ArgumentMap) -> Evaluation:
    """Label every claim of the map (see the module docstring for the rules)."""
    with _collection_paused():
        return _evaluate(argmap)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector, which would rescan the whole loaded map many times over as
    the circuit is allocated (doubling the time on big maps); the circuit holds no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _evaluate(argmap: ArgumentMap) -> Evaluation:
    from .explain import explain
    from .network import Network

    net = Network(argmap)
    net.solve()
    statuses: list[Status] = []
    for i in range(len(net.claims)):
        value = net.accepted(i)
        if value == TRUE:
            statuses.append("accepted")
        elif value == UNKNOWN:
            statuses.append("undecided")
        elif any(net.holds(link) == TRUE for link in net.attacks[i]):
            statuses.append("rejected")
        else:
            statuses.append("unsupported")
    reasons = explain(net, statuses)
    shared: dict[tuple[str, str], Label] = {}  # many claims share a label ("backed by 1 piece ...")
    labels = {}
    for claim, status, reason in zip(net.claims, statuses, reasons, strict=True):
        label = shared.get((status, reason))
        if label is None:
            label = shared[status, reason] = Label(status, reason)
        labels[claim.uid] = label
    return Evaluation(labels, argmap.thesis.uid, tuple(thesis.uid for thesis in argmap.theses[1:]))
