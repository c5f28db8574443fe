"""The rules library: built-in rule files plus a team's own folders, keyed by terms id.

Built-ins ship as the package ``compliance.rules`` (the top-level rules/ folder), so a wheel and a
checkout find them the same way. Extra folders override built-ins by id; two files claiming the
same id within one layer are an error, since nobody could tell which one a report applied.

Rule files are parsed by libyaml (see yamlload), so reading the whole library costs a few
milliseconds and needs no cache on disk; within one process each file is parsed once.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..errors import RuleFileError
from ..model import Terms
from .schema import display_path, load_rule_file, parse

__all__ = [
    "builtin_rules_dir",
    "load_library",
    "load_rules",
    "rule_files",
    "validate_paths",
]

RULE_SUFFIXES = (".yaml", ".yml")
_ID_KEY = re.compile(r"^id\s*:")


def builtin_rules_dir() -> Path:
    """Folder of the built-in rule files, installed (``compliance.rules``) or in a checkout."""
    try:  # the rules/ folder, installed as this package (pyproject.toml's package-dir)
        rules = importlib.import_module("compliance.rules")
    except ImportError:
        return Path(__file__).resolve().parents[2] / "rules"
    return Path(str(rules.__file__)).parent


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


def load_library(extra_dirs: Sequence[Path] = ()) -> dict[str, Terms]:
    """Built-in terms, then ``extra_dirs`` (folders or files) overriding them by id.

    Raises:
        RuleFileError: a rule file is invalid, missing, or two files in one layer share an id.
    """
    library = load_rules([builtin_rules_dir()])
    if extra_dirs:
        library.update(load_rules(extra_dirs))
    return dict(sorted(library.items()))


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
