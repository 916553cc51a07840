"""Property-based tests: maps built from the format's own parts always load and check; any bytes or
any YAML document ends in exit 0, 1 or 2 with a message, never a traceback.

CI runs a few thousand cases (the ``ci`` profile, chosen when ``CI`` is set); locally fewer. The
real commands also run on mutated maps (:func:`test_mutated_maps_through_every_command`), a few dozen
per run; ``ARGMAP_FUZZ_EXAMPLES=20000`` runs a release-sized campaign (see the README).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli.app import app
from argmap.reading.blank_text import is_blank

settings.register_profile("ci", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")

IDS = st.sampled_from(["a", "b", "c", "d", "e-1", "x.y"])
TEXT = st.text(min_size=1, max_size=40).filter(lambda s: not is_blank(s))
KINDS = st.sampled_from(["quote", "statistic", "study", "expert", "testimony", "example", "document", "observation"])
EVIDENCE = st.fixed_dictionaries(
    {"quote": TEXT},
    optional={
        "source": st.one_of(st.sampled_from(["s1", "s2", "nope"]), st.fixed_dictionaries({"author": TEXT})),
        "kind": KINDS,
        "locator": TEXT,
    },
)


LEAF_KEYS = {
    "id": IDS,
    "evidence": st.lists(EVIDENCE, max_size=2),
    "assumption": st.booleans(),
    "note": TEXT,
    "tags": st.lists(TEXT, max_size=2),
}


def claims(children: st.SearchStrategy | None) -> st.SearchStrategy:
    relations = (
        {}
        if children is None
        else {
            "premises": st.lists(children, max_size=3),
            "objections": st.lists(children, max_size=2),
            "undercuts": st.lists(children, max_size=1),
        }
    )
    return st.fixed_dictionaries({"claim": TEXT}, optional={**LEAF_KEYS, **relations})


def items(claim: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        claim,
        st.fixed_dictionaries({"ref": IDS}),
        st.fixed_dictionaries(
            {"linked": st.lists(st.one_of(claim, st.fixed_dictionaries({"ref": IDS})), min_size=2, max_size=3)}
        ),
    )


CLAIM = st.recursive(claims(None), lambda inner: claims(items(inner)), max_leaves=25)
THESIS = CLAIM.map(lambda claim: {key: value for key, value in claim.items() if key != "undercuts"})
MAPS = st.fixed_dictionaries(
    {"thesis": THESIS},
    optional={
        "title": TEXT,
        "argmap": st.just(1),
        "sources": st.just({"s1": {"author": "A", "date": "2020"}, "s2": {"title": "T"}}),
    },
)


def count_claims(node: object) -> int:
    if isinstance(node, dict):
        own = 1 if "claim" in node else 0
        return own + sum(
            count_claims(v) for k, v in node.items() if k in ("premises", "objections", "undercuts", "linked")
        )
    if isinstance(node, list):
        return sum(count_claims(item) for item in node)
    return 0


@given(MAPS)
# Text with line breaks only YAML counts (U+0085, U+2028, U+2029), which safe_dump writes as they are:
# every position must still fall on the lines an editor shows.
@example({"title": "a\x85\x85b", "thesis": {"claim": "T\u2028x", "premises": [{"claim": "B\u2029"}]}})
def test_maps_built_from_the_formats_parts_load_and_check(document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    m = argmap.loads(text, "random.yaml")
    assert argmap.loads(text, "random.yaml", reader="fast") == m  # whenever yaml-rs reads it, the same map
    assert len(m.claims) == count_claims(document["thesis"])
    assert len({c.uid for c in m.claims}) == len(m.claims)  # every claim has a uid of its own
    problems = argmap.check(m)
    lines = text.count("\n") + 1
    assert all(1 <= p.line <= lines and p.column >= 1 for p in problems)
    assert problems == argmap.check(argmap.loads(text, "random.yaml"))  # deterministic


def _exit_ok(content: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("random") / "m.yaml"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    data = json.loads(result.stdout)
    if result.exit_code == 2:
        assert data["problems"] and all(p["message"] for p in data["problems"])


@given(st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path_factory, content):
    _exit_ok(content, tmp_path_factory)


KEYS = st.sampled_from(
    [
        "thesis",
        "claim",
        "premises",
        "objections",
        "rebuttals",
        "undercuts",
        "linked",
        "ref",
        "id",
        "evidence",
        "quote",
        "source",
        "assumption",
        "argmap",
        "sources",
        "tags",
        "x",
    ]
)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20,
)


@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_random_yaml_documents_never_crash(tmp_path_factory, document):
    _exit_ok(yaml.safe_dump(document).encode(), tmp_path_factory)


@given(st.text(alphabet=st.sampled_from(list("thesis:claim- []{}&*!|>'\"#\n\t x<?,")), max_size=120))
def test_yaml_shaped_noise_never_crashes(tmp_path_factory, text):
    _exit_ok(text.encode(), tmp_path_factory)


@given(MAPS)
def test_maps_built_from_the_formats_parts_render_to_dot(document):
    from argmap.diagram import RenderOptions, dot_source

    m = argmap.loads(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "random.yaml")
    source = dot_source(m, RenderOptions(format="dot"))
    assert source.startswith(("digraph", "strict digraph")) and source.rstrip().endswith("}")
    assert source == dot_source(m, RenderOptions(format="dot"))  # the same map, the same bytes


@settings(max_examples=40 if os.environ.get("CI") else 10, deadline=None)
@given(MAPS)
def test_maps_built_from_the_formats_parts_render_to_svg(document):
    from xml.etree import ElementTree

    from argmap.diagram import RenderOptions, render

    m = argmap.loads(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "random.yaml")
    svg = render(m, RenderOptions(format="svg", engine="pure"))
    assert ElementTree.fromstring(svg).tag.endswith("svg")


# --- the real commands on mutated maps ---------------------------------------------------------

#: Maps that mutations start from: the README's tutorial maps, a clean and a broken sample.
SEEDS = [
    path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent.parent / "maps").glob("tutorial-*.yaml"))
]
#: Characters a mutation inserts: controls, escapes, invisible and line-breaking characters.
ODD = [
    "\x00",
    "\x1b[2J",
    "\x9b",
    "\r",
    "\t",
    "\u200b",
    "\u2028",
    "\x85",
    "\ufeff",
    "\\",
    '"',
    "'",
    ": ",
    "- ",
    "&a",
    "*a",
    "!!",
    "#",
]


@st.composite
def mutated_maps(draw: st.DrawFn) -> bytes:
    """A seed map with a few mutations: lines duplicated, deleted, indented or swapped, keys
    swapped, odd characters inserted, a value made huge, bytes flipped."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["duplicate", "delete", "indent", "dedent", "swap", "key", "odd", "huge", "flip"]))
        if kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "indent":
            lines[at] = " " * draw(st.sampled_from([1, 2, 4])) + lines[at]
        elif kind == "dedent":
            lines[at] = lines[at].lstrip(" ")
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "key":
            lines[at] = re.sub(r"[a-z]+:", draw(KEYS) + ":", lines[at], count=1)
        elif kind == "odd":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(ODD)) + lines[at][column:]
        elif kind == "huge":
            lines[at] = lines[at] + " " + "word " * draw(st.sampled_from([2_000, 20_000]))
    data = bytearray("\n".join(lines).encode("utf-8"))
    for _ in range(draw(st.integers(0, 2))):  # "flip": bytes, possibly breaking UTF-8
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


#: Every command a user runs on one map, in every text format.
COMMANDS = [
    ["check", "-f", "text"],
    ["check", "-f", "json"],
    ["check", "-f", "github"],
    ["check", "-f", "sarif"],
    ["check", "-f", "json", "--eval"],
    ["show"],
    ["eval"],
    ["eval", "-f", "json"],
    ["render", "-f", "dot", "-o", "-"],
]


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_maps())
def test_mutated_maps_through_every_command(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("mutated") / "m.yaml"
    path.write_bytes(content)
    located = re.compile(rf"{re.escape(str(path))}:\d+:\d+: (error|warning|info) \[[a-z0-9-]+\] \S")
    for command in COMMANDS:
        result = CliRunner().invoke(app, [*command[:1], str(path), *command[1:]])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert result.exit_code in (0, 1, 2), command
        assert "Traceback" not in result.stderr
        in_words = command[0] != "check" or command[-1] == "text"
        if result.exit_code == 2 and in_words:  # a load error: each line says where, which rule, what
            output = result.stdout if command[0] == "check" else result.stderr
            reported = [line for line in output.splitlines() if line.startswith(f"{path}:")]
            assert reported, (command, output)
            assert all(located.match(line) for line in reported), (command, reported)
