"""Project config: ``compliance.yaml`` or ``[tool.compliance]`` in pyproject.toml.

Found by walking up from the working directory, like git finds its repository, so the check,
the hook and the service agree on one project's index, venue, grants and fail level. A project
without a config gets the defaults. Unknown keys and bad values are ConfigErrors naming the file
(and, for YAML, the line), because a silently ignored typo would change a verdict. The keys, their
types and allowed values are ``compliance/schemas/config.schema.json``, checked by the mechanism
rule files use (``compliance.terms.structure``); what a schema cannot say is checked here.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, shown
from .limits import DEFAULT_LIMITS, Limits, check_limit
from .model import VENUES, Grant
from .status import FAIL_ON_LEVELS
from .thresholds import FairUseThresholds

# compliance.terms.yamlload (and with it the compliance.terms package, PyYAML and rapidfuzz) is
# imported where a YAML config is read or reported on: a project without a config file, or
# a hook run on files it does not select, never needs it.

__all__ = [
    "CONFIG_NAME",
    "DEFAULT_INDEX_PATH",
    "FAIL_ON_LEVELS",
    "ProjectConfig",
    "find_config",
    "load_config",
    "parse_config",
    "starter_config",
    "venue_name",
]

CONFIG_NAME = "compliance.yaml"
DEFAULT_INDEX_PATH = Path(".compliance") / "index.sqlite"  # under the project root


@dataclass(frozen=True)
class ProjectConfig:
    """One project's settings. Paths are absolute, resolved against the config file's folder."""

    path: Path | None = None  # the file the settings came from; None for defaults
    root: Path | None = None  # the folder holding that file (the project root)
    index: str | dict[str, Any] | None = None  # SQLite path, redis:// URL, or backend mapping
    originals: Path | None = None  # a folder of original articles
    rules_dirs: tuple[Path, ...] = ()  # extra rule folders, overriding built-ins by id
    site: str | None = None  # this site's domain (the republisher)
    venue: str | None = None  # this site's kind: community, nonprofit, commercial, print
    sites: dict[str, str] = field(default_factory=dict)  # other sites' domain -> venue
    domain_map: dict[str, str] = field(default_factory=dict)  # original's domain -> terms id
    grants: tuple[Grant, ...] = ()
    fail_on: str = "error"
    files: tuple[str, ...] = ()  # globs of posts the hook checks; empty means its defaults
    files_at: tuple[str, ...] = ()  # where each glob is written (file:line), for its errors
    front_matter: dict[str, str] = field(default_factory=dict)  # role -> front-matter key
    fair_use: dict[str, float] = field(default_factory=dict)  # thresholds, by name
    limits: Limits = DEFAULT_LIMITS  # what one document may hold (compliance.limits)

    def venue_for(self, site: str | None) -> str | None:
        """Venue of ``site`` from ``sites`` (subdomains included), else this project's venue."""
        from .documents.urls import host_matches

        hits = [d for d in self.sites if host_matches(site or "", d)]
        return self.sites[max(hits, key=len)] if hits else self.venue

    def index_or_default(self) -> str | dict[str, Any]:
        """The configured index, else ``.compliance/index.sqlite`` under the project root.

        The one answer `index`, `scan` and the hook share, wherever in the project they run.
        """
        if self.index:
            return self.index
        return str((self.root or Path.cwd()).resolve() / DEFAULT_INDEX_PATH)


class _Reader:
    """Reads one raw mapping that meets the schema, naming ``source`` (and lines when the raw
    data has them) in the semantic errors a schema cannot express."""

    def __init__(self, source: str, base: Path) -> None:
        self.source = source
        self.base = base

    def fail(self, container: Any, key: Any, message: str) -> ConfigError:
        return ConfigError(message, source=self.where(container, key))

    def where(self, container: Any, key: Any) -> str:
        """``source:line`` of ``container[key]``, or ``source`` when the line is not known."""
        from .terms.yamlload import line_of

        line = line_of(container, key)
        return f"{self.source}:{line}" if line else self.source

    def path(self, data: Mapping[str, Any], key: str) -> Path | None:
        value = data.get(key)
        return None if value is None else (self.base / value.strip()).resolve()


def _error(source: str, line: int, message: str) -> ConfigError:
    return ConfigError(message, source=f"{source}:{line}" if line else source)


def _conform(data: Any, source: str) -> None:
    """Refuse ``data`` unless it meets ``schemas/config.schema.json``: its first problem, at its
    line (keys, types and allowed values are the schema's; what it cannot say is checked here)."""
    from .terms.structure import structure_problems

    problems = structure_problems(data, "config")
    if problems:
        line, message = problems[0]
        raise _error(source, line, message)


def _strings(value: str | list[str] | None) -> tuple[str, ...]:
    """A string or a list of strings (the schema allows both), stripped."""
    if value is None:
        return ()
    return tuple(v.strip() for v in ([value] if isinstance(value, str) else value))


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def _domain(value: str) -> str:
    host = value.strip().lower().removeprefix("https://").removeprefix("http://").strip("/")
    return host.removeprefix("www.")


