"""What a format adapter hands back: blocks plus any metadata embedded in the file."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Block


@dataclass
class Parsed:
    blocks: list[Block]
    meta_yaml: str | None = None          # YAML text embedded in the file (front matter)
    meta_first_line: int = 1
    meta_data: dict[str, Any] | None = None  # already-structured metadata (docx properties, OCDS)
    meta_source: str | None = None
    warnings: list[str] = field(default_factory=list)
