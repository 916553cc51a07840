"""The VS Code extension (editors/vscode): its client's own tests under node, and the extension
packaged with ``vsce`` into a .vsix that holds the manifest, the client and the client library.

It needs node and npm (and the npm registry, or npm's cache, for ``npm ci``), and skips without
them, unless ``ARGMAP_REQUIRE_NODE=1`` (as in CI, see ``.ci/run``). The extension is copied to a
temporary folder first: nothing is written into the repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

EXTENSION = ROOT / "editors" / "vscode"
REQUIRED = os.environ.get("ARGMAP_REQUIRE_NODE") == "1"
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        reason = f"{name} is not installed"
        if REQUIRED:
            pytest.fail(f"ARGMAP_REQUIRE_NODE=1 but {reason}")
        pytest.skip(reason)
    return found


def run(*command: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extension's files in a temporary folder (without a node_modules a developer may have made)."""
    folder = tmp_path_factory.mktemp("vscode") / "argmap"
    shutil.copytree(EXTENSION, folder, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    return folder


@pytest.fixture(scope="module")
def vsix(copy: Path) -> zipfile.ZipFile:
    """The packaged extension, made from the committed package-lock.json."""
    npm = tool("npm")
    tool("node")
    run(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", cwd=copy)
    out = copy.parent / "argmap.vsix"
    run(tool("npx"), "--no-install", "vsce", "package", "--allow-missing-repository", "--out", str(out), cwd=copy)
    return zipfile.ZipFile(out)


def test_the_client_passes_its_own_tests_under_node(copy):
    done = run(tool("node"), "--test", "test/", cwd=copy, timeout=120)
    assert re.search(r"^# pass [1-9]", done.stdout, re.MULTILINE) and "# fail 0" in done.stdout


def test_the_manifest_starts_the_client_for_yaml_and_names_the_command_setting():
    assert MANIFEST["main"] == "./extension.js" and (EXTENSION / "extension.js").is_file()
    assert "onLanguage:yaml" in MANIFEST["activationEvents"]
    settings = MANIFEST["contributes"]["configuration"]["properties"]
    assert settings["argmap.path"]["default"] == "argmap"
    assert settings["argmap.allYamlFiles"]["default"] is False
    assert MANIFEST["license"] == "MIT" and (EXTENSION / "LICENSE").is_file()
    # The one runtime dependency, pinned, so that the .vsix is the same wherever it is made.
    assert list(MANIFEST["dependencies"]) == ["vscode-languageclient"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", MANIFEST["dependencies"]["vscode-languageclient"])
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["dependencies"] == MANIFEST["dependencies"]


def test_the_vsix_holds_the_manifest_the_client_and_the_client_library(vsix):
    names = set(vsix.namelist())
    assert {"extension.vsixmanifest", "extension/package.json", "extension/extension.js"} <= names
    assert {"extension/LICENSE.txt", "extension/readme.md"} <= names
    assert "extension/node_modules/vscode-languageclient/lib/node/main.js" in names
    assert json.loads(vsix.read("extension/package.json"))["name"] == MANIFEST["name"]
    assert vsix.read("extension/extension.js") == (EXTENSION / "extension.js").read_bytes()
    # What only builds the package, and the client's tests, stay out of it.
    assert not [name for name in names if "/@vscode/vsce" in name or name.startswith("extension/test/")]
    identity = re.search(r"<Identity [^>]*>", vsix.read("extension.vsixmanifest").decode())
    assert identity is not None
    assert f'Id="{MANIFEST["name"]}"' in identity.group() and f'Version="{MANIFEST["version"]}"' in identity.group()
    assert f'Publisher="{MANIFEST["publisher"]}"' in identity.group()


def test_the_extension_engine_is_one_the_client_library_supports(copy, vsix):
    library = json.loads((copy / "node_modules" / "vscode-languageclient" / "package.json").read_text())
    assert MANIFEST["engines"]["vscode"] == library["engines"]["vscode"]
