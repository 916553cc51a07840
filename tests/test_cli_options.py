"""The options users of ruff and yamllint expect: -h, -V, standard input, --output-file, --quiet,
--statistics, --exit-zero and --color (with NO_COLOR and FORCE_COLOR), through CliRunner and the
real process. Exit codes: 0 clean, 1 problems, 2 could not run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer.main

from argmap.cli.app import app
from argmap.cli.output import color_wanted
from argmap.limits import MAX_FILE_BYTES
from tests.helpers import ROOT
from tests.processes import argmap_process
from tests.samples import CLEAN, ERROR

SEED = "maps/bandow-iraq.yaml"  # relative: reports name it as given
ESC = "\x1b["

pytestmark = pytest.mark.usefixtures("in_project")  # paths in reports are as given: keep them relative


@pytest.fixture(autouse=True)
def no_colour_settings(monkeypatch):
    """Colour as the options alone decide it, whatever the shell running the tests sets."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def commands() -> list[str]:
    return list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", commands())
def test_h_is_help_on_every_command(run, command):
    short, long = run(command, "-h"), run(command, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "Example: argmap" in short.stdout


def test_h_and_capital_v_on_the_program(run):
    from argmap import __version__

    assert run("-h").stdout == run("--help").stdout and "-V, --version" in run("-h").stdout
    assert run("-V").stdout == run("--version").stdout == f"argmap {__version__}\n"


# -- standard input -------------------------------------------------------------------------------


def test_dash_reads_a_map_from_standard_input(run):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    from_stdin = run("check", "-", "--stdin-filename", SEED, input=text)
    assert from_stdin.exit_code == 1
    assert from_stdin.stdout == run("check", SEED).stdout  # named as the file, the same report
    unnamed = run("check", "-", "-f", "json", input=text)
    assert {p["file"] for p in json.loads(unnamed.stdout)["problems"]} == {"<stdin>"}


def test_stdin_filename_finds_settings_and_relative_source_files(run, tmp_path):
    (tmp_path / "argmap.toml").write_text('ignore = ["unsupported-premise"]\n', encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("The sky is green today.", encoding="utf-8")
    text = (
        "sources:\n  a: {author: A, file: texts/a.txt}\n"
        "thesis:\n  claim: T\n  premises:\n    - claim: P\n"
        "      evidence: [{quote: 'the sky is blue', source: a}]\n"
    )
    named = run("check", "-", "--stdin-filename", str(tmp_path / "m.yaml"), "-f", "json", input=text)
    rules = [p["rule"] for p in json.loads(named.stdout)["problems"]]
    assert rules == ["quote-not-found"]  # texts/a.txt found next to the named file; the premise rule off
    assert named.exit_code == 1


@pytest.mark.parametrize(
    "data, rule",
    [
        (b"thesis: [unclosed\n", "yaml-syntax"),
        (b"\xff\xfe\x00x", "not-utf8"),
        (b"", "empty-file"),
        (b"#" * (MAX_FILE_BYTES + 1), "file-too-large"),
    ],
    ids=["invalid", "utf-16", "empty", "too large"],
)
def test_bad_standard_input_exits_2_with_its_position(run, data, rule):
    result = run("check", "-", "--stdin-filename", "m.yaml", input=data)
    assert result.exit_code == 2 and f"[{rule}]" in result.stdout and result.stdout.startswith("m.yaml:")


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "-", SEED], "give it alone"),
        (["check", SEED, "--stdin-filename", "x.yaml"], "give - as the path"),
    ],
)
def test_stdin_misuse_exits_2(run, args, message):
    result = run(*args, input=CLEAN)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_standard_input_in_the_real_process():
    result = argmap_process("check", "-", "--stdin-filename", "maps/m.yaml", input=ERROR)
    assert result.returncode == 1 and result.stdout.startswith("maps/m.yaml:5:7: error [unsupported-premise]")


# -- --output-file --------------------------------------------------------------------------------


