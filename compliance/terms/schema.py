"""Rule files (rules/*.yaml) -> ``model.Terms``, with every problem named by file and line.

``validate(path)`` yields every problem of one file (for a legal team fixing their own rules);
``load_rule_file(path)`` raises the first as a ``RuleFileError``. Both go through ``parse`` so the
two can never disagree. The schema is documented for readers in rules/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeGuard

from ..checks import KINDS
from ..errors import RuleFileError
from ..model import SEVERITIES, VENUES, Detect, Requirement, Terms
from ..params import from_rule
from .yamlload import LineDict, LineList, YamlProblem, load_yaml

__all__ = [
    "NATURES",
    "POLICIES",
    "Problem",
    "display_path",
    "load_rule_file",
    "parse",
    "validate",
]

POLICIES = ("allowed", "permission", "forbidden")
NATURES = ("factual", "creative")
TOP_KEYS = (
    "id",
    "name",
    "publisher",
    "url",
    "nature",
    "licensed",
    "detect",
    "clause",
    "clauses",
    "venues",
    "contact",
    "requirements",
)
DETECT_KEYS = ("domains", "phrases", "license_urls", "any_publisher")
REQUIREMENT_KEYS = ("id", "kind", "severity", "message", "clause")
MIN_PHRASE_WORDS = 3
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Problem:
    """One defect of a rule file at a 1-based line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def error(self) -> RuleFileError:
        return RuleFileError(self.message, source=f"{self.path}:{self.line}")


@dataclass
class _Parse:
    path: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, max(line, 1), message))


