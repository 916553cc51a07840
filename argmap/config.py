"""Which rules run, at which severity, with which options.

Read from ``[tool.argmap]`` in a ``pyproject.toml`` or from an ``argmap.toml``, whichever is found
first from the map's folder upwards, or from ``--config FILE``; then ``--select``, ``--ignore`` and
``--sources`` on the command line apply on top. Example ``argmap.toml``::

    select = ["rabbit-rule", "holding-hands"]   # rules to turn on, besides those on by default
    ignore = ["unanswered-objection"]           # rules to turn off
    sources = "texts"                           # KEY.txt/.md/.html, relative to this file
    [severity]
    evidence-without-source = "error"
    [rules.rabbit-rule]
    allow = ["should"]

A rule named by its id wins over ``ALL``; a rule both selected and ignored at the same level is
off; the command line wins over the file. So ``--ignore ALL --select quote-not-found`` runs that
rule alone, and ``--select ALL --ignore rabbit-rule`` every rule but one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .problems import SEVERITIES, Severity

CONFIG_KEYS = ("select", "ignore", "severity", "rules", "sources")


class ConfigError(Exception):
    """A configuration file or option that cannot be used; the message says why."""


@dataclass(frozen=True)
class Config:
    """Rule selection: ``select`` adds to the rules on by default, ``ignore`` removes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The file the settings came from, if any.
    path: Path | None = None
    #: A folder of source texts (``KEY.txt``, ``.md``, ``.html``), as ``--sources`` gives.
    sources_dir: Path | None = None

    def enabled(self, rule_id: str) -> bool:
        from .rules import RULES

        for names, answer in ((self.ignore, False), (self.select, True)):
            if rule_id in names:
                return answer
        for names, answer in ((self.ignore, False), (self.select, True)):
            if "ALL" in names:
                return answer
        return RULES[rule_id].ENABLED

    def severity_of(self, rule_id: str) -> Severity:
        from .rules import RULES

        return self.severity.get(rule_id, RULES[rule_id].SEVERITY)

    def options_of(self, rule_id: str) -> dict[str, Any]:
        from .rules import RULES

        defaults = RULES[rule_id].OPTIONS
        options = {**defaults, **self.options.get(rule_id, {})}
        if "sources" in defaults and self.sources_dir is not None:
            options["sources"] = str(self.sources_dir)  # --sources, or the top-level setting
        return options

    def with_cli(
        self, select: list[str] | None = None, ignore: list[str] | None = None, sources_dir: Path | None = None
    ) -> Config:
        """These settings with the command line's on top.

        ``--select`` and ``--ignore`` add to the file's lists, and a rule the command line names
        is taken out of the file's other list, so that the command line wins.
        """
        selected, ignored = _split(select), _split(ignore)
        updated = replace(
            self,
            select=tuple(r for r in self.select if r not in ignored) + tuple(selected),
            ignore=tuple(r for r in self.ignore if r not in selected) + tuple(ignored),
            sources_dir=sources_dir or self.sources_dir,
        )
        validate(updated)
        return updated


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def validate(config: Config) -> None:
    """Raise :class:`ConfigError` for an unknown rule id, severity or option."""
    from .rules import RULES
    from .suggestions import did_you_mean

    where = f"{config.path}: " if config.path else ""
    for rule_id in (*config.select, *config.ignore, *config.severity, *config.options):
        if rule_id != "ALL" and rule_id not in RULES:
            raise ConfigError(f"{where}unknown rule '{rule_id}'{did_you_mean(rule_id, RULES)}")
    for rule_id, level in config.severity.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{where}severity of '{rule_id}' must be one of {', '.join(SEVERITIES)}, not {level!r}")
    for rule_id, options in config.options.items():
        defaults = RULES[rule_id].OPTIONS
        for name, value in options.items():
            if name not in defaults:
                known = ", ".join(defaults) or "none"
                raise ConfigError(f"{where}rule '{rule_id}' has no option '{name}' (its options: {known})")
            default = defaults[name]
            if type(value) is not type(default) or (
                isinstance(value, list) and not all(isinstance(v, str) for v in value)
            ):
                kind = "a list of text" if isinstance(default, list) else type(default).__name__
                raise ConfigError(f"{where}option '{name}' of '{rule_id}' must be {kind}, not {value!r}")


def find(start: Path) -> Path | None:
    """The nearest ``argmap.toml``, or ``pyproject.toml`` with a ``[tool.argmap]`` table."""
    # abspath, not resolve(): a map that is a symlink loop must reach the loader's clear error.
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "argmap.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and "[tool.argmap" in project.read_text(encoding="utf-8", errors="replace"):
            return project
    return None


def read(path: Path) -> Config:
    """Settings from one file; :class:`ConfigError` if it is not valid TOML or not valid settings."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read the configuration: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("argmap", {})
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(f"{path}: unknown setting '{key}' (settings: {', '.join(CONFIG_KEYS)})")
    lists = {}
    for key in ("select", "ignore"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a list of rule ids")
        lists[key] = tuple(value)
    tables = {}
    for key in ("severity", "rules"):
        value = data.get(key, {})
        if not isinstance(value, dict) or (key == "rules" and not all(isinstance(v, dict) for v in value.values())):
            raise ConfigError(f"{path}: '[{key}]' must be a table")
        tables[key] = value
    sources = data.get("sources")
    if sources is not None and not isinstance(sources, str):
        raise ConfigError(f"{path}: 'sources' must be a folder path")
    for options in tables["rules"].values():
        if isinstance(options.get("sources"), str) and options["sources"]:
            options["sources"] = str(path.parent / options["sources"])  # relative to this file
    config = Config(
        select=lists["select"],
        ignore=lists["ignore"],
        severity=tables["severity"],
        options=tables["rules"],
        path=path,
        sources_dir=(path.parent / sources) if sources else None,
    )
    validate(config)
    return config


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
