"""The one exception a loader raises: a per-file problem the user can act on."""
from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be read as a tender. `kind` is a stable, machine-readable word."""

    def __init__(self, kind: str, message: str, line: int | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line
        self.field = field
