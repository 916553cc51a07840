"""Both readers give the same tree: yaml-rs (argmap/reading/yamlrs_tree.py) and PyYAML (pyyaml_tree.py).

For every document the fast reader reads, its tree is PyYAML's: the same values, the same position
for every mapping and every scalar it can place, and nothing for the builder to report that PyYAML
would see. Then loading with either reader gives an equal map, or the same problems at the same
positions, and ``check`` gives the same problems.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.reading import pyyaml_tree, yamlrs_screens, yamlrs_starts, yamlrs_tree
from argmap.reading.builder import build
from argmap.reading.checked_values import StopAtFirstProblem
from argmap.reading.tree import STR, ReadAgain, Scalar
from argmap.reading.vocabulary import PLACED_KEYS
from argmap.reading.yamlrs_screens import plain_tag

from .helpers import CORPUS, MAPS, ROOT
from .test_hostile_inputs import CATALOGUE
from .test_loader import BAD, GOOD

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate

_INT = "tag:yaml.org,2002:int"

TRICKY = {
    "unicode": "thesis:\n  claim: Ünïcödé → 東京 😀 text\n  premises:\n    - claim: ça va «oui»\n      id: c\n",
    "quoted": "thesis:\n  claim: 'it''s quoted'\n  premises:\n    - claim: \"double: quoted\"\n      id: 'a'\n",
    "flow": "thesis:\n  claim: A\n  tags: [x, y]\n  premises: [{claim: B}]\n",
    "comments": "# top\nthesis:   # the thesis\n  # inside\n  claim: A # trailing\n\n  premises:\n  # before\n"
    "    - claim: B\n",
    "duplicate key": "thesis:\n  claim: A\n  claim: B\n",
    "empty values": "title:\nthesis:\n  claim: A\n  premises:\n  objections:\n  tags:\n",
    "null claim": "thesis:\n  claim: ~\n",
    "scalars": "thesis:\n  claim: yes\n  note: 2020-01-01\n  premises:\n    - claim: 12\n    - claim: 1.5\n"
    "    - claim: null\n",
    "booleans": "thesis:\n  claim: A\n  assumption: True\n  premises:\n    - claim: B\n      assumption: false\n",
    "yes flag": "thesis:\n  claim: A\n  assumption: yes\n",
    "quoted flag": "thesis:\n  claim: A\n  assumption: 'true'\n",
    "quoted number text": "thesis:\n  claim: '12'\n",
    "octal-ish": "thesis:\n  claim: 0o17\n  premises:\n    - claim: 017\n    - claim: 1_000\n    - claim: 1e3\n",
    "block scalars": "thesis:\n  claim: |\n    A literal\n    block\n  note: >\n    folded\n    text\n",
    "multi-line plain": "thesis:\n  claim: A long\n    claim on two lines\n",
    "multi-line dash": "thesis:\n  claim: A\n    - not an item\n",
    "multi-line quoted": 'thesis:\n  claim: "A long\n    quoted claim"\n',
    "escapes": 'thesis:\n  claim: "tab\\there \\u00e9 \\x41"\n',
    "long line": "thesis:\n  claim: " + "word " * 3000 + "\n",
    "long key": "thesis:\n  " + "k" * 1100 + ": A\n",
    "crlf": "thesis:\r\n  claim: A\r\n  premises:\r\n    - claim: B\r\n",
    "lone cr": "thesis:\r  claim: A\r",
    "tabs": "thesis:\n\tclaim: A\n",
    "tab in value": "thesis:\n  claim: A\tB\n",
    "bom": "\ufeffthesis:\n  claim: A\n",
    "document start": "---\nthesis:\n  claim: A\n",
    "document end": "thesis:\n  claim: A\n...\n",
    "indentless lists": "thesis:\n  claim: A\n  premises:\n  - claim: B\n    objections:\n    - claim: C\n  - ref: B\n",
    "wide indentation": "thesis:\n      claim: A\n      premises:\n          -   claim: B\n              id: b\n",
    "dash alone": "thesis:\n  claim: A\n  premises:\n    -\n      claim: B\n",
    "nested dashes": "thesis:\n  claim: A\n  tags:\n    - - x\n",
    "anchors": "thesis: &t\n  claim: A\n  premises:\n    - *t\n",
    "merge key": "base: &b\n  claim: A\nthesis:\n  <<: *b\n",
    "tag": "thesis:\n  claim: !!str 12\n",
    "inline source": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      source:\n        author: X\n"
    "        date: 2001-02-03\n",
    "source first": "sources:\n  s: {title: T}\nthesis:\n  claim: A\n  evidence:\n    - source:   s\n"
    "      quote: q\n    - text: t\n      # a comment\n      source: s\n",
    "unknown key": "thesis:\n  claim: A\n  premise:\n    - claim: B\n",
    "version two": "argmap: 2\nthesis:\n  claim: A\n",
    "version octal": "argmap: 01\nthesis:\n  claim: A\n",
    "version quoted": "argmap: '1'\nthesis:\n  claim: A\n",
    "plain with hash": "thesis:\n  claim: C#is a language #not a comment\n  note: a # comment\n",
    "colon inside": "thesis:\n  claim: see http://example.org:80/x\n  note: a:b\n",
    "key with spaces": "sources:\n  my source: {title: T}\nthesis:\n  claim: A\n",
    "numeric source key": "sources:\n  2003:\n    title: T\nthesis:\n  claim: A\n",
    "indicators in text": "thesis:\n  claim: A & B > C [1] {x} | y ? z * w ! v % u @ t\n",
    "value indicator": "thesis:\n  claim: A\n  note: =\n",
    "linked": "thesis:\n  claim: A\n  premises:\n    - linked:\n        - claim: B\n        - ref: C\n"
    "    - linked:\n        - claim: D\n",
    "empty file": "# nothing\n",
    "list root": "- claim: A\n",
    "scalar root": "just text\n",
    "indented root": "  thesis:\n    claim: A\n",
    "trailing spaces": "thesis:   \n  claim: A   \n   \n  premises: \n    - claim: B  \n",
    "key on next line": "thesis:\n  claim:\n    A on the next line\n",
    "empty evidence fields": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      kind:\n    - text: t\n"
    "      url:\n"
    "    - quote: q\n      source:\n    - quote: q\n      locator: ~\n    - quote:\n",
    "evidence fields": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      kind: study\n"
    "      url: http://x.org/a?b=c\n"
    "      locator: p. 4\n      note:\n        any: thing\n        more:\n          - x: 1\n    - text: t\n"
    "      kind: statistic\n      source: s\n",
    "nested a little": "thesis:\n  claim: A\n  note:\n" + "".join("  " * i + "   - b:\n" for i in range(1, 60)),
    "deep items on one line": "thesis:\n  claim: A\n  tags:\n    " + "-  " * 50_000 + "x\n",
    "deep flow": "thesis: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "scalars with spaces": "thesis:\n  claim: 2001-12-14 21:59:43.10 -5\n  note: yes no\n  tags:\n    - 1 2\n"
    "    - 'true x'\n    - ' null'\n    - .5 e3\n",
    "comment after empty value": "thesis:\n  claim: A\n  premises: # why\n    - claim: B\n  note: # c\n    x: 1\n",
    "comments and empty values": "# top\nthesis:\n  claim: A\n  premises:\n    - claim: B\n  evidence:\n"
    "    - quote: q\n"
    "      source:\n        author: X\n",
    "hash after quote": 'thesis:\n  claim: "A"#c\n',
    "hash after single quote": "thesis:\n  claim: A\n  note: 'n'#x\n",
    "markers inside text": "thesis:\n  claim: 50% more... or less---\n  note: '%'\n",
    "second document": "thesis:\n  claim: A\n---\nthesis:\n  claim: B\n",
    "percent line": "thesis:\n  claim: A\n%YAML 1.1\n",
    "source a number": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      source: 12\n",
    "source yes": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      source: yes\n",
    "source a list": "thesis:\n  claim: A\n  evidence:\n    - quote: q\n      source:\n        - s\n",
    "quote of spaces": 'thesis:\n  claim: A\n  evidence:\n    - quote: "   "\n      source: s\n',
    "quote of a no-break space": "thesis:\n  claim: A\n  evidence:\n    - quote: \u00a0\n      source: s\n",
    "id yes": "thesis:\n  id: yes\n  claim: A\n",
    "id a float": "thesis:\n  id: 1e3\n  claim: A\n  premises:\n    - ref: 1e3\n",
    "source first, block style": "sources:\n  s:\n    title: T\nthesis:\n  claim: A\n  evidence:\n"
    "    - source: s\n      quote: q\n    - quote: r\n      source:   s\n",
    "source after other keys": "sources:\n  s:\n    title: T\nthesis:\n  claim: A\n  evidence:\n"
    "    - kind: study\n      locator: p. 2\n      quote: q\n      source: s\n    - quote: r\n      url: u\n"
    "      source: s\n",
}


def _documents() -> list[tuple[str, str]]:
    docs = [(f"maps/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(MAPS.glob("*.yaml"))]
    docs += [
        (str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests").rglob("*.yaml"))
    ]
    docs += [
        (f"generated {n} seed {seed}", generate(n, seed))
        for n, seed in ((1, 0), (10, 1), (100, 2), (500, 3), (2000, 4))
    ]
    docs += [(f"tricky: {name}", text) for name, text in TRICKY.items()]
    docs += [("test_loader GOOD", GOOD)] + [(f"test_loader BAD: {c[0]}", c[1]) for c in BAD if isinstance(c[1], str)]
    docs += [(f"hostile: {c[0]}", c[1]) for c in CATALOGUE if isinstance(c[1], str)]
    if CORPUS.is_dir():
        from .corpus import microtext_to_yaml

        docs += [(f"corpus {p.name}", microtext_to_yaml(p)) for p in sorted(CORPUS.glob("*.xml"))]
    return docs


DOCUMENTS = _documents()


def _containers(root: object) -> list[dict | list]:
    """Every mapping and list of a tree, in document order, each once."""
    found: list[dict | list] = []
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            found.append(node)
            todo.extend(reversed(list(node.values() if isinstance(node, dict) else node)))
    return found


def _facts(tree) -> tuple:
    """What a tree says, as plain values: its values, and the positions and odd facts of its containers."""
    containers = _containers(tree.root)
    mappings = [c for c in containers if isinstance(c, dict)]
    return (
        tree.root,
        tree.root_position,
        [tree.positions[id(m)] for m in mappings],
        [(i, tree.tags[id(c)]) for i, c in enumerate(containers) if id(c) in tree.tags],
        [(i, tree.key_order[id(c)]) for i, c in enumerate(containers) if id(c) in tree.key_order],
        [i for i, c in enumerate(containers) if id(c) in tree.shared],
    )


def _same_trees(text: str) -> None:
    fast = yamlrs_tree.read(text, PLACED_KEYS)  # its places of a source found all at once, the others one by one
    if fast is None:
        return
    try:
        slow = pyyaml_tree.read(text, "m.yaml")
    except argmap.LoadError:
        pytest.fail("the fast reader read a document PyYAML refuses")
    assert _facts(fast) == _facts(slow)
    for mapping, same in zip(_containers(fast.root), _containers(slow.root), strict=True):
        for key in mapping if isinstance(mapping, dict) else ():
            try:
                position = fast.value_position(mapping, key)
            except ReadAgain:
                continue  # a place it cannot tell: the fast reading then stops, and PyYAML reads the text
            assert position == slow.value_position(same, key), key


def _outcome(text: str, reader: str):
    try:
        argmap_ = argmap.loads(text, "m.yaml", reader=reader)
    except argmap.LoadError as error:
        return "load error", error.problems
    return argmap_, argmap.check(argmap_)


def _same_everywhere(text: str) -> None:
    _same_trees(text)
    assert _outcome(text, "fast") == _outcome(text, "pyyaml")


def _read_fast(text: str) -> argmap.ArgumentMap | None:
    """The map as the fast reading makes it, or None if it leaves the text to PyYAML."""
    tree = yamlrs_tree.read(text, PLACED_KEYS)
    try:
        return None if tree is None else build(tree, "m.yaml", StopAtFirstProblem())
    except ReadAgain:
        return None


@pytest.mark.parametrize("text", [d[1] for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS])
def test_both_readers_agree(text: str) -> None:
    _same_everywhere(text)


@pytest.mark.parametrize(
    "name",
    [
        "generated 2000 seed 4",
        "tricky: crlf",
        "tricky: indentless lists",
        "tricky: inline source",
        "tricky: unicode",
        "tricky: evidence fields",
        "tricky: scalars with spaces",
        "tricky: comments and empty values",
        "tricky: markers inside text",
        "tricky: yes flag",  # settled from the text as written: PyYAML's true
    ],
)
def test_the_fast_path_is_taken_for_plain_maps(name: str) -> None:
    """Not a vacuous comparison: these documents do go the fast way."""
    assert _read_fast(dict(DOCUMENTS)[name]) is not None


@pytest.mark.parametrize(
    "name", ["anchors", "tag", "block scalars", "multi-line plain", "duplicate key", "flow", "quoted flag"]
)
def test_the_fast_path_gives_way_to_pyyaml(name: str) -> None:
    assert _read_fast(TRICKY[name]) is None


@pytest.mark.parametrize(
    "value",
    [
        "a b",
        "yes no",
        "1 2",
        "true ",
        " null",
        "2001-12-14 21:59:43.10 -5",
        "~ x",
        ". inf",
        "0x 1",
        "<< ",
        "= x",
        "Yes",
    ],
)
def test_text_with_a_space_is_text_to_pyyaml(value: str) -> None:
    # The fast reader takes a value with a space as text without PyYAML's resolvers, unless it
    # starts with a digit: no pattern but the timestamp's (which starts with one) matches a space.
    assert " " not in value or plain_tag(value) == STR or value[:1].isdigit()


@pytest.mark.parametrize("text", [d[1] for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS])
def test_the_quick_screens_find_what_the_plain_ones_do(text: str) -> None:
    # The fast reader looks for rare characters first; these are the straightforward forms of its screens.
    screens, starts = yamlrs_screens, yamlrs_starts
    assert bool(screens._QUOTE_HASH.search(text)) == ('"#' in text or "'#" in text)
    assert bool(starts._TRAILING_SPACE.search(text)) == (" \n" in text)
    assert bool(screens._MARKER_HINT.search(text)) == any(m in text for m in ("\n---", "\n...", "\n%"))
    if not (" \n" in text or " #" in text):
        colons = [m.start() for m in starts._EMPTY_VALUE.finditer(text)]
        assert [m.start() - 1 for m in starts._BARE_COLON.finditer(text)] == colons
    key = r"(?:[^\n:]|:[^ \n])*:(?: |\n|\Z)"  # _ITEM_MAPPING's key, one character at a time
    items = re.compile(rf"\n *- +(?={starts._PLAIN_FIRST}{key})")
    assert [m.end() for m in starts._ITEM_MAPPING.finditer(text)] == [m.end() for m in items.finditer(text)]


def test_auto_takes_the_fast_path_only_for_large_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = []
    monkeypatch.setattr(yamlrs_tree, "read", lambda text, placed_keys=(): texts.append(text))
    small, large = TRICKY["comments"], generate(3000, 5)
    argmap.loads(small, "small.yaml")
    argmap.loads(large, "large.yaml")
    assert texts == [large]
    argmap.loads(small, "small.yaml", reader="fast")
    argmap.loads(large, "large.yaml", reader="pyyaml")
    assert texts == [large, small]


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("-  " * 100_000 + "x\n", 1, 1_501),
        ("- " * 100_000 + "x\n", 1, 1_001),
        ("a: " + "{a: " * 100_000 + "\n", 1, 2_000),
    ],
    ids=["list items, two spaces", "list items", "flow mappings"],
)
def test_deep_nesting_is_refused_before_any_parser_overflows_its_stack(text: str, line: int, column: int) -> None:
    # Both yaml-rs and libyaml's composer recurse, and crash (not raise) some 25,000 levels deep;
    # MAX_YAML_DEPTH (500) stops the document at the item that goes one level deeper.
    with pytest.raises(argmap.LoadError) as error:
        argmap.loads(text, "deep.yaml")
    assert [(p.rule, p.line, p.column) for p in error.value.problems] == [("too-deep", line, column)]


# Random maps made of the format's parts, written in the styles people and programs write.
_SCALARS = st.sampled_from(
    ["A claim", "it's", "'quoted'", '"double"', "yes", "no", "~", "", "12", "0o7", "1.5", "2020-01-01", "a: b",
     "'a: b'", "C#", "x # c", "Ünï 東京", "-x", ":x", "?x", "true", "null", "'1'", '"\\t"', "[a]", "&a", "*a", "| x",
     "<<"]
)  # fmt: skip
_KEYS = st.sampled_from(
    ["claim", "id", "note", "tags", "premises", "objections", "rebuttals", "evidence", "assumption", "x"]
)


@st.composite
def _claim_lines(draw, indent: int, depth: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}claim: {draw(_SCALARS)}"]
    if draw(st.booleans()):
        lines.append(f"{pad}id: c{draw(st.integers(0, 5))}")
    for _ in range(draw(st.integers(0, 2))):
        key = draw(_KEYS)
        if depth < 2 and key in ("premises", "objections", "rebuttals") and draw(st.booleans()):
            step = draw(st.sampled_from([0, 2, 4]))
            lines.append(f"{pad}{key}:")
            for _ in range(draw(st.integers(1, 2))):
                inner = draw(_claim_lines(indent + step + 2, depth + 1))
                lines.append(" " * (indent + step) + "- " + inner[0].lstrip(" "))
                lines += inner[1:]
        elif key == "evidence":
            lines += [f"{pad}evidence:", f"{pad}  - quote: {draw(_SCALARS)}", f"{pad}    source: {draw(_SCALARS)}"]
        else:
            lines.append(f"{pad}{key}: {draw(_SCALARS)}")
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "  # comment", f"{pad}# note"])))
    return lines


@settings(max_examples=300, deadline=None)
@given(lines=_claim_lines(2, 0), version=st.booleans())
def test_random_maps_agree(lines: list[str], version: bool) -> None:
    text = ("argmap: 1\n" if version else "") + "thesis:\n" + "\n".join(lines) + "\n"
    _same_everywhere(text)


_MUTATIONS = st.sampled_from(
    ["indent+1", "indent-1", "indent+3", "drop", "repeat", "dash", "colon", "quote", "hash", "join"]
)


@settings(max_examples=300, deadline=None)
@given(
    size=st.integers(2, 40),
    seed=st.integers(0, 1000),
    edits=st.lists(st.tuples(st.integers(0, 10_000), _MUTATIONS), min_size=1, max_size=3),
)
def test_broken_maps_agree(size: int, seed: int, edits: list[tuple[int, str]]) -> None:
    """Maps with a slip in them (bad indentation, a stray token): PyYAML's errors, or the same map."""
    lines = generate(size, seed).splitlines()
    for where, mutation in edits:
        i = where % len(lines)
        line = lines[i]
        lines[i : i + 1] = {
            "indent+1": [" " + line],
            "indent-1": [line.removeprefix(" ")],
            "indent+3": ["   " + line],
            "drop": [],
            "repeat": [line, line],
            "dash": [line.replace(": ", ": - ", 1)],
            "colon": [line + ": x"],
            "quote": [line.replace(": ", ": '", 1)],
            "hash": [line.replace(" ", " #", 1)],
            "join": [line + " " + lines[(i + 1) % len(lines)].strip()],
        }[mutation]
    _same_everywhere("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    "written, tree_value, problem",
    [
        ("1", Scalar(_INT, "1"), None),
        ("0x1", Scalar(_INT, "0x1"), None),  # PyYAML's 1, as ever
        ("1  # the format", Scalar(_INT, "1"), None),
        ("0o1", "0o1", ("bad-version", 1, 9)),  # YAML 1.2's octal 1 to yaml-rs; text to PyYAML's YAML 1.1
        ("01", Scalar(_INT, "01"), ("bad-version", 1, 9)),  # an octal Python does not read
        ("1.0", Scalar("tag:yaml.org,2002:float", "1.0"), ("bad-version", 1, 9)),
        ('"1"', "1", ("bad-version", 1, 9)),
        ("'1'", "1", ("bad-version", 1, 9)),
        ("2", Scalar(_INT, "2"), ("bad-version", 1, 9)),
    ],
)
def test_the_version_is_read_as_written_by_both_readers(
    written: str, tree_value: object, problem: tuple | None
) -> None:
    text = f"argmap: {written}\nthesis:\n  claim: A\n"
    fast = yamlrs_tree.read(text)
    assert fast is not None and fast.root["argmap"] == tree_value
    assert pyyaml_tree.read(text, "m.yaml").root["argmap"] == tree_value
    for reader in ("fast", "pyyaml"):
        if problem is None:
            assert argmap.loads(text, "m.yaml", reader=reader).version == 1
        else:
            with pytest.raises(argmap.LoadError) as error:
                argmap.loads(text, "m.yaml", reader=reader)
            assert [(p.rule, p.line, p.column) for p in error.value.problems] == [problem]


