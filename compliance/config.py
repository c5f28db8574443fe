"""Project config: ``compliance.yaml`` or ``[tool.compliance]`` in pyproject.toml.

Found by walking up from the working directory, like git finds its repository, so the check,
the hook and the service agree on one project's index, venue, grants and fail level. A project
without a config gets the defaults. Unknown keys and bad values are ConfigErrors naming the file
(and, for YAML, the line), because a silently ignored typo would change a verdict.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError, shown
from .limits import DEFAULT_LIMITS, LIMIT_NAMES, Limits, check_limit
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
    "FRONT_MATTER_ROLES",
    "ProjectConfig",
    "find_config",
    "load_config",
    "parse_config",
    "starter_config",
    "venue_name",
]

CONFIG_NAME = "compliance.yaml"
DEFAULT_INDEX_PATH = Path(".compliance") / "index.sqlite"  # under the project root
FRONT_MATTER_ROLES = ("original_url", "source", "license")
KEYS = (
    "index",
    "originals",
    "rules",
    "site",
    "venue",
    "sites",
    "domain_map",
    "grants",
    "fail_on",
    "files",
    "front_matter",
    "fair_use",
    "limits",
)
GRANT_KEYS = ("site", "terms", "reference", "expires")


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
    """Validates one raw mapping, naming ``source`` (and lines when the raw data has them)."""

    def __init__(self, source: str, base: Path) -> None:
        self.source = source
        self.base = base

    def fail(self, container: Any, key: Any, message: str) -> ConfigError:
        from .terms.yamlload import line_of

        line = line_of(container, key)
        return ConfigError(message, source=f"{self.source}:{line}" if line else self.source)

    def text(self, data: Mapping[str, Any], key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(data, key, f"{key!r} must be a non-empty string (got {shown(value)})")
        if "\x00" in value:  # no path, URL or name holds one; os calls would raise on it
            raise self.fail(data, key, f"{key!r} must not contain a NUL character")
        return value.strip()

    def path(self, data: Mapping[str, Any], key: str) -> Path | None:
        value = self.text(data, key)
        return None if value is None else (self.base / value).resolve()

    def mapping(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(data, key, f"{key!r} must be a mapping (got {_kind(value)})")
        return value

    def strings(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(data, key, f"{key!r} must be a list of strings (got {shown(value)})")
        if any("\x00" in v for v in value):
            raise self.fail(data, key, f"{key!r} must not contain a NUL character")
        return tuple(v.strip() for v in value)


def _kind(value: Any) -> str:
    from .terms.yamlload import LineDict, LineList

    names: dict[type, str] = {dict: "mapping", LineDict: "mapping", list: "list", LineList: "list"}
    return names.get(type(value), type(value).__name__)


INDEX_KEYS = ("type", "path", "url", "prefix")
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
    text = r.text(data, "index")
    assert text is not None
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
    """An ``index:`` mapping (type, path, url, prefix), every value a string, checked here."""
    for key in value:
        if key not in INDEX_KEYS:
            expected = ", ".join(INDEX_KEYS)
            message = f"unknown index key {shown(key)} (expected one of {expected})"
            raise r.fail(value, key, message)
    found = {key: r.text(value, key) for key in INDEX_KEYS if value.get(key) is not None}
    kind = found.setdefault("type", "sqlite")
    if kind not in ("sqlite", "redis"):
        raise r.fail(value, "type", f"unknown index type {shown(kind)} (expected sqlite or redis)")
    url = found.get("url")
    if url is not None and not str(url).startswith(REDIS_SCHEMES):
        expected = ", ".join(REDIS_SCHEMES)
        raise r.fail(value, "url", f"index 'url' must start with {expected} (got {shown(url)})")
    if found.get("path"):
        found["path"] = str((r.base / str(found["path"])).resolve())
    return found


def _venue(r: _Reader, container: Any, key: str, value: Any) -> str:
    try:
        return venue_name(value)
    except ValueError as exc:
        raise r.fail(container, key, str(exc)) from None


def _grant(r: _Reader, raw: Any, grants: Any, index: int) -> Grant:
    if not isinstance(raw, Mapping):
        raise r.fail(grants, index, f"a grant must be a mapping (got {_kind(raw)})")
    for key in raw:
        if key not in GRANT_KEYS:
            expected = ", ".join(GRANT_KEYS)
            raise r.fail(raw, key, f"unknown grant key {shown(key)} (expected one of {expected})")
    for key in ("site", "terms"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise r.fail(raw, key if key in raw else None, f"a grant needs {key!r}")
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
    reference = raw.get("reference", "")
    if reference is not None and (
        isinstance(reference, bool) or not isinstance(reference, (str, int, float))
    ):
        message = f"grant 'reference' must be a string (got {_kind(reference)})"
        raise r.fail(raw, "reference", message)
    return Grant(
        site=_domain(raw["site"]),
        terms=raw["terms"].strip(),
        reference=str(reference).strip() if reference is not None else "",
        expires=expires,
    )


def _grants(r: _Reader, data: Mapping[str, Any]) -> tuple[Grant, ...]:
    raw = data.get("grants")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise r.fail(data, "grants", f"'grants' must be a list (got {_kind(raw)})")
    return tuple(_grant(r, item, raw, index) for index, item in enumerate(raw))


def _fair_use(r: _Reader, data: Mapping[str, Any]) -> dict[str, float]:
    """Thresholds checked here, by name, range and against each other, so that a bad one is
    refused with its line when the config is read, not mid-check when fair use first matters."""
    raw = r.mapping(data, "fair_use")
    if not raw:
        return {}
    names = [f.name for f in fields(FairUseThresholds)]
    out: dict[str, float] = {}
    for key, value in raw.items():
        if key not in names:
            expected = ", ".join(names)
            raise r.fail(raw, key, f"unknown fair_use threshold {shown(key)} (expected {expected})")
        number = not isinstance(value, bool) and isinstance(value, (int, float))
        if not number or not math.isfinite(value):
            raise r.fail(raw, key, f"fair_use {key!r} must be a finite number (got {shown(value)})")
        out[key] = float(value)
    try:
        FairUseThresholds(**out)
    except ValueError as exc:  # the message quotes the threshold it is about
        named = [key for key in out if f"'{key}'" in str(exc)]
        raise r.fail(raw if named else data, named[0] if named else "fair_use", str(exc)) from None
    return out


def _limits(r: _Reader, data: Mapping[str, Any]) -> Limits:
    """The ``limits:`` mapping: known names only, each a positive integer."""
    raw = r.mapping(data, "limits")
    values: dict[str, int] = {}
    for key, value in raw.items():
        if key not in LIMIT_NAMES:
            expected = ", ".join(LIMIT_NAMES)
            raise r.fail(raw, key, f"unknown limit {key!r} (expected one of {expected})")
        try:
            values[key] = check_limit(key, value)
        except ValueError as exc:
            raise r.fail(raw, key, str(exc)) from None
    return Limits(**values) if values else DEFAULT_LIMITS


def parse_config(data: Any, source: str, base: Path) -> ProjectConfig:
    """Validate raw settings (YAML or TOML) read from ``source``; paths are relative to ``base``."""
    r = _Reader(source, base)
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"the config must be a mapping of keys (got {_kind(data)})", source)
    for key in data:
        if key not in KEYS:
            raise r.fail(data, key, f"unknown key {shown(key)} (expected one of {', '.join(KEYS)})")
    fail_on = data.get("fail_on", "error")
    if not isinstance(fail_on, str) or fail_on not in FAIL_ON_LEVELS:
        expected = ", ".join(FAIL_ON_LEVELS)
        message = f"'fail_on' must be one of {expected} (got {shown(fail_on)})"
        raise r.fail(data, "fail_on", message)
    venue = data.get("venue")
    sites = r.mapping(data, "sites")
    domain_map = r.mapping(data, "domain_map")
    for domains in (sites, domain_map):
        for domain in domains:
            if not isinstance(domain, str) or not _domain(domain):
                raise r.fail(domains, domain, f"{shown(domain)} is not a domain")
    for domain, terms_id in domain_map.items():
        if not isinstance(terms_id, str) or not terms_id.strip():
            raise r.fail(domain_map, domain, f"domain_map {shown(domain)} must name a terms id")
    front_matter = r.mapping(data, "front_matter")
    for role, key in front_matter.items():
        if role not in FRONT_MATTER_ROLES:
            expected = ", ".join(FRONT_MATTER_ROLES)
            message = f"unknown front_matter role {shown(role)} (expected one of {expected})"
            raise r.fail(front_matter, role, message)
        if not isinstance(key, str) or not key.strip():
            raise r.fail(front_matter, role, f"front_matter {role!r} must name a key")
    return ProjectConfig(
        path=None,
        root=base,
        index=_index(r, data),
        originals=r.path(data, "originals"),
        rules_dirs=tuple((base / d).resolve() for d in r.strings(data, "rules")),
        site=_domain(r.text(data, "site") or "") or None,
        venue=None if venue is None else _venue(r, data, "venue", venue),
        sites={_domain(d): _venue(r, sites, d, v) for d, v in sites.items()},
        domain_map={_domain(d): t.strip() for d, t in domain_map.items()},
        grants=_grants(r, data),
        fail_on=fail_on,
        files=r.strings(data, "files"),
        front_matter={role: key.strip() for role, key in front_matter.items()},
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
