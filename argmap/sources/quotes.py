"""Find a quote in a source text, forgiving how it was typed; else find the closest passage.

Matching ignores case, white space (line breaks, runs of spaces, and even a missing or extra space,
as in ``minister.Parliament``), curly versus straight quote marks (single and double alike, since a
quote within a quote changes its marks) and the kind of dash. An ellipsis (``...``, ``…`` or
``[...]``) in a quote stands for words left out: the parts around it must appear in that order.
Everything else must be verbatim. Example::

    >>> text = prepare("It is time to\\n\\nbring home America’s forces.")
    >>> find('bring home America\\'s Forces', text) is not None
    True
    >>> passage, similarity = closest("bring home Americas armies", text)
    >>> passage, round(similarity, 2)
    ('bring home America’s forces', 0.87)

Speed: a text is normalised once (:func:`prepare`, which callers cache), after which an exact
match is one ``str.find`` per quote part. Only a quote that is not found pays for the search for
the closest passage: a word index of the text (built on the first miss) proposes the few places
where the quote's rarest words line up, and :class:`difflib.SequenceMatcher` scores only those,
within a budget of steps (:mod:`.budgeted_match`), since on repetitive text it takes time that
grows with the cube of the quote's length.
"""

from __future__ import annotations

import heapq
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # difflib is imported only when a quote is missing: it costs start-up time
    from .budgeted_match import SearchBudget

# One character for another, so that positions do not move. Every quote mark becomes ', every
# dash -, and the invisible characters that split words on screen become spaces (then collapsed).
_SAME: dict[int, str] = str.maketrans(
    {
        **dict.fromkeys('‘’‚‛′‵`´“”„‟″‶«»"', "'"),
        **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", " "),
    }
)
_RUN = re.compile(r"\S+")
_WORD = re.compile(r"\w+(?:'\w+)*")
_START = re.Match.start
_DASHES = re.compile(r"-{2,}")
# No white space around: the parts lose theirs anyway, and a leading \s* made every space of a
# long run start a search over the rest of it (40,000 spaces: 23 s).
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3}|…")
#: Candidate places scored per missing quote, and how many word occurrences may vote for them.
_CANDIDATES = 4
_VOTE_BUDGET = 2000


class Match(NamedTuple):
    """Where a quote was found: ``start`` and ``end`` offsets into the original text."""

    start: int
    end: int


@dataclass(frozen=True)
class Normalised:
    """A text with case, quote marks, dashes and white space evened out, mapped back to the original.

    ``text`` is the normalised text, words separated by single spaces. It is made of runs of the
    original's non-space characters; ``starts`` holds where each run begins in ``text`` and
    ``origins`` where it begins in the original, so that any position can be mapped back.
    """

    text: str
    starts: list[int]
    origins: list[int]
    #: Where each run ends in the original, when case folding changed the length of some run.
    ends: list[int] | None = None

    def original(self, index: int) -> int:
        """The offset in the original text of the character at ``index`` of :attr:`text`."""
        run = max(bisect_right(self.starts, index) - 1, 0)
        at = self.origins[run] + index - self.starts[run]
        # A run whose folding changed its length maps approximately, within the run.
        return at if self.ends is None else min(at, self.ends[run] - 1)


def normalise(text: str) -> Normalised:
    """``text`` folded for matching, with the map back to the original's positions.

    >>> normalise("Bring  HOME\\n“forces”").text
    "bring home 'forces'"
    """
    folded = _fold_marks(text).casefold()
    if len(folded) != len(text) or "--" in folded:
        return _normalise_run_by_run(text)
    runs = _RUN.findall(folded)
    origins = [match.start() for match in _RUN.finditer(folded)]
    starts = list(accumulate((len(run) + 1 for run in runs), initial=0))
    starts.pop()
    return Normalised(" ".join(runs), starts, origins)


def _fold_marks(text: str) -> str:
    """Quote marks, dashes and invisible spaces evened out, one character for one."""
    if text.isascii():
        return text.replace('"', "'").replace("`", "'")
    # str.translate looks up every character; replacing only those present is many times faster.
    for mark, same in _SAME.items():
        if chr(mark) in text:
            text = text.replace(chr(mark), same)
    return text


def _normalise_run_by_run(text: str) -> Normalised:
    """:func:`normalise` for texts where folding changes lengths ("ß" -> "ss", "--" -> "-")."""
    runs, starts, origins, ends = [], [], [], []
    at = 0
    for match in _RUN.finditer(_fold_marks(text)):
        run = _DASHES.sub("-", match.group().casefold())  # a typed double hyphen is a dash too
        runs.append(run)
        starts.append(at)
        origins.append(match.start())
        ends.append(match.end())
        at += len(run) + 1
    return Normalised(" ".join(runs), starts, origins, ends)