def _index(r: _Reader, data: Mapping[str, Any]) -> str | dict[str, Any] | None:
    value = data.get("index")
    if value is None:
        return None
    if isinstance(value, Mapping):
        return _index_mapping(r, value)
    text: str = value.strip()
    if "://" not in text:
        return str((r.base / text).resolve())
    if not text.startswith(REDIS_SCHEMES):
        expected = ", ".join(REDIS_SCHEMES)
        raise r.fail(data, "index", f"an index URL must start with {expected} (got {shown(text)})")
    return text


def venue_name(value: object) -> str:
    """The venue ``value`` names, in any case: the one vocabulary of the CLI, config and service.

    >>> venue_name(" Commercial ")
    'commercial'

    Raises:
        ValueError: ``value`` is not one of VENUES; the message lists them.
    """
    name = value.strip().lower() if isinstance(value, str) else None
    if name is None or name not in VENUES:
        raise ValueError(f"unknown venue {shown(value)} (expected one of {', '.join(VENUES)})")
    return name


def _index_mapping(r: _Reader, value: Mapping[str, Any]) -> dict[str, Any]:
    """An ``index:`` mapping (type, path, url, prefix): the url's scheme is checked here."""
    found = {key: v.strip() for key, v in value.items() if v is not None}
    found.setdefault("type", "sqlite")
    url = found.get("url")
    if url is not None and not url.startswith(REDIS_SCHEMES):
        expected = ", ".join(REDIS_SCHEMES)
        raise r.fail(value, "url", f"index 'url' must start with {expected} (got {shown(url)})")
    if found.get("path"):
        found["path"] = str((r.base / found["path"]).resolve())
    return found


def _venue(r: _Reader, container: Any, key: str, value: Any) -> str:
    try:
        return venue_name(value)
    except ValueError as exc:
        raise r.fail(container, key, str(exc)) from None


def _grant(r: _Reader, raw: Mapping[str, Any]) -> Grant:
    """A grant; the schema has checked its keys, here its end date is read."""
    expires = raw.get("expires")
    if isinstance(expires, _dt.datetime):
        expires = expires.date().isoformat()
    elif isinstance(expires, _dt.date):
        expires = expires.isoformat()
    elif expires is not None:
        try:
            expires = _dt.date.fromisoformat(str(expires)).isoformat()
        except ValueError:
            raise r.fail(
                raw, "expires", f"grant 'expires' must be a date YYYY-MM-DD (got {shown(expires)})"
            ) from None
    reference = raw.get("reference")
    return Grant(
        site=_domain(raw["site"]),
        terms=raw["terms"].strip(),
        reference=str(reference).strip() if reference is not None else "",
        expires=expires,
    )


def _fair_use(r: _Reader, data: Mapping[str, Any]) -> dict[str, float]:
    """Thresholds checked here for finiteness, range and against each other, so that a bad one
    is refused with its line when the config is read, not mid-check when fair use first matters."""
    raw = data.get("fair_use") or {}
    out: dict[str, float] = {}
    for key, value in raw.items():
        if not math.isfinite(value):
            raise r.fail(raw, key, f"fair_use {key!r} must be a finite number (got {shown(value)})")
        out[key] = float(value)
    try:
        FairUseThresholds(**out)
    except ValueError as exc:  # the message quotes the threshold it is about
        named = [key for key in out if f"'{key}'" in str(exc)]
        raise r.fail(raw if named else data, named[0] if named else "fair_use", str(exc)) from None
    return out


def _limits(r: _Reader, data: Mapping[str, Any]) -> Limits:
    """The ``limits:`` mapping: the schema allows known names with positive integers; the
    bound every limit shares (``check_limit``, as for ``--limit``) is checked here."""
    raw = data.get("limits") or {}
    values: dict[str, int] = {}
    for key, value in raw.items():
        try:
            values[key] = check_limit(key, value)
        except ValueError as exc:
            raise r.fail(raw, key, str(exc)) from None
    return Limits(**values) if values else DEFAULT_LIMITS


