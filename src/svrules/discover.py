"""Discover stage: expand the paths given on the command line into the files to check.

Folders are walked recursively in sorted order (output is deterministic), symlinked folders are
followed once (loops are cut), `--exclude` globs match against the path relative to the folder
given and against the file name, and hidden folders (`.git`, `.venv`) are skipped.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from .formats import not_regular, supported

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass(frozen=True)
class Target:
    path: Path          # the file on disk
    display: str        # how it is named in output


@dataclass(frozen=True)
class DiscoverError:
    display: str
    kind: str
    message: str


def shown(path: str) -> str:
    """A path as it can be printed and written to JSON: bytes that are not UTF-8 in a file name
    (POSIX allows them) become `\\xNN` instead of lone surrogates that break every report."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p)
               or fnmatch.fnmatch(rel, p.rstrip("/") + "/*") for p in patterns)


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def discover(paths: list[str], exclude: tuple[str, ...] = (),
             follow_links: bool = False) -> tuple[list[Target], list[DiscoverError]]:
    """The files to check under `paths`. A symlinked folder is walked only when it points
    inside the folder given (or with `follow_links`): a link to `/etc` or a home folder in a
    checked-out repository must not make svrules read, and report, what is outside it."""
    targets: list[Target] = []
    errors: list[DiscoverError] = []
    seen: set[str] = set()

    def add(path: Path, display: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            targets.append(Target(path, display))

    for given in paths:
        root = Path(given)
        if not os.path.lexists(root):
            errors.append(DiscoverError(shown(given), "io", "no such file or folder"))
            continue
        if root.is_file():
            # A file named explicitly is checked even when its suffix is unusual: say so.
            if _excluded(root.as_posix(), exclude):
                continue
            add(root, shown(given))
            continue
        if not root.is_dir():
            errors.append(DiscoverError(shown(given), "io", not_regular(_mode(root))))
            continue
        def named(rel: str, root: Path = root, given: str = given) -> str:
            """How a file under ROOT is shown: relative to it when it is the current folder."""
            return shown((root / rel).as_posix() if given not in (".", "./") else rel)

        def walk_error(exc: OSError, root: Path = root) -> None:
            try:
                rel = Path(exc.filename).relative_to(root).as_posix()
            except (TypeError, ValueError):
                rel = str(exc.filename)
            errors.append(DiscoverError(named(rel), "io", (exc.strerror or str(exc)).lower()))

        visited: set[tuple[int, int]] = set()
        real_root = os.path.realpath(root)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=walk_error):
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in visited:     # a symlink loop: walk it once
                dirnames[:] = []
                continue
            visited.add((st.st_dev, st.st_ino))
            rel_dir = Path(dirpath).relative_to(root).as_posix()
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
                                 and not _excluded(f"{rel_dir}/{d}".lstrip("./") if rel_dir != "." else d,
                                                   exclude)
                                 and (follow_links or not os.path.islink(os.path.join(dirpath, d))
                                      or _inside(os.path.join(dirpath, d), real_root)))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                rel = (Path(rel_dir) / name).as_posix() if rel_dir != "." else name
                if not supported(path) or _excluded(rel, exclude):
                    continue
                if not path.is_file():
                    errors.append(DiscoverError(named(rel), "io", not_regular(_mode(path))))
                    continue
                add(path, named(rel))
    return targets, errors
