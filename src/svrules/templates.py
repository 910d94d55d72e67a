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
# .md ...) or copy the keys into the Markdown front matter; in Word, the same names work as
# custom properties (File > Info > Properties > Advanced Properties > Custom), with a dot for
# the nested ones (social_value.considered). `svrules schema meta` describes every key;
# `svrules facts NAME` shows what svrules reads from the tender.
#
# Every FILL IN is a placeholder that svrules refuses until you replace it with this tender's
# value (or delete the line to let svrules read the fact from the text): nothing here is an
# example that could be applied to a real tender by mistake.
title: FILL IN the tender's title
authority: FILL IN the contracting authority's name
authority_kind: FILL IN     # central_government | sub_central | nhs_central | nhs_other | nhs | devolved_welsh | scottish | other | not_contracting_authority
jurisdiction: FILL IN       # england | wales | scotland | northern_ireland | uk
procurement_start: FILL IN  # YYYY-MM-DD: when the procurement starts (decides PCR 2015 or PA 2023)
nature: FILL IN             # services | goods | works | mixed (then give parts:)
# parts: {services: FILL IN, goods: FILL IN, works: FILL IN}
value: FILL IN              # estimated value in GBP over the whole term (a number)
vat: FILL IN                # inclusive | exclusive: how `value` is stated
term_years: FILL IN         # a number of years
framework: FILL IN          # none | framework | call_off
lots: FILL IN               # true | false: divided into lots
cpv: [FILL IN]              # CPV codes, e.g. the eight digits of each
social_value:
  considered: FILL IN       # true | false: s.1(3) considered before the procurement started
  considered_on: FILL IN    # YYYY-MM-DD
  consultation_considered: FILL IN  # true | false: s.1(7)
  weighting_percent: FILL IN        # 0-100
  relevant_area: FILL IN            # the area whose well-being was considered (s.1(4)-(5))
"""
