"""Safe YAML loading that remembers line numbers, so errors can say ``rules/x.yaml:12: ...``.

PyYAML's ``SafeLoader`` builds plain dicts and lists and forgets where each came from. The
subclass here builds ``LineDict`` / ``LineList`` instead: ordinary containers that also carry the
1-based line of the container and of each key or item. Duplicate keys, which PyYAML silently
overwrites, are reported because a legal reviewer would otherwise read one value and the program
use another.

Every YAML the tool reads (rule files, ``compliance.yaml``, front matter of scraped or committed
posts) may be hostile, so the event stream is measured before any object is built: nesting
deeper than ``MAX_DEPTH``, aliases that would expand past ``MAX_NODES`` nodes or add more than
``MAX_ALIAS_CHARS`` characters ("billion laughs"), and recursive aliases are refused with the line
that goes too far. Values PyYAML cannot build (``0000-00-00`` as a date, integers past Python's
4,300-digit limit) are refused the same way, never raised as tracebacks.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

__all__ = [
    "MAX_ALIAS_CHARS",
    "MAX_DEPTH",
    "MAX_NODES",
    "LineDict",
    "LineList",
    "YamlProblem",
    "line_of",
    "load_yaml",
]

MAX_DEPTH = 64  # nested mappings and sequences
MAX_NODES = 100_000  # nodes once every alias is expanded
MAX_ALIAS_CHARS = 1_000_000  # scalar characters that aliases repeat


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

    def construct_checked(self, node: ScalarNode) -> Any:
        """A timestamp or integer, or a YamlProblem naming the value PyYAML cannot build."""
        build = _SCALARS[node.tag]
        try:
            return build(self, node)
        except ValueError as exc:
            what = "date" if node.tag.endswith("timestamp") else "number"
            value = node.value if len(node.value) <= 40 else f"{node.value[:40]}..."
            reason = str(exc).split(":")[0]
            raise YamlProblem(
                node.start_mark.line + 1, f"invalid {what} {value!r} ({reason})"
            ) from None


_SCALARS = {
    "tag:yaml.org,2002:timestamp": yaml.SafeLoader.construct_yaml_timestamp,
    "tag:yaml.org,2002:int": yaml.SafeLoader.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.SafeLoader.construct_yaml_float,
}
_LineConstructor.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_mapping)
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_sequence)
for _tag in _SCALARS:
    _LineConstructor.add_constructor(_tag, _LineConstructor.construct_checked)


class _PyLineLoader(_LineConstructor, yaml.SafeLoader):  # type: ignore[misc,unused-ignore]
    """The pure-Python parser: slower, but its messages are the ones users see for bad YAML."""


# libyaml's parser where PyYAML was built with it: about ten times faster, and its nodes carry
# the same line marks, so lines in messages about the content need no second parse.
_FAST: Any = _PyLineLoader
if hasattr(yaml, "CSafeLoader"):

    class _CLineLoader(_LineConstructor, yaml.CSafeLoader):  # type: ignore[misc,unused-ignore]
        """libyaml parsing with this module's construction."""

    _FAST = _CLineLoader


def _check_shape(text: str, parser: Any) -> None:
    """Refuse deep nesting, alias bombs and recursive aliases from the event stream alone.

    Each open collection counts the nodes (and aliased characters) it will hold once built; an
    alias adds what its anchor holds, so the bound applies before anything is expanded.
    """
    sizes: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, scalar characters)
    stack: list[list[Any]] = [[None, 0, 0]]  # [anchor, nodes, characters] per open collection
    total = aliased = 0
    for event in yaml.parse(text, Loader=parser):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) > MAX_DEPTH:
                raise YamlProblem(line, f"nested deeper than {MAX_DEPTH} levels")
            stack.append([event.anchor, 1, 0])
            total += 1
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, nodes, chars = stack.pop()
            if anchor is not None:
                sizes[anchor] = (nodes, chars)
        elif isinstance(event, yaml.ScalarEvent):
            nodes, chars = 1, len(event.value)
            if event.anchor is not None:
                sizes[event.anchor] = (nodes, chars)
        elif isinstance(event, yaml.AliasEvent):
            if any(frame[0] == event.anchor for frame in stack):
                raise YamlProblem(line, f"recursive alias *{event.anchor}")
            nodes, chars = sizes.get(event.anchor or "", (1, 0))
            aliased += chars
            if aliased > MAX_ALIAS_CHARS:
                raise YamlProblem(line, f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters")
        else:
            continue
        stack[-1][1] += nodes
        stack[-1][2] += chars
        if not isinstance(event, yaml.CollectionEndEvent):
            total += nodes
        if total > MAX_NODES:
            raise YamlProblem(line, f"aliases expand to more than {MAX_NODES:,} nodes")


def _tab_line(text: str) -> int:
    """First 1-based line indented with a tab, or 0. YAML forbids tabs in indentation."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return 0


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely; raise YamlProblem with a line number on any defect.

    The shape (depth, aliases) is measured from the event stream before anything is built;
    libyaml parses, and only a text it rejects is parsed again in Python for the message.
    """
    tab = _tab_line(text)
    if tab:
        raise YamlProblem(tab, "indented with a tab character (YAML needs spaces)")
    try:
        _check_shape(text, _FAST)
        return yaml.load(text, Loader=_FAST)  # safe construction only
    except YamlProblem:
        raise
    except RecursionError:
        raise YamlProblem(1, f"nested deeper than {MAX_DEPTH} levels") from None
    except yaml.YAMLError:
        pass  # parse again with the pure-Python parser, whose message and line are clearer
    try:
        _check_shape(text, _PyLineLoader)
        return yaml.load(text, Loader=_PyLineLoader)  # safe construction only
    except YamlProblem:
        raise
    except RecursionError:
        raise YamlProblem(1, f"nested deeper than {MAX_DEPTH} levels") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlProblem(line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"malformed YAML: {exc}") from None
