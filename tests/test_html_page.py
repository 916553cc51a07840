"""The interactive page as data and as text: what it embeds, how safely, and ``argmap render -f html``.

What the page does in a browser is tested in tests/test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

import argmap
from argmap.config import for_map
from argmap.diagram import style as diagram_style
from argmap.html import html_page, view_data
from argmap.html.page import SCRIPT_PARTS, embedded_json
from argmap.html.palette import palette_variables
from argmap.marks import STATUS_LOOKS
from tests.helpers import MAPS, ROOT, load_text

SEED = MAPS / "bandow-iraq.yaml"
#: The interactive view the README links to; regenerated with this command.
DOCS_PAGE = "argmap render maps/bandow-iraq.yaml -f html -o docs/bandow-iraq.html"
#: The issue's budget for all the page's script together.
MAX_SCRIPT_BYTES = 250_000

pytestmark = pytest.mark.usefixtures("in_project")  # the commands name maps relative to the root

MAP = """\
    title: A test
    sources:
      s: {author: Ann Author, title: A Book, date: "2021-02-03", url: "https://example.org/book"}
    thesis:
      id: t
      claim: The thesis.
      premises:
        - id: p
          claim: A premise with a quote.
          evidence:
            - {quote: "words said", source: s, locator: p. 4}
        - linked:
            - {id: a, claim: First co-premise., assumption: true}
            - {id: b, claim: Second co-premise., assumption: true}
        - ref: p
      objections:
        - id: o
          claim: An objection nobody answers.
          assumption: true
