import textwrap

import argmap

RULE = "unknown-source-file"
MAP = """
sources:
  bandow:
    author: Doug Bandow
    file: texts/bandow.txt
thesis:
  id: t
  claim: T
  evidence:
    - text: x
      source: {author: X, file: texts/x.txt}
"""


def found(tmp_path):
    m = argmap.loads(textwrap.dedent(MAP), tmp_path / "m.yaml")
    return [(p.line, p.column, p.node) for p in argmap.check(m) if p.rule == RULE]


def test_missing_files(tmp_path):
    assert found(tmp_path) == [(5, 11, None), (11, 33, "t")]


def test_existing_files(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "bandow.txt").write_text("text")
    (tmp_path / "texts" / "x.txt").write_text("text")
    assert found(tmp_path) == []


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "texts" / "bandow.txt").mkdir(parents=True)
    (tmp_path / "texts" / "x.txt").write_text("text")
    assert found(tmp_path) == [(5, 11, None)]