def display_path(path: str | Path) -> str:
    """``path`` relative to the working directory when it lies below it, for short messages."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def _one_of(values: Any) -> str:
    return ", ".join(str(v) for v in values)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else type(value).__name__


def _got(value: Any) -> str:
    return f"{value!r} that is {type(value).__name__}"


def _is_str(value: Any) -> TypeGuard[str]:
    return isinstance(value, str)


def _str_field(p: _Parse, data: LineDict, key: str, *, required: bool = False) -> str | None:
    if key not in data:
        if required:
            p.add(data.line, f"missing required key {key!r}")
        return None
    value = data[key]
    if not _is_str(value) or not value.strip():
        p.add(data.line_of(key), f"{key!r} must be a non-empty string (got {_got(value)})")
        return None
    return value.strip()


def _str_list(
    p: _Parse, container: LineDict, key: str, label: str, noun: str = "entry"
) -> tuple[str, ...]:
    value = container.get(key)
    if value is None:
        return ()
    if not isinstance(value, LineList):
        p.add(container.line_of(key), f"{label} must be a list of strings (got {_got(value)})")
        return ()
    items: list[str] = []
    for index, item in enumerate(value):
        if not _is_str(item):
            p.add(value.line_of(index), f"{label} must hold strings (got {_got(item)})")
        elif not item.strip():
            p.add(value.line_of(index), f"{label} has an empty {noun}")
        else:
            items.append(" ".join(item.split()))
    return tuple(items)


def _detect(p: _Parse, data: LineDict) -> Detect:
    raw = data.get("detect")
    if raw is None:
        return Detect()
    if not isinstance(raw, LineDict):
        p.add(data.line_of("detect"), f"'detect' must be a mapping (got {_got(raw)})")
        return Detect()
    for key in raw:
        if key not in DETECT_KEYS:
            p.add(
                raw.line_of(key),
                f"unknown key 'detect.{key}' (expected one of {_one_of(DETECT_KEYS)})",
            )
    phrases = _str_list(p, raw, "phrases", "detect.phrases", noun="phrase")
    raw_phrases = raw.get("phrases")
    for index, phrase in enumerate(phrases):
        if len(phrase.split()) < MIN_PHRASE_WORDS:
            line = raw_phrases.line_of(index) if isinstance(raw_phrases, LineList) else raw.line
            p.add(
                line,
                f"detect phrase {phrase!r} is too short to identify an original "
                f"(use at least {MIN_PHRASE_WORDS} words)",
            )
    domains = tuple(
        d.lower().removeprefix("www.") for d in _str_list(p, raw, "domains", "detect.domains")
    )
    license_urls = _str_list(p, raw, "license_urls", "detect.license_urls")
    any_publisher = raw.get("any_publisher", False)
    if not isinstance(any_publisher, bool):
        p.add(
            raw.line_of("any_publisher"),
            f"'detect.any_publisher' must be true or false (got {_got(any_publisher)})",
        )
        any_publisher = False
    return Detect(
        domains=domains,
        phrases=phrases,
        license_urls=license_urls,
        any_publisher=any_publisher,
    )


def _clauses(p: _Parse, data: LineDict) -> dict[str, str]:
    if "clause" in data and "clauses" in data:
        p.add(data.line_of("clauses"), "use either 'clause' or 'clauses', not both")
    if "clause" in data:
        text = _str_field(p, data, "clause")
        return {"main": " ".join(text.split())} if text else {}
    raw = data.get("clauses")
    if raw is None:
        p.add(data.line, "missing required key 'clause' (or 'clauses' with a 'main' entry)")
        return {}
    if not isinstance(raw, LineDict):
        p.add(
            data.line_of("clauses"), f"'clauses' must be a mapping of id -> text (got {_got(raw)})"
        )
        return {}
    clauses: dict[str, str] = {}
    for key, text in raw.items():
        if not _is_str(text) or not text.strip():
            p.add(raw.line_of(key), f"clause {key!r} must be non-empty text (got {_got(text)})")
        else:
            clauses[key] = " ".join(text.split())
    if "main" not in raw:
        p.add(raw.line, "'clauses' must include 'main'")
    return clauses


def _venues(p: _Parse, data: LineDict) -> dict[str, str]:
    raw = data.get("venues")
    if raw is None:
        return {}
    if not isinstance(raw, LineDict):
        p.add(
            data.line_of("venues"),
            f"'venues' must be a mapping of venue -> policy (got {_got(raw)})",
        )
        return {}
    venues: dict[str, str] = {}
    for venue, policy in raw.items():
        line = raw.line_of(venue)
        if venue not in VENUES:
            p.add(line, f"unknown venue {venue!r} (expected one of {_one_of(VENUES)})")
        elif policy not in POLICIES:
            p.add(
                line,
                f"venue {venue!r} has unknown policy {policy!r} "
                f"(expected one of {_one_of(POLICIES)})",
            )
        else:
            venues[venue] = policy
    return venues


def _requirement(p: _Parse, raw: Any, line: int, clauses: dict[str, str]) -> Requirement | None:
    if not isinstance(raw, LineDict):
        p.add(line, f"a requirement must be a mapping (got {_got(raw)})")
        return None
    rid = raw.get("id")
    if not _is_str(rid) or not _ID.match(rid):
        p.add(
            raw.line_of("id"),
            f"requirement id must be lowercase letters, digits, '.', '_' or '-' (got {rid!r})",
        )
        return None
    kind = raw.get("kind")
    if kind is None:
        p.add(
            raw.line,
            f"requirement {rid!r} is missing its kind (expected one of {_one_of(tuple(KINDS))})",
        )
        return None
    if kind not in tuple(KINDS):
        p.add(
            raw.line_of("kind"),
            f"requirement {rid!r} has unknown kind {kind!r} "
            f"(expected one of {_one_of(tuple(KINDS))})",
        )
        return None
    severity = raw.get("severity", "error")
    if severity not in SEVERITIES:
        p.add(
            raw.line_of("severity"),
            f"requirement {rid!r} has unknown severity {severity!r} "
            f"(expected one of {_one_of(SEVERITIES)})",
        )
    message = raw.get("message")
    if message is not None and (not _is_str(message) or not message.strip()):
        p.add(raw.line_of("message"), f"requirement {rid!r} message must be non-empty text")
    clause = raw.get("clause")
    if clause is not None and clause not in clauses:
        p.add(
            raw.line_of("clause"),
            f"requirement {rid!r} refers to unknown clause {clause!r} "
            f"(known: {_one_of(sorted(clauses)) or 'none'})",
        )
    cls = KINDS[kind].Params
    names = {f.name for f in fields(cls)}
    raw_params: dict[str, Any] = {}
    for name, value in raw.items():
        if name in REQUIREMENT_KEYS:
            continue
        if name not in names:
            known = _one_of(sorted(names)) or "no parameters"
            p.add(
                raw.line_of(name),
                f"requirement {rid!r} ({kind}) has unknown key {name!r} "
                f"(expected one of {_one_of(REQUIREMENT_KEYS)}; parameters: {known})",
            )
            continue
        raw_params[name] = list(value) if isinstance(value, LineList) else value
    params, issues = from_rule(cls, raw_params)
    for issue in issues:
        if issue.name in raw_params:
            p.add(raw.line_of(issue.name), f"requirement {rid!r} parameter {issue.message}")
        else:
            p.add(raw.line, f"requirement {rid!r} ({kind}): {issue.message}")
    return Requirement(
        id=rid,
        kind=kind,
        severity=severity if severity in SEVERITIES else "error",
        params=params,
        message=" ".join(message.split()) if _is_str(message) else None,
        clause=clause,
    )


def _requirements(p: _Parse, data: LineDict, clauses: dict[str, str]) -> tuple[Requirement, ...]:
    raw = data.get("requirements")
    if raw is None:
        return ()
    if not isinstance(raw, LineList):
        p.add(data.line_of("requirements"), f"'requirements' must be a list (got {_got(raw)})")
        return ()
    found: list[Requirement] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        req = _requirement(p, item, raw.line_of(index), clauses)
        if req is None:
            continue
        if req.id in seen:
            p.add(raw.line_of(index), f"duplicate requirement id {req.id!r}")
            continue
        seen.add(req.id)
        found.append(req)
    return tuple(found)


def parse(text: str, path: str) -> tuple[Terms | None, list[Problem]]:
    """Parse rule-file ``text`` (read from ``path``): the Terms, or None, and every problem."""
    p = _Parse(path)
    try:
        data = load_yaml(text)
    except YamlProblem as exc:
        p.add(exc.line, exc.message)
        return None, p.problems
    if not isinstance(data, LineDict):
        p.add(1, f"a rule file must be a mapping of keys (got {_kind(data)})")
        return None, p.problems
    for key in data:
        if key not in TOP_KEYS:
            p.add(data.line_of(key), f"unknown key {key!r} (expected one of {_one_of(TOP_KEYS)})")
    rule_id = _str_field(p, data, "id", required=True)
    if rule_id is not None and not _ID.match(rule_id):
        p.add(
            data.line_of("id"),
            f"'id' must be lowercase letters, digits, '.', '_' or '-' (got {rule_id!r})",
        )
    name = _str_field(p, data, "name", required=True)
    publisher = _str_field(p, data, "publisher") or ""
    url = _str_field(p, data, "url")
    contact = _str_field(p, data, "contact")
    nature = data.get("nature", "factual")
    if nature not in NATURES:
        p.add(
            data.line_of("nature"), f"'nature' must be one of {_one_of(NATURES)} (got {nature!r})"
        )
    licensed = data.get("licensed", True)
    if not isinstance(licensed, bool):
        p.add(data.line_of("licensed"), f"'licensed' must be true or false (got {_got(licensed)})")
    detect = _detect(p, data)
    clauses = _clauses(p, data)
    venues = _venues(p, data)
    requirements = _requirements(p, data, clauses)
    if p.problems or rule_id is None or name is None:
        return None, p.problems
    terms = Terms(
        id=rule_id,
        name=name,
        publisher=publisher,
        url=url,
        nature=nature,
        licensed=licensed,
        detect=detect,
        clauses=clauses,
        venues=venues,
        contact=contact,
        requirements=requirements,
        source=path,
    )
    return terms, p.problems


def _read(path: Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleFileError("no such rule file", source=shown) from None
    except IsADirectoryError:
        raise RuleFileError("is a directory, not a rule file", source=shown) from None
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"not UTF-8 text (byte {exc.start})", source=shown) from None
    except OSError as exc:
        raise RuleFileError(f"cannot read: {exc.strerror}", source=shown) from None


def validate(path: str | Path, *, text: str | None = None) -> Iterator[str]:
    """Yield one ``path:line: message`` per problem of a rule file; nothing when it is valid."""
    shown = display_path(path)
    try:
        body = _read(Path(path), shown) if text is None else text
    except RuleFileError as exc:
        yield str(exc)
        return
    _, problems = parse(body, shown)
    for problem in problems:
        yield str(problem)


def load_rule_file(path: str | Path, *, text: str | None = None) -> Terms:
    """Load one rule file; raise RuleFileError (``path:line: message``) on its first problem."""
    shown = display_path(path)
    body = _read(Path(path), shown) if text is None else text
    terms, problems = parse(body, shown)
    if problems:
        raise problems[0].error()
    assert terms is not None
    return terms
