"""The map format's vocabulary: its version, the keys allowed at each level, ids and generated uids.

What each key holds and what it means is the business of :mod:`argmap.model` (relations, roles,
evidence kinds) and of the schema (argmap/schema.json); this module names what the builder checks.
Example::

    >>> "premises" in CLAIM_KEYS, RELATION_LETTER["objections"]
    (True, 'o')
    >>> taken, last = {"a"}, {}
    >>> unique_uid("a", taken, last), unique_uid("a", taken, last)
    ('a~2', 'a~3')
"""

from __future__ import annotations

import re

from ..model import RELATIONS

#: The one format version this argmap reads (``argmap: 1`` at the top of a map; optional).
FORMAT_VERSION = 1
#: What an id may hold. Generated uids start with "#", so they never clash with an id.
ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]+\Z")
TOP_KEYS = ("argmap", "title", "description", "sources", "thesis", "theses")
CLAIM_KEYS = ("id", "claim", *RELATIONS, "evidence", "assumption", "note", "tags", "ignore")
#: A ``- ref: ID`` item may carry undercuts of that use of the claim.
REF_KEYS = ("ref", "undercuts")
EVIDENCE_KEYS = ("quote", "text", "source", "kind", "locator", "url", "note")
SOURCE_KEYS = ("author", "title", "date", "publisher", "url", "file", "note")
#: A claim without an id gets its parent's uid, the relation's letter and its place: ``#thesis/p2/o1``.
RELATION_LETTER = {"premises": "p", "objections": "o", "rebuttals": "r", "undercuts": "u"}
THESIS_UID = "#thesis"


def thesis_uid(index: int) -> str:
    """The generated uid of the thesis at 0-based ``index`` under ``theses:``.

    >>> thesis_uid(0), thesis_uid(1)
    ('#thesis', '#thesis2')
    """
    return THESIS_UID if index == 0 else f"{THESIS_UID}{index + 1}"


#: Keys whose values' places the model keeps for every map (each piece of evidence's ``source``).
PLACED_KEYS = ("source",)


def unique_uid(uid: str, taken: set[str], last: dict[str, int]) -> str:
    """``uid``, or ``uid~2``, ``uid~3``... if it is taken; marks the result taken.

    Two claims may share an id (a ``duplicate-id`` problem), and then generated uids below them
    would coincide too: numbering the later ones gives every claim a uid of its own, so problems
    and labels never point at the wrong claim. Refs still name the first.

    ``last`` remembers the number each ``uid`` reached, so that the next duplicate goes on from
    there: counting up from 2 again made N claims sharing one id take N²/2 steps (16,000, 23 s).
    """
    base, n = uid, last.get(uid, 1)
    while uid in taken:
        n += 1
        uid = f"{base}~{n}"
    last[base] = n
    taken.add(uid)
    return uid


_ONE_ID = ID_PATTERN.pattern.removesuffix(r"\Z")
_IDS = f"{_ONE_ID}(?: {_ONE_ID})*"  # ids separated by spaces, which no id holds (compiled when first used)


def all_valid_ids(ids: list[str]) -> bool:
    """True if every id matches ID_PATTERN: one match over them all, not 100,000 matches.

    >>> all_valid_ids(["a", "b-2"]), all_valid_ids(["a", "b c"]), all_valid_ids([])
    (True, False, True)
    """
    if not ids:
        return True
    joined = " ".join(ids)
    return joined.count(" ") == len(ids) - 1 and re.fullmatch(_IDS, joined) is not None
