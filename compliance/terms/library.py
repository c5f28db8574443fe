"""The rules library: built-in rule files plus a team's own folders, keyed by terms id.

Built-ins ship as the package ``compliance.rules`` (the top-level rules/ folder), so a wheel and a
checkout find them the same way. Extra folders override built-ins by id; two files claiming the
same id within one layer are an error, since nobody could tell which one a report applied.

Parsing the rule files with line numbers costs more than a whole short check, and they rarely
change, so `load_library` keeps a JSON copy of the parsed library in the user's cache folder,
keyed by the rule files' contents and the code that parses them.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ComplianceError, RuleFileError
from ..fileio import cache_dir
from ..model import Terms
from .schema import display_path, load_rule_file, parse

__all__ = [
    "builtin_rules_dir",
    "cache_dir",
    "load_library",
    "load_library_cached",
    "load_rules",
    "rule_files",
    "validate_paths",
]

RULE_SUFFIXES = (".yaml", ".yml")
_ID_KEY = re.compile(r"^id\s*:")


def builtin_rules_dir() -> Path:
    """Folder of the built-in rule files, installed (``compliance.rules``) or in a checkout."""
    try:
        root = importlib.resources.files("compliance.rules")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "rules"
    return Path(str(root))


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Rule files named by ``paths``: files as given, folders expanded to their *.yaml, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in RULE_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise RuleFileError("no such rule file or folder", source=display_path(path))
    return found


@lru_cache(maxsize=256)
def _cached(path: str, text: str) -> Terms:
    return load_rule_file(path, text=text)


def _load(path: Path) -> Terms:
    """Parse a rule file, memoised on its contents (an mtime can miss a quick rewrite).

    ``source`` is shown relative to the current folder at each call, not at the first.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return load_rule_file(path)  # raises the loader's own message
    return replace(_cached(str(path), text), source=display_path(path))


def _id_line(path: Path) -> int:
    """Line of the top-level ``id:`` key, for messages about the rule as a whole."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, start=1) if _ID_KEY.match(line)), 1)


def load_rules(paths: Iterable[str | Path]) -> dict[str, Terms]:
    """Load one layer of rule files; a rule id defined twice is a RuleFileError naming both."""
    layer: dict[str, Terms] = {}
    for path in rule_files(paths):
        terms = _load(path)
        if terms.id in layer:
            first = layer[terms.id]
            raise RuleFileError(
                f"duplicate rule id {terms.id!r} (already defined in "
                f"{first.source}:{_id_line(Path(first.source))})",
                source=f"{display_path(path)}:{_id_line(path)}",
            )
        layer[terms.id] = terms
    return layer


def load_library(extra_dirs: Sequence[Path] = (), *, cache: bool = True) -> dict[str, Terms]:
    """Built-in terms, then ``extra_dirs`` (folders or files) overriding them by id.

    With ``cache`` (the default) an unchanged set of rule files is read from the user's cache
    folder instead of being parsed again; see `load_library_cached`.

    Raises:
        RuleFileError: a rule file is invalid, missing, or two files in one layer share an id.
    """
    if cache:
        return load_library_cached(extra_dirs)
    return _parse_library(extra_dirs)


def _parse_library(extra_dirs: Sequence[Path]) -> dict[str, Terms]:
    library = load_rules([builtin_rules_dir()])
    if extra_dirs:
        library.update(load_rules(extra_dirs))
    return dict(sorted(library.items()))


# --- the cache ------------------------------------------------------------------------------

_CACHE_FORMAT = 1
# Code whose change can change what a rule file parses to (schema, check options, the model).
_CODE_DIRS = ("terms", "checks")
_CODE_FILES = ("model.py", "serialize.py")


def _code_stamp() -> list[Any]:
    """Size and mtime of the package's parsing code, so an edited checkout misses the cache."""
    package = Path(__file__).resolve().parents[1]
    stamp: list[Any] = []
    paths = [package / name for name in _CODE_FILES]
    for folder in _CODE_DIRS:
        with os.scandir(package / folder) as entries:
            paths.extend(Path(e.path) for e in entries if e.name.endswith(".py"))
    for path in sorted(paths):
        st = path.stat()
        stamp.append([path.name, st.st_size, st.st_mtime_ns])
    return stamp


