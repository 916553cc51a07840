"""Finding and reading a settings file: ``argmap.toml``, or ``[tool.argmap]`` in ``pyproject.toml``.

A settings file is read as a source text is (a regular file of at most MAX_SETTINGS_BYTES, opened
without waiting), and every value in it is checked before it is used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .values import CONFIG_KEYS, Config, ConfigError, quoted, validate


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
    from ..limits import MAX_SETTINGS_BYTES
    from ..sources.safe_read import Unreadable, read_regular

    try:
        return read_regular(path, MAX_SETTINGS_BYTES, "MAX_SETTINGS_BYTES").decode("utf-8")
    except Unreadable as error:
        raise ConfigError(f"{path}: cannot read the settings file: it {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read the settings file: it is not UTF-8 text") from None


def read(path: Path) -> Config:
    """Settings from one file; :class:`ConfigError` if it is not valid TOML or not valid settings."""
    import tomllib

    text = _text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nest too deeply") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table: tuple[str, ...] = ()
    try:
        if path.name == "pyproject.toml":
            table = ("tool", "argmap")
            tool = data.get("tool", {})
            if not isinstance(tool, dict) or not isinstance(tool.get("argmap", {}), dict):
                message = "'tool' and 'tool.argmap' must be tables ([tool.argmap] holds the settings)"
                raise ConfigError(f"{path}: {message}", ("tool",) if not isinstance(tool, dict) else ())
            data = tool.get("argmap", {})
        return _settings(path, data)
    except ConfigError as error:
        raise _placed(error, path, text, table) from None


def _placed(error: ConfigError, path: Path, text: str, table: tuple[str, ...]) -> ConfigError:
    """The error with the line and column of its key, ``FILE:LINE:COL: ...``, where the key is found."""
    from .toml_positions import key_position

    message, prefix = str(error), f"{path}: "
    at = key_position(text, error.key if error.key[:1] == ("tool",) else table + error.key) if error.key else None
    if at is None or not message.startswith(prefix):
        return error
    return ConfigError(f"{path}:{at[0]}:{at[1]}: {message[len(prefix) :]}", error.key)


def _settings(path: Path, data: dict[str, Any]) -> Config:
    """The settings of one file's table, each value checked; relative folders made relative to the file."""
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(f"{path}: unknown setting {quoted(key)} (settings: {', '.join(CONFIG_KEYS)})", (key,))
    lists = {}
    for key in ("select", "ignore", "source-roots"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            what = "folder paths" if key == "source-roots" else "rule ids"
            wrong = (
                next((v for v in value if not (isinstance(v, str) and v)), None) if isinstance(value, list) else None
            )
            found = f"; it holds {quoted(wrong)}" if isinstance(value, list) else f", not {quoted(value)}"
            raise ConfigError(f"{path}: '{key}' must be a list of {what}{found}", (key,))
        lists[key] = tuple(value)
    tables = {}
    for key in ("severity", "rules"):
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: '[{key}]' must be a table", (key,))
        for rule_id, options in value.items() if key == "rules" else ():
            if not isinstance(options, dict):  # `[rules]` then `unknown-reference = 1`
                table = f"rules.{rule_id}"
                message = f"'{table}' must be a table of the rule's options ([{table}]), not {quoted(options)}"
                raise ConfigError(f"{path}: {message}", (key, rule_id))
        tables[key] = value
    sources = data.get("sources")
    if sources is not None and (not isinstance(sources, str) or not sources):
        raise ConfigError(f"{path}: 'sources' must be a folder path, not {quoted(sources)}", ("sources",))
    if sources is not None and not os.path.isdir(path.parent / sources):
        raise ConfigError(f"{path}: 'sources': no such folder {quoted(sources)} next to this file", ("sources",))
    for options in tables["rules"].values():  # folders are relative to this file
        if isinstance(options.get("sources"), str) and options["sources"]:
            options["sources"] = str(path.parent / options["sources"])
        if isinstance(options.get("source-roots"), list):
            options["source-roots"] = [str(path.parent / str(folder)) for folder in options["source-roots"]]
    argdown = data.get("argdown", True)
    if not isinstance(argdown, bool):
        raise ConfigError(f"{path}: 'argdown' must be true or false, not {quoted(argdown)}", ("argdown",))
    config = Config(
        select=lists["select"],
        ignore=lists["ignore"],
        severity=tables["severity"],
        options=tables["rules"],
        path=path,
        sources_dir=(path.parent / sources) if sources else None,
        source_roots=tuple(path.parent / folder for folder in lists["source-roots"]),
        argdown=argdown,
    )
    validate(config)
    return config
