"""Waivers: the reviewed YAML file of accepted findings, keyed by fingerprint and rule, and
appending to it safely (`svrules waive`)."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..config import Config
from ..findings import fingerprint
from ..io_safe import atomic_write
from .common import SuppressError

WAIVERS_FILE = "svrules-waivers.yaml"


# --------------------------------------------------------------------------- waivers

class WaiverEntry(BaseModel):
    """One reviewed decision in svrules-waivers.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: str = Field(pattern=r"^[0-9a-f]{8,64}$")
    rule: str = Field(pattern=r"^[A-Z]{2,10}[0-9]{3}$")
    path: Optional[str] = Field(None, description="file (or glob) relative to the waivers file")
    reason: str = Field(min_length=3)
    reviewer: str = Field(min_length=1)
    date: dt.date
    expires: Optional[dt.date] = None

    @field_validator("reason", "reviewer")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return " ".join(value.split())


@dataclass
class WaiverSet:
    path: Path
    entries: list[WaiverEntry]
    lines: list[int]

    @property
    def base(self) -> Path:
        return self.path.resolve().parent


def find_waivers(config: Config, first_path: str) -> Optional[Path]:
    """Beside the configuration file; else the nearest one upward from the checked path."""
    if config.waivers:
        base = Path(config.source).parent if config.source else Path(".")
        return base / config.waivers
    if config.source:
        candidate = Path(config.source).parent / WAIVERS_FILE
        return candidate if candidate.is_file() else None
    here = Path(first_path).resolve()
    for folder in ((here.parent if here.is_file() else here), *here.parents):
        if (folder / WAIVERS_FILE).is_file():
            return folder / WAIVERS_FILE
    return None


def load_waivers(path: Path) -> WaiverSet:
    from ..untrusted import UntrustedInput, parse_yaml, read_text
    try:
        text = read_text(path)
        data = parse_yaml(text)
    except UntrustedInput as exc:
        if str(exc) == "not found":
            raise SuppressError(f"{path}: waivers file not found") from None
        raise SuppressError(f"{path}: {exc}") from None
    # parsed above, so well-formed and at most MAX_DEPTH deep: composing it again is safe
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if data is None:
        return WaiverSet(path, [], [])
    if not isinstance(data, dict) or set(data) - {"waivers"} or \
            not isinstance(data.get("waivers") or [], list):
        raise SuppressError(f"{path}: expected a mapping with one key 'waivers' holding a list")
    items = data.get("waivers") or []
    lines = [1] * len(items)
    if node is not None and isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "waivers" and isinstance(value, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in value.value]
    entries = []
    for i, item in enumerate(items):
        try:
            entries.append(WaiverEntry.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"]) or "(entry)"
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            raise SuppressError(f"{path}:{lines[i]}: waiver {i + 1}: key '{key}': {msg}") from None
    return WaiverSet(path, entries, lines)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock for the read-modify-write of PATH: POSIX flock on its folder, which the
    atomic rename of PATH leaves in place, so no lock file is left beside the user's files."""
    import fcntl
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


WAIVERS_HEADER = """\
# svrules waivers: findings accepted after review. Each entry names the finding by its
# fingerprint (stable when the text moves; editing the sentence itself makes a new finding),
# the reason, who reviewed it and when, and optionally when the decision must be looked at again.
# Add entries with `svrules waive FINGERPRINT --rule RULE --reason "..." --by "Name"`.
waivers:
"""


def entry_yaml(entry: WaiverEntry) -> str:
    data = {k: v for k, v in entry.model_dump(mode="json").items() if v is not None}
    text = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=1000)
    return "".join("  " + line + "\n" for line in text.splitlines())


def append_waiver(path: Path, entry: WaiverEntry) -> None:
    """Append one waiver under a lock, keeping the file's comments; never a half-written file."""
    from ..untrusted import UntrustedInput, read_text
    with _locked(path):
        try:
            current = read_text(path) if os.path.lexists(path) else ""
        except UntrustedInput as exc:
            raise SuppressError(f"{path}: {exc}") from None
        existing = load_waivers(path).entries if current.strip() else []
        if not current.strip():
            current = WAIVERS_HEADER
        if not current.endswith("\n"):
            current += "\n"
        new = current + entry_yaml(entry)
        try:
            parsed = yaml.safe_load(new)
            ok = isinstance(parsed, dict) and len(parsed.get("waivers") or []) == len(existing) + 1
        except yaml.YAMLError:
            ok = False
        if not ok:   # a file whose list is not last or is written inline: re-dump it whole
            data = {"waivers": [e.model_dump(mode="json", exclude_none=True)
                                for e in [*existing, entry]]}
            new = WAIVERS_HEADER.rsplit("waivers:", 1)[0] + yaml.safe_dump(
                data, sort_keys=False, allow_unicode=True, width=1000)
        atomic_write(path, new)
