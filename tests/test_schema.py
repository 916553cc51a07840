"""The JSON Schema shipped for editors agrees with the loader: on every example map and on invalid maps."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest
import yaml

from tests.helpers import MAPS, load_problems

SCHEMA = json.loads(files("argmap").joinpath("schema.json").read_text(encoding="utf-8"))


class _Yaml12ishLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: editors (YAML 1.2) read 2020-04-16 as text, as argmap does."""


_Yaml12ishLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_errors(text: str) -> list[str]:
    data = yaml.load(text, Loader=_Yaml12ishLoader)
    return [error.message for error in jsonschema.Draft7Validator(SCHEMA).iter_errors(data)]


def test_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_map_is_valid_for_both(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../argmap/schema.json")
    assert schema_errors(text) == []
    assert load_problems(text) == []


INVALID = {
    "unknown key": "thesis:\n  claim: A\n  premisses: []\n",
    "wrong type": "thesis:\n  claim: A\n  premises: hello\n",
    "no claim text": "thesis:\n  id: x\n",
    "null claim": "thesis:\n  claim:\n",
    "blank claim": "thesis:\n  claim: '  '\n",
    "id that is a number": "thesis:\n  id: 42\n  claim: A\n",
    "id with a space": "thesis:\n  id: a b\n  claim: A\n",
    "version 2": "argmap: 2\nthesis: {claim: A}\n",
    "no thesis": "title: x\n",
    "top level a list": "- thesis\n",
    "evidence without text": "thesis:\n  claim: A\n  evidence:\n    - source: x\n",
    "evidence with quote and text": "thesis:\n  claim: A\n  evidence:\n    - {quote: a, text: b}\n",
    "unknown evidence kind": "thesis:\n  claim: A\n  evidence:\n    - {text: x, kind: quotation}\n",
    "linked group of one": "thesis:\n  claim: A\n  premises:\n    - linked:\n        - claim: B\n",
    "bare text premise": "thesis:\n  claim: A\n  premises:\n    - just text\n",
    "assumption not a flag": "thesis:\n  claim: A\n  assumption: maybe\n",
    "unknown source key": "sources:\n  s: {author: A, pages: 3}\nthesis: {claim: A}\n",
    "tags not a list": "thesis:\n  claim: A\n  tags: politics\n",
    "rebuttals on the thesis": "thesis:\n  claim: A\n  rebuttals: [{claim: B}]\n",
    "rebuttals on a premise": "thesis:\n  claim: A\n  premises:\n    - claim: B\n      rebuttals: [{claim: C}]\n",
    "undercuts on the thesis": "thesis:\n  claim: A\n  undercuts: [{claim: B}]\n",
    "blank quote": "thesis:\n  claim: A\n  evidence:\n    - quote: ' '\n",
    "ref with extra key": "thesis:\n  claim: A\n  premises:\n    - {ref: x, claim: B}\n",
}


@pytest.mark.parametrize("text", INVALID.values(), ids=INVALID.keys())
def test_invalid_maps_are_invalid_for_both(text):
    assert schema_errors(text), "the schema accepts it"
    assert load_problems(text), "the loader accepts it"
