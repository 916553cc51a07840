"""One comparison of two maps for the round trips through other formats: equal structure, ids aside.

Two maps are equal when their theses have the same texts, and every claim the same relations
(reasons in any order), ``linked`` groups, evidence (with its sources), assumption, note and tags.
A ``ref`` compares as the text of the claim it names, so ids and generated uids do not matter,
nor where a claim used twice is written out and where it is a ref. Example::

    >>> from argmap.reading import loads
    >>> a = loads("thesis: {claim: T, premises: [{id: x, claim: A, assumption: true}, {ref: x}]}")
    >>> b = loads("thesis: {claim: T, premises: [{id: y, claim: A, assumption: true}, {ref: y}]}")
    >>> shape(a) == shape(b)
    True
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.model import ArgumentMap, Claim, Evidence, Item, Reason, Ref

#: Every part compared; a format that cannot carry one leaves it out (``parts=``).
PARTS = frozenset({"evidence", "assumption", "note", "tags", "title"})


def shape(argmap: ArgumentMap, parts: Collection[str] = PARTS) -> object:
    """The map as nested tuples of what the round trips keep: compare two maps' shapes with ``==``."""
    theses = tuple(getattr(argmap, "theses", ())) or (argmap.thesis,)
    title = argmap.title if "title" in parts else None
    return (title, tuple(sorted((_claim(argmap, thesis, parts) for thesis in theses), key=repr)))


def assert_equal_maps(a: ArgumentMap, b: ArgumentMap, parts: Collection[str] = PARTS) -> None:
    """Assert that two maps have the same :func:`shape`, showing both when they differ."""
    left, right = shape(a, parts), shape(b, parts)
    assert left == right, f"maps differ:\n{left!r}\n!=\n{right!r}"


def _claim(argmap: ArgumentMap, claim: Claim, parts: Collection[str]) -> object:
    relations = tuple(
        tuple(sorted((_reason(argmap, reason, parts) for reason in claim.reasons(relation)), key=repr))
        for relation in ("premises", "objections", "rebuttals", "undercuts")
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
    members = tuple(sorted((_item(argmap, member, parts) for member in reason.members), key=repr))
    return (reason.linked, members)


def _item(argmap: ArgumentMap, item: Item, parts: Collection[str]) -> object:
    if isinstance(item, Ref):
        target = argmap.claim(item.target)
        undercuts = getattr(item, "undercuts", ())
        return (
            "ref",
            None if target is None else target.text,
            tuple(sorted((_reason(argmap, reason, parts) for reason in undercuts), key=repr)),
        )
    return _claim(argmap, item, parts)


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
