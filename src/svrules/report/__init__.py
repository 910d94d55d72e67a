"""Report stage: one formatter per output format, all reading the same `FileResult` list.

Output is deterministic: files in the order given, findings sorted, no timestamps.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..model import FileResult
from ..rulepack import RulePack


@dataclass
class ReportContext:
    pack: RulePack
    version: str
    statistics: bool = False
    color: bool = False
    extra: dict = field(default_factory=dict)


Formatter = Callable[[list[FileResult], ReportContext], str]


def formatter(name: str) -> Formatter:
    if name == "text":
        from .text import render
    elif name == "json":
        from .json import render
    else:
        raise KeyError(name)
    return render


FORMATS = ("text", "json")
