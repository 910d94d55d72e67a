"""The files svrules reads, by suffix: one table for the walk that finds them and the loaders
that read them.

Discovery must know which files in a folder are tenders before any is loaded, and loading must
know which reader each suffix takes; with the table here, below both stages, the walk never
asks the loaders, and a new format is one row here plus its reader in `load`. A sidecar of
metadata (`NAME.svrules.yaml`) and a copy that `svrules review` wrote (`NAME.reviewed.docx`)
are not tenders, whatever their suffix.
"""
from __future__ import annotations

import stat
from pathlib import Path

#: suffix -> the format's name (the reader `load.ADAPTERS` registers for it)
FORMATS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".odt": "odt",
    ".html": "html",
    ".htm": "html",
}

#: The metadata sidecar beside a tender (load.meta reads it).
SIDE_CAR_SUFFIX = ".svrules.yaml"

#: What `svrules review` writes beside a tender: an output, not a tender to check in a folder walk.
REVIEWED_SUFFIX = ".reviewed.docx"


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDE_CAR_SUFFIX)


def supported(path: Path) -> bool:
    """Is `path` a tender svrules reads (not a sidecar, not a reviewed copy)?"""
    return (path.suffix.lower() in FORMATS and not is_sidecar(path)
            and not path.name.lower().endswith(REVIEWED_SUFFIX))


def not_regular(mode: int | None) -> str:
    """Plain words for why a path that is not a regular file cannot be read."""
    if mode is None:
        return "a broken symlink, a symlink loop, or gone"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    return "not a regular file"
