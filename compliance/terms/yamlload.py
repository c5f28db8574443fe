"""Safe YAML loading that remembers line numbers, so errors can say ``rules/x.yaml:12: ...``.

PyYAML's ``SafeLoader`` builds plain dicts and lists and forgets where each came from. The
subclass here builds ``LineDict`` / ``LineList`` instead: ordinary containers that also carry the
1-based line of the container and of each key or item. Duplicate keys, which PyYAML silently
overwrites, are reported because a legal reviewer would otherwise read one value and the program
use another.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

__all__ = ["LineDict", "LineList", "YamlProblem", "line_of", "load_yaml"]


class YamlProblem(Exception):
    """The text is not usable YAML; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def line_of(container: Any, key: Any = None, default: int = 0) -> int:
    """Best line for ``container[key]`` (or for the container itself when ``key`` is None)."""
    if key is not None and isinstance(container, LineDict):
        return container.line_of(key)
    if key is not None and isinstance(container, LineList):
        return container.line_of(key)
    return getattr(container, "line", default) or default


class _LineConstructor(yaml.constructor.SafeConstructor):  # type: ignore[misc,unused-ignore]
    """Safe construction that records node marks and rejects duplicate keys."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override,unused-ignore]
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise YamlProblem(key_node.start_mark.line + 1, f"duplicate key {key!r}")
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override,unused-ignore]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_LineConstructor.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_mapping)
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_sequence)


class _PyLineLoader(_LineConstructor, yaml.SafeLoader):  # type: ignore[misc,unused-ignore]
    """The pure-Python parser: slower, but its messages are the ones users see for bad YAML."""


# libyaml's parser where PyYAML was built with it: about ten times faster, and its nodes carry
# the same line marks, so lines in messages about the content need no second parse.
_FAST: Any = _PyLineLoader
if hasattr(yaml, "CSafeLoader"):

    class _CLineLoader(_LineConstructor, yaml.CSafeLoader):  # type: ignore[misc,unused-ignore]
        """libyaml parsing with this module's construction."""

    _FAST = _CLineLoader


def _tab_line(text: str) -> int:
    """First 1-based line indented with a tab, or 0. YAML forbids tabs in indentation."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return 0


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely; raise YamlProblem with a line number on any defect.

    libyaml parses; only a text it rejects is parsed again in Python for the message.
    """
    tab = _tab_line(text)
    if tab:
        raise YamlProblem(tab, "indented with a tab character (YAML needs spaces)")
    try:
        return yaml.load(text, Loader=_FAST)  # safe construction only
    except YamlProblem:
        raise
    except yaml.YAMLError:
        pass  # parse again with the pure-Python parser, whose message and line are clearer
    try:
        return yaml.load(text, Loader=_PyLineLoader)  # safe construction only
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlProblem(line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"malformed YAML: {exc}") from None
