"""One comparison of two maps for the round trips through other formats: equal graphs, ids aside.

Two maps are equal when they hold the same claims (by text) with the same relations (reasons in
any order, objections and rebuttals alike, each with its members' texts and whether it is
``linked``), evidence (with its sources), assumption, note and tags, and the same theses. Ids and
generated uids do not matter, nor where a claim used twice is written out and where it is a
``ref``; undercuts belong to the reason they cut (on a co-premise, the whole linked group: README,
evaluation rule 3). Example::

    >>> from argmap.reading import loads
    >>> a = loads("thesis: {claim: T, premises: [{id: x, claim: A, assumption: true}, {ref: x}]}")
    >>> b = loads("thesis: {claim: T, premises: [{ref: y}, {id: y, claim: A, assumption: true}]}")
    >>> shape(a) == shape(b)
    True
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.model import ArgumentMap, Claim, Evidence, Reason

#: Every part compared; a format that cannot carry one leaves it out (``parts=``).
PARTS = frozenset({"evidence", "assumption", "note", "tags", "title"})


def shape(argmap: ArgumentMap, parts: Collection[str] = PARTS) -> object:
    """The map as nested tuples of what the round trips keep: compare two maps' shapes with ``==``."""
    title = argmap.title if "title" in parts else None
    theses = sorted(thesis.text for thesis in argmap.theses)
    return (title, theses, sorted((_claim(argmap, claim, parts) for claim in argmap.claims), key=repr))


def assert_equal_maps(a: ArgumentMap, b: ArgumentMap, parts: Collection[str] = PARTS) -> None:
    """Assert that two maps have the same :func:`shape`, showing where they differ."""
    left, right = shape(a, parts), shape(b, parts)
    if left != right:
        only_left = [x for x in left[2] if x not in right[2]]  # type: ignore[index]
        only_right = [x for x in right[2] if x not in left[2]]  # type: ignore[index]
        raise AssertionError(f"maps differ:\n{left[:2]!r} {only_left!r}\n!=\n{right[:2]!r} {only_right!r}")  # type: ignore[index]


def _claim(argmap: ArgumentMap, claim: Claim, parts: Collection[str]) -> object:
    # Objections and rebuttals are both attacks; only the role of the claim attacked names them
    # (Argdown's '-' and AIF's CA-nodes do not tell them apart).
    relations = tuple(
        tuple(sorted((_reason(argmap, reason, parts) for reason in reasons), key=repr))
        for reasons in (claim.premises, claim.objections + claim.rebuttals)
    )
    return (
        claim.text,
        relations,
        tuple(sorted(map(_evidence, claim.evidence), key=repr)) if "evidence" in parts else (),
        claim.assumption if "assumption" in parts else False,
        claim.note if "note" in parts else None,
        tuple(sorted(claim.tags)) if "tags" in parts else (),
    )


def _reason(argmap: ArgumentMap, reason: Reason, parts: Collection[str]) -> object:
    texts = []
    undercuts = []
    for member in reason.members:
        target = argmap.resolve(member)
        texts.append(None if target is None else target.text)
        undercuts += [_reason(argmap, undercut, parts) for undercut in member.undercuts]
    return (reason.linked, tuple(sorted(texts, key=repr)), tuple(sorted(undercuts, key=repr)))


def _evidence(evidence: Evidence) -> object:
    source = evidence.source._replace(position=None, file_position=None) if evidence.source else None
    return (
        evidence.text,
        evidence.is_quote,
        evidence.source_key,
        source,
        evidence.kind,
        evidence.locator,
        evidence.url,
    )