def test_the_fast_reader_places_a_sources_file(tmp_path: Path) -> None:
    """unknown-source-file points at the ``file:`` value, whichever reader read the map."""
    text = "sources:\n  s:\n    author: X\n    title: T\n    file: missing.txt\nthesis:\n  claim: A\n"
    path = tmp_path / "m.yaml"
    for reader in ("fast", "pyyaml"):
        loaded = argmap.loads(text, path, reader=reader)
        assert loaded.sources["s"].file_position == (5, 11)
        found = [(p.rule, p.line, p.column) for p in argmap.check(loaded) if p.rule == "unknown-source-file"]
        assert found == [("unknown-source-file", 5, 11)]
    assert _read_fast(text) is not None  # the fast reading did read it


def test_a_large_map_is_read_fast_and_places_its_sources_files(tmp_path: Path) -> None:
    text = generate(400, 7).replace("    title: Report 3\n", "    title: Report 3\n    file: texts/3.txt\n")
    assert len(text) >= 64 * 1024 and _read_fast(text) is not None
    line = text[: text.index("file: texts/3.txt")].count("\n") + 1
    problems = argmap.check(argmap.loads(text, tmp_path / "m.yaml"))
    assert [(p.line, p.column) for p in problems if p.rule == "unknown-source-file"] == [(line, 11)]