"""


def page_data(text: str = MAP) -> dict:
    m = load_text(text)
    return view_data(m, argmap.check(m), argmap.evaluate(m))


def test_view_data_holds_the_forest_evidence_problems_and_labels():
    data = page_data()
    assert data["roots"] == ["t"] and data["title"] == "A test"
    t = data["claims"]["t"]
    assert [(c["uid"], c["relation"], c["ref"]) for c in t["children"]] == [
        ("p", "premises", False),
        ("a", "premises", False),
        ("b", "premises", False),
        ("p", "premises", True),
        ("o", "objections", False),
    ]
    groups = [c["group"] for c in t["children"]]
    assert groups[0] is None and groups[1] == groups[2] is not None and groups[3] is None
    (evidence,) = data["claims"]["p"]["evidence"]
    assert evidence["text"] == "words said" and evidence["quote"] and evidence["locator"] == "p. 4"
    assert evidence["source"]["author"] == "Ann Author" and evidence["source"]["citation"] == "Ann Author (2021)"
    assert [p["rule"] for p in data["claims"]["o"]["problems"]] == ["unanswered-objection"]
    assert data["claims"]["o"]["label"]["status"] == "accepted"
    assert data["claims"]["t"]["label"] == {"status": "rejected", "reason": data["claims"]["t"]["label"]["reason"]}
    assert data["verdict"].startswith("the thesis is refuted")
    assert {p["rule"] for p in data["problems"]} >= {"unanswered-objection"}
    json.dumps(data)  # everything is JSON


def test_view_data_refuses_an_unknown_setting():
    m = load_text(MAP)
    with pytest.raises(TypeError, match="colour"):
        view_data(m, [], None, colour=False)


HOSTILE = "</script><script>alert(1)</script> <!-- & \u2028 \u2029 <img src=x onerror=alert(2)>"


def test_no_map_text_reaches_the_markup():
    text = MAP.replace("The thesis.", json.dumps(HOSTILE)).replace("title: A test", f"title: {json.dumps(HOSTILE)}")
    page = html_page(page_data(text))
    assert "<img" not in page and "alert(1)</script>" not in page and "\u2028" not in page
    assert page.count("<script") == 3  # the data, the live address, the code
    data = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S)
    assert data is not None and json.loads(data.group(1))["title"] == HOSTILE


def test_embedded_json_escapes_what_could_end_the_element():
    assert embedded_json("</script>&\u2028\u2029") == '"\\u003c/script\\u003e\\u0026\\u2028\\u2029"'


def csp(page: str) -> dict[str, str]:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert found is not None
    return {part.split()[0]: part.split(" ", 1)[1] for part in found.group(1).split("; ")}


def test_the_policy_allows_only_the_inline_code_by_its_hashes():
    page = html_page(page_data())
    policy = csp(page)
    assert policy["default-src"] == "'none'" and "connect-src" not in policy
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        codes = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        assert len(codes) == 1
        digest = base64.b64encode(hashlib.sha256(codes[0].encode()).digest()).decode()
        assert policy[directive] == f"'sha256-{digest}'"


def test_a_live_page_may_connect_to_its_own_server_only():
    page = html_page(page_data(), live_url="/events/a.yaml")
    assert csp(page)["connect-src"] == "'self'"
    assert '<script type="application/json" id="argmap-live">"/events/a.yaml"</script>' in page


def test_all_the_script_fits_the_budget():
    page = html_page(page_data())
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert 0 < sum(len(code.encode()) for code in scripts) <= MAX_SCRIPT_BYTES


def test_render_writes_the_page_without_a_layout_program(run, tmp_path):
    out = tmp_path / "map.html"
    result = run("render", "maps/tutorial-basics.yaml", "-o", out, env={"PATH": ""})
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page


def test_render_html_to_standard_output_and_by_format(run):
    result = run("render", "maps/tutorial-basics.yaml", "-f", "html", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_render_html_settings_reach_the_page(run):
    result = run(
        "render", "maps/bandow-iraq.yaml", "-f", "html", "-o", "-", "--no-evidence", "--depth", "1",
        "--focus", "cursed-policy", "--direction", "LR",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found = re.search(r'id="argmap-data">(.*?)</script>', result.stdout, re.S)
    assert found is not None
    settings = json.loads(found.group(1))["settings"]
    assert settings == {**settings, "evidence": False, "depth": 1, "focus": "cursed-policy", "direction": "LR"}


def test_render_html_refuses_an_unknown_focus_and_writes_nothing(run, tmp_path):
    out = tmp_path / "map.html"
    result = run("render", "maps/bandow-iraq.yaml", "--focus", "cursed-polcy", "-o", out)
    assert result.exit_code == 2 and "cursed-policy" in result.stderr and not out.exists()


def test_the_problems_on_the_page_are_those_of_argmap_check(run):
    m = argmap.load("maps/bandow-iraq.yaml")
    expected = argmap.check(m, for_map(m.path))
    found = re.search(
        r'id="argmap-data">(.*?)</script>', run("render", "maps/bandow-iraq.yaml", "-f", "html", "-o", "-").stdout, re.S
    )
    assert found is not None
    shown = json.loads(found.group(1))["problems"]
    assert [(p["line"], p["column"], p["rule"]) for p in shown] == [(p.line, p.column, p.rule) for p in expected]


def test_the_published_interactive_view_is_up_to_date(run, request):
    import shlex

    args = shlex.split(DOCS_PAGE)[1:]
    out = args.index("-o")
    result = run(*args[:out], "-o", "-")
    assert result.exit_code == 0, result.stderr
    committed = ROOT / args[out + 1]
    if request.config.getoption("--regen-golden"):
        committed.write_bytes(result.stdout_bytes)
    assert committed.exists() and result.stdout_bytes == committed.read_bytes(), (
        f"{committed.name} is out of date; run: {DOCS_PAGE} (or python -m pytest --regen-golden)"
    )


@pytest.mark.parametrize(
    "args, imported",
    [
        (["check", "maps/tutorial-basics.yaml"], False),
        (["render", "maps/tutorial-basics.yaml", "-f", "dot", "-o", "-"], False),
        (["render", "maps/tutorial-basics.yaml", "-f", "html", "-o", "-"], True),
    ],
)
def test_only_the_html_format_imports_the_page(args, imported):
    import subprocess
    import sys

    # -X importtime lists every module as it is imported (the command ends by os._exit: no hook after it)
    command = [sys.executable, "-X", "importtime", "-m", "argmap", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert bool(re.search(r"\|\s+argmap\.html\b", done.stderr)) is imported


def page_style(page: str) -> str:
    match = re.search(r"<style>(.*?)</style>", page, re.S)
    assert match, "the page has no inline stylesheet"
    return match.group(1)


def test_the_page_draws_in_the_colours_of_the_static_diagram():
    style_sheet = page_style(html_page(page_data()))
    root = re.match(r":root \{(.*?)\}", style_sheet, re.S)
    assert root, "the stylesheet does not open with the palette"
    defined = dict(re.findall(r"--([\w-]+): ([^;]+);", root.group(1)))
    rules = dict(re.findall(r"^([^{\n]+?) \{ ([^}]*) \}$", style_sheet, re.M))
    for role, look in diagram_style.ROLES.items():
        assert (defined[f"{role}-fill"], defined[f"{role}-border"]) == (look.fill, look.border), role
        declarations = rules[f".am .node.role-{role} > rect.box"]
        assert f"fill: var(--{role}-fill);" in declarations and f"stroke: var(--{role}-border);" in declarations
    for relation, arrow in diagram_style.RELATIONS.items():
        assert defined[f"{relation}-line"] == arrow.colour, relation
        assert f"stroke: var(--{relation}-line);" in rules[f".am .edge.rel-{relation}"], relation
    assert defined["evidence-fill"] == diagram_style.EVIDENCE.fill
    for status, look in STATUS_LOOKS.items():
        assert defined[f"status-{status}"] == look.colour, status
    assert page_data()["line_colours"] == {rel: arrow.colour_name for rel, arrow in diagram_style.RELATIONS.items()}


#: A colour written out: ``#c62828``, ``#fff``, ``rgb(...)``, ``hsl(...)`` (not an entity ``&#215;``).
COLOUR_LITERAL = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{3}){1,2}\b(?!%)|\b(?:rgba?|hsla?)\(")


@pytest.mark.parametrize("asset", ["view.css", *SCRIPT_PARTS])
def test_the_page_names_colours_only_through_the_palette(asset):
    text = (ROOT / "argmap" / "html" / "static" / asset).read_text(encoding="utf-8")
    assert not COLOUR_LITERAL.findall(text), f"{asset} writes a colour; add it to argmap/html/palette.py"
    used = set(re.findall(r"var\(--([\w-]+)\)", text))
    assert used <= palette_variables().keys(), f"{asset} names undefined colours: {used - palette_variables().keys()}"


def test_the_key_names_no_colour_of_its_own():
    core = (ROOT / "argmap" / "html" / "static" / "core.js").read_text(encoding="utf-8")
    edge_words = core[core.index("var EDGE_WORDS") : core.index("};", core.index("var EDGE_WORDS"))]
    colour_names = {arrow.colour_name for arrow in diagram_style.RELATIONS.values()} | {"blue", "yellow"}
    assert not [name for name in colour_names if re.search(rf"\b{name}\b", edge_words)]