@dataclass
class Prepared:
    """A source text made ready for many quotes: normalised once, indexed on the first miss."""

    original: str
    norm: Normalised
    #: The normalised text without its spaces, and for each run where it begins there.
    compact: str
    compact_starts: list[int]
    _words: list[str] | None = field(default=None, repr=False)
    _word_starts: Sequence[int] | None = field(default=None, repr=False)
    _index: dict[str, Sequence[int]] | None = field(default=None, repr=False)

    def words(self) -> tuple[list[str], Sequence[int]]:
        """Every word of the normalised text, and where each begins in it."""
        if self._words is None or self._word_starts is None:
            # One string per distinct word and 8 bytes per start: a text of a few words repeated
            # took 100 bytes of memory per byte of text.
            self._words = list(map(sys.intern, _WORD.findall(self.norm.text)))
            self._word_starts = array("q", map(_START, _WORD.finditer(self.norm.text)))
        return self._words, self._word_starts

    def index(self) -> dict[str, Sequence[int]]:
        """Word -> the positions (in :meth:`words`) where it occurs."""
        if self._index is None:
            index: dict[str, array[int]] = {}
            for position, word in enumerate(self.words()[0]):
                places = index.get(word)
                if places is None:
                    places = index[word] = array("q")
                places.append(position)
            self._index = dict(index)
        return self._index

    def original_span(self, start: int, end: int) -> Match:
        """The original text's span for ``norm.text[start:end]``."""
        return Match(self.norm.original(start), self.norm.original(end - 1) + 1)

    def compact_to_norm(self, index: int) -> int:
        """A position in :attr:`compact` as a position in ``norm.text`` (each run adds one space)."""
        run = max(bisect_right(self.compact_starts, index) - 1, 0)
        return index + run


def prepare(text: str) -> Prepared:
    """Make ``text`` ready for :func:`find` and :func:`closest` (do it once per text)."""
    norm = normalise(text)
    compact_starts = [start - run for run, start in enumerate(norm.starts)]
    return Prepared(text, norm, norm.text.replace(" ", ""), compact_starts)


def _prepared(text: str | Prepared) -> Prepared:
    return text if isinstance(text, Prepared) else prepare(text)


def parts(quote: str) -> list[str]:
    """The quote's normalised parts without white space, split at ellipses (empty parts dropped)."""
    pieces = (normalise(piece).text.replace(" ", "") for piece in _ELLIPSIS.split(quote))
    return [piece for piece in pieces if piece]


def find(quote: str, text: str | Prepared) -> Match | None:
    """Where ``quote`` occurs in ``text`` (offsets into the original), or ``None``.

    >>> find("U.S. officials", "U.S.\\n\\nofficials admit")
    Match(start=0, end=15)
    """
    prepared = _prepared(text)
    pieces = parts(quote)
    if not pieces:
        return None
    first = at = prepared.compact.find(pieces[0])
    for piece in pieces:
        at = prepared.compact.find(piece, at)
        if at < 0:
            return None
        at += len(piece)
    start = prepared.compact_to_norm(first)
    end = prepared.compact_to_norm(at - 1) + 1
    return prepared.original_span(start, end)


class Closest(NamedTuple):
    """The closest passage (``""`` if none), how alike (0 to 1), and whether the search was whole."""

    passage: str
    similarity: float
    complete: bool = True


def closest(quote: str, text: str | Prepared) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote``, white space collapsed, and how alike (0 to 1).

    ``("", 0.0)`` when no word of the quote occurs in the text.
    """
    from .budgeted_match import SearchBudget

    passage, similarity, _ = closest_within(quote, text, SearchBudget())
    return passage, similarity


def closest_within(quote: str, text: str | Prepared, budget: SearchBudget) -> Closest:
    """:func:`closest`, spending ``budget``; ``complete`` is False if it ran out before the end.

    Then the passage is the best of those compared so far (or ``""``), and its similarity counts
    words, not characters.
    """
    from .budgeted_match import BudgetedMatcher, OverBudget

    if budget.left <= 0:  # many missing quotes spent it: each would still cost its votes
        return Closest("", 0.0, False)
    prepared = _prepared(text)
    wanted = normalise(" ".join(_ELLIPSIS.split(quote))).text
    quote_words = _WORD.findall(wanted)
    (words, word_starts), index = prepared.words(), prepared.index()
    # Each occurrence of a quote word votes for where the quote would begin if it were there;
    # the rarest words vote first, and common ones only while the budget lasts.
    first_offset: dict[str, int] = {}
    for offset, word in enumerate(quote_words):
        first_offset.setdefault(word, offset)
    votes: dict[int, int] = {}
    left = _VOTE_BUDGET
    for count, word in sorted((len(index[w]), w) for w in first_offset if w in index):
        if left <= 0:
            break
        for position in index[word][:left]:
            start = position - first_offset[word]
            votes[start] = votes.get(start, 0) + 1
        left -= count
    budget.left -= len(quote_words) + _VOTE_BUDGET - max(left, 0)
    best_score, best_span = -1.0, None
    margin = max(3, len(quote_words) // 4)
    complete = True
    for start, _ in heapq.nlargest(_CANDIDATES, votes.items(), key=itemgetter(1)):
        low, high = max(start - margin, 0), min(start + len(quote_words) + margin, len(words))
        try:
            matched = BudgetedMatcher(words[low:high], quote_words, budget).get_matching_blocks()
        except OverBudget:
            complete = False
            break
        blocks = [block for block in matched if block.size]
        if not blocks:
            continue
        # From the first to the last matching word, stretched over quote words unmatched at the ends.
        first = max(low + blocks[0].a - blocks[0].b, 0)
        last = min(low + blocks[-1].a + len(quote_words) - blocks[-1].b - 1, len(words) - 1)
        score = 2 * sum(block.size for block in blocks) / (last - first + 1 + len(quote_words))
        if score > best_score:
            best_score, best_span = score, (first, last)
    if best_span is None:
        return Closest("", 0.0, complete)
    first, last = best_span
    span = prepared.original_span(word_starts[first], word_starts[last] + len(words[last]))
    passage = " ".join(prepared.original[span.start : span.end].split())
    # The candidates are ranked by words in common; the similarity shown is by characters.
    try:
        return Closest(passage, BudgetedMatcher(wanted, normalise(passage).text, budget).ratio(), complete)
    except OverBudget:
        return Closest(passage, best_score, False)
