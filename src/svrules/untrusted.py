"""Reading small untrusted data files (rule packs, configuration, waivers, baselines, metadata).

Every such file comes from a repository that CI checked out, so it is read the way tenders are:
only a regular file (a FIFO would block the run, `/dev/zero` would fill memory), at most a fixed
number of bytes, parsed with a safe YAML/JSON reader whose every failure (a date that does not
exist, an integer of thousands of digits, nesting deep enough to exhaust the stack) becomes one
plain `UntrustedInput` message. The caller adds the file's name and its own error type.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from .formats import not_regular

MiB = 1024 * 1024
#: deeper than any rule, waiver, baseline or metadata file needs; far below the stack's limit
MAX_DEPTH = 64
#: values in one file, counting each use of a YAML alias again (a "billion laughs" is refused)
MAX_VALUES = 2_000_000
#: a rule pack, a waivers or baseline file, a configuration
MAX_DATA_FILE_BYTES = 16 * MiB


class UntrustedInput(ValueError):
    """A data file that cannot be used; the message says why in plain words."""


def read_limited(path: Path, limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """At most `limit` bytes of a regular file (opened non-blocking, checked on the descriptor)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UntrustedInput("not found") from None
    except IsADirectoryError:
        raise UntrustedInput("is a folder, not a file") from None
    except OSError as exc:
        raise UntrustedInput(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UntrustedInput("is " + not_regular(mode))
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UntrustedInput(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UntrustedInput(f"larger than the {limit / MiB:g} MB limit for a data file")
    return data


def read_text(path: Path, limit: int = MAX_DATA_FILE_BYTES) -> str:
    data = read_limited(path, limit)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UntrustedInput("is UTF-16 text, which is not supported: save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UntrustedInput(f"not UTF-8 (byte {exc.start}): save it as UTF-8") from None


def check_tree(data: Any, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting past `max_depth`, strings holding lone surrogates (not Unicode text: every
    report writer would fail on them) and more than `MAX_VALUES` values counted as a tree (what
    validation will walk: YAML aliases of aliases grow exponentially). Iterative, so any depth
    is safe to walk."""
    stack = [(data, 1)]
    walked = 0
    while stack:
        item, depth = stack.pop()
        walked += 1
        if walked > MAX_VALUES:
            raise UntrustedInput(f"expands to more than {MAX_VALUES:,} values (YAML aliases "
                                 "nested in aliases?)")
        if isinstance(item, str):
            _check_string(item)
            continue
        if not isinstance(item, (dict, list, tuple)):
            continue
        if depth > max_depth:
            raise UntrustedInput(f"nested more than {max_depth} levels deep")
        if isinstance(item, dict):
            for key, value in item.items():
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        else:
            stack.extend((value, depth + 1) for value in item)


def _check_string(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UntrustedInput(f"holds a lone surrogate (\\u{ord(text[exc.start]):04x}), which "
                             "is not Unicode text") from None


def value_error_reason(exc: ValueError) -> str:
    """What a ValueError from PyYAML's or json's own number and date building means."""
    text = str(exc)
    if "integer string conversion" in text or "digits" in text:
        return "an integer with thousands of digits (more than 4,300) is refused"
    if "day is out of range" in text or "month must be" in text or "year" in text:
        return f"a date that does not exist ({text})"
    return text


def parse_yaml(text: str) -> Any:
    """Safe YAML (no object-building tags), every failure an `UntrustedInput`."""
    import yaml
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        if "could not determine a constructor" in detail:
            detail = "YAML tags that build objects are not allowed"
        raise UntrustedInput(f"invalid YAML: {detail}") from None
    except RecursionError:
        raise UntrustedInput(f"nested more than {MAX_DEPTH} levels deep") from None
    except OverflowError as exc:
        raise UntrustedInput(f"invalid YAML: a number out of range ({exc})") from None
    except ValueError as exc:
        raise UntrustedInput(f"invalid YAML: {value_error_reason(exc)}") from None
    check_tree(data)
    return data


def parse_json(text: str) -> Any:
    """JSON, every failure an `UntrustedInput`."""
    import json
    try:
        data = json.loads(text)
    except RecursionError:
        raise UntrustedInput(f"nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError as exc:
        raise UntrustedInput(f"invalid JSON: {exc}") from None
    except ValueError as exc:
        raise UntrustedInput(f"invalid JSON: {value_error_reason(exc)}") from None
    check_tree(data)
    return data
