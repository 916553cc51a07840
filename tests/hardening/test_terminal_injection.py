"""Issue 10, class 4: text from a map (or a settings file) never acts on the terminal that shows it.

Each hostile sequence is put in every field a report can quote (claim text, ref target, source key,
author and title, evidence, locator, an ignore list, an id, a key, a settings value) and every text
output is read back: the report, ``show``, ``eval``, the GitHub annotations and the error messages
on stderr, piped and coloured, and on a real pseudo-terminal. What is printed must hold no character
that acts instead of showing (controls, bidi overrides, line separators) and no line a map forged;
the sequence is shown as escapes instead (``\\x1b[2J``).
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT
from tests.processes import ARGMAP

FORGED = "maps/forged.yaml:1:1: error [forged] a line the map wrote"

#: name -> (what a map holds, how the report must show it)
HOSTILE = {
    "CSI: clear the screen": ("\x1b[2J", "\\x1b[2J"),
    "OSC 0: the window title": ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),
    "OSC 8: a hyperlink": (
        "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\",
        "\\x1b]8;;https://evil.example/\\x1b\\here\\x1b]8;;\\x1b\\",
    ),
    "NUL": ("a\x00b", "a\\x00b"),
    "8-bit CSI U+009B": ("\x9b2J", "\\x9b2J"),
    "8-bit OSC U+009D": ("\x9d0;owned\x9c", "\\x9d0;owned\\x9c"),
    "NEL U+0085": ("a\x85b", "a\\x85b"),
    "backspace and DEL": ("ab\x08\x08\x7fXY", "ab\\x08\\x08\\x7fXY"),
    "carriage return": ("hidden\rshown", "hidden\\rshown"),
    "newline forging a report line": ("x\n" + FORGED, "x\\n" + FORGED),
    "line separator U+2028": ("x\u2028" + FORGED, "x\\u2028" + FORGED),
    "right-to-left override": ("\u202egnp.exe", "\\u202egnp.exe"),
    "bidi isolate": ("\u2067abc\u2069", "\\u2067abc\\u2069"),
}
CASES = list(HOSTILE.values())
IDS = list(HOSTILE)

#: Every character that acts on a terminal instead of showing, besides the report's own newlines.
ACTING = {chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))} - {"\n"}
ACTING |= set("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: The colours rich writes with --color always: the only escape sequences a report may hold.
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def assert_harmless(output: str) -> None:
    """No character in ``output`` acts on a terminal (but its colours), and no line was forged."""
    shown = COLOUR.sub("", output)
    acting = sorted({character for character in shown if character in ACTING})
    assert not acting, f"characters that act on the terminal: {acting!r} in {shown!r}"
    for line in shown.split("\n"):
        assert not line.lstrip(" │├└─").startswith("maps/forged.yaml"), f"a forged line: {line!r}"


def q(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text)


def hostile_map(payload: str) -> str:
    """A map with ``payload`` in every field that a report, ``show`` or ``eval`` quotes."""
    return f"""argmap: 1
sources:
  src:
    author: {q("Author " + payload)}
    title: {q("Title " + payload)}
    date: "2020"
thesis:
  claim: {q("Thesis " + payload)}
  premises:
    - ref: {q("missing" + payload)}
    - id: lonely
      claim: {q("Premise " + payload)}
    - id: dangling
      claim: Hangs on nothing
      premises:
        - ref: {q("gone" + payload)}
    - id: backed
      claim: Backed
      ignore: [{q("no-such-rule" + payload)}]
      evidence:
        - text: {q("Evidence " + payload)}
          source: src
          locator: {q("p. 4 " + payload)}
        - quote: {q("Quote " + payload)}
          source: {q("nokey" + payload)}