def test_output_file_gets_the_report_and_stdout_nothing(run, tmp_path):
    out = tmp_path / "report.json"
    result = run("check", SEED, "-f", "json", "--output-file", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("check", SEED, "-f", "json").stdout


def test_output_file_text_has_no_colour_unless_always(run, tmp_path):
    out = tmp_path / "report.txt"
    run("check", SEED, "-o", str(out), env={"FORCE_COLOR": "1"})
    assert ESC not in out.read_text(encoding="utf-8")
    run("check", SEED, "-o", str(out), "--color", "always")
    assert ESC in out.read_text(encoding="utf-8")


def test_output_file_never_overwrites_a_map_it_read(run, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(ERROR, encoding="utf-8")
    result = run("check", str(tmp_path), "--output-file", str(path))
    assert result.exit_code == 2 and "never overwrites" in result.stderr
    assert path.read_text(encoding="utf-8") == ERROR
    from_stdin = run("check", "-", "--stdin-filename", str(path), "-o", str(path), input=CLEAN)
    assert from_stdin.exit_code == 2 and path.read_text(encoding="utf-8") == ERROR


def test_output_file_in_a_missing_folder_exits_2(run, tmp_path):
    result = run("check", SEED, "-o", str(tmp_path / "no" / "report.txt"))
    assert result.exit_code == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr


# -- --quiet, --statistics, --exit-zero -----------------------------------------------------------


def test_quiet_prints_the_summary_line_only(run):
    assert run("check", SEED, "-q").stdout == "16 errors in 1 of 1 file.\n"
    assert run("check", "maps/tutorial-basics.yaml", "--quiet").stdout == "No problems in 1 file.\n"
    assert run("check", SEED, "-q").exit_code == 1


def test_statistics_counts_problems_per_rule(run):
    result = run("check", "maps/", "--statistics")
    lines = result.stdout.splitlines()
    problems = json.loads(run("check", "maps/", "-f", "json").stdout)["problems"]
    counted = {}
    for line in lines[: lines.index("")]:
        count, rule, severity = line.split()
        counted[rule] = int(count)
        assert severity == next(p["severity"] for p in problems if p["rule"] == rule)
    assert counted == {rule: sum(p["rule"] == rule for p in problems) for rule in counted}
    assert sum(counted.values()) == len(problems)
    assert [int(line.split()[0]) for line in lines[: lines.index("")]] == sorted(counted.values(), reverse=True)
    assert lines[-1] == "18 errors, 1 warning in 2 of 4 files." and result.exit_code == 1


@pytest.mark.parametrize(
    "options, message",
    [
        (["-q", "--statistics"], "choose one"),
        (["-q", "-f", "json"], "--quiet is for the text report"),
        (["--statistics", "-f", "sarif"], "--statistics is for the text report"),
    ],
)
def test_report_options_that_conflict_exit_2(run, options, message):
    result = run("check", SEED, *options)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize(
    "content, options, code",
    [(ERROR, [], 1), (ERROR, ["--exit-zero"], 0), (CLEAN, ["--exit-zero"], 0), ("thesis: [\n", ["--exit-zero"], 2)],
    ids=["errors", "errors-exit-zero", "clean-exit-zero", "unreadable-exit-zero"],
)
def test_exit_zero_keeps_2_for_could_not_run(run, tmp_path, content, options, code):
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("check", str(path), *options)
    assert result.exit_code == code
    assert result.stdout == run("check", str(path)).stdout  # the report itself is the same


def test_exit_zero_with_strict_still_exits_0(run, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CLEAN + "  objections:\n    - claim: O\n      assumption: true\n", encoding="utf-8")
    assert run("check", str(path), "--strict").exit_code == 1
    assert run("check", str(path), "--strict", "--exit-zero").exit_code == 0


# -- colour ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "choice, environ, terminal, expected",
    [
        ("always", {"NO_COLOR": "1"}, False, True),  # the option wins over everything
        ("never", {"FORCE_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins over FORCE_COLOR
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: as if unset
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("auto", {}, True, True),
        ("auto", {}, False, False),
    ],
)
def test_colour_precedence(choice, environ, terminal, expected):
    assert color_wanted(choice, environ, terminal) is expected


@pytest.mark.parametrize(
    "args, env, coloured",
    [
        ([], {}, False),  # CliRunner's output is not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ],
)
@pytest.mark.parametrize("command", [["check", SEED], ["show", SEED], ["eval", "maps/tutorial-eval.yaml"]])
def test_colour_in_every_coloured_command(run, command, args, env, coloured):
    result = run(*command, *args, env=env)
    assert (ESC in result.stdout) is coloured
    plain = run(*command, "--color", "never").stdout
    assert result.stdout == plain or ESC in result.stdout  # colour changes nothing but escape codes


def test_colour_never_touches_json(run):
    assert ESC not in run("check", SEED, "-f", "json", "--color", "always").stdout


def test_colour_in_the_real_process():
    env = {name: value for name, value in os.environ.items() if name != "NO_COLOR"} | {"FORCE_COLOR": "1"}
    forced = argmap_process("check", SEED, "-q", env=env)
    refused = argmap_process("check", SEED, "-q", "--color", "never", env=env)
    assert ESC in forced.stdout and ESC not in refused.stdout and forced.returncode == refused.returncode == 1


# -- shell completion -----------------------------------------------------------------------------


def test_show_completion_prints_a_script_for_the_shell(run):
    result = run("--show-completion", "bash", prog_name="argmap")
    assert result.exit_code == 0 and "_ARGMAP_COMPLETE=complete_bash" in result.stdout, result.output


def test_completion_completes_commands_and_options_in_the_real_process(tmp_path):
    program = "import sys; sys.argv[0] = 'argmap'; from argmap.cli import main; main()"

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - 1)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("argmap ev") == ["eval"]
    assert complete("argmap check --st") == ["--strict", "--stdin-filename", "--statistics"]


# -- plain output without rich --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("", "a\n", "no newline", "tab\there\n", "esc \x1b[31m red\n", "cr\rx\n", "trailing   \n\n"),
        *("東京" * 30_000 + "\n", "x" * 120_000 + "\n", "y" * 49_999, "short\n" + "z" * 60_000),
    ],
    ids=lambda text: repr(text[:12]),
)
@pytest.mark.parametrize("end", ["", "\n"])
def test_uncoloured_text_is_written_as_rich_writes_it(text, end):
    """The fast path for piped reports (plain text) gives rich's bytes, wrapped lines and tabs included."""
    import io

    from rich.console import Console
    from rich.text import Text

    from argmap.cli.output import as_text

    report = Text(text, style="bold")
    expected = io.StringIO()
    Console(file=expected, highlight=False, width=100_000, color_system=None).print(report, end=end)
    assert as_text(report, "never", end) == expected.getvalue()


@pytest.mark.parametrize("message", ["plain", "bell\x07 cr\r vt\x0b", ""], ids=["plain", "control codes", "empty"])
def test_the_text_report_is_what_appending_each_piece_makes(message):
    """formats.text builds its Text in one go; rich's Text.append, piece by piece, is the reference
    (the map's text made visible, its whitespace run together in the claim's line)."""
    from pathlib import Path

    from rich.text import Text

    from argmap.formats.text import STYLE, render, summary_line
    from argmap.problems import FileResult, Problem
    from argmap.visible import visible

    problems = (
        Problem("a\rb.yaml", 3, 4, "unsupported-premise", "error", message, "n\x08", "claim\x0c text"),
        Problem("c.yaml", 1, 1, "unanswered-objection", "warning", message),
    )
    results = [FileResult(Path("a.yaml"), problems, True)]
    expected = Text()
    for p in problems:
        expected.append(f"{visible(p.file)}:{p.line}:{p.column}: ", style="bold")
        expected.append(p.severity, style=STYLE[p.severity])
        expected.append(f" [{p.rule}] ", style="dim")
        expected.append(visible(p.message) + "\n")
        if p.claim is not None:
            expected.append(f'    "{visible(" ".join(p.claim.split()))}"', style="italic")
            expected.append(f"  ({visible(p.node)})\n" if p.node else "\n", style="dim")
    expected.append(summary_line(results))
    report = render(results)
    assert (report.plain, report.spans) == (expected.plain, expected.spans)
