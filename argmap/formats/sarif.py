"""``--format sarif``: SARIF 2.1.0, the report format code-scanning tools read.

One run of the ``argmap`` tool: its rules (every registered rule, then any other problem id the
results use, such as a load error), and one result per problem with the rule, the level (``info``
becomes ``note``), the message and the place. Paths are relative to the current folder where they
can be, with forward slashes, as GitHub code scanning expects::

    argmap check maps/ --format sarif > argmap.sarif

    {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "argmap", "rules": [...]}},
      "results": [{"ruleId": "unsupported-premise", "ruleIndex": 0, "level": "error",
                   "message": {"text": "..."}, "locations": [{"physicalLocation": {
                   "artifactLocation": {"uri": "maps/a.yaml"}, "region": {"startLine": 12,
                   "startColumn": 7}}}]}]}]}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from ..problems import FileResult
from ..visible import harmless_json

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: The tool's home page (``informationUri``): the ``Homepage`` of ``[project.urls]`` in pyproject.toml,
#: which a test keeps equal. Not read from the installed metadata: an editable install's can be stale.
HOME_PAGE = "https://github.com/argmap/argmap"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(results: list[FileResult]) -> str:
    from .. import __version__
    from ..rules import RULES, documentation, summary

    descriptors = [
        _descriptor(rule.ID, summary(rule), documentation(rule), rule.SEVERITY, rule.ENABLED) for rule in RULES.values()
    ]
    index = {rule_id: number for number, rule_id in enumerate(RULES)}
    sarif_results = []
    for result in results:
        for problem in result.problems:
            if problem.rule not in index:  # a load error or unknown-rule: not a registered rule
                index[problem.rule] = len(descriptors)
                descriptors.append(_descriptor(problem.rule, _OTHER.get(problem.rule, _LOAD_ERROR), "", "error", True))
            sarif_results.append(
                {
                    "ruleId": problem.rule,
                    "ruleIndex": index[problem.rule],
                    "level": _LEVEL[problem.severity],
                    "message": {"text": problem.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(problem.file)},
                                "region": {"startLine": problem.line, "startColumn": problem.column},
                            }
                        }
                    ],
                }
            )
    driver = {"name": "argmap", "version": __version__, "informationUri": HOME_PAGE, "rules": descriptors}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return harmless_json(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


_LOAD_ERROR = "The map could not be loaded: it is not valid YAML or not a valid argmap map."
_OTHER = {"unknown-rule": "A claim's ignore list names a rule that does not exist."}


def _descriptor(rule_id: str, short: str, full: str, severity: str, enabled: bool) -> dict[str, object]:
    short = short[:1].upper() + short[1:]
    return {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full or short},
        "help": {"text": full or short},
        "defaultConfiguration": {"level": _LEVEL[severity], "enabled": enabled},
    }


def _uri(file: str) -> str:
    """A URI reference for a problem's file: relative with forward slashes, else ``file:///``.

    Percent-encoded from the name's bytes, so that a name that is not UTF-8 (``b\\xff.yaml``)
    becomes ``b%FF.yaml``, and a control character or ``%`` in a name is encoded too.
    """
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(os.fsencode(path.as_posix() if os.sep == "/" else str(path).replace(os.sep, "/")))
