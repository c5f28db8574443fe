"""The structure of a rule file (or the project config), checked against its JSON Schema, with
messages at YAML lines.

``compliance/schemas/rule-file.schema.json`` says which keys a rule file has, of which types and
with which allowed values; it is data, readable beside rules/README.md, and editors that speak
JSON Schema (the YAML language server) check rule files against it as they are typed.
Two validators read the same schema. fastjsonschema compiles it into Python code once per
process, far cheaper than importing jsonschema, and answers the common question: is this file
well formed? Only a file it rejects goes to jsonschema, whose errors carry the schema paths this
module turns into the schema's own ``x-messages`` wording at the line the YAML loader recorded
(``LineDict`` / ``LineList``), so a reader gets ``rules/x.yaml:6: unknown venue 'online'
(expected one of ...)`` rather than a JSON path. What a requirement's parameters mean is each
kind's business, checked elsewhere. The project config
(``compliance/schemas/config.schema.json``) goes through the same two validators, by name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import shown
from ..shipped import shipped_schema
from .yamlload import line_of

if TYPE_CHECKING:
    from jsonschema import ValidationError

__all__ = ["conforms", "rule_file_schema", "structure_problems"]


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a rule file, shipped with the package."""
    return shipped_schema("rule-file")


@cache
def _fast_validator(name: str = "rule-file") -> Callable[[Any], Any]:
    """Schema ``name`` compiled by fastjsonschema: raises on the first problem, nothing else.

    Without detailed exceptions: the messages come from jsonschema, and the code that would
    carry the failing value and schema part into each exception made compiling the config
    schema about four times as costly.
    """
    import fastjsonschema

    # A deep copy: fastjsonschema rewrites each ``$ref`` in place into an absolute URL.
    schema = json.loads(json.dumps(shipped_schema(name)))
    validate: Callable[[Any], Any] = fastjsonschema.compile(schema, detailed_exceptions=False)
    return validate


def conforms(data: Any, name: str = "rule-file") -> bool:
    """Whether plain ``data`` meets schema ``name`` (fast; no messages)."""
    from fastjsonschema import JsonSchemaValueException

    try:
        _fast_validator(name)(data)
    except JsonSchemaValueException:
        return False
    return True


def got(value: Any) -> str:
    """A value as messages quote it, with its type: ``12 that is int``."""
    return f"{value!r} that is {type(value).__name__}"


def kind(value: Any) -> str:
    """A value's type in a reader's words: ``mapping``, ``list``, ``string``, ``number``..."""
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool) or value is None:
        return repr(value).lower()
    names = {str: "string", int: "number", float: "number"}
    return next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)


def _plain(value: Any) -> Any:
    """Plain dicts and lists (jsonschema's type checks want exactly those)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _resolve(root: dict[str, Any], ref: str) -> Any:
    """A local reference (``#/$defs/text``) in ``root``."""
    node: Any = root
    for token in ref.removeprefix("#/").split("/"):
        node = node[token]
    return node


def _with_refs(root: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """A schema node and what its ``$ref`` points at (jsonschema's paths go through refs)."""
    chain: list[dict[str, Any]] = []
    while isinstance(node, dict):
        chain.append(node)
        node = _resolve(root, node["$ref"]) if "$ref" in node else None
    return chain


def _context(root: dict[str, Any], schema_path: Sequence[Any]) -> dict[str, Any]:
    """``x-messages``, ``x-label`` and ``x-noun`` met on the way to the failing keyword.

    The deepest ``x-messages`` entry for the keyword wins, so a shared definition can give a
    general wording and a property a more precise one.
    """
    found: dict[str, Any] = {"x-messages": {}}
    keyword = schema_path[-1]
    tokens = list(schema_path)[:-1]
    node: Any = root
    for index in range(len(tokens) + 1):
        chain = _with_refs(root, node)
        for part in reversed(chain):  # the referring node is more precise than its target
            if keyword in part.get("x-messages", {}):
                found["x-messages"] = part["x-messages"]
            for extra in ("x-label", "x-noun"):
                if extra in part:
                    found[extra] = part[extra]
        if index < len(tokens):
            token = tokens[index]
            node = next((part[token] for part in chain if token in part), None)
    return found


def _container(data: Any, path: Sequence[Any]) -> Any:
    node = data
    for token in path:
        node = node[token]
    return node


def _problems(error: ValidationError, data: Any, root: dict[str, Any]) -> Iterator[tuple[int, str]]:
    """``(line, message)`` for one jsonschema error; several for extra or missing keys."""
    keyword = str(error.validator)
    context = _context(root, list(error.absolute_schema_path))
    template = context["x-messages"].get(keyword)
    if template is None:
        template = "{path}: " + error.message  # a keyword the schema gives no wording for
    path = list(error.absolute_path)
    instance = error.instance
    fields = {
        "path": ".".join(str(p) for p in path) or "(top)",
        "label": context.get("x-label", ""),
        "noun": context.get("x-noun", "entry"),
        "value": shown(instance),
        "got": got(instance),
        "kind": kind(instance),
        "expected": ", ".join(str(v) for v in error.validator_value)
        if isinstance(error.validator_value, list)
        else "",
        "key": _cut(next((str(p) for p in reversed(path) if isinstance(p, str)), "")),
    }
    parent = _container(data, path[:-1]) if path else None
    here = _container(data, path)
    if keyword in ("additionalProperties", "required") and isinstance(here, Mapping):
        schema = error.schema
        known = list(schema.get("properties", {}))
        keys = (
            [k for k in here if k not in known]
            if keyword == "additionalProperties"
            else [k for k in error.validator_value if k not in here]
        )
        for key in keys:
            line = line_of(here, key) if keyword == "additionalProperties" else line_of(here)
            yield line, template.format(**{**fields, "key": _cut(key), "known": ", ".join(known)})
        return
    if "propertyNames" in error.absolute_schema_path:
        # A key that is not allowed: the error's instance is the key itself, inside ``here``.
        yield line_of(here, instance), template.format(**fields)
        return
    line = line_of(parent, path[-1]) if path else line_of(here)
    yield line, template.format(**fields)


def _cut(key: Any) -> str:
    """A key as messages quote it, cut as ``shown`` cuts values (a key may be 100 KB too)."""
    text = repr(str(key))[1:-1]  # escaped: a key holding a line break stays on one line
    return text if len(text) <= 60 else text[:59] + "…"


def structure_problems(data: Any, name: str = "rule-file") -> list[tuple[int, str]]:
    """Every problem of loaded ``data`` against schema ``name``, as ``(line, message)`` in line
    order (stable: a value's type problem comes before its other problems)."""
    plain = _plain(data)
    if conforms(plain, name):
        return []
    from jsonschema import Draft202012Validator

    root = shipped_schema(name)
    validator = Draft202012Validator(root)
    seen: dict[tuple[int, str], None] = {}
    for error in validator.iter_errors(plain):
        for problem in _problems(error, data, root):
            seen.setdefault(problem)
    return sorted(seen, key=lambda problem: problem[0])
