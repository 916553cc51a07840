"""The examples in docstrings run, in the modules of the rules, evaluation and sources stages."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "argmap.content_words",
    "argmap.evaluation.fixpoint",
    "argmap.fixes",
    "argmap.fixes.edits",
    "argmap.fixes.fragment",
    "argmap.fixes.layout",
    "argmap.lsp.analysis",
    "argmap.lsp.completion",
    "argmap.lsp.index",
    "argmap.lsp.spans",
    "argmap.evaluation.labelling",
    "argmap.evaluation.network",
    "argmap.html.data",
    "argmap.html.page",
    "argmap.interop",
    "argmap.interop.argdown_element",
    "argmap.interop.argdown_reader",
    "argmap.interop.argdown_syntax",
    "argmap.interop.argdown_writer",
    "argmap.interop.yaml_writer",
    "argmap.rules",
    "argmap.sources.quotes",
    "argmap.sources.texts",
    "argmap.suggestions",
]


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted, "the module shows an example"
    assert result.failed == 0
