"""Tender metadata: YAML front matter or a sidecar file, validated into `TenderMeta`.

YAML is untrusted: it is read with a safe loader that also refuses aliases (the "billion
laughs" shape) and object-building tags, and every validation error names the field and the
line it is on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..formats import SIDE_CAR_SUFFIX, is_sidecar  # noqa: F401  (is_sidecar: re-exported)
from ..model import TenderMeta
from ..untrusted import MAX_DEPTH, UntrustedInput, check_tree, value_error_reason
from .errors import LoadError

MAX_META_BYTES = 256 * 1024


class _StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases: metadata never needs them and they can explode."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed in svrules metadata", event.start_mark)
        return super().compose_node(parent, index)


# libyaml's composer, when PyYAML was built with it, is ~20x faster than the pure-Python one
# (front matter was 8% of checking a Markdown tender). It cannot be given the alias
# refusal above, so its node graph is checked instead: an alias is a node reached twice.
_CSafeLoader = getattr(yaml, "CSafeLoader", None)


def _refuse_aliases(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed in svrules metadata", node.start_mark)
        seen.add(id(node))
        if depth > MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend(((key, depth + 1), (value, depth + 1)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _load(loader_class, text: str) -> tuple[Any, yaml.Node | None]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None and loader_class is not _StrictSafeLoader:
            _refuse_aliases(node)
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _compose(text: str) -> tuple[Any, yaml.Node | None]:
    if _CSafeLoader is not None:
        try:
            return _load(_CSafeLoader, text)
        except yaml.YAMLError:
            pass       # bad YAML: the pure-Python composer's message and line are the clearer
    return _load(_StrictSafeLoader, text)


def _key_lines(node: yaml.Node, first_line: int, prefix: tuple = ()) -> dict[tuple, int]:
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = prefix + (key.value,)
            lines[path] = key.start_mark.line + first_line
            lines.update(_key_lines(value, first_line, path))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            path = prefix + (i,)
            lines[path] = item.start_mark.line + first_line
            lines.update(_key_lines(item, first_line, path))
    return lines


def parse_yaml(text: str, first_line: int = 1, what: str = "metadata") -> tuple[Any, dict[tuple, int]]:
    """Safely parse YAML, returning the data and the line of every key path."""
    if len(text.encode("utf-8", "replace")) > MAX_META_BYTES:
        raise LoadError("metadata", f"{what} is larger than {MAX_META_BYTES // 1024} KiB")
    try:
        data, node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or str(exc)
        if "could not determine a constructor" in str(exc):
            problem = "a YAML tag that builds objects is not allowed (" + (
                str(exc).split("tag '")[-1].split("'")[0] + ")")
        raise LoadError("metadata", f"invalid YAML in {what}: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise LoadError("metadata", f"invalid YAML in {what}: {exc}") from None
    except RecursionError:
        raise LoadError("metadata", f"{what} is nested too deeply (more than {MAX_DEPTH} "
                        "levels)") from None
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and integers itself: `2026-02-30` or an integer of 5,000 digits
        # raises ValueError, not a YAMLError (found by fuzz/fuzz_loaders.py).
        reason = value_error_reason(exc) if isinstance(exc, ValueError) else str(exc)
        raise LoadError("metadata", f"invalid YAML in {what}: {reason}") from None
    try:
        check_tree(data)
    except UntrustedInput as exc:
        raise LoadError("metadata", f"{what}: {exc}") from None
    return data, (_key_lines(node, first_line) if node is not None else {})


KNOWN_KEYS = frozenset(TenderMeta.model_fields)


def validate_meta(data: Any, lines: dict[tuple, int], where: str) -> tuple[TenderMeta, list[str]]:
    """Validate raw metadata; unknown top-level keys become warnings, not errors."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LoadError("metadata", f"{where}: metadata must be a mapping of keys to values",
                        line=min(lines.values(), default=None))
    if "svrules" in data and isinstance(data["svrules"], dict):   # namespaced front matter
        lines = {k[1:]: v for k, v in lines.items() if k and k[0] == "svrules"}
        data = data["svrules"]
    unknown = sorted(str(k) for k in data if k not in KNOWN_KEYS)
    known = {k: v for k, v in data.items() if k in KNOWN_KEYS}
    warnings = [f"{where}: unknown metadata key{'s' if len(unknown) > 1 else ''} ignored: "
                + ", ".join(unknown)] if unknown else []
    try:
        return TenderMeta.model_validate(known), warnings
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        field = ".".join(str(p) for p in loc) or "(metadata)"
        line = None
        for cut in range(len(loc), 0, -1):
            if loc[:cut] in lines:
                line = lines[loc[:cut]]
                break
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        msg = err["msg"].removeprefix("Value error, ")
        raise LoadError("metadata", f"{where}: invalid metadata field '{field}': {msg}{more}",
                        line=line, field=field) from None


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """(front matter YAML or None, its first line, body, body's first line)."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None, 0, text, 1
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") in ("---", "..."):
            return "\n".join(lines[1:i]), 2, "\n".join(lines[i + 1:]), i + 2
    raise LoadError("metadata", "front matter starts with '---' but is never closed", line=1)


def sidecar_for(path: Path) -> Path | None:
    """`spec.svrules.yaml` or `spec.md.svrules.yaml` beside `spec.md`, if present."""
    for candidate in (path.with_name(path.stem + SIDE_CAR_SUFFIX),
                      path.with_name(path.name + SIDE_CAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None

