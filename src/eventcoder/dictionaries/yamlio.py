"""Reading dictionary YAML with line numbers, and writing it with every string quoted.

The reader composes the YAML node tree (with the C loader when PyYAML has it) and builds plain dicts and
lists that remember the line of each key and item, so schema errors can say ``file:line``. Scalars keep
YAML 1.1's typing, and the raw text of each plain scalar is kept: a code written ``0231`` (read by YAML
1.1 as the octal integer 153) or ``NO`` (read as ``False``) is then reported with the text the user wrote.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eventcoder.dictionaries.problems import Problem

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader with a short cut in tag resolution (the composer calls it for every node): quoted
    scalars are strings and collections are plain maps and lists; only plain scalars go through YAML 1.1's
    implicit resolvers. There are no path resolvers, so descending and ascending do nothing."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                return str(_BaseLoader.resolve(self, kind, value, implicit))
            return _STR
        if kind is SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

_CONSTRUCTOR = SafeConstructor()


class YMap(dict[str, Any]):
    """A YAML mapping: ``line`` of the mapping, ``lines[key]`` of each value, ``raw[key]`` the text of a
    plain (unquoted) non-string scalar value."""

    __slots__ = ("line", "lines", "raw")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YList(list[Any]):
    __slots__ = ("line", "lines", "raw")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.lines: list[int] = []
        self.raw: dict[int, str] = {}


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _scalar(node: ScalarNode) -> Any:
    if node.tag == _STR:
        return node.value
    return _CONSTRUCTOR.construct_object(node, deep=True)


def _build(node: Node, file: str) -> Any:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        out = YList()
        out.line = node.start_mark.line + 1
        for item in node.value:
            out.lines.append(item.start_mark.line + 1)
            if isinstance(item, ScalarNode) and item.tag != _STR:
                out.raw[len(out)] = item.value
            out.append(_build(item, file))
        return out
    if isinstance(node, MappingNode):
        m = YMap()
        m.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlFileError(Problem(file, key_node.start_mark.line + 1, "mapping keys must be plain words"))
            key = str(key_node.value)
            if key in m:
                raise YamlFileError(Problem(file, key_node.start_mark.line + 1, f"duplicate key {key!r}"))
            m.lines[key] = value_node.start_mark.line + 1
            if isinstance(value_node, ScalarNode) and value_node.tag != _STR:
                m.raw[key] = value_node.value
            m[key] = _build(value_node, file)
        return m
    raise YamlFileError(Problem(file, node.start_mark.line + 1, f"unsupported YAML node {node.tag}"))


def read_yaml(text: str, file: str) -> Any:
    """Parse one YAML document into YMap/YList/scalars; syntax errors become a ``YamlFileError``."""
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlFileError(Problem(file, line, f"YAML syntax error: {exc.problem or exc}")) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(file, 0, f"YAML error: {exc}")) from None
    if node is None:
        return None
    return _build(node, file)


def read_yaml_file(path: Path, display: str | None = None) -> Any:
    return read_yaml(path.read_text(encoding="utf-8"), display or str(path))


# ---------------------------------------------------------------- writing


def q(text: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    return q(str(value))


def flow(mapping: dict[str, Any]) -> str:
    """A one-line flow mapping; values may be scalars or lists of scalars."""
    parts = []
    for key, value in mapping.items():
        if isinstance(value, list | tuple):
            parts.append(f"{key}: [{', '.join(scalar(v) for v in value)}]")
        else:
            parts.append(f"{key}: {scalar(value)}")
    return "{" + ", ".join(parts) + "}"
