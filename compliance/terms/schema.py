"""Rule files (rules/*.yaml) -> ``model.Terms``, with every problem named by file and line.

``validate(path)`` yields every problem of one file (for a legal team fixing their own rules);
``load_rule_file(path)`` raises the first as a ``RuleFileError``. Both go through ``parse`` so the
two can never disagree. The structure (keys, types, allowed values) is the JSON Schema in
``compliance/schemas/rule-file.schema.json``, checked by ``structure``; what is left here are the
checks a schema cannot say (clause references, duplicate ids, phrases long enough to identify an
original) and each requirement, whose parameters belong to its kind. The schema is documented
for readers in rules/README.md.
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
from .structure import got as _got
from .structure import rule_file_schema, structure_problems
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

_PROPERTIES = rule_file_schema()["properties"]
POLICIES = tuple(_PROPERTIES["venues"]["additionalProperties"]["enum"])
NATURES = tuple(_PROPERTIES["nature"]["enum"])
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


def _is_str(value: Any) -> TypeGuard[str]:
    return isinstance(value, str)


# The structure was checked against the schema; the readers below take what is well formed.


def _text(data: Any, key: str) -> str | None:
    value = data.get(key) if isinstance(data, dict) else None
    return " ".join(value.split()) if _is_str(value) and value.strip() else None


def _texts(container: Any, key: str) -> tuple[str, ...]:
    value = container.get(key) if isinstance(container, dict) else None
    items = value if isinstance(value, list) else []
    return tuple(" ".join(item.split()) for item in items if _is_str(item) and item.strip())


def _detect(p: _Parse, data: LineDict) -> Detect:
    raw = data.get("detect")
    if not isinstance(raw, LineDict):
        return Detect()
    phrases = _texts(raw, "phrases")
    raw_phrases = raw.get("phrases")
    for index, phrase in enumerate(phrases):
        if len(phrase.split()) < MIN_PHRASE_WORDS:
            line = raw_phrases.line_of(index) if isinstance(raw_phrases, LineList) else raw.line
            p.add(
                line,
                f"detect phrase {phrase!r} is too short to identify an original "
                f"(use at least {MIN_PHRASE_WORDS} words)",
            )
    domains = tuple(d.lower().removeprefix("www.") for d in _texts(raw, "domains"))
    license_urls = _texts(raw, "license_urls")
    return Detect(
        domains=domains,
        phrases=phrases,
        license_urls=license_urls,
        any_publisher=raw.get("any_publisher") is True,
    )


def _clauses(p: _Parse, data: LineDict) -> dict[str, str]:
    if "clause" in data and "clauses" in data:
        p.add(data.line_of("clauses"), "use either 'clause' or 'clauses', not both")
    if "clause" in data:
        text = _text(data, "clause")
        return {"main": text} if text else {}
    raw = data.get("clauses")
    if raw is None:
        p.add(data.line, "missing required key 'clause' (or 'clauses' with a 'main' entry)")
        return {}
    return {key: text for key in raw if (text := _text(raw, key))} if isinstance(raw, dict) else {}


def _venues(data: LineDict) -> dict[str, str]:
    raw = data.get("venues")
    if not isinstance(raw, dict):
        return {}
    return {v: policy for v, policy in raw.items() if v in VENUES and policy in POLICIES}


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
    if not isinstance(raw, LineList):
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
    for line, message in structure_problems(data):
        p.add(line, message)
    rule_id = _text(data, "id")
    name = _text(data, "name")
    nature = data.get("nature", "factual")
    licensed = data.get("licensed", True)
    detect = _detect(p, data)
    clauses = _clauses(p, data)
    venues = _venues(data)
    requirements = _requirements(p, data, clauses)
    p.problems.sort(key=lambda problem: problem.line)
    if p.problems or rule_id is None or name is None:
        return None, p.problems
    terms = Terms(
        id=rule_id,
        name=name,
        publisher=_text(data, "publisher") or "",
        url=_text(data, "url"),
        nature=nature,
        licensed=licensed,
        detect=detect,
        clauses=clauses,
        venues=venues,
        contact=_text(data, "contact"),
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
