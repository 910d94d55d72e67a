"""Writing reports, baselines and waivers without harming what is already there.

Three promises: (1) a file svrules was asked to check is never written over, whatever path
names it (a symlink, `./x`, a hard link); (2) a regular file is replaced atomically, so a
reader never sees half of it, and a write killed part-way leaves no hidden temporary file
(Linux: the data is written to an unnamed `O_TMPFILE` and given a name only at the rename);
(3) a device, a FIFO or `/dev/stdout` is written through, never replaced by a regular file,
and a symlink is followed, so the link stays a link and its target gets the new content.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable


class UnsafeOutput(ValueError):
    """An output path that must not be written (it names an input)."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def refuse_inputs(outputs: Iterable[Path], inputs: Iterable[Path]) -> None:
    """`UnsafeOutput` when an output path is one of the input files (same inode)."""
    taken = {}
    for path in inputs:
        ident = _identity(path)
        if ident is not None:
            taken[ident] = path
    for out in outputs:
        ident = _identity(out)
        if ident is not None and ident in taken and stat.S_ISREG(os.stat(out).st_mode):
            raise UnsafeOutput(f"{out} is an input being checked ({taken[ident]}): refusing to "
                               "write a report or baseline over it")


def atomic_write(path: Path, text: str | bytes, new_mode: int = 0o644) -> None:
    """Put `text` at `path`: written through to a device or FIFO, else atomically replaced
    (a new file gets `new_mode`; an existing one keeps its mode)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = os.stat(path).st_mode                  # follows a symlink to its target
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        with open(path, "wb") as handle:           # /dev/stdout, /dev/null, a FIFO
            handle.write(data)
        return
    target = Path(os.path.realpath(path))             # a symlink stays a symlink
    target.parent.mkdir(parents=True, exist_ok=True)
    perms = (mode & 0o777) if mode is not None else new_mode
    if not _write_unnamed(target, data, perms):
        _write_named(target, data, perms)


def _write_unnamed(target: Path, data: bytes, perms: int) -> bool:
    """Linux O_TMPFILE: nothing is left behind if the process dies before the rename except
    for the instant between `link` and `replace`. False when the filesystem cannot do it."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, perms)
    except OSError:
        return False
    tmp = None
    try:
        _write_all(fd, data)
        os.fchmod(fd, perms)
        os.fsync(fd)
        tmp = _unused_name(target)
        try:
            os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
        except OSError:
            tmp = None
            return False
        os.replace(tmp, target)
        tmp = None
        return True
    finally:
        os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write_named(target: Path, data: bytes, perms: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        _write_all(fd, data)
        os.fchmod(fd, perms)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _unused_name(target: Path) -> str:
    return str(target.parent / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
