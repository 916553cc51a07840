"""Class 3 of issue 10: a map must not make argmap read, or print, files the user did not point at.

A source's ``file:`` is read only inside the map's folder, the settings file's folder or a folder
``source-roots`` names; a text found by key only inside the sources folder; only regular files of
at most MAX_SOURCE_BYTES. Each refusal is an ``unreadable-source-file`` problem at the ``file:``,
and the closest passage of a quote that is not found never shows text from a refused file.
"""

from __future__ import annotations

import json
import os
import textwrap

import pytest

from tests.processes import argmap_process

SECRET = "hunter2 swordfish correct horse battery staple"
RULE = "unreadable-source-file"


def quoting(file: str, quote: str = "hunter2 swordfish correct horse", key: str = "s") -> str:
    """A map whose one source has ``file: FILE`` and whose thesis quotes it (line 2 holds the file)."""
    return textwrap.dedent(
        f"""\
        sources:
          {key}: {{author: X, file: {json.dumps(file)}}}
        thesis:
          id: t
          claim: T
          evidence:
            - quote: {json.dumps(quote)}
              source: {json.dumps(key)}
        """
    )


@pytest.fixture
def project(tmp_path, monkeypatch):
    """``tmp/project`` (the working folder) and, beside it, ``tmp/outside/secret.txt`` holding SECRET."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "project"
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "own.txt").write_text("It is time to bring home America's forces.", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def report(run, *args: str) -> tuple[int, list[dict], str]:
    """Exit code, the problems of ``argmap check --format json ARGS``, and everything printed."""
    result = run("check", "--format", "json", *args)
    problems = json.loads(result.stdout)["problems"] if result.stdout.strip() else []
    return result.exit_code, problems, result.stdout + result.stderr


def refusals(problems: list[dict]) -> list[tuple[int, int, str]]:
    return [(p["line"], p["column"], p["message"]) for p in problems if p["rule"] == RULE]


@pytest.mark.parametrize(
    "file",
    ["../outside/secret.txt", "texts/../../outside/secret.txt", "{tmp}/outside/secret.txt"],
    ids=["dotdot", "dotdot-inside-a-folder", "absolute"],
)
def test_a_file_outside_the_project_is_refused_and_never_printed(run, project, file):
    file = file.format(tmp=project.parent)
    (project / "m.yaml").write_text(quoting(file), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml")
    assert SECRET.split()[0] not in printed
    (refused,) = refusals(problems)
    assert code == 1 and refused[:2] == (2, 24) and "outside" in refused[2]
    unchecked = [(p["rule"], p["line"], p["column"]) for p in problems if p["rule"] != RULE]
    assert unchecked == [("quote-not-found", 7, 7)]  # "quotes of source 's' not checked", not a passage


@pytest.mark.parametrize("file", ["../outside/secret.txt", "texts/pipe.txt"])
def test_quote_not_found_alone_does_not_pass_an_unchecked_quote(run, project, file):
    """The README's ``--ignore ALL --select quote-not-found`` runs without unreadable-source-file."""
    os.mkfifo(project / "texts" / "pipe.txt")
    (project / "m.yaml").write_text(quoting(file, "a quote nobody ever wrote"), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml", "--ignore", "ALL", "--select", "quote-not-found")
    assert code == 1 and [p["rule"] for p in problems] == ["quote-not-found"]
    assert "not checked" in problems[0]["message"] and "hunter2" not in printed


@pytest.mark.parametrize("format", ["text", "github", "sarif"])
def test_no_format_prints_an_outside_file(run, project, format):
    (project / "m.yaml").write_text(quoting("../outside/secret.txt"), encoding="utf-8")
    result = run("check", "m.yaml", "--format", format)
    assert result.exit_code == 1 and RULE in result.stdout
    assert "hunter2" not in result.stdout + result.stderr


def test_proc_self_environ_is_refused_in_a_real_process(project):
    (project / "m.yaml").write_text(quoting("/proc/self/environ", quote="ARGMAP_CI_TOKEN=abc"), encoding="utf-8")
    env = {**os.environ, "ARGMAP_CI_TOKEN": "s3cr3t-t0ken-value"}
    done = argmap_process("check", "m.yaml", "--format", "github", cwd=project, env=env, timeout=60)
    assert done.returncode == 1 and RULE in done.stdout
    assert "s3cr3t" not in done.stdout + done.stderr


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_symlink_that_leads_out_is_refused(run, project, link):
    if link == "file":
        (project / "texts" / "notes.txt").symlink_to(project.parent / "outside" / "secret.txt")
    else:
        (project / "texts" / "notes").symlink_to(project.parent / "outside")
    name = "texts/notes.txt" if link == "file" else "texts/notes/secret.txt"
    (project / "m.yaml").write_text(quoting(name), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml")
    assert code == 1 and len(refusals(problems)) == 1 and "hunter2" not in printed


def test_whether_an_outside_file_exists_is_not_told(run, project):
    (project / "a.yaml").write_text(quoting("../outside/secret.txt"), encoding="utf-8")
    (project / "b.yaml").write_text(quoting("../outside/no-such-file.txt"), encoding="utf-8")
    _, problems, _ = report(run, "a.yaml", "b.yaml")
    assert [p["rule"] for p in problems] == [RULE, "quote-not-found"] * 2
    assert [p["message"].replace("no-such-file", "secret") for p in problems[2:]] == [
        p["message"] for p in problems[:2]
    ]


def test_an_inline_source_outside_is_refused_at_its_file(run, project):
    text = "thesis:\n  id: t\n  claim: T\n  evidence:\n    - quote: hunter2\n"
    text += "      source: {file: ../outside/secret.txt}\n"
    (project / "m.yaml").write_text(text, encoding="utf-8")
    code, problems, printed = report(run, "m.yaml")
    assert code == 1 and [(p["line"], p["node"]) for p in problems if p["rule"] == RULE] == [(6, "t")]
    assert "hunter2 swordfish" not in printed


def test_a_source_key_cannot_climb_out_of_the_sources_folder(run, project):
    (project / "library").mkdir()
    (project.parent / "outside" / "secret.txt").rename(project / "secret.txt")  # above the sources folder
    text = quoting("", key="../secret").replace(', file: ""', "")
    (project / "m.yaml").write_text(text, encoding="utf-8")
    code, problems, printed = report(run, "m.yaml", "--sources", "library")
    assert code == 1 and [p["line"] for p in problems if p["rule"] == RULE] == [2]
    assert "swordfish" not in printed


def test_a_symlink_in_the_sources_folder_that_leads_out_is_refused(run, project):
    (project / "library").mkdir()
    (project / "library" / "s.txt").symlink_to(project.parent / "outside" / "secret.txt")
    (project / "m.yaml").write_text(quoting("", key="s").replace(', file: ""', ""), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml", "--sources", "library")
    assert code == 1 and len(refusals(problems)) == 1 and "swordfish" not in printed


def test_the_settings_folder_is_inside_and_source_roots_allow_more(run, project):
    (project / "maps").mkdir()
    (project / "maps" / "m.yaml").write_text(quoting("../texts/own.txt", "bring home America's forces"))
    (project / "maps" / "o.yaml").write_text(quoting("../../outside/secret.txt", "hunter2 swordfish"))
    code, problems, _ = report(run, "maps")
    assert code == 1 and [p["file"] for p in problems if p["rule"] == RULE] == ["maps/m.yaml", "maps/o.yaml"]
    (project / "argmap.toml").write_text("", encoding="utf-8")  # the project's folder: ../texts is inside
    code, problems, _ = report(run, "maps")
    assert code == 1 and [p["file"] for p in problems if p["rule"] == RULE] == ["maps/o.yaml"]
    (project / "argmap.toml").write_text('source-roots = ["../outside"]\n', encoding="utf-8")
    assert report(run, "maps")[:2] == (0, [])


@pytest.mark.parametrize("file", [".git/config", ".env", "texts/.secret/notes.txt", "texts/link.txt"])
def test_hidden_files_inside_the_project_are_refused(run, project, file):
    """A CI checkout keeps its token in .git/config, and secrets are written to .env."""
    for hidden in (".git/config", ".env", "texts/.secret/notes.txt"):
        (project / hidden).parent.mkdir(parents=True, exist_ok=True)
        (project / hidden).write_text(f"extraheader = AUTHORIZATION: basic {SECRET}\n", encoding="utf-8")
    (project / "texts" / "link.txt").symlink_to(project / ".env")
    (project / "m.yaml").write_text(quoting(file, "AUTHORIZATION basic hunter2"), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml")
    (refused,) = refusals(problems)
    assert code == 1 and "hidden" in refused[2] and "swordfish" not in printed
    assert "swordfish" not in run("check", "m.yaml", "--format", "github").stdout


def test_a_fifo_is_refused_without_blocking(project):
    os.mkfifo(project / "texts" / "pipe.txt")
    (project / "m.yaml").write_text(quoting("texts/pipe.txt"), encoding="utf-8")
    done = argmap_process("check", "m.yaml", cwd=project, timeout=60)
    assert done.returncode == 1 and RULE in done.stdout and "FIFO" in done.stdout


def test_a_device_reached_through_a_symlink_is_refused(run, project):
    (project / "texts" / "zero.txt").symlink_to("/dev/zero")
    (project / "m.yaml").write_text(quoting("texts/zero.txt"), encoding="utf-8")
    code, problems, _ = report(run, "m.yaml")
    assert code == 1 and len(refusals(problems)) == 1


def test_a_huge_sparse_text_is_refused_by_its_size_before_reading(run, project):
    with open(project / "texts" / "big.txt", "wb") as handle:
        handle.truncate(1 << 30)  # 1 GiB of nothing, as the review's sparse file
    (project / "m.yaml").write_text(quoting("texts/big.txt"), encoding="utf-8")
    code, problems, _ = report(run, "m.yaml")
    (refused,) = refusals(problems)
    assert code == 1 and "MAX_SOURCE_BYTES" in refused[2] and "1 GiB" in refused[2]


def test_a_text_just_under_the_limit_is_read(run, project):
    from argmap.limits import MAX_SOURCE_BYTES

    (project / "texts" / "edge.txt").write_bytes(b"x " * (MAX_SOURCE_BYTES // 2 - 8) + b"hunter2")
    (project / "m.yaml").write_text(quoting("texts/edge.txt", "hunter2"), encoding="utf-8")
    assert report(run, "m.yaml")[:2] == (0, [])


def test_an_unreadable_text_is_reported_not_silently_skipped(run, project, monkeypatch):
    """Permission denied (root reads everything, so the refusal is injected where the file is opened)."""
    from argmap.sources import safe_read

    real_open = os.open

    def denied(path, flags, *args):
        if str(path).endswith("own.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(safe_read.os, "open", denied)
    (project / "m.yaml").write_text(quoting("texts/own.txt", "a quote nobody ever wrote"), encoding="utf-8")
    code, problems, _ = report(run, "m.yaml")
    (refused,) = refusals(problems)
    assert code == 1 and "permission denied" in refused[2]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any file")
def test_an_unreadable_text_for_real(run, project):
    (project / "texts" / "own.txt").chmod(0)
    (project / "m.yaml").write_text(quoting("texts/own.txt", "a quote nobody ever wrote"), encoding="utf-8")
    code, problems, _ = report(run, "m.yaml")
    assert code == 1 and len(refusals(problems)) == 1


@pytest.mark.parametrize("file", ["x" * 5000, "a\u0000b", "x/" * 3000], ids=["long-name", "nul", "long-path"])
def test_impossible_file_names_are_problems_at_the_file(run, project, file):
    (project / "m.yaml").write_text(quoting(file), encoding="utf-8")
    code, problems, printed = report(run, "m.yaml")
    assert code == 1 and "Traceback" not in printed
    assert [(p["line"], p["column"]) for p in problems if p["rule"] != "quote-not-found"] == [(2, 24)]


def test_the_library_refuses_too(project):
    import argmap

    found = argmap.check(argmap.loads(quoting("../outside/secret.txt"), project / "m.yaml"))
    assert [p.rule for p in found] == [RULE, "quote-not-found"]


def test_a_refused_file_takes_no_time(project):
    """A FIFO, a device and /proc are never read: the whole run is fast (no timed budget, a hang fails)."""
    os.mkfifo(project / "texts" / "p.txt")
    for name, file in [("a", "texts/p.txt"), ("b", "/dev/zero"), ("c", "/proc/self/environ")]:
        (project / f"{name}.yaml").write_text(quoting(file), encoding="utf-8")
    done = argmap_process("check", "a.yaml", "b.yaml", "c.yaml", cwd=project, timeout=60)
    assert done.returncode == 1 and done.stdout.count(RULE) == 3
