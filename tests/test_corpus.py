"""The arg-microtexts corpus (112 short texts with their argument structure) as argmap maps: every
one loads, checks without structural problems, and renders to SVG.

The corpus is read from ../shared/corpora/arg-microtexts/ and never copied into the project (its
licence, CC BY-NC-SA, allows testing with it); the tests skip where it is absent.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.diagram import RenderOptions, render
from tests.corpus import microtext_to_yaml
from tests.helpers import CORPUS

TEXTS = sorted(CORPUS.glob("micro_*.xml")) if CORPUS.is_dir() else []
STRUCTURAL = {"unknown-reference", "duplicate-id", "circular-reasoning"}
needs_corpus = pytest.mark.skipif(not TEXTS, reason=f"the arg-microtexts corpus is not at {CORPUS}")


@needs_corpus
def test_the_whole_corpus_is_there():
    assert len(TEXTS) == 112


@needs_corpus
@pytest.mark.parametrize("xml_path", TEXTS, ids=lambda p: p.stem)
def test_microtext_loads_checks_and_renders(xml_path):
    m = argmap.loads(microtext_to_yaml(xml_path), f"{xml_path.stem}.yaml")
    problems = argmap.check(m)
    assert not [p for p in problems if p.rule in STRUCTURAL]
    units = ET.parse(xml_path).getroot().findall("adu")
    assert len(m.claims) == len(units)
    svg = render(m, RenderOptions(engine="pure"))
    root = ET.fromstring(svg)
    drawn = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert {f"claim-{claim.uid}" for claim in m.claims} <= drawn


SYNTHETIC = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="synthetic">
  <edu id="e1"><![CDATA[We should do it]]></edu>
  <edu id="e2"><![CDATA[because it is cheap]]></edu>
  <edu id="e3"><![CDATA[and quick,]]></edu>
  <edu id="e4"><![CDATA[although some say it is risky,]]></edu>
  <edu id="e5"><![CDATA[which it is not.]]></edu>
  <edu id="e6"><![CDATA[Cheapness is beside the point.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>
  <adu id="a4" type="pro"/><adu id="a5" type="opp"/><adu id="a6" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="j1" type="seg"/>
  <edge id="c3" src="e3" trg="j1" type="seg"/>
  <edge id="c4" src="j1" trg="a2" type="seg"/>
  <edge id="c5" src="e4" trg="a3" type="seg"/>
  <edge id="c6" src="e5" trg="a4" type="seg"/>
  <edge id="c7" src="e6" trg="a5" type="seg"/>
  <edge id="c8" src="a2" trg="a1" type="sup"/>
  <edge id="c9" src="a3" trg="a1" type="reb"/>
  <edge id="c10" src="a4" trg="a3" type="reb"/>
  <edge id="c11" src="a5" trg="c8" type="und"/>
  <edge id="c12" src="a6" trg="c8" type="add"/>
</arggraph>
"""


def test_converter_maps_each_relation(tmp_path):
    path = tmp_path / "synthetic.xml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    m = argmap.loads(microtext_to_yaml(path), "synthetic.yaml")
    assert m.thesis.uid == "a1"
    (linked,) = m.thesis.premises
    assert linked.linked and [c.uid for c in linked.members] == ["a2", "a6"]
    assert m.claim("a2").text == "because it is cheap and quick,"  # a joint of two segments
    assert [c.uid for c in m.members(m.claim("a2").undercuts)] == ["a5"]
    assert [c.uid for c in m.members(m.thesis.objections)] == ["a3"]
    assert [c.uid for c in m.members(m.claim("a3").rebuttals)] == ["a4"]