"""


@pytest.fixture
def hostile(write: Callable[[str, str], Path]) -> Callable[[str], Path]:
    return lambda payload: write("hostile.yaml", hostile_map(payload))


REPORTS = [
    ("check",),
    ("check", "--color", "always"),
    ("check", "--format", "github"),
    ("show",),
    ("show", "--eval"),
    ("show", "--eval", "--color", "always"),
    ("eval",),
    ("eval", "--color", "always"),
]


@pytest.mark.parametrize("payload", [payload for payload, _ in CASES], ids=IDS)
@pytest.mark.parametrize("command", REPORTS, ids=" ".join)
def test_map_text_acts_on_no_report(run, hostile, command, payload):
    result = run(*command, hostile(payload))
    assert result.exit_code in (0, 1), result.stderr
    assert_harmless(result.stdout + result.stderr)


@pytest.mark.parametrize("payload, shown", CASES, ids=IDS)
def test_ref_target_is_shown_escaped_in_check_show_and_eval(run, hostile, payload, shown):
    path = hostile(payload)
    assert f"ref 'missing{shown}' names no claim" in run("check", path).stdout
    assert f"→ see missing{shown}" in run("show", path).stdout
    assert f"premise 'gone{shown}' names no claim" in run("eval", path).stdout


def test_github_annotations_are_one_line_each_and_forge_no_command(run, hostile):
    result = run("check", hostile("x\x1b[2J\n::error file=forged.yaml::forged\r\n::add-mask::x"), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any("file=forged.yaml" in line.partition("::")[2].partition("::")[0] for line in lines)
    assert_harmless(result.stdout)


LOAD_ERRORS = {
    "id": lambda payload: f"thesis:\n  id: {q('t' + payload)}\n  claim: A\n",
    "key": lambda payload: f"thesis:\n  claim: A\n  {q('key' + payload)}: 1\n",
}


@pytest.mark.parametrize("payload, shown", CASES, ids=IDS)
@pytest.mark.parametrize("field", LOAD_ERRORS)
@pytest.mark.parametrize("command", ["check", "show", "eval", "render"])
def test_load_errors_quote_the_map_escaped(run, write, tmp_path, command, field, payload, shown):
    path = write("bad.yaml", LOAD_ERRORS[field](payload))
    extra = ("-o", str(tmp_path / "out.svg")) if command == "render" else ()
    result = run(command, path, *extra)
    assert result.exit_code == 2
    assert shown in result.stdout + result.stderr
    assert_harmless(result.stdout + result.stderr)


@pytest.mark.parametrize("payload, shown", CASES, ids=IDS)
@pytest.mark.parametrize("command", ["check", "show"])
def test_settings_errors_quote_the_settings_escaped(run, tree, command, payload, shown):
    tree({"argmap.toml": f"select = [{q('no-such-rule' + payload)}]\n", "m.yaml": "thesis: {claim: A}\n"})
    result = run(command, "m.yaml")
    assert result.exit_code == 2
    assert f"unknown rule 'no-such-rule{shown}'" in result.stderr
    assert_harmless(result.stderr)


@pytest.mark.parametrize("format", ["text", "github"])
def test_a_report_written_to_a_file_is_escaped_too(run, hostile, tmp_path, format):
    report = tmp_path / "report.txt"
    run("check", hostile("\x1b[2J\n" + FORGED), "--format", format, "-o", report)
    assert_harmless(report.read_text(encoding="utf-8"))
    assert "\\x1b[2J" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command", [("check", "-f", "json"), ("check", "-f", "sarif"), ("eval", "-f", "json")], ids=" ".join
)
def test_json_reports_are_harmless_and_keep_the_text_exact(run, hostile, command):
    """JSON escapes C0 controls itself, and argmap the rest (C1, bidi, separators) as ``\\uXXXX``:
    printed on a terminal the report acts on nothing, and it parses back to the map's very text."""
    payload = "\x1b[2J\x00\x9b2J\x85\u202e\u2028\n" + FORGED
    result = run(*command, hostile(payload))
    assert_harmless(result.stdout)
    data = json.loads(result.stdout)
    if command[0] == "eval":
        texts = [label["claim"] for label in data["labels"]] + [label["reason"] for label in data["labels"]]
        assert "Thesis " + payload in texts and f"premise 'gone{payload}' names no claim" in texts
    else:
        problems = data["problems"] if command[-1] == "json" else data["runs"][0]["results"]
        messages = [problem["message"] if command[-1] == "json" else problem["message"]["text"] for problem in problems]
        assert f"ref 'missing{payload}' names no claim in this map" in messages


@pytest.mark.parametrize("command", [("check", "--color", "auto"), ("show", "--eval"), ("eval",)], ids=" ".join)
def test_on_a_real_terminal(hostile, command):
    """The real program writing to a pseudo-terminal (wrapped, coloured): nothing acts on it."""
    payload = "\x1b[2J\x1b]0;owned\x07\x9b2J\u202e\r\n" + FORGED
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    with subprocess.Popen(
        [*ARGMAP, *command, str(hostile(payload))], stdout=terminal, stderr=terminal, cwd=ROOT, env=env
    ) as process:
        os.close(terminal)
        received = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the program ended and closed its side
                break
            if not chunk:
                break
            received += chunk
        process.wait(timeout=60)
    os.close(controller)
    output = received.decode("utf-8").replace("\r\n", "\n")  # the terminal's own line ends
    assert process.returncode in (0, 1), output
    assert "\x1b[" in output  # coloured: this went through the terminal path
    assert_harmless(output)
    assert "\\x1b[2J" in output


HIDDEN_TEXT = st.text(
    # what acts on a terminal, what does not though it looks odd (zero-width space, a bidi mark, a
    # no-break space, an emoji), and characters that quoting and GitHub's escapes care about
    alphabet=st.sampled_from(sorted(ACTING | set("\n\r\t ab:[]\\'\"%,é€\u200b\u200f\u00a0\U0001f600"))),
    min_size=1,
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=HIDDEN_TEXT)
def test_any_text_in_any_field_is_harmless(run, tmp_path, payload):
    path = tmp_path / "fuzzed.yaml"
    path.write_text(hostile_map(payload), encoding="utf-8")
    for command in (("check",), ("check", "-f", "github"), ("show", "--eval"), ("eval",)):
        result = run(*command, path)
        assert result.exit_code in (0, 1, 2)
        assert_harmless(result.stdout + result.stderr)
