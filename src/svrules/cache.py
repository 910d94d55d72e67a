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

Unpickling runs code, so an entry is unpickled only when its HMAC-SHA256 tag checks out under a
key kept outside the cache folder (`signing_key`): a pickle planted in the cache folder, or
one from a cache restored from elsewhere, is a miss, never executed.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import __version__
from .io_safe import atomic_write
from .untrusted import UntrustedInput, read_limited

T = TypeVar("T")
FORMAT = 2
MAGIC = b"svrules-cache-2\n"
TAG_BYTES = 32
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path | None:
    if os.environ.get("SVRULES_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("SVRULES_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "svrules"


def key_path() -> Path:
    """The signing key, kept outside the cache folder (a restored or shared cache folder does
    not carry it): `$SVRULES_CACHE_KEY`, else `$XDG_CONFIG_HOME/svrules/cache.key`."""
    explicit = os.environ.get("SVRULES_CACHE_KEY")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "svrules" / "cache.key"


def signing_key() -> bytes | None:
    """This user's cache key (made on first use, mode 0600), or None: then no cache at all."""
    path = key_path()
    try:
        return _usable_key(read_limited(path, 4096))
    except UntrustedInput:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32).hex().encode())
        return _usable_key(read_limited(path, 4096))
    except (OSError, UntrustedInput):
        return None


def _usable_key(data: bytes) -> bytes | None:
    return data.strip() if len(data.strip()) >= 32 else None


def _tag(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


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
            try:        # a FIFO or a link to /dev/zero named *.yaml must not hang the key
                h.update(hashlib.sha256(read_limited(path)).digest())
            except UntrustedInput:
                h.update(b"unreadable")
    return h.hexdigest()[:32]


def cached(kind: str, folders: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier run with the same inputs."""
    where = cache_dir()
    if where is None:
        return build()
    secret = signing_key()
    if secret is None:
        return build()
    folders = list(folders)
    path = where / f"{kind}-{key(kind, folders)}.pickle"
    try:
        entry = read_limited(path, MAX_ENTRY_BYTES)
    except UntrustedInput:
        entry = b""
    if entry.startswith(MAGIC) and len(entry) > len(MAGIC) + TAG_BYTES:
        tag, payload = entry[len(MAGIC):len(MAGIC) + TAG_BYTES], entry[len(MAGIC) + TAG_BYTES:]
        if hmac.compare_digest(tag, _tag(secret, payload)):   # only what this user wrote
            try:
                return pickle.loads(payload)
            except Exception:    # from an incompatible build: a miss
                pass
    value = build()
    try:            # io_safe: no half-written entry is ever seen, none is left if killed
        where.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(path, MAGIC + _tag(secret, payload) + payload, new_mode=0o600)
    except OSError:
        pass
    return value
