"""Clause patterns: how republishing notices are phrased, per language, as data.

The files live in ``rules/notices/<language>.yaml`` (installed as ``compliance.rules``), so a
legal team can add a phrasing or a language without touching code. Each file has four sections:
``signals`` (a closed set, listed in `SIGNALS`), ``venues``, ``uses`` and ``forbids`` (open
vocabularies of label tokens). Every entry is a regular expression matched case-insensitively
against one sentence. ``validate_pattern_file`` reports every problem as ``path:line: message``,
like the rule-file validator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .schema import Problem, display_path
from .venues import VENUE_TOKENS
from .yamlload import LineDict, LineList, YamlProblem, load_yaml

__all__ = [
    "SIGNALS",
    "VENUE_TOKENS",
    "PatternSet",
    "builtin_patterns_dir",
    "is_patterns",
    "load_patterns",
    "validate_pattern_file",
    "validate_pattern_paths",
]

# signal -> what a match in a sentence means; the reader in notice.py gives each its effect.
SIGNALS: dict[str, str] = {
    "grant": "republishing is allowed (possibly with conditions)",
    "permission": "republishing needs permission",
    "reserved": "all rights are reserved (permission needed)",
    "prohibition": "republishing is ruled out",
    "reuse": "words about reusing the work; a permission or prohibition counts only in a "
    "paragraph that has one (so 'entered without permission' in a story is no notice)",
    "public_domain": "the work is in the public domain",
    "private_use": "a grant only for private or personal use, which is not republishing",
    "negation": "a word that turns a grant in the same sentence around",
    "waiver": "says no permission is needed: a permission phrase it overlaps asks for nothing",
    "restriction": "a word (only, solely) between a grant and a permission phrase after it: "
    "'reproduction is permitted only with our consent' needs permission",
    "optional": "a wish, not a requirement (it's nice if ...)",
    "obligation": "a word that makes a sentence a requirement (must, as long as ...)",
    "conditional": "an if-clause; a venue named inside it is a condition, not a venue granted",
    "credit_source": "the publication must be credited",
    "byline": "the author must be credited",
    "copyright_notice": "the copyright line must be kept",
    "link_article": "a link to the original article itself is required",
    "link_home": "a link to the publisher's site is required",
    "link_any": "a link is required, to no particular page",
    "keep_links": "the links inside the story must be kept",
    "no_modification": "the text must not be changed",
    "tracking_pixel": "the publisher's tracking image must be kept",
    "together": "the credit elements must appear together",
    "cc": "a Creative Commons licence is named",
    "cc_by": "licence element: attribution (BY)",
    "cc_nc": "licence element: non-commercial (NC)",
    "cc_nd": "licence element: no derivatives (ND)",
    "cc_sa": "licence element: share alike (SA)",
    "cc_version": "licence version; the pattern names it with (?P<version>...)",
    "contact": "whom to ask; the pattern names it with (?P<contact>...)",
}
# Group a pattern of these signals must capture.
_GROUPS = {"cc_version": "version", "contact": "contact"}
_SECTIONS = ("signals", "venues", "uses", "forbids")
_TOP_KEYS = ("language", *_SECTIONS)
_TOKEN = re.compile(r"^[a-z][a-z0-9-]*$")
_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class PatternSet:
    """Compiled patterns of every language, merged: section -> key -> regexes."""

    signals: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    venues: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    uses: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    forbids: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    languages: tuple[str, ...] = ()


def builtin_patterns_dir() -> Path:
    """Folder of the built-in pattern files (``rules/notices``)."""
    from .library import builtin_rules_dir

    return builtin_rules_dir() / "notices"


def is_patterns(path: Path) -> bool:
    """True for a clause-pattern folder (``notices``) or a file in one, not a rule file."""
    path = Path(path)
    return path.name == "notices" if path.is_dir() else path.parent.name == "notices"


def _section(
    data: LineDict, name: str, shown: str, problems: list[Problem]
) -> dict[str, list[re.Pattern[str]]]:
    """The valid patterns of one section, compiled: validating a pattern compiles it, so the
    compiled pattern is what is kept (each pattern is compiled once per process)."""
    raw = data.get(name)
    if raw is None:
        return {}
    if not isinstance(raw, LineDict):
        problems.append(Problem(shown, data.line_of(name), f"{name!r} must be a mapping"))
        return {}
    found: dict[str, list[re.Pattern[str]]] = {}
    for key, items in raw.items():
        line = raw.line_of(key)
        if name == "signals" and key not in SIGNALS:
            known = ", ".join(SIGNALS)
            problems.append(
                Problem(shown, line, f"unknown signal {key!r} (expected one of {known})")
            )
            continue
        if name == "venues" and key not in VENUE_TOKENS:
            known = ", ".join(VENUE_TOKENS)
            problems.append(
                Problem(shown, line, f"unknown venue {key!r} (expected one of {known})")
            )
            continue
        if not _TOKEN.match(key) and name != "signals":
            problems.append(
                Problem(shown, line, f"{name}.{key}: use lowercase letters, digits and '-'")
            )
            continue
        if not isinstance(items, LineList) or not items:
            problems.append(Problem(shown, line, f"{name}.{key} must be a non-empty list"))
            continue
        for index, item in enumerate(items):
            where = items.line_of(index)
            if not isinstance(item, str) or not item.strip():
                problems.append(Problem(shown, where, f"{name}.{key} holds an empty pattern"))
                continue
            try:
                compiled = re.compile(item, _FLAGS)
            except re.error as exc:
                problems.append(
                    Problem(shown, where, f"{name}.{key}: not a valid pattern ({exc.msg})")
                )
                continue
            group = _GROUPS.get(key) if name == "signals" else None
            if group and group not in compiled.groupindex:
                problems.append(
                    Problem(shown, where, f"{name}.{key}: pattern must capture (?P<{group}>...)")
                )
                continue
            found.setdefault(key, []).append(compiled)
    return found


def _parse(path: Path) -> tuple[dict[str, dict[str, list[re.Pattern[str]]]], list[Problem]]:
    shown = display_path(path)
    problems: list[Problem] = []
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(shown, 1, f"cannot read: {exc}")]
    except YamlProblem as exc:
        return {}, [Problem(shown, exc.line, exc.message)]
    if not isinstance(data, LineDict):
        return {}, [Problem(shown, 1, "a pattern file must be a mapping of keys")]
    for key in data:
        if key not in _TOP_KEYS:
            expected = ", ".join(_TOP_KEYS)
            problems.append(
                Problem(
                    shown, data.line_of(key), f"unknown key {key!r} (expected one of {expected})"
                )
            )
    language = data.get("language")
    if not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,3}", language):
        problems.append(
            Problem(shown, data.line_of("language"), "'language' must be an ISO 639 code, e.g. en")
        )
    sections = {name: _section(data, name, shown, problems) for name in _SECTIONS}
    return sections, problems


def validate_pattern_file(path: Path) -> Iterator[str]:
    """Yield one ``path:line: message`` per problem of a pattern file; nothing when valid."""
    for problem in _parse(path)[1]:
        yield str(problem)


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.yaml")))
        else:
            found.append(path)
    return found


def validate_pattern_paths(paths: Iterable[Path]) -> tuple[int, list[str]]:
    """Check pattern files and folders: ``(files checked, every problem)``."""
    files = _files(paths)
    return len(files), [m for path in files for m in validate_pattern_file(path)]


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> PatternSet:
    merged: dict[str, dict[str, list[re.Pattern[str]]]] = {name: {} for name in _SECTIONS}
    languages: list[str] = []
    for path in _files(paths):
        sections, problems = _parse(path)
        if problems:
            raise problems[0].error()
        languages.append(path.stem)
        for name, entries in sections.items():
            for key, items in entries.items():
                merged[name].setdefault(key, []).extend(items)

    def frozen(name: str) -> dict[str, tuple[re.Pattern[str], ...]]:
        return {k: tuple(v) for k, v in merged[name].items()}

    return PatternSet(
        signals=frozen("signals"),
        venues=frozen("venues"),
        uses=frozen("uses"),
        forbids=frozen("forbids"),
        languages=tuple(languages),
    )


def load_patterns(extra: Iterable[Path] = ()) -> PatternSet:
    """The built-in patterns plus ``extra`` files or folders, every language merged.

    Raises:
        RuleFileError: a pattern file is invalid (``path:line: message``).
    """
    return _load((builtin_patterns_dir(), *(Path(p) for p in extra)))
