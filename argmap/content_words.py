"""The significant terms of a claim, approximated by its content words, crudely stemmed.

``rabbit-rule`` and ``holding-hands`` ask whether the terms of one claim appear in another. A real
answer needs to know that "bring home the troops" and "withdraw" mean the same; this module only
approximates it:

- a term is a word of the claim that is not on a short list of English function words and common
  verbs (:data:`STOPWORDS`) and is at least ``min_length`` letters long;
- two terms are the same when their stems are: a few common suffixes are cut off ("forces",
  "forced", "forcing" -> "forc"; "withdrawal" -> "withdraw"), so that inflections match;
- synonyms, paraphrases and pronouns do not match, and words that happen to share a stem do.

Example::

    >>> sorted(terms("US forces must withdraw from Iraq."))
    ['forc', 'iraq', 'withdraw']
    >>> terms("the withdrawal of the force") == terms("withdrawing forces")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import ArgumentMap, Claim, Item, Reason

STOPWORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any
    are aren't as at be because been before being below between both but by can can't cannot could
    couldn't did didn't do does doesn't doing done don't down during each either else enough even
    ever every few for from further had hadn't has hasn't have haven't having he her here hers
    herself him himself his how however i if in into is isn't it it's its itself just least less
    let like made make makes many may me might more most much must mustn't my myself neither never
    no nor not now of off often on once one only or other others otherwise our ours ourselves out
    over own per quite rather really same shall she should shouldn't since so some such than that
    that's the their theirs them themselves then there therefore these they this those though
    through thus to too toward towards under until up upon us very was wasn't we were weren't what
    when where whether which while who whom whose why will with within without would wouldn't yet
    you your yours yourself
    """.split()
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ed", "al", "ly", "er", "s")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def stem(word: str) -> str:
    """A crude stem: a common suffix cut off (twice at most), then a final ``e``.

    >>> [stem(w) for w in ("forces", "force", "withdrawal", "militias", "policies", "stopped")]
    ['forc', 'forc', 'withdraw', 'militia', 'policy', 'stop']
    """
    word = word.lower().replace("’", "'")
    for ending in ("'s", "'"):
        word = word.removesuffix(ending)
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
                break
        else:
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # stopped -> stopp -> stop
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def words(text: str, min_length: int = 3, allow: frozenset[str] = frozenset()) -> dict[str, str]:
    """The content words of ``text``: stem -> the word as first written (lowercase).

    Words in ``allow`` (or whose stem is) are left out, like stopwords.
    """
    result: dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word in STOPWORDS or len(word) < min_length or word in allow:
            continue
        key = stem(word)
        if key not in allow:
            result.setdefault(key, word)
    return result


def terms(text: str, min_length: int = 3) -> set[str]:
    """The stems of the content words of ``text``."""
    return set(words(text, min_length))


#: The options of the rules that compare terms (rabbit-rule, holding-hands).
TERM_OPTIONS: dict[str, object] = {"min-length": 3, "allow": []}


def term_options(options: dict[str, object]) -> tuple[int, frozenset[str]]:
    """``(min_length, allow)`` for :func:`words`, from a term rule's configured options."""
    min_length, allow = options["min-length"], options["allow"]
    # config.validate checks settings; a library caller's Config may hold anything int() and a loop take
    if not isinstance(min_length, int | str | float) or not isinstance(allow, Iterable):
        raise TypeError(f"term options must be an int 'min-length' and a list 'allow', not {options!r}")
    return int(min_length), frozenset(str(word).lower() for word in allow)


class Member(NamedTuple):
    """A member of a reason: the item as written, the claim it stands for and that claim's words."""

    item: Item
    #: ``None`` for a ref that names no claim (``unknown-reference`` reports it).
    claim: Claim | None
    words: dict[str, str]


def premise_reasons(
    argmap: ArgumentMap, options: dict[str, object]
) -> Iterator[tuple[Claim, dict[str, str], Reason, list[Member]]]:
    """Each premise reason of the map: the claim it supports, that claim's words, the reason, its members.

    What ``rabbit-rule`` and ``holding-hands`` compare, with words as the rule's options define them.
    """
    min_length, allow = term_options(options)
    for claim in argmap.claims:
        if not claim.premises:
            continue
        claim_words = words(claim.text, min_length, allow)
        for reason in claim.premises:
            members = []
            for item in reason.members:
                member = argmap.resolve(item)
                members.append(Member(item, member, words(member.text, min_length, allow) if member else {}))
            yield claim, claim_words, reason, members
