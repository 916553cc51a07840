"""Which rules run, at which severity, with which options.

Read from ``[tool.argmap]`` in a ``pyproject.toml`` or from an ``argmap.toml``, whichever is found
first from the map's folder upwards, or from ``--config FILE``; then ``--select``, ``--ignore`` and
``--sources`` on the command line apply on top. Example ``argmap.toml``::

    select = ["rabbit-rule", "holding-hands"]   # rules to turn on, besides those on by default
    ignore = ["unanswered-objection"]           # rules to turn off
    sources = "texts"                           # KEY.txt/.md/.html, relative to this file
    source-roots = ["../shared-texts"]          # more folders a source's file: may be in
    [severity]
    evidence-without-source = "error"
    [rules.rabbit-rule]
    allow = ["should"]

A rule named by its id wins over ``ALL`` (in ``select``, ``ignore`` and ``[severity]``); a rule
both selected and ignored at the same level is off; the command line wins over the file. So
``--ignore ALL --select quote-not-found`` runs that rule alone, and ``--select ALL --ignore
rabbit-rule`` every rule but one.

The package: :mod:`.values` holds the settings and checks each value, :mod:`.settings_file` finds
and reads a settings file (as safely as a source text), :mod:`.toml_positions` finds the line of
a key for messages; this module gives each map of a run its settings.
"""

from __future__ import annotations

from pathlib import Path

from .settings_file import find, read
from .values import CONFIG_KEYS, Config, ConfigError, validate

__all__ = ["CONFIG_KEYS", "Config", "ConfigError", "Settings", "find", "for_map", "read", "validate"]


def for_map(map_path: Path, explicit: Path | None = None) -> Config:
    """The settings that apply to a map: ``explicit`` if given, else the nearest file, else defaults."""
    path = explicit or find(map_path)
    return read(path) if path else Config()


class Settings:
    """The settings of each map of one run: its own file's, with the command line's on top.

    Each file is read once however many maps it governs. Raises :class:`ConfigError` at once for
    bad command-line options, and for a bad file when a map under it asks for it.
    """

    def __init__(
        self,
        explicit: Path | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        sources_dir: Path | None = None,
    ) -> None:
        self.explicit = explicit
        self.cli = (select, ignore, sources_dir)
        self.files: dict[Path | None, Config] = {}
        if sources_dir is not None and not sources_dir.is_dir():
            raise ConfigError(f"--sources {sources_dir}: no such folder")
        Config().with_cli(*self.cli)  # fail early on an unknown rule id on the command line

    def for_map(self, map_path: Path) -> Config:
        path = self.explicit or find(map_path)
        if path not in self.files:
            self.files[path] = (read(path) if path else Config()).with_cli(*self.cli)
        return self.files[path]
