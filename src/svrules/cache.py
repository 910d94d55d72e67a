"""An on-disk cache of the loaded rule pack and law data, keyed by content hash.

Loading the rule pack parses YAML, validates every rule and compiles its patterns; the law data
likewise. That is about 0.1 s of every run (more as the pack grows), while unpickling the result
takes under a millisecond (see docs/performance.md). The key is a SHA-256 of every YAML file
under the rule folders (name and bytes), the svrules source files (name, size, mtime), and the
Python, svrules and pydantic versions, so any change to a rule file or to the code that reads it
is a miss.

Where: `$SVRULES_CACHE_DIR`, else `$XDG_CACHE_HOME/svrules`, else `~/.cache/svrules`: never
inside the folders being checked. `SVRULES_NO_CACHE=1` turns it off. Writes go to a temporary
file in the same folder and are renamed into place, so concurrent runs never see a half-written
entry; an unreadable or corrupt entry is a miss; an unwritable cache folder is ignored.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import __version__

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> Path | None:
    if os.environ.get("SVRULES_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("SVRULES_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "svrules"


def _code_fingerprint(h) -> None:
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def key(kind: str, folders: Iterable[Path]) -> str:
    import pydantic

    h = hashlib.sha256(f"{FORMAT}\0{kind}\0{__version__}\0{sys.version}\0"
                       f"{pydantic.VERSION}\n".encode())
    _code_fingerprint(h)
    for folder in folders:
        folder = Path(folder)
        h.update(f"folder\0{folder.resolve()}\n".encode())
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.yaml")):
            h.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            try:
                h.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                h.update(b"unreadable")
    return h.hexdigest()[:32]


def cached(kind: str, folders: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier run with the same inputs."""
    where = cache_dir()
    if where is None:
        return build()
    folders = list(folders)
    path = where / f"{kind}-{key(kind, folders)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception:            # corrupt, truncated or from an incompatible build: a miss
        pass
    value = build()
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass
    return value
