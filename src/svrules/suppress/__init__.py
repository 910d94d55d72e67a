"""Suppress stage: inline suppressions, reviewed waivers and the baseline.

Runs after findings are built and before reporting. A suppressed finding is never dropped: it
moves to `FileResult.waived` (inline suppressions and waivers, with their reason) or
`FileResult.baselined`, so reports count it apart and exit codes ignore it.

Inline, in Markdown or text (the loader keeps HTML comments as `comment` blocks)::

    <!-- svrules: disable=LOCAL001 reason="operational: 2-hour emergency call-out" -->
    <!-- svrules: disable-file=PROC001,local reason="considered in the business case" -->

`disable` covers the next block, `disable-file` the whole file. Rules are ids, categories or
globs. The reason is required. Decision: a suppression that is malformed, names an unknown rule
or has no reason is *not applied* and is reported as an `SUPP001` warning finding, so the
finding it meant to hide stays visible until someone writes down why; a valid suppression that
hid nothing is reported as `SUPP002` (sqlfluff's unused noqa), so stale ones get cleaned up.
Both are ordinary findings (select/ignore them like any rule), never suppressible themselves.

Waivers live in a reviewed YAML file (`svrules-waivers.yaml`) keyed by fingerprint and rule
(optionally path); an expired waiver no longer applies and the run says so. The baseline is a
JSON list of fingerprint + rule + path written by `--write-baseline`, so a repository that
adopts svrules fails only on new findings. Both key on the fingerprint (rule + normalised
sentence + occurrence), never on file + rule alone: moving a paragraph or editing others keeps
the key, editing the sentence itself makes a new finding.

The stage is split by what it reads: `inline` (comments in the document, applied as each file
is checked), `waivers` (the reviewed file), `baseline` (the adoption snapshot) and `stage`
(waivers then baseline over a run's results). The names are imported here, so callers keep
using `svrules.suppress`.
"""
from __future__ import annotations

from ..builtin_rules import META_RULES, RuleInfo
from .baseline import load_baseline, write_baseline
from .common import TODAY_ENV, SuppressError, today
from .inline import Directive, apply_inline, parse_directive
from .stage import review
from .waivers import (WAIVERS_FILE, WAIVERS_HEADER, WaiverEntry, WaiverSet, append_waiver,
                      entry_yaml, find_waivers, load_waivers)

__all__ = ["META_RULES", "RuleInfo", "TODAY_ENV", "WAIVERS_FILE", "WAIVERS_HEADER", "Directive",
           "SuppressError", "WaiverEntry", "WaiverSet", "append_waiver", "apply_inline",
           "entry_yaml", "find_waivers", "load_baseline", "load_waivers", "parse_directive",
           "review", "today", "write_baseline"]
