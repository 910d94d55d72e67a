"""The run-level suppress stage: waivers, then the baseline, applied to every file's findings."""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from pathlib import Path
from typing import Optional

from ..model import FileResult, Finding, WaivedFinding, Waiver
from .baseline import _rel
from .common import today
from .waivers import WaiverEntry, WaiverSet

# --------------------------------------------------------------------------- the run-level stage

def _waiver_matches(entry: WaiverEntry, base: Path, path: str, f: Finding) -> bool:
    if entry.fingerprint != f.fingerprint or entry.rule != f.rule:
        return False
    if entry.path is None:
        return True
    rel = _rel(path, base)
    return rel == Path(os.path.normpath(entry.path)).as_posix() or fnmatch.fnmatch(rel, entry.path)


def review(results: list[FileResult], waivers: Optional[WaiverSet] = None,
           baseline: Optional[set[tuple[str, str, str]]] = None,
           on: Optional[dt.date] = None) -> list[FileResult]:
    """Apply waivers, then the baseline, to every file's active findings. A `ResultStore` in
    gives a `ResultStore` out (a run's results stay compressed: store.py)."""
    if waivers is None and baseline is None:
        return results                      # nothing to apply: the results as they are
    from ..store import ResultStore
    on = on or today()
    out: list[FileResult] | ResultStore = ResultStore() if isinstance(results, ResultStore) \
        else []
    for r in results:
        keep, waived, baselined = [], list(r.waived), list(r.baselined)
        warnings = list(r.warnings)
        for f in r.findings:
            match = None
            for i, entry in enumerate(waivers.entries if waivers else []):
                if _waiver_matches(entry, waivers.base, r.path, f):
                    where = f"{waivers.path}:{waivers.lines[i]}"
                    if entry.expires is not None and entry.expires < on:
                        warnings.append(f"waiver for {f.rule} at line {f.line} ({where}) expired "
                                        f"on {entry.expires.isoformat()}: the finding is active again")
                        continue
                    match = Waiver(kind="waiver", reason=entry.reason, reviewer=entry.reviewer,
                                   date=entry.date, expires=entry.expires, where=where)
                    break
            if match is not None:
                waived.append(WaivedFinding(finding=f, waiver=match))
            elif baseline is not None and (os.path.realpath(r.path), f.rule,
                                           f.fingerprint) in baseline:
                baselined.append(WaivedFinding(finding=f, waiver=Waiver(kind="baseline")))
            else:
                keep.append(f)
        out.append(r.model_copy(update={"findings": tuple(keep), "waived": tuple(waived),
                                        "baselined": tuple(baselined),
                                        "warnings": tuple(warnings)}))
    return out
