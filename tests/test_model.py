"""The model's own helpers, through maps loaded as users write them."""

from __future__ import annotations

from tests.helpers import load_text

MAP = """
sources:
  bandow: {author: Doug Bandow, date: "2004"}
  "": {author: Nobody Named}
thesis:
  claim: T
  evidence:
    - text: keyed
      source: bandow
    - text: inline
      source: {author: Ann Inline, file: texts/a.txt}
    - text: unknown key
      source: bandw
    - text: no source
    - text: the empty key, which the loader accepts
      source: ""
"""


def test_source_of_resolves_inline_and_keyed_sources():
    argmap = load_text(MAP)
    cited = [getattr(argmap.source_of(item), "author", None) for item in argmap.thesis.evidence]
    assert cited == ["Doug Bandow", "Ann Inline", None, None, "Nobody Named"]


def test_has_source_files_sees_keyed_and_inline_files():
    assert load_text(MAP).has_source_files()  # the inline one
    assert load_text("sources: {k: {author: A, file: a.txt}}\nthesis: {claim: T}\n").has_source_files()
    assert not load_text(
        "sources: {k: {author: A}}\nthesis: {claim: T, evidence: [{text: e, source: k}]}\n"
    ).has_source_files()
