"""JSON Lines: one object per finding, for log pipelines and `jq -c`.

Each line is the JSON report's finding object plus `path` and `status` (active, waived or
baselined; waived ones carry their `waiver`). File errors are lines with `status: file-error`.
"""
from __future__ import annotations

import json

from ..model import FileResult
from . import ReportContext
from .json import finding_dict, waived_dict


def render(results: list[FileResult], ctx: ReportContext) -> str:
    lines = []
    for r in results:
        for e in r.errors:
            lines.append({"path": r.path, "status": "file-error", "kind": e.kind,
                          "message": e.message, "line": e.line})
        lines += [{"path": r.path, "status": "active", **finding_dict(f)} for f in r.findings]
        lines += [{"path": r.path, "status": "waived", **waived_dict(w)} for w in r.waived]
        lines += [{"path": r.path, "status": "baselined", **waived_dict(w)} for w in r.baselined]
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
