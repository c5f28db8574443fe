"""Clause patterns: how republishing notices are phrased, per language, as data.

The files live in ``rules/notices/<language>.yaml`` (installed as ``compliance.rules``), so a
legal team can add a phrasing or a language without touching code. Each file has four sections:
``signals`` (a closed set, listed in `SIGNALS`), ``venues``, ``uses`` and ``forbids`` (open
vocabularies of label tokens). Every entry is a regular expression matched case-insensitively
against one sentence. ``validate_pattern_file`` reports every problem as ``path:line: message``,
like the rule-file validator.

Every file looks for a notice in every text: a short notice ("Weiterverbreitung gestattet.")
cannot be told apart by language reliably, and a notice missed makes an innocent republisher look
like an infringer. The notice's sentences are then read with the files whose cues they hold
(:meth:`PatternSet.triggered`), and a pattern is compiled only when a text first needs it and
holds, of each set of words every match of it contains, one word (its needles, `needles.py`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from .needles import Groups, fold, needle_groups, shipped_needles
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
    "waiver": "says no permission is needed: a permission phrase it overlaps asks for nothing, "
    "and a sentence naming the reuse allows it ('no permission is needed to republish')",
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
Sections = dict[str, dict[str, list[re.Pattern[str]]]]


@dataclass(frozen=True)
class PatternSet:
    """Compiled patterns of every language, merged: section -> key -> regexes."""

    signals: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    venues: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    uses: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    forbids: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()  # the files merged, in reading order
    seen: _Seen | None = field(default=None, compare=False, repr=False)  # see `within`

    def within(self, text: str) -> PatternSet:
        """These patterns for reading ``text`` and any part of it: a pattern that needs a word
        the text lacks (`needles.py`) cannot match there, and is left out uncompiled.

        Parts joined by line breaks may be read too: no needle holds a line break.
        """
        seen = _Seen(text)

        def narrowed(
            section: Mapping[str, tuple[re.Pattern[str], ...]],
        ) -> Mapping[str, tuple[re.Pattern[str], ...]]:
            return section.seen_in(seen) if isinstance(section, _Section) else section

        return replace(
            self,
            signals=narrowed(self.signals),
            venues=narrowed(self.venues),
            uses=narrowed(self.uses),
            forbids=narrowed(self.forbids),
            seen=seen,
        )

    def triggered(self, text: str, keys: Sequence[str]) -> PatternSet:
        """The files whose own ``keys`` signals (the words that make a sentence a notice's)
        match ``text``, merged in the same key order, plus every file of no one language
        (``mul``: licence names and codes).

        A notice is read with the languages it is written in: a language's other phrasings
        (venues, credits, contacts) are never compiled for a notice none of its words marks.
        """
        chosen = tuple(
            (path, language)
            for path, language in zip(self.files, self.languages, strict=True)
            if language == "mul"
            or any(
                pattern.search(text)
                for key in keys
                for pattern in _admitted(path, "signals", key, self.seen)
            )
        )
        if len(chosen) == len(self.files):
            return self
        return _merge(
            tuple(p for p, _ in chosen), tuple(lang for _, lang in chosen), self.files, self.seen
        )


@cache
def builtin_patterns_dir() -> Path:
    """Folder of the built-in pattern files (``rules/notices``)."""
    from .library import builtin_rules_dir

    return builtin_rules_dir() / "notices"


def is_patterns(path: Path) -> bool:
    """True for a clause-pattern folder (``notices``) or a file in one, not a rule file."""
    path = Path(path)
    return path.name == "notices" if path.is_dir() else path.parent.name == "notices"


def _listed(items: object, label: str, at: Problem, problems: list[Problem]) -> LineList:
    """``items`` when it is a non-empty list; else the problem is reported ``at`` its line and
    the list is empty."""
    if isinstance(items, LineList) and items:
        return items
    problems.append(replace(at, message=f"{label} must be a non-empty list"))
    return LineList()


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
    for key in raw:
        compiled = _entry(raw, name, key, shown, problems)
        if compiled:
            found[key] = compiled
    return found


def _key_problem(raw: LineDict, name: str, key: str, shown: str) -> Problem | None:
    """What is wrong with the key ``key`` of section ``name`` itself, if anything."""
    line = raw.line_of(key)
    if name == "signals" and key not in SIGNALS:
        known = ", ".join(SIGNALS)
        return Problem(shown, line, f"unknown signal {key!r} (expected one of {known})")
    if name == "venues" and key not in VENUE_TOKENS:
        known = ", ".join(VENUE_TOKENS)
        return Problem(shown, line, f"unknown venue {key!r} (expected one of {known})")
    if not _TOKEN.match(key) and name != "signals":
        return Problem(shown, line, f"{name}.{key}: use lowercase letters, digits and '-'")
    return None


def _item(
    items: LineList, index: int, name: str, key: str, shown: str
) -> re.Pattern[str] | Problem:
    """One pattern of a key, compiled, or what is wrong with it."""
    item, where = items[index], items.line_of(index)
    if not isinstance(item, str) or not item.strip():
        return Problem(shown, where, f"{name}.{key} holds an empty pattern")
    try:
        compiled = re.compile(item, _FLAGS)
    except re.error as exc:
        return Problem(shown, where, f"{name}.{key}: not a valid pattern ({exc.msg})")
    group = _GROUPS.get(key) if name == "signals" else None
    if group and group not in compiled.groupindex:
        return Problem(shown, where, f"{name}.{key}: pattern must capture (?P<{group}>...)")
    return compiled


def _entry(
    raw: LineDict, name: str, key: str, shown: str, problems: list[Problem]
) -> list[re.Pattern[str]]:
    """The valid patterns of one key of section ``name``, compiled; problems are appended."""
    wrong = _key_problem(raw, name, key, shown)
    if wrong is not None:
        problems.append(wrong)
        return []
    items = _listed(raw[key], f"{name}.{key}", Problem(shown, raw.line_of(key), ""), problems)
    found: list[re.Pattern[str]] = []
    for index in range(len(items)):
        compiled = _item(items, index, name, key, shown)
        if isinstance(compiled, Problem):
            problems.append(compiled)
        else:
            found.append(compiled)
    return found


def _read_document(path: Path) -> tuple[LineDict, str | None, tuple[Problem, ...]]:
    """A pattern file read and its top level checked (language, keys): cheap, no pattern
    compiled. Returns the data, the file's language (None when it cannot be read at all) and
    its problems."""
    shown = display_path(path)
    problems: list[Problem] = []
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return LineDict(), None, (Problem(shown, 1, f"cannot read: {exc}"),)
    except YamlProblem as exc:
        return LineDict(), None, (Problem(shown, exc.line, exc.message),)
    if not isinstance(data, LineDict):
        return LineDict(), None, (Problem(shown, 1, "a pattern file must be a mapping of keys"),)
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
        language = path.stem
    return data, language, tuple(problems)


# Read once per process by the notice reader; the validator reads each file afresh.
_document = lru_cache(maxsize=32)(_read_document)


@lru_cache(maxsize=32)
def _shown(path: Path, cwd: str) -> str:
    """``path`` as messages show it from ``cwd``: resolved once, not for every key read."""
    return display_path(path)


def _parse(path: Path) -> tuple[Sections, list[Problem]]:
    """Every section of a file compiled, and every problem of the file, read afresh."""
    data, language, problems = _read_document(path)
    found = list(problems)
    if language is None:
        return {}, found
    shown = display_path(path)
    sections = {name: _section(data, name, shown, found) for name in _SECTIONS}
    return sections, found


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


@cache
def _key_items(path: Path, section: str, key: str) -> LineList:
    """One key's patterns in one file, the key and its list checked, none compiled.

    Raises:
        RuleFileError: the key itself or its list is invalid (``path:line: message``).
    """
    raw = _document(path)[0].get(section)
    if not isinstance(raw, LineDict) or key not in raw:
        return LineList()
    shown = _shown(path, os.getcwd())
    problems: list[Problem] = []
    wrong = _key_problem(raw, section, key, shown)
    items = _listed(raw[key], f"{section}.{key}", Problem(shown, raw.line_of(key), ""), problems)
    if wrong is not None or problems:
        raise (wrong or problems[0]).error()
    return items


@cache
def _needles(path: Path, section: str, key: str) -> tuple[Groups, ...]:
    """The needle sets of each pattern of one key in one file.

    A built-in file's patterns take their needles from the shipped table. Any other pattern is
    compiled here to check it: a broken one gets no needles, so it is compiled, and reported,
    whenever its key is read, whatever the text (a look-behind of varying width parses, and
    only compiling finds it wrong)."""
    items = _key_items(path, section, key)
    table = shipped_needles() if path.parent == builtin_patterns_dir() else {}
    found: list[Groups] = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item in table:
            found.append(table[item])
            continue
        checked = _item(items, index, section, key, _shown(path, os.getcwd()))
        found.append(None if isinstance(checked, Problem) else needle_groups(checked.pattern))
    return tuple(found)


@cache
def _pattern(path: Path, section: str, key: str, index: int) -> re.Pattern[str]:
    """One pattern compiled, once per process, when a text first may hold a match.

    Raises:
        RuleFileError: the pattern is invalid (``path:line: message``).
    """
    items = _key_items(path, section, key)
    compiled = _item(items, index, section, key, _shown(path, os.getcwd()))
    if isinstance(compiled, Problem):
        raise compiled.error()
    return compiled


def _keys(path: Path, section: str) -> list[str]:
    """The keys of one section of a file, in file order, without compiling its patterns."""
    entries = _document(path)[0].get(section)
    return list(entries) if isinstance(entries, dict) else []


def _admitted(path: Path, section: str, key: str, seen: _Seen | None) -> Iterator[re.Pattern[str]]:
    """One key's patterns in one file that may match the text ``seen`` (all without a text),
    each compiled only when reached: a caller that stops early compiles no more."""
    for index, groups in enumerate(_needles(path, section, key)):
        if seen is None or seen.may_match(groups):
            yield _pattern(path, section, key, index)


class _Seen:
    """A text, folded, and which needles it holds: asked once per needle."""

    def __init__(self, text: str) -> None:
        self._folded = fold(text)
        self._held: dict[str, bool] = {}

    def may_match(self, groups: Groups) -> bool:
        """False when the text lacks every needle of some group: the pattern cannot match."""
        return groups is None or all(any(self._holds(n) for n in group) for group in groups)

    def _holds(self, needle: str) -> bool:
        held = self._held.get(needle)
        if held is None:
            held = self._held[needle] = needle in self._folded
        return held


class _Section(Mapping[str, tuple[re.Pattern[str], ...]]):
    """One section of every file merged: key -> the key's patterns of every file, in file order.

    A pattern is compiled when a key is first read, and then only when the text read (``seen``)
    holds a needle of each of its needle sets: a text with no notice compiles few patterns.
    """

    def __init__(
        self, files: tuple[Path, ...], name: str, keys: tuple[str, ...], seen: _Seen | None
    ) -> None:
        self._files = files
        self._name = name
        self._keys = keys
        self._seen = seen

    def __getitem__(self, key: str) -> tuple[re.Pattern[str], ...]:
        if key not in self._keys:
            raise KeyError(key)
        return tuple(
            pattern
            for path in self._files
            for pattern in _admitted(path, self._name, key, self._seen)
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def seen_in(self, seen: _Seen) -> _Section:
        """The same keys, read only in the text ``seen``."""
        return _Section(self._files, self._name, self._keys, seen)


def _merge(
    files: tuple[Path, ...],
    languages: tuple[str, ...],
    library: tuple[Path, ...] | None = None,
    seen: _Seen | None = None,
) -> PatternSet:
    """The patterns of ``files`` merged in that order: a key comes where it first appears in
    the whole ``library`` (the reader lists venues in the order it meets them, so a text reads
    the same with some files as with all), and its patterns keep their file order."""
    every = files if library is None else library

    def section(name: str) -> _Section:
        defined = {key for path in files for key in _keys(path, name)}
        keys = dict.fromkeys(key for path in every for key in _keys(path, name))
        return _Section(files, name, tuple(k for k in keys if k in defined), seen)

    return PatternSet(
        signals=section("signals"),
        venues=section("venues"),
        uses=section("uses"),
        forbids=section("forbids"),
        languages=languages,
        files=files,
        seen=seen,
    )


@lru_cache(maxsize=8)
def _library(paths: tuple[Path, ...]) -> PatternSet:
    files = _files(paths)
    languages: list[str] = []
    for path in files:
        _, language, problems = _document(path)
        if problems:
            raise problems[0].error()
        assert language is not None  # a file that cannot be read has a problem
        languages.append(language)
    return _merge(tuple(files), tuple(languages))


def builtin_pattern_sources() -> list[str]:
    """Every pattern of the built-in files, in file order (the needles table's keys)."""
    sources: list[str] = []
    for path in _files([builtin_patterns_dir()]):
        data = _read_document(path)[0]
        for name in _SECTIONS:
            section = data.get(name)
            for items in section.values() if isinstance(section, dict) else ():
                sources.extend(i for i in items if isinstance(i, str))
    return sources


def load_patterns(extra: Iterable[Path] = (), *, builtin: bool = True) -> PatternSet:
    """The patterns of the built-in files plus ``extra`` files or folders, every file read for
    every text; their top level is checked here. ``builtin`` False: ``extra`` alone (to see
    what one language's file reads without the others' help).

    A key's patterns are compiled when a text first reads it; ``compliance rules validate``
    checks every pattern of every file up front.

    Raises:
        RuleFileError: a pattern file's top level is invalid (``path:line: message``).
    """
    return _library((*([builtin_patterns_dir()] if builtin else []), *(Path(p) for p in extra)))