def _cache_key(files: Sequence[Path]) -> tuple[str, dict[str, str]]:
    """A digest of the tool version, the parsing code and every rule file's path and bytes.

    Contents, not mtimes, decide: a file rewritten within one clock tick is still seen.
    Returns the digest and each file's resolved path (which ``Terms.source`` is shown from).
    """
    from .. import __version__

    digest = hashlib.sha256()
    digest.update(json.dumps([_CACHE_FORMAT, __version__, _code_stamp()]).encode())
    resolved: dict[str, str] = {}
    for path in files:
        absolute = str(path.resolve())
        resolved[str(path)] = absolute
        digest.update(b"\0" + absolute.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest(), resolved


def load_library_cached(extra_dirs: Sequence[Path] = ()) -> dict[str, Terms]:
    """`load_library` through a JSON cache in `cache_dir`, one file per list of rule folders.

    A changed, added or removed rule file, a new tool version or edited parsing code is a miss,
    which parses (and validates) the rules as usual and rewrites the cache atomically. A
    missing, corrupt or unwritable cache is silently skipped. The cache is JSON, never code.
    Terms.source is stored absolute and shown relative to the current folder on every load.
    """
    from .. import serialize
    from ..fileio import write_atomic

    try:
        files = rule_files([builtin_rules_dir(), *extra_dirs])
        key, resolved = _cache_key(files)
    except (OSError, ComplianceError):
        return _parse_library(extra_dirs)  # let the loader report the problem
    dirs = json.dumps([str(Path(d).resolve()) for d in extra_dirs])
    path = cache_dir() / f"terms-{hashlib.sha256(dirs.encode()).hexdigest()[:20]}.json"
    with contextlib.suppress(
        OSError, ValueError, TypeError, KeyError, AttributeError, ComplianceError
    ):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["key"] == key:
            return {
                k: replace(serialize.from_dict(Terms, v), source=display_path(data["sources"][k]))
                for k, v in data["terms"].items()
            }
    library = _parse_library(extra_dirs)
    by_shown = {display_path(p): a for p, a in resolved.items()}
    sources = {k: by_shown.get(t.source) for k, t in library.items()}
    terms = {k: serialize.to_dict(t) for k, t in library.items()}
    payload = json.dumps({"key": key, "sources": sources, "terms": terms}, ensure_ascii=False)
    exact = all(
        sources[k] is not None
        and replace(serialize.from_dict(Terms, v), source=display_path(sources[k])) == library[k]
        for k, v in json.loads(payload)["terms"].items()
    )
    if exact:
        with contextlib.suppress(OSError):
            write_atomic(path, payload)
    return library


def validate_paths(paths: Iterable[str | Path]) -> tuple[int, list[str]]:
    """Check rule files as one layer: ``(files checked, every problem as 'path:line: message')``.

    Unlike loading, this does not stop at the first problem, so a legal team can fix a whole
    folder in one pass. A missing path still raises RuleFileError (a usage error).
    """
    files = rule_files(paths)
    messages: list[str] = []
    seen: dict[str, str] = {}
    for path in files:
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            messages.append(f"{shown}:1: cannot read: {exc}")
            continue
        terms, problems = parse(text, shown)
        messages.extend(str(p) for p in problems)
        if terms is None:
            continue
        where = f"{shown}:{_id_line(path)}"
        if terms.id in seen:
            messages.append(
                f"{where}: duplicate rule id {terms.id!r} (already defined in {seen[terms.id]})"
            )
        else:
            seen[terms.id] = where
    return len(files), messages
