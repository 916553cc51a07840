"""The real ``argmap`` program, for the tests that need a process of its own (exit status, pipes,
environment, start-up) rather than the in-process ``run`` fixture of conftest.py."""

from __future__ import annotations

import subprocess
import sys
from os import PathLike
from typing import Any

from tests.helpers import ROOT

#: The command that starts the program with the interpreter running the tests.
ARGMAP = (sys.executable, "-m", "argmap")


def argmap_process(*args: str | PathLike[str], **options: Any) -> subprocess.CompletedProcess[Any]:
    """``argmap ARGS`` run to its end in the project root, output captured as text.

    ``options`` go to :func:`subprocess.run` and win over those defaults (``cwd``, ``input``,
    ``env``, ``stdout``...). Example::

        assert argmap_process("check", "maps/tutorial-basics.yaml").returncode == 0
    """
    settings: dict[str, Any] = {"capture_output": True, "text": True, "cwd": ROOT, **options}
    return subprocess.run([*ARGMAP, *(str(arg) for arg in args)], **settings)
