"""Settings as values: which rules run, at which severity, with which options; and their checks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..problems import SEVERITIES, Severity
from ..visible import visible

CONFIG_KEYS = ("select", "ignore", "severity", "rules", "sources", "source-roots", "argdown")
#: The longest part of a settings value that a message quotes.
_SHOWN = 200


class ConfigError(Exception):
    """A configuration file or option that cannot be used; the message says why.

    ``key`` is the setting at fault, as a path of TOML keys (``("rules", "rabbit-rule", "allow")``),
    so that a message about a file can point at the line that sets it.
    """

    def __init__(self, message: str, key: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.key = key


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
    #: Whether a folder check takes the Argdown documents in it (``*.argdown``, ``*.ad``) too.
    argdown: bool = True

    def enabled(self, rule_id: str) -> bool:
        from ..rules import RULES

        for names, answer in ((self.ignore, False), (self.select, True)):
            if rule_id in names:
                return answer
        for names, answer in ((self.ignore, False), (self.select, True)):
            if "ALL" in names:
                return answer
        return RULES[rule_id].ENABLED

    def severity_of(self, rule_id: str) -> Severity:
        from ..rules import RULES

        return self.severity.get(rule_id, self.severity.get("ALL", RULES[rule_id].SEVERITY))

    def options_of(self, rule_id: str) -> dict[str, Any]:
        from ..rules import RULES

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
    from ..rules import RULES
    from ..suggestions import did_you_mean

    where = f"{config.path}: " if config.path else ""
    named = (
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", config.severity),
        ("rules", config.options),
    )
    for section, rule_ids in named:
        for rule_id in rule_ids:
            if rule_id != "ALL" and rule_id not in RULES:
                key: tuple[str, ...] = (section,) if section in ("select", "ignore") else (section, rule_id)
                hint = did_you_mean(str(rule_id), RULES)
                raise ConfigError(f"{where}unknown rule {quoted(rule_id)}{hint}", key)
    if "ALL" in config.options:
        message = "[rules.ALL]: options belong to one rule; ALL is for select, ignore and [severity]"
        raise ConfigError(f"{where}{message}", ("rules", "ALL"))
    for rule_id, level in config.severity.items():
        if level not in SEVERITIES:
            message = f"severity of '{rule_id}' must be one of {', '.join(SEVERITIES)}, not {quoted(level)}"
            raise ConfigError(f"{where}{message}", ("severity", rule_id))
    for rule_id, options in config.options.items():
        defaults = RULES[rule_id].OPTIONS
        for name, value in options.items():
            key = ("rules", rule_id, name)
            if name not in defaults:
                known = ", ".join(defaults) or "none"
                raise ConfigError(f"{where}rule '{rule_id}' has no option {quoted(name)} (its options: {known})", key)
            default = defaults[name]
            if type(value) is not type(default) or (
                isinstance(value, list) and not all(isinstance(v, str) for v in value)
            ):
                kind = "a list of text" if isinstance(default, list) else type(default).__name__
                raise ConfigError(f"{where}option '{name}' of '{rule_id}' must be {kind}, not {quoted(value)}", key)
            if isinstance(value, int) and value < 0:  # every whole-number option is a length or a count
                raise ConfigError(f"{where}option '{name}' of '{rule_id}' must be 0 or more, not {value}", key)
            if name in ("sources", "source-roots"):
                folders = [value] if isinstance(value, str) else value
                _folders_exist(f"{where}option '{name}' of '{rule_id}'", folders, key)
    _folders_exist(f"{where}'source-roots'", config.source_roots, ("source-roots",))


def _folders_exist(setting: str, folders: object, key: tuple[str, ...]) -> None:
    for folder in folders if isinstance(folders, list | tuple) else ():
        if folder and not os.path.isdir(folder):
            raise ConfigError(f"{setting}: {quoted(str(folder))} is not a folder", key)


def quoted(value: object) -> str:
    """A value from the settings, for a message: quoted with control characters escaped, cut short.

    >>> print(quoted("\\x1b[2J red"), len(quoted("x" * 1000)))
    '\\x1b[2J red' 203
    """
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"  # never the repr: it may nest 5,000 deep
    if not isinstance(value, str):
        return repr(value)  # a number or true/false, as TOML wrote it
    text = visible(value[: _SHOWN + 1])  # the one escaping of what reaches the terminal
    return f"'{text}'" if len(text) <= _SHOWN else f"'{text[:_SHOWN]}…'"
