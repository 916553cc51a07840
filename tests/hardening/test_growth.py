"""Class 5 of issue 10: time and memory that grew faster than the input.

Each test drives the case that took minutes (or gigabytes) and checks the behaviour that bounds it:
work counted, a budget that says it ran out, a refusal that names the alternative. The times and
memory at ten times those sizes are in benchmarks/hostile_bench.py, not here.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.diagram import engine
from argmap.diagram.engine import RenderError
from argmap.reading.vocabulary import unique_uid
from argmap.sources import quotes
from argmap.sources.budgeted_match import SearchBudget
from argmap.sources.html_text import html_text
from argmap.suggestions import Suggester, did_you_mean

SIX = "one two three four five six".split()


class _CountingSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        type(self).lookups += 1
        return super().__contains__(item)


def test_claims_sharing_an_id_are_numbered_in_one_pass_each():
    taken, last = _CountingSet({"a"}), {}
    uids = [unique_uid("a", taken, last) for _ in range(2000)]
    assert uids[:3] == ["a~2", "a~3", "a~4"] and uids[-1] == "a~2001"
    assert _CountingSet.lookups <= 2 * 2000  # counting up from 2 again took 2,000,000


def test_claims_sharing_an_id_keep_their_uids():
    text = "thesis:\n  claim: T\n  premises:\n" + "".join(f"    - id: a\n      claim: c{i}\n" for i in range(5))
    uids = [claim.uid for claim in argmap.loads(text).claims]
    assert uids == ["#thesis", "a", "a~2", "a~3", "a~4", "a~5"]


def _map_with_unknown_refs(count: int) -> str:
    lines = ["thesis:", "  claim: T", "  premises:"]
    for i in range(count):
        lines += [f"    - id: claim{i:04}", f"      claim: c{i}", "      premises:", f"        - ref: claim{i:04}x"]
    return "\n".join(lines) + "\n"


def test_unknown_refs_are_all_reported_but_hints_stop_after_a_budget(run, tmp_path):
    path = tmp_path / "refs.yaml"
    path.write_text(_map_with_unknown_refs(600), encoding="utf-8")
    result = run("check", path, "--format", "json")
    messages = [line for line in result.stdout.splitlines() if "names no claim" in line]
    assert result.exit_code == 1 and len(messages) == 600
    assert "ref 'claim0000x' names no claim in this map; did you mean 'claim0000'?" in messages[0]
    hinted = sum("did you mean" in message for message in messages)
    assert 0 < hinted < 100  # each hint compared the ref with all 600 ids: 360,000 comparisons in all


def test_unknown_source_keys_are_all_reported_but_hints_stop_after_a_budget(run, tmp_path):
    sources = "".join(f"  source{i:04}: {{author: A}}\n" for i in range(600))
    evidence = "".join(f"    - text: e{i}\n      source: source{i:04}x\n" for i in range(600))
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n{sources}thesis:\n  claim: T\n  evidence:\n{evidence}", encoding="utf-8")
    result = run("check", path, "--format", "json")
    messages = [line for line in result.stdout.splitlines() if "is not defined under 'sources'" in line]
    assert result.exit_code == 1 and len(messages) == 600
    assert 0 < sum("did you mean" in message for message in messages) < 100


@settings(max_examples=200, deadline=None)
@given(st.text("abcde", max_size=8), st.lists(st.text("abcde", max_size=8), max_size=12))
def test_hints_within_the_budget_are_those_of_did_you_mean(word, choices):
    assert Suggester(choices)(word, "none") == did_you_mean(word, choices, "none")


def _quote_map(folder: Path, quote: str, text: str) -> Path:
    (folder / "text.txt").write_text(text, encoding="utf-8")
    path = folder / "map.yaml"
    body = f"sources:\n  s: {{file: text.txt}}\nthesis:\n  claim: T\n  evidence:\n    - quote: '{quote}'\n"
    body += "      source: s\n"
    path.write_text(body, encoding="utf-8")
    return path


def test_closest_passage_in_repetitive_text_says_that_the_search_stopped_early(run, tmp_path):
    text = " ".join(SIX[i % 6] for i in range(1500))
    quote = " ".join(SIX[i * 5 % 6] for i in range(1500))  # 26-51 s at 7,000 words
    result = run("check", _quote_map(tmp_path, quote, text))
    assert result.exit_code == 1
    assert "[quote-not-found] quote not found in source 's'" in result.stdout
    assert "the search" in result.stdout and "stopped early" in result.stdout


def test_closest_passage_of_a_quote_of_ellipses_says_that_the_search_stopped_early(run, tmp_path):
    result = run("check", _quote_map(tmp_path, "a. . . ." * 2000, "a " * 100_000))
    assert result.exit_code == 1 and "stopped early" in result.stdout


def test_a_search_within_its_budget_is_the_whole_search():
    text = quotes.prepare("It is time to bring home America's forces from Iraq.")
    whole = quotes.closest_within("bring home Americas armies", text, SearchBudget())
    assert whole == (*quotes.closest("bring home Americas armies", text), True)
    cut = quotes.closest_within("bring home Americas armies", text, SearchBudget(steps=3))
    assert cut.complete is False


class _Reference(HTMLParser):
    """What argmap used before: the standard library's parser (quadratic on tags left open)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skipping += tag in ("script", "style")
        self.parts.append("\n" * (tag in _BLOCKS))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(self.skipping - 1, 0)
        self.parts.append("\n" * (tag in _BLOCKS))

    def handle_data(self, data: str) -> None:
        self.parts.append("" if self.skipping else data)