def _files(r: _Reader, data: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The hook's globs, and where each is written (``file:line``) for the hook to name a glob
    pathspec cannot read: reading them takes pathspec, which only the hook needs."""
    files = _strings(data.get("files"))
    raw = data.get("files")
    where = tuple(
        r.where(raw, i) if isinstance(raw, list) else r.where(data, "files")
        for i in range(len(files))
    )
    return files, where


def _domains(r: _Reader, domains: Mapping[Any, Any]) -> None:
    for domain in domains:
        if not isinstance(domain, str) or not _domain(domain):
            raise r.fail(domains, domain, f"{shown(domain)} is not a domain")


def parse_config(data: Any, source: str, base: Path) -> ProjectConfig:
    """Validate raw settings (YAML or TOML) read from ``source``; paths are relative to ``base``.

    Raises:
        ConfigError: the first problem, naming ``source`` and, for YAML, its line.
    """
    r = _Reader(source, base)
    if data is None:
        data = {}
    _conform(data, source)
    venue = data.get("venue")
    sites = data.get("sites") or {}
    domain_map = data.get("domain_map") or {}
    _domains(r, sites)
    _domains(r, domain_map)
    site = data.get("site")
    files, files_at = _files(r, data)
    return ProjectConfig(
        path=None,
        root=base,
        index=_index(r, data),
        originals=r.path(data, "originals"),
        rules_dirs=tuple((base / d).resolve() for d in _strings(data.get("rules"))),
        site=_domain(site) or None if site is not None else None,
        venue=None if venue is None else _venue(r, data, "venue", venue),
        sites={_domain(d): _venue(r, sites, d, v) for d, v in sites.items()},
        domain_map={_domain(d): t.strip() for d, t in domain_map.items()},
        grants=tuple(_grant(r, grant) for grant in data.get("grants") or ()),
        fail_on=data.get("fail_on", "error"),
        files=files,
        files_at=files_at,
        front_matter={role: key.strip() for role, key in (data.get("front_matter") or {}).items()},
        fair_use=_fair_use(r, data),
        limits=_limits(r, data),
    )


def _from_yaml(path: Path) -> ProjectConfig:
    from .terms.yamlload import YamlProblem, load_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the config: {exc}", str(path)) from None
    try:
        data = load_yaml(text)
    except YamlProblem as exc:
        raise ConfigError(exc.message, f"{path}:{exc.line}") from None
    config = parse_config(data, str(path), path.parent.resolve())
    return _with_path(config, path)


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    import tomllib  # only a project configured in pyproject.toml needs it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed TOML: {exc}", str(path)) from None
    except ValueError:  # Python's bound on integer conversion, past 4,300 digits
        raise ConfigError("malformed TOML: an integer too long to read", str(path)) from None
    tool = data.get("tool", {})
    table = tool.get("compliance") if isinstance(tool, dict) else None
    return table if table is not None else None


def _with_path(config: ProjectConfig, path: Path) -> ProjectConfig:
    from dataclasses import replace

    return replace(config, path=path.resolve(), root=path.parent.resolve())


def find_config(start: Path | None = None) -> Path | None:
    """The nearest compliance.yaml, or pyproject.toml with [tool.compliance], at or above start."""
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def load_config(start: Path | None = None) -> ProjectConfig:
    """Settings of the project around ``start`` (default: the working directory).

    ``start`` may also be a config file itself. No config anywhere up the tree gives defaults.

    Raises:
        ConfigError: the config is malformed, has an unknown key, or a bad value.
    """
    if start is not None and start.is_file() and start.suffix in (".yaml", ".yml", ".toml"):
        found: Path | None = start
    else:
        found = find_config(start)
    if found is None:
        return ProjectConfig(root=(start or Path.cwd()).resolve())
    if found.name == "pyproject.toml" or found.suffix == ".toml":
        table = _pyproject_table(found)
        config = parse_config(table or {}, f"{found} [tool.compliance]", found.parent.resolve())
        return _with_path(config, found)
    return _from_yaml(found)


def starter_config() -> str:
    """A commented compliance.yaml that loads as-is; `compliance init` writes it."""
    return _STARTER


_STARTER = """\
# compliance.yaml: settings for `compliance check`, `scan`, `hook` and `serve`.
# Found by walking up from the working directory. Paths are relative to this file.

# Where the originals live: an index built with `compliance index add` (a SQLite file, or a
# redis://host:6379/0 URL shared by many machines), and/or a folder of original articles.
# Without either, the hook uses .compliance/index.sqlite when it exists.
# index: .compliance/index.sqlite
# originals: originals/

# Extra rule files (YAML), e.g. your legal team's own terms. They override built-ins by id.
# rules: [legal/rules]

# This site: its domain, and what kind of venue it is
# (community, nonprofit, commercial or print). Terms often treat these differently.
# site: example.org
venue: community

# Other sites you check (e.g. in `compliance scan`), by domain -> venue.
# sites:
#   partner-paper.example: print

# Force the terms for originals from a domain (subdomains included), by terms id.
# See `compliance rules list` for the ids.
# domain_map:
#   globalresearch.ca: globalresearch

# Permissions you hold: which site may republish which publisher's work, until when.
# grants:
#   - site: example.org
#     terms: wire-service
#     reference: "Licence agreement 2024-17"
#     expires: 2025-12-31

# Fail (exit 1) on findings at or above: error, warning, advisory, or never.
fail_on: error

# Which files the pre-publish hook checks.
files:
  - "content/**/*.md"
  - "content/**/*.html"

# Front-matter keys in your posts that name the original.
front_matter:
  original_url: original_url
  source: source
  license: license

# Fair-use thresholds (shares 0..1, runs in words); omit to use the defaults.
# fair_use:
#   max_share: 0.25

# The most one document may hold before it is refused unread (the defaults shown):
# characters, lines, line_length, elements, links, attributes (on one tag).
# limits:
#   links: 25000
#   lines: 200000
"""
