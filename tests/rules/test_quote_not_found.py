"""quote-not-found on small texts; tests/test_quotes.py has the matching itself and the seed map."""

import textwrap

import pytest

import argmap
from argmap.config import Config

RULE = "quote-not-found"
TEXT = "It is time to\n\nbring home America’s forces.\nUS policy toward Iraq is cursed.\n"
MAP = """
sources:
  bandow: {author: Doug Bandow, file: texts/bandow.txt}
  other: {author: Someone}
thesis:
  id: t
  claim: The US should leave Iraq.
  evidence:
    - quote: {quote}
      source: {source}
"""


def problems(tmp_path, quote, source="bandow", config=None):
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "bandow.txt").write_text(TEXT, encoding="utf-8")
    text = textwrap.dedent(MAP).replace("{quote}", quote).replace("{source}", source)
    found = argmap.check(argmap.loads(text, tmp_path / "m.yaml"), config)
    return [p for p in found if p.rule == RULE]


@pytest.mark.parametrize(
    "quote",
    [
        "It is time to bring home America's forces.",
        "'it is TIME to bring home America’s forces'",
        "bring home America’s   forces. US policy",
        "It is time ... America's forces",
        "It is time […] policy toward Iraq",
    ],
)
def test_found(tmp_path, quote):
    assert problems(tmp_path, quote) == []


@pytest.mark.parametrize(
    "quote", ["It is time to bring home all of America's forces", "America's forces ... It is time"]
)
def test_not_found(tmp_path, quote):
    (problem,) = problems(tmp_path, quote)
    assert (problem.line, problem.column, problem.node, problem.severity) == (9, 7, "t", "error")
    assert "closest passage" in problem.message and "% similar" in problem.message


def test_source_without_text_is_not_checked(tmp_path):
    assert problems(tmp_path, "anything at all", source="other") == []


def test_text_from_the_sources_folder(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "other.html").write_text("<p>Words &amp; <b>deeds</b></p>", encoding="utf-8")
    with_folder = Config(sources_dir=folder)
    assert problems(tmp_path, "words & deeds", source="other", config=with_folder) == []
    assert len(problems(tmp_path, "words and deeds", source="other", config=with_folder)) == 1


def test_a_quote_with_no_word_in_common(tmp_path):
    (problem,) = problems(tmp_path, "zzz qqq")
    assert "no passage" in problem.message
