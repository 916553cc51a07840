"""Everything the interactive page shows, as plain JSON-able data: the map's claims as a forest,
their evidence with its sources, what ``argmap check`` found on each, and ``argmap eval``'s labels.

The page draws from this alone, so the same data serves ``argmap render -f html`` and the live
preview of ``argmap serve``, which sends a fresh copy after every save. Example::

    >>> import argmap
    >>> m = argmap.load("maps/tutorial-basics.yaml")
    >>> data = view_data(m, argmap.check(m), argmap.evaluate(m))
    >>> data["roots"], data["claims"][data["roots"][0]]["role"]
    (['build-bike-lane'], 'thesis')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..diagram.style import RELATIONS as RELATION_LOOKS
from ..diagram.style import ROLES as ROLE_LOOKS
from ..marks import FINDING_SIGN, RULE_WORDS, STATUS_LOOKS
from ..model import RELATIONS, ArgumentMap, Claim, Evidence, Reason, Ref, Source

if TYPE_CHECKING:
    from ..evaluation import Evaluation
    from ..problems import Problem

#: Page settings a caller may set (``argmap render --no-evidence``, ``--depth``...), and their defaults.
#: ``direction``: "TB" (thesis on top), "LR" (at the left), or ``None``: whichever draws the whole map larger.
DEFAULT_SETTINGS: dict[str, Any] = {
    "evidence": True,
    "checks": True,
    "colours": True,
    "depth": None,
    "focus": None,
    "direction": None,
}


def view_data(
    argmap: ArgumentMap,
    problems: Sequence[Problem],
    evaluation: Evaluation | None,
    **settings: Any,
) -> dict[str, Any]:
    """The page's data: claims by uid (each with its children, evidence, problems and label), the
    roots of the forest in order, every problem, the verdict, and the marks to explain.

    ``settings`` are :data:`DEFAULT_SETTINGS` to change (an unknown one raises ``TypeError``).
    """
    unknown = set(settings) - set(DEFAULT_SETTINGS)
    if unknown:
        raise TypeError(f"unknown page settings: {', '.join(sorted(unknown))}")
    labels = evaluation.labels if evaluation is not None else {}
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for problem in problems:
        if problem.node is not None:
            by_claim.setdefault(problem.node, []).append(_problem(problem))
    claims: dict[str, dict[str, Any]] = {}
    for claim in argmap.claims:
        if claim.uid in claims:  # an id written twice: the first definition stands, as everywhere
            continue
        label = labels.get(claim.uid)
        claims[claim.uid] = {
            "uid": claim.uid,
            "id": claim.id,
            "text": claim.text,
            "role": claim.role,
            "line": claim.position.line,
            "assumption": claim.assumption,
            "note": claim.note,
            "tags": list(claim.tags),
            "children": list(_children(argmap, claim)),
            "evidence": [_evidence(argmap, item) for item in claim.evidence],
            "problems": by_claim.get(claim.uid, []),
            "label": {"status": label.status, "reason": label.reason} if label is not None else None,
        }
    return {
        "title": argmap.title,
        "file": argmap.path.name,
        "roots": [thesis.uid for thesis in _theses(argmap)],
        "claims": claims,
        "problems": [_problem(problem) for problem in problems],
        "verdict": evaluation.verdict() if evaluation is not None else None,
        "rule_words": RULE_WORDS,
        "finding_sign": FINDING_SIGN,
        "statuses": {status: {"sign": look.sign, "colour": look.colour} for status, look in STATUS_LOOKS.items()},
        # The colours themselves come as CSS variables (:mod:`argmap.html.palette`); the key names them.
        "line_colours": {relation: arrow.colour_name for relation, arrow in RELATION_LOOKS.items()},
        # The word for each kind of claim, as the static diagrams write it above a box ("Reason").
        "role_words": {role: look.word.capitalize() for role, look in ROLE_LOOKS.items()},
        "settings": {**DEFAULT_SETTINGS, **settings},
    }


def _theses(argmap: ArgumentMap) -> Iterable[Claim]:
    # A map may hold several theses (``ArgumentMap.theses``); older maps have the one ``thesis``.
    theses: Iterable[Claim] | None = getattr(argmap, "theses", None)
    return theses if theses else (argmap.thesis,)


def _children(argmap: ArgumentMap, claim: Claim) -> Iterable[dict[str, Any]]:
    """Each item below the claim: the claim it stands for, its relation, its linked group, whether a ref."""
    for relation in RELATIONS:
        yield from _items(argmap, relation, claim.reasons(relation))


def _items(argmap: ArgumentMap, relation: str, reasons: Sequence[Reason]) -> Iterable[dict[str, Any]]:
    """The items of these reasons; a ref's own undercuts (which deny this use of the claim only) are
    listed with it, in ``undercuts``, and drawn below it."""
    for group, reason in enumerate(reasons):
        for item in reason.members:
            child: dict[str, Any] = {
                "uid": item.target if isinstance(item, Ref) else item.uid,
                "relation": relation,
                "group": f"{relation}-{group}" if reason.linked else None,
                "ref": isinstance(item, Ref),
                "known": argmap.resolve(item) is not None,
            }
            if isinstance(item, Ref) and item.undercuts:
                child["undercuts"] = list(_items(argmap, "undercuts", item.undercuts))
            yield child


def _evidence(argmap: ArgumentMap, item: Evidence) -> dict[str, Any]:
    source = argmap.source_of(item)
    return {
        "text": item.text,
        "quote": item.is_quote,
        "kind": item.kind or ("quote" if item.is_quote else None),
        "locator": item.locator,
        "url": item.url,
        "line": item.position.line,
        "source": _source(source, item.source_key) if source is not None or item.source_key else None,
    }


def _source(source: Source | None, key: str | None) -> dict[str, Any]:
    if source is None:  # a key that names no source: ``argmap check`` reports it
        return {"key": key, "citation": key}
    fields = ("key", "author", "title", "date", "publisher", "url")
    return {**{name: getattr(source, name) for name in fields}, "citation": source.citation()}


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "rule": problem.rule,
        "severity": problem.severity,
        "message": problem.message,
        "node": problem.node,
    }
