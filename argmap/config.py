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
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .problems import SEVERITIES, Severity

CONFIG_KEYS = ("select", "ignore", "severity", "rules", "sources", "source-roots")
#: The longest part of a settings value that a message quotes.
_SHOWN = 200


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
    #: Folders besides the map's and this file's that a source's ``file:`` may be in.
    source_roots: tuple[Path, ...] = ()

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

        return self.severity.get(rule_id, self.severity.get("ALL", RULES[rule_id].SEVERITY))

    def options_of(self, rule_id: str) -> dict[str, Any]:
        from .rules import RULES

        defaults = RULES[rule_id].OPTIONS
        options = {**defaults, **self.options.get(rule_id, {})}
        if "sources" in defaults and self.sources_dir is not None:
            options["sources"] = str(self.sources_dir)  # --sources, or the top-level setting
        if "source-roots" in defaults:  # a rule that reads source texts: where it may read them
            mine = [str(self.path.parent)] if self.path is not None else []
            options["source-roots"] = [*options["source-roots"], *map(str, self.source_roots), *mine]
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
    """Raise :class:`ConfigError` for an unknown rule id, severity or option, or a missing folder."""
    from .rules import RULES
    from .suggestions import did_you_mean

    where = f"{config.path}: " if config.path else ""
    for rule_id in (*config.select, *config.ignore, *config.severity, *config.options):
        if rule_id != "ALL" and rule_id not in RULES:
            raise ConfigError(f"{where}unknown rule {_shown(rule_id)}{did_you_mean(str(rule_id), RULES)}")
    if "ALL" in config.options:
        raise ConfigError(f"{where}[rules.ALL]: options belong to one rule; ALL is for select, ignore and [severity]")
    for rule_id, level in config.severity.items():
        if level not in SEVERITIES:
            raise ConfigError(
                f"{where}severity of '{rule_id}' must be one of {', '.join(SEVERITIES)}, not {_shown(level)}"
            )
    for rule_id, options in config.options.items():
        defaults = RULES[rule_id].OPTIONS
        for name, value in options.items():
            if name not in defaults:
                known = ", ".join(defaults) or "none"
                raise ConfigError(f"{where}rule '{rule_id}' has no option {_shown(name)} (its options: {known})")
            default = defaults[name]
            if type(value) is not type(default) or (
                isinstance(value, list) and not all(isinstance(v, str) for v in value)
            ):
                kind = "a list of text" if isinstance(default, list) else type(default).__name__
                raise ConfigError(f"{where}option '{name}' of '{rule_id}' must be {kind}, not {_shown(value)}")
            if name in ("sources", "source-roots"):
                _folders_exist(f"{where}option '{name}' of '{rule_id}'", [value] if isinstance(value, str) else value)
    _folders_exist(f"{where}'source-roots'", config.source_roots)


def _folders_exist(setting: str, folders: object) -> None:
    for folder in folders if isinstance(folders, list | tuple) else ():
        if folder and not os.path.isdir(folder):
            raise ConfigError(f"{setting}: {_shown(str(folder))} is not a folder")


def _shown(value: object) -> str:
    """A value from the settings, for a message: quoted with control characters escaped, cut short.

    >>> print(_shown("\\x1b[2J red"), len(_shown("x" * 1000)))
    '\\x1b[2J red' 202
    """
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"  # never the repr: it may nest 5,000 deep
    text = repr(value[: _SHOWN + 1] if isinstance(value, str) else value)
    return text if len(text) <= _SHOWN + 2 else text[:_SHOWN] + "…'"


def find(start: Path) -> Path | None:
    """The nearest ``argmap.toml``, or ``pyproject.toml`` with a ``[tool.argmap]`` table.

    An ``argmap.toml`` that is not a regular file (a FIFO, a device, a dangling symlink) is found
    too, so that :func:`read` refuses it with a message rather than another file's settings apply.
    """
    # abspath, not resolve(): a map that is a symlink loop must reach the loader's clear error.
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "argmap.toml"
        if os.path.lexists(own) and not os.path.isdir(own):
            return own
        project = candidate / "pyproject.toml"
        if os.path.isfile(project) and "[tool.argmap" in _text(project):
            return project
    return None


def _text(path: Path) -> str:
    """A settings file's text: a regular UTF-8 file of at most MAX_SETTINGS_BYTES, else ConfigError."""
    from .limits import MAX_SETTINGS_BYTES
    from .sources.safe_read import Unreadable, read_regular

    try:
        return read_regular(path, MAX_SETTINGS_BYTES, "MAX_SETTINGS_BYTES").decode("utf-8")
    except Unreadable as error:
        raise ConfigError(f"{path}: cannot read the settings file: it {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read the settings file: it is not UTF-8 text") from None


def read(path: Path) -> Config:
    """Settings from one file; :class:`ConfigError` if it is not valid TOML or not valid settings."""
    import tomllib

    try:
        data = tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nest too deeply") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or not isinstance(tool.get("argmap", {}), dict):
            raise ConfigError(f"{path}: 'tool' and 'tool.argmap' must be tables ([tool.argmap] holds the settings)")
        data = tool.get("argmap", {})
    return _settings(path, data)


def _settings(path: Path, data: dict[str, Any]) -> Config:
    """The settings of one file's table, each value checked; relative folders made relative to the file."""
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(f"{path}: unknown setting {_shown(key)} (settings: {', '.join(CONFIG_KEYS)})")
    lists = {}
    for key in ("select", "ignore", "source-roots"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            what = "folder paths" if key == "source-roots" else "rule ids"
            raise ConfigError(f"{path}: '{key}' must be a list of {what}, not {_shown(value)}")
        lists[key] = tuple(value)
    tables = {}
    for key in ("severity", "rules"):
        value = data.get(key, {})
        if not isinstance(value, dict) or (key == "rules" and not all(isinstance(v, dict) for v in value.values())):
            raise ConfigError(f"{path}: '[{key}]' must be a table")
        tables[key] = value
    sources = data.get("sources")
    if sources is not None and (not isinstance(sources, str) or not sources):
        raise ConfigError(f"{path}: 'sources' must be a folder path, not {_shown(sources)}")
    if sources is not None and not os.path.isdir(path.parent / sources):
        raise ConfigError(f"{path}: 'sources': no such folder {_shown(sources)} next to this file")
    for options in tables["rules"].values():  # folders are relative to this file
        if isinstance(options.get("sources"), str) and options["sources"]:
            options["sources"] = str(path.parent / options["sources"])
        if isinstance(options.get("source-roots"), list):
            options["source-roots"] = [str(path.parent / str(folder)) for folder in options["source-roots"]]
    config = Config(
        select=lists["select"],
        ignore=lists["ignore"],
        severity=tables["severity"],
        options=tables["rules"],
        path=path,
        sources_dir=(path.parent / sources) if sources else None,
        source_roots=tuple(path.parent / folder for folder in lists["source-roots"]),
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
