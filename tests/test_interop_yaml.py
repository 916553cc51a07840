"""The interop registry and argmap's own YAML as a target: any map written as YAML loads back equal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given

from argmap.interop import FORMATS, format_of, read, read_file, write
from argmap.reading import loads
from tests.helpers import MAPS
from tests.interop_equal import assert_equal_maps
from tests.test_properties import MAPS as GENERATED_MAPS


@pytest.mark.parametrize(
    "name, expected",
    [("a.yaml", "yaml"), ("a.YML", "yaml"), ("d.argdown", "argdown"), ("d.ad", "argdown"),
     ("g.json", "aif"), ("k.txt", "kialo"), ("n.md", None), ("noext", None)],
)  # fmt: skip
def test_format_of_goes_by_suffix(name, expected):
    assert format_of(Path(name)) == expected


def test_every_format_names_its_reader_and_writer_by_module():
    for format in FORMATS.values():
        for target in (format.reader, format.writer):
            assert target is None or (target.startswith("argmap.interop.") and ":" in target)
    assert FORMATS["kialo"].writer is None


def test_an_unknown_format_or_a_missing_writer_is_a_clear_error():
    m = loads("thesis: {claim: T}")
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        write(m, "rtf")
    with pytest.raises(ValueError, match="cannot write kialo"):
        write(m, "kialo")


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_maps_written_as_yaml_load_back_equal(path):
    original = read_file(path).argmap
    exported = write(original, "yaml")
    assert exported.warnings == ()
    again = read(exported.text, path, "yaml").argmap
    assert_equal_maps(original, again)
    assert [claim.uid for claim in again.claims] == [claim.uid for claim in original.claims]
    assert again.sources.keys() == original.sources.keys()


AWKWARD = ["key: value", "# not a comment", "  leading spaces", "trailing: ", "line\nbreak\n", "- dash", "'quoted'",
           '"double"', "ünïcødé ✓", "null", "yes", "1.5", "@at", "{braces}", "a\u2028b", "tab\there"]  # fmt: skip


@pytest.mark.parametrize("text", AWKWARD)
def test_any_text_is_quoted_safely(text):
    premise = {"claim": f"p {text}", "evidence": [{"quote": text}]}
    data = {"title": text, "thesis": {"claim": f"x {text}", "note": text, "tags": [text], "premises": [premise]}}
    original = loads(yaml.safe_dump(data, allow_unicode=True))
    again = loads(write(original, "yaml").text)
    assert_equal_maps(original, again)
    assert again.thesis.note == text and again.title == text


@given(GENERATED_MAPS)
def test_generated_maps_written_as_yaml_load_back_equal(document):
    original = loads(yaml.safe_dump(document, allow_unicode=True))
    assert_equal_maps(original, loads(write(original, "yaml").text))
