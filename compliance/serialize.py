"""Dataclasses <-> JSON-ready dicts, so a saved report can be read back and re-rendered."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

from . import model
from .errors import ReportError
from .params import KindParams

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn dataclasses, tuples and dicts into JSON-ready values (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, localns=vars(model))


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass from ``to_dict`` output; unknown keys are ignored for forward reads."""
    rebuilt: T = _convert(cls, data)
    return rebuilt


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item, *_rest) = get_args(tp) or (Any,)
        return tuple(_convert(item, v) for v in value)
    if origin is dict:
        _, vt = get_args(tp) or (Any, Any)
        return {k: _convert(vt, v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ReportError(f"expected an object for {tp.__name__}, got {type(value).__name__}")
        hints = _hints(tp)
        kwargs = {
            f.name: _convert(_field_type(f, hints[f.name], value), value[f.name])
            for f in dataclasses.fields(tp)
            if f.name in value
        }
        return tp(**kwargs)
    return value


def _field_type(f: dataclasses.Field[Any], hint: Any, record: dict[str, Any]) -> Any:
    """The concrete type of a field whose class depends on a sibling field (metadata
    ``type_from``), such as a requirement's parameters on its kind; else its declared type."""
    key = f.metadata.get("type_from")
    if key is None or key not in record:
        return hint
    return KindParams.for_kind(record[key])


def dumps(obj: Any) -> str:
    """Stable, readable JSON for any model object."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=2, sort_keys=False)
