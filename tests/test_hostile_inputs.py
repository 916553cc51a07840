"""A catalogue of hostile inputs: each gives one exact, clear error (exit 2), never a hang or a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from argmap import limits
from argmap.cli.app import app

BILLION_LAUGHS = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    + ["thesis: {claim: A}"]
)
CLAIM_BOMB = "\n".join(  # aliases to claims nest exponentially: refused before any expansion
    ["thesis:", "  claim: T", "  premises:", "    - &c0 {claim: C, assumption: true}"]
    + [f"    - &c{i} {{claim: C{i}, premises: [*c{i - 1}, *c{i - 1}]}}" for i in range(1, 30)]
)

CATALOGUE = [
    # (name, file content, rule, line, column)
    ("billion laughs", BILLION_LAUGHS, "alias-bomb", 7, 5),
    ("claims repeated through aliases", CLAIM_BOMB, "alias-bomb", 22, 35),
    (
        "10,000-deep flow nesting",
        "thesis:\n  claim: A\n  note: " + "[" * 10000 + "]" * 10000 + "\n",
        "too-deep",
        3,
        507,
    ),
    ("10,000-deep block nesting", "thesis:\n  claim: A\n  tags:\n    " + "- " * 10000 + "x\n", "too-deep", 4, 1001),
    ("498-deep flow nesting", "thesis:\n  claim: A\n  note: " + "[" * 498 + "]" * 498 + "\n", "wrong-type", 3, 9),
    (
        "1,500 claims nested",
        "thesis:\n  claim: c0\n"
        + "".join(" " * (2 * i) + f"premises:\n{' ' * (2 * i)}- claim: c{i}\n" for i in range(1, 1500)),
        "too-deep",
        502,
        501,
    ),
    ("NUL byte", b"thesis:\n  claim: A\x00B\n", "not-text", 2, 11),
    ("invalid UTF-8", b"thesis:\n  claim: \xc3\x28\n", "not-utf8", 2, 10),
    ("UTF-16 with BOM", "thesis:\n  claim: A\n".encode("utf-16-le").join([b"\xff\xfe", b""]), "not-utf8", 1, 1),
    ("UTF-16 big-endian BOM", b"\xfe\xff" + "thesis: {claim: A}\n".encode("utf-16-be"), "not-utf8", 1, 1),
    ("!!python/object", "thesis: !!python/object/apply:os.system ['echo owned']\n", "yaml-tag", 1, 9),
    ("!!python/name on a claim", "thesis:\n  claim: !!python/name:builtins.print\n", "yaml-tag", 2, 10),
    ("!!binary", "thesis:\n  claim: !!binary aGVsbG8=\n", "yaml-tag", 2, 10),
    ("!!set", "thesis: !!set {a, b}\n", "yaml-tag", 1, 9),
    ("merge key", "base: &b {claim: A}\nthesis:\n  <<: *b\n  claim: B\n", "unknown-key", 1, 1),
    ("key that is a mapping", "thesis:\n  claim: A\n  ? {a: b}\n  : c\n", "wrong-type", 3, 5),
    ("key that is a number", "thesis:\n  claim: A\n  3: x\n", "wrong-type", 3, 3),
    ("id that is a number", "thesis:\n  id: 17\n  claim: A\n", "wrong-type", 2, 7),
    ("id that is a float", "thesis:\n  id: 1.5\n  claim: A\n", "wrong-type", 2, 7),
    ("id with markup", "thesis:\n  id: <script>\n  claim: A\n", "invalid-id", 2, 7),
    ("very long line", "thesis:\n  claim: " + "x" * 2_000_000 + "\n  bogus: 1\n", "unknown-key", 3, 3),
    ("control character", "thesis:\n  claim: A\x07B\n", "yaml-syntax", 2, 11),
    ("two documents", "thesis: {claim: A}\n...\n---\nthesis: {claim: B}\n", "yaml-syntax", 3, 1),
]


@pytest.mark.parametrize("content, rule, line, column", [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_hostile_input_gives_its_exact_error(tmp_path, content, rule, line, column):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["rule"] == rule, problem
    if line is not None:
        assert (problem["line"], problem["column"]) == (line, column)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # 50 MB, written sparsely so the test stays fast
        handle.truncate(50 * 1024 * 1024)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["rule"] == "file-too-large" and "MAX_FILE_BYTES" in problem["message"]


def test_too_many_claims(monkeypatch, tmp_path):
    monkeypatch.setattr(limits, "MAX_CLAIMS", 5)
    monkeypatch.setattr("argmap.reading.builder.MAX_CLAIMS", 5)
    path = tmp_path / "m.yaml"
    path.write_text("thesis:\n  claim: T\n  premises:\n" + "".join(f"    - claim: C{i}\n" for i in range(10)))
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2 and json.loads(result.stdout)["problems"][0]["rule"] == "too-many-claims"


def test_claims_nested_too_deep(tmp_path):
    depth = limits.MAX_CLAIM_DEPTH + 5
    lines = ["thesis:"]
    for level in range(depth):
        pad = "  " + "    " * level
        lines += [f"{pad}claim: C{level}", f"{pad}premises:", f"{pad}  - "]
    text = "\n".join(lines)[: -len("  - ")] + "  - claim: leaf\n"
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["problems"][0]["rule"] == "too-deep"


def test_a_map_that_is_a_directory(tmp_path):
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    result = CliRunner().invoke(app, ["show", str(folder)])
    assert result.exit_code == 2 and "[unreadable] this is a directory" in result.stderr


def test_symlink_loops_in_files_and_folders(tmp_path):
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 2 and data["files"] == 1 and data["problems"][0]["rule"] == "unreadable"


def test_a_file_that_vanishes_before_it_is_read(tmp_path, monkeypatch):
    from argmap import files

    (tmp_path / "gone.yaml").write_text("thesis: {claim: A}\n")
    real_walk = files.walk

    def walk_then_delete(paths):
        found = real_walk(paths)
        (tmp_path / "gone.yaml").unlink()
        return found

    monkeypatch.setattr(files, "empty_folders", lambda paths: [])
    monkeypatch.setattr(files, "walk", walk_then_delete)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["problems"][0]["message"] == "no such file"


def test_markup_in_claims_stays_text_in_every_report(tmp_path):
    text = (
        'thesis:\n  claim: "[bold]x[/bold] <script>alert(1)</script> & \\" \\\\l } ]"\n'
        '  premises:\n    - claim: "[red]y"\n'
    )
    path = tmp_path / "m.yaml"
    path.write_text(text)
    runner = CliRunner()
    report = runner.invoke(app, ["check", str(path)]).stdout
    assert '"[red]y"' in report
    shown = runner.invoke(app, ["show", str(path)]).stdout
    assert '[bold]x[/bold] <script>alert(1)</script> & " \\l } ]' in shown
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert data["problems"][0]["node"] == "#thesis/p1"


def test_no_traceback_even_from_a_subprocess(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\x00\x01\x02")
    result = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr + result.stdout


def _deep_kialo(depth: int) -> str:
    numbers = [".".join(["1"] * level) for level in range(1, depth + 2)]
    return "Discussion Title: T\n\n" + "".join(f"{n}. Pro: claim {n}\n" for n in numbers)


def _deep_aif(depth: int) -> str:
    nodes = [{"nodeID": f"i{k}", "text": f"claim {k}", "type": "I"} for k in range(depth + 2)]
    nodes += [{"nodeID": f"r{k}", "text": "Default Inference", "type": "RA"} for k in range(depth + 1)]
    edges = [
        edge
        for k in range(depth + 1)
        for edge in ({"fromID": f"i{k + 1}", "toID": f"r{k}"}, {"fromID": f"r{k}", "toID": f"i{k}"})
    ]
    return json.dumps({"nodes": nodes, "edges": edges})


@pytest.mark.parametrize(
    ("name", "text", "what"),
    [
        ("deep.txt", _deep_kialo(limits.MAX_CLAIM_DEPTH + 5), "claims"),
        ("deep.json", _deep_aif(limits.MAX_CLAIM_DEPTH + 5), "claims"),
        ("deep.argdown", "[T]: t\n" + "".join(f"{'  ' * k}+ [P{k}]: p{k}\n" for k in range(1, 110)), "statements"),
    ],
)
def test_other_formats_nested_too_deep_name_the_limit(tmp_path, name, text, what):
    # Once the Kialo and AIF messages said "more than MAX_CLAIM_DEPTH levels" without the number.
    path = tmp_path / name
    path.write_text(text)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["rule"] == "too-deep"
    assert problem["message"] == f"{what} nest more than {limits.MAX_CLAIM_DEPTH} levels deep (MAX_CLAIM_DEPTH)"


_LAUGHS = "{a0: &a0 [l, l, l, l, l, l, l, l, l], " + ", ".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)
)
_DEEP = "[" * (limits.MAX_YAML_DEPTH + 10) + "]" * (limits.MAX_YAML_DEPTH + 10)


@pytest.mark.parametrize(
    ("text", "rule", "line"),
    [
        (f"[T]: A thesis.\n  + [P]: A premise. {_LAUGHS}}}\n", "alias-bomb", 2),
        (f"[T]: A thesis.\n  + [P]: A premise. {{a: {_DEEP}}}\n", "too-deep", 2),
        (f"===\ntitle: T\nx: {_LAUGHS}}}\n===\n\n[T]: A thesis.\n", "alias-bomb", 3),
        (f"===\ntitle: T\nx: {_DEEP}\n===\n\n[T]: A thesis.\n", "too-deep", 3),
    ],
    ids=["data-laughs", "data-deep", "front-matter-laughs", "front-matter-deep"],
)
def test_yaml_inside_argdown_has_the_guards_of_a_map(tmp_path, text, rule, line):
    # Once yaml.safe_load read it: a billion laughs in one statement's data took 6 GB and did not end,
    # and deep front matter was a RecursionError traceback.
    path = tmp_path / "d.argdown"
    path.write_text(text)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["rule"], problem["line"]) == (rule, line)


def test_json_nested_past_the_stack_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(
        '{"nodes": [{"nodeID": "1", "type": "I", "text": ' + "[" * 100_000 + "]" * 100_000 + '}], "edges": []}'
    )
    for command in ("check", "convert"):
        result = CliRunner().invoke(app, [command, str(path)])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "error [too-deep] the JSON nests too deeply to read" in result.output + result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("brackets.argdown", "[T]: " + "[" * 100_000 + "\n"),
        ("links.argdown", "[T]: " + "[a](" * 25_000 + "\n"),
        ("comments.argdown", "[T]: t " + "<!--" * 25_000 + "/*" * 25_000 + "\n"),
        ("brackets.txt", "Discussion Title: T\n\n1. " + "[" * 100_000 + "\n"),
        ("links.txt", "Discussion Title: T\n\n1. " + "[a](" * 25_000 + "\n"),
    ],
)
def test_brackets_and_comment_openers_are_read_in_linear_time(tmp_path, name, text):
    # Regular expressions once tried every '[' (or '<!--') against the rest of the text: 100 KB of
    # '[' took 14 s in Argdown (about 10 min in Kialo). Now a fraction of a second; 10 s is far above.
    path = tmp_path / name
    path.write_text(text)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1 and json.loads(result.stdout)["problems"][0]["rule"] == "unsupported-thesis"
