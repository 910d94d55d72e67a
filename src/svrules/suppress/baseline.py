"""The baseline: the findings a repository had when it adopted svrules (`--write-baseline`),
which a later run reports apart, so that only new findings fail it."""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..findings import fingerprint
from ..io_safe import atomic_write
from ..model import FileResult
from .common import SuppressError

# --------------------------------------------------------------------------- baseline

def _rel(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.realpath(path), base)).as_posix()


def write_baseline(path: Path, results: list[FileResult]) -> None:
    """The current active findings (fingerprint, rule, path relative to the file), sorted."""
    base = path.resolve().parent
    items = sorted({(_rel(r.path, base), f.rule, f.fingerprint)
                    for r in results for f in r.findings})
    data = {"tool": "svrules", "baseline": 1,
            "findings": [{"path": p, "rule": rule, "fingerprint": fp} for p, rule, fp in items]}
    atomic_write(path, json.dumps(data, indent=2) + "\n")


def load_baseline(path: Path) -> set[tuple[str, str, str]]:
    from ..untrusted import UntrustedInput, parse_json, read_text
    try:
        data = parse_json(read_text(path))
    except UntrustedInput as exc:
        if str(exc) == "not found":
            raise SuppressError(f"{path}: baseline file not found") from None
        raise SuppressError(f"{path}: not an svrules baseline: {exc}") from None
    try:
        base = path.resolve().parent
        return {(os.path.realpath(base / x["path"]), str(x["rule"]), str(x["fingerprint"]))
                for x in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SuppressError(f"{path}: not an svrules baseline: {type(exc).__name__} "
                            f"{exc}") from None
