"""``--format sarif``: SARIF 2.1.0 that code-scanning tools accept.

The official schema is not available offline, so ``SARIF_SUBSET`` restates, in JSON Schema, the
parts of the SARIF 2.1.0 schema (OASIS, errata 01) that argmap's output uses: required
properties, types, the ``level`` enumeration, 1-based regions and relative URIs.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from argmap.rules import RULES
from tests.samples import CLEAN, ERROR

_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string", "format": "uri"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"const": "argmap"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "uniqueItems": True,
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "id",
                                                "shortDescription",
                                                "fullDescription",
                                                "defaultConfiguration",
                                            ],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": _MESSAGE,
                                                "fullDescription": _MESSAGE,
                                                "help": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "required": ["level"],
                                                    "properties": {"level": _LEVEL, "enabled": {"type": "boolean"}},
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "ruleIndex", "level", "message", "locations"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": _LEVEL,
                                "message": _MESSAGE,
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "required": ["uri"],
                                                        "properties": {
                                                            "uri": {"type": "string", "pattern": r"^[^\\\\]+$"}
                                                        },
                                                    },
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine", "startColumn"],
                                                        "properties": {
                                                            "startLine": {"type": "integer", "minimum": 1},
                                                            "startColumn": {"type": "integer", "minimum": 1},
                                                        },
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}

WARNING = (
    "thesis:\n  claim: T\n  premises: [{claim: A, assumption: true}]\n"
    "  objections:\n    - claim: O\n      assumption: true\n"
)
INFO_ONLY = CLEAN  # its one premise is a reason alone: single-premise-reason, an info, when selected


@pytest.fixture
def sarif(run, tree):
    """``sarif(files, *options)``: write ``{name: text}`` (``tree``), check them as SARIF; the exit
    code and the log, validated against ``SARIF_SUBSET``."""

    def check(files: dict[str, str], *options: str):
        tree(files)
        result = run("check", "--format", "sarif", *files, *options)
        log = json.loads(result.stdout)
        jsonschema.validate(log, SARIF_SUBSET)
        return result.exit_code, log

    return check


def test_results_point_at_rules_and_places(sarif):
    code, log = sarif({"maps/m.yaml": ERROR})
    assert code == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "unsupported-premise"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "maps/m.yaml"}, "region": {"startLine": 5, "startColumn": 7}}


@pytest.mark.parametrize(
    "text, options, code, level",
    [
        (ERROR, [], 1, "error"),
        (WARNING, [], 0, "warning"),
        (WARNING, ["--strict"], 1, "warning"),
        (INFO_ONLY, ["--select", "single-premise-reason"], 0, "note"),
        (INFO_ONLY, ["--select", "single-premise-reason", "--strict"], 1, "note"),
    ],
)
def test_levels_and_exit_codes(sarif, text, options, code, level):
    found_code, log = sarif({"m.yaml": text}, *options)
    assert found_code == code
    assert {r["level"] for r in log["runs"][0]["results"]} == {level}


def test_clean_map_has_no_results(sarif):
    code, log = sarif({"m.yaml": INFO_ONLY})
    assert code == 0 and log["runs"][0]["results"] == []


def test_load_errors_get_a_rule_of_their_own(sarif):
    code, log = sarif({"m.yaml": "thesis:\n  claim: A\n  premisses: []\n"})
    run = log["runs"][0]
    (result,) = run["results"]
    assert code == 2 and result["ruleId"] == "unknown-key"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "unknown-key"


def test_default_configuration_follows_the_rules(sarif):
    _, log = sarif({"m.yaml": INFO_ONLY})
    rules = {rule["id"]: rule["defaultConfiguration"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["single-premise-reason"] == {"level": "note", "enabled": False}
    assert rules["unsupported-premise"] == {"level": "error", "enabled": True}


def test_absolute_paths_become_relative_or_file_uris(tmp_path, monkeypatch):
    from argmap.formats import render
    from argmap.problems import FileResult, Problem

    monkeypatch.chdir(tmp_path)
    inside = Problem(str(tmp_path / "sub dir" / "m.yaml"), 1, 1, "unsupported-thesis", "error", "x")
    outside = Problem("/elsewhere/m.yaml", 1, 1, "unsupported-thesis", "error", "x")
    log = json.loads(render("sarif", [FileResult(tmp_path, (inside, outside), True)]))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris == ["sub%20dir/m.yaml", "file:///elsewhere/m.yaml"]


def test_the_tool_names_its_home_page_from_pyproject(sarif):
    import tomllib

    from tests.helpers import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    driver = sarif({"m.yaml": INFO_ONLY})[1]["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == project["urls"]["Homepage"]
    assert driver["informationUri"].startswith("https://")


def test_rule_descriptions_are_the_rules_own_documentation(sarif):
    from argmap.rules import documentation, summary

    for descriptor in sarif({"m.yaml": INFO_ONLY})[1]["runs"][0]["tool"]["driver"]["rules"]:
        rule = RULES.get(descriptor["id"])
        if rule is not None:
            assert descriptor["fullDescription"]["text"] == documentation(rule)
            assert descriptor["shortDescription"]["text"].lower() == summary(rule).lower()