_BLOCKS = {"p", "div", "br", "li", "ul", "h1", "td", "tr", "table", "blockquote"}
_NAMES = st.sampled_from(["p", "div", "br", "li", "ul", "h1", "td", "em", "a", "span", "B", "I", "Table"])
_WORDS = st.text(st.sampled_from("ab c&;<>'\"é\n"), max_size=6).map(
    lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
)
_ATTRIBUTE = st.sampled_from(["", ' class="x"', " href='a>b'", " id=z", ' title="a &amp; b"', " hidden"])
_PIECES = st.one_of(
    _WORDS,
    st.builds(lambda name, attribute: f"<{name}{attribute}>", _NAMES, _ATTRIBUTE),
    st.builds(lambda name: f"</{name}>", _NAMES),
    st.builds(lambda name: f"<{name}/>", _NAMES),
    st.sampled_from(["<!-- note -->", "<!DOCTYPE html>", "<script>if (a<b) x()</script>", "<style>p{}</style>"]),
    st.sampled_from(["&rsquo;", "&nbsp;", "&#8217;", "&#x2014;", "&copy", "a < b"]),
)


def _reference(html: str) -> str:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_html_text_of_well_formed_pages_is_that_of_the_standard_parser(html):
    assert html_text(html) == _reference(html)


@pytest.mark.parametrize("hostile", ["<a", '<a x="', "<a x='", "<a/", "<a ", "<!--", "</a", '<a"<a x=">', "<!--<a>"])
def test_html_left_open_is_read_once(hostile):
    # Markup left open is text, as the standard parser has it, which took 34-55 s for 20,000 of them.
    assert html_text(hostile * 20) == _reference(hostile * 20) == hostile * 20
    assert html_text(hostile * 20_000) == hostile * 20_000


needs_pure = pytest.mark.skipif(engine.pure_executable() is None, reason="graphviz-pure is not installed")


@needs_pure
def test_a_png_too_large_for_the_pure_engine_is_refused_naming_the_alternatives(run, tmp_path):
    premises = "".join(
        f"    - claim: Premise number {i} of the wide map.\n      assumption: true\n" for i in range(1500)
    )
    path = tmp_path / "wide.yaml"
    path.write_text(f"thesis:\n  claim: T\n  premises:\n{premises}", encoding="utf-8")
    out = tmp_path / "wide.png"
    result = run("render", path, "--format", "png", "--engine", "pure", "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "the PNG would be" in result.stderr and "pixels" in result.stderr
    assert "--format svg" in result.stderr and "--engine system" in result.stderr


def test_a_png_of_too_many_nodes_is_refused_before_any_layout():
    dot = "digraph {\n" + "".join(f'\t"c{i}" [label="x"]\n' for i in range(20_000)) + "}\n"
    not_run = engine.Engine("pure", "/nonexistent/graphviz-pure")  # a layout would fail differently
    with pytest.raises(RenderError, match=r"at least 69 million pixels.*--format svg"):
        engine.run(not_run, dot, "png", timeout=5)


def test_unknown_rules_in_ignores_are_all_reported_but_hints_stop_after_a_budget(run, tmp_path):
    claims = "".join(f"    - claim: c{i}\n      ignore: [unsupported-premise-{i}]\n" for i in range(3000))
    path = tmp_path / "ignores.yaml"
    path.write_text(f"thesis:\n  claim: T\n  premises:\n{claims}", encoding="utf-8")
    result = run("check", path, "--format", "json")
    messages = [line for line in result.stdout.splitlines() if "in this claim's ignore is not a rule" in line]
    assert result.exit_code == 1 and len(messages) == 3000
    assert "did you mean 'unsupported-premise'?" in messages[0]
    assert 0 < sum("did you mean" in message for message in messages) < 3000


def test_a_quote_with_a_long_run_of_spaces_is_split_at_its_ellipses_in_one_pass():
    # The library takes quotes as they are (a map's are collapsed): 40,000 spaces took 23 s.
    assert quotes.parts("a" + " " * 40_000 + "b . . . c") == ["ab", "c"]
    assert quotes.find("bring" + " " * 40_000 + "home", "It is time to bring home the troops.") == (14, 24)


def test_many_missing_quotes_share_one_budget_and_each_pays_for_its_votes():
    text = quotes.prepare(" ".join(f"w{i % 500}" for i in range(20_000)))
    budget = SearchBudget(steps=100_000)
    results = [
        quotes.closest_within(" ".join(f"w{(i * 7 + j) % 500}" for j in range(20)), text, budget) for i in range(400)
    ]
    assert results[0].complete and results[0].passage
    assert not results[-1].complete and results[-1] == ("", 0.0, False)  # once spent, no search at all
    assert budget.left <= 0
