"""Property-based tests: maps built from the format's own parts always load and check; any bytes or
any YAML document ends in exit 0, 1 or 2 with a message, never a traceback.

CI runs a few thousand cases (the ``ci`` profile, chosen when ``CI`` is set); locally fewer.
"""

from __future__ import annotations

import json
import os

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli.app import app

settings.register_profile("ci", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")

IDS = st.sampled_from(["a", "b", "c", "d", "e-1", "x.y"])
TEXT = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
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
