"""Files written by `svrules init`: a commented configuration and a tender metadata template.

Both are parsed by the tests (the configuration into `Config`, the metadata into `TenderMeta`),
so the templates cannot drift from what svrules accepts.
"""

CONFIG_TEMPLATE = """\
# svrules configuration. svrules finds this file by looking upward from the checked path;
# the same keys also work under [tool.svrules] in pyproject.toml. Unknown keys are errors.
# `svrules schema config` prints the JSON Schema of every key.

# Rules to run and skip: ids (LOCAL001), categories (local, process, scope, ...) or globs (LOCAL*).
# select = ["local", "process"]
# extend-select = ["SCOPE001"]
ignore = []

# Lowest severity that makes `svrules check` exit 1 (error | warning | info).
# fail-on = "error"

# Files and folders not to check.
# exclude = ["templates/", "*.draft.md"]

# Organisation defaults, used when a tender's metadata does not say.
# authority-kind = "sub_central"     # central_government | sub_central | nhs | devolved_welsh | scottish | other
# jurisdiction = "england"           # england | wales | scotland | northern_ireland | uk
# Apply social value to every contract, whatever its value (as Kent County Council does).
# apply-to-all-contracts = true

# Extra rule pack folders (relative to this file), validated with `svrules validate-rules`.
# rule-packs = ["rules-local/"]

# Reviewed waivers (default: svrules-waivers.yaml beside this file) and a baseline of accepted
# findings written by `svrules check --write-baseline FILE`.
# waivers = "svrules-waivers.yaml"
# baseline = "svrules-baseline.json"

# Rule engine: durable (durable-rules) or python (the plain-Python evaluator).
# engine = "durable"

# Tables come last: in TOML every key after a [table] line belongs to that table.

# Severity overrides: rule id -> error | warning | info.
[severity]
# PROC001 = "warning"

# Rules to skip in some files: glob -> ids, categories or globs.
[per-file-ignores]
# "archive/**" = ["*"]
# "drafts/*.md" = ["PROC001"]
"""

META_TEMPLATE = """\
# Tender metadata for svrules. Rename this file to NAME.svrules.yaml beside NAME.docx (or .pdf,
# .md ...) or copy the keys into the Markdown front matter. `svrules schema meta` describes
# every key; `svrules facts NAME` shows what svrules reads from the tender.
title: Grounds maintenance services 2026-2030
authority: Example Borough Council
authority_kind: sub_central          # central_government | sub_central | nhs | devolved_welsh | scottish | other
jurisdiction: england                # england | wales | scotland | northern_ireland | uk
procurement_start: 2026-04-01        # when the procurement starts (decides PCR 2015 or PA 2023)
nature: services                     # services | goods | works | mixed (then give parts:)
# parts: {services: 500000, goods: 100000}
value: 600000                        # estimated value in GBP over the whole term
vat: exclusive                       # inclusive | exclusive: how `value` is stated
term_years: 4
framework: none                      # none | framework | call_off
lots: false
cpv: ["77310000"]
social_value:
  considered: true                   # s.1(3) considered before the procurement started
  considered_on: 2026-01-15
  consultation_considered: true      # s.1(7)
  weighting_percent: 10
  relevant_area: the borough
"""
