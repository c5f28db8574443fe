"""Typed parameters of the requirement kinds: the base every check's ``Params`` extends.

A kind's parameters are declared once, as the fields of a frozen dataclass in its check module
(``compliance/checks/<kind>.py``). Each field is made with `option`, which records the help
text a lawyer reads (rules/README.md is generated from it) and the numeric bounds. Building a
``Params`` validates it, so no check ever sees a NaN, a negative distance or a ``min_score`` of
250: `KindParams.__post_init__` raises `ParamsError` carrying every problem, each naming the
parameter it concerns, which rule-file validation reports at that parameter's line.
`from_rule` turns the plain values a YAML file holds into a ``Params``.

Example:
    >>> from compliance.checks.proximity import Params
    >>> Params(within_chars=300).within_chars
    300
    >>> Params(within_chars=-5)
    Traceback (most recent call last):
    ...
    compliance.params.ParamsError: 'within_chars' must be at least 0 (got -5)
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar, get_args, get_origin

__all__ = [
    "Issue",
    "KindParams",
    "ParamsError",
    "from_rule",
    "help_of",
    "option",
    "type_words",
]

P = TypeVar("P", bound="KindParams")


@dataclass(frozen=True)
class Issue:
    """One problem of a kind's parameters; ``name`` is the parameter, or None for several."""

    name: str | None
    message: str


class ParamsError(ValueError):
    """Parameters that break their kind's declaration; ``issues`` lists every problem."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("; ".join(i.message for i in issues))


def option(
    help: str,
    default: Any = None,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
) -> Any:
    """A ``Params`` field: its default, the help text for readers, and its numeric bounds."""
    return dataclasses.field(
        default=default, metadata={"help": help, "minimum": minimum, "maximum": maximum}
    )


def help_of(f: dataclasses.Field[Any]) -> str:
    """The help text of a ``Params`` field (empty when declared without `option`)."""
    return str(f.metadata.get("help", ""))


@dataclass(frozen=True)
class KindParams:
    """Base of each kind's ``Params``; subclasses register by ``kind=`` for `for_kind`."""

    KIND: ClassVar[str] = ""
    _registry: ClassVar[dict[str, type[KindParams]]] = {}

    def __init_subclass__(cls, kind: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind:
            cls.KIND = kind
            KindParams._registry[kind] = cls

    def __post_init__(self) -> None:
        issues = [*_field_issues(self), *self.conflicts()]
        if issues:
            raise ParamsError(issues)

    def conflicts(self) -> Iterator[Issue]:
        """Problems between parameters (one kind's own rules); none by default."""
        return iter(())

    @classmethod
    def for_kind(cls, kind: str) -> type[KindParams]:
        """The ``Params`` class of ``kind`` (its check module must have been imported)."""
        return KindParams._registry[kind]


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a ``Params`` class, computed once per class."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _bounded(f: dataclasses.Field[Any], value: Any) -> Iterator[Issue]:
    numbers = value if isinstance(value, tuple) else (value,)
    low, high = f.metadata.get("minimum"), f.metadata.get("maximum")
    for n in numbers:
        if isinstance(n, bool) or not isinstance(n, (int, float)):
            continue
        if isinstance(n, float) and not math.isfinite(n):
            yield Issue(f.name, f"{f.name!r} must be a finite number (got {n})")
        elif low is not None and n < low:
            yield Issue(f.name, f"{f.name!r} must be at least {low:g} (got {_shown(n)})")
        elif high is not None and n > high:
            yield Issue(f.name, f"{f.name!r} must be at most {high:g} (got {_shown(n)})")


def _shown(n: float) -> str:
    """``n`` for a message: ``:g`` for a float, all digits for an int (``:g`` overflows)."""
    return f"{n:g}" if isinstance(n, float) else str(n)


def _field_issues(params: KindParams) -> Iterator[Issue]:
    hints = _hints(type(params))
    for f in dataclasses.fields(params):
        value = getattr(params, f.name)
        if not _fits(hints[f.name], value):
            yield Issue(f.name, f"{f.name!r} must be {type_words(hints[f.name])} (got {value!r})")
        else:
            yield from _bounded(f, value)


def _fits(tp: Any, value: Any) -> bool:
    """True when ``value`` is of the declared type (as a built ``Params`` holds it)."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(option, value) for option in get_args(tp))
    if origin is Literal:
        return value in get_args(tp)
    if origin is tuple:
        item = get_args(tp)[0]
        return isinstance(value, tuple) and all(_fits(item, v) for v in value)
    if tp is type(None):
        return value is None
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(tp, type) and isinstance(value, tp)


def type_words(tp: Any) -> str:
    """The declared type in a reader's words: "an integer", "one of article, home"."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_words(a) for a in get_args(tp) if a is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(tp))
    if origin is tuple:
        item = get_args(tp)[0]
        if get_origin(item) is Literal:
            return "a list of " + ", ".join(str(a) for a in get_args(item))
        return f"a list of {type_words(item).removeprefix('a ').removeprefix('an ')}s"
    words = {str: "a string", int: "an integer", bool: "true or false", float: "a number"}
    return words.get(tp, getattr(tp, "__name__", str(tp)))


def _from_yaml(tp: Any, value: Any) -> tuple[Any, bool]:
    """``value`` from a rule file as the declared type holds it (lists become tuples, a single
    item a one-item tuple, integers numbers), and whether it fits."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for option in get_args(tp):
            converted, ok = _from_yaml(option, value)
            if ok:
                return converted, True
        return value, False
    if origin is tuple:
        items = value if isinstance(value, list) else [value]
        converted = tuple(_from_yaml(get_args(tp)[0], v)[0] for v in items)
        return converted, _fits(tp, converted)
    if tp is float and _fits(float, value):
        try:
            return float(value), True
        except OverflowError:  # an integer too large for a float: _bounded reports it as infinite
            return (math.inf if value > 0 else -math.inf), True
    return value, _fits(tp, value)


def from_rule(cls: type[P], raw: Mapping[str, Any]) -> tuple[P | None, list[Issue]]:
    """Build ``cls`` from a rule file's parameter values; None and every problem when invalid.

    Keys that are not parameters of ``cls`` must be filtered out by the caller, which knows
    how to name them.
    """
    hints = _hints(cls)
    values: dict[str, Any] = {}
    issues: list[Issue] = []
    for name, value in raw.items():
        converted, ok = _from_yaml(hints[name], value)
        if ok:
            values[name] = converted
            continue
        issues.append(
            Issue(name, f"{name!r} must be {type_words(hints[name])} ({_got(hints[name], value)})")
        )
    if issues:
        return None, issues
    try:
        return cls(**values), []
    except ParamsError as exc:
        return None, exc.issues


def _got(tp: Any, value: Any) -> str:
    """What a rule file gave: the first wrong item of a list; its type unless a choice."""
    if get_origin(tp) is tuple and isinstance(value, list):
        item = get_args(tp)[0]
        value = next((v for v in value if not _from_yaml(item, v)[1]), value)
        tp = item
    if get_origin(tp) is Literal:
        return f"got {value!r}"
    return f"got {value!r} that is {type(value).__name__}"
