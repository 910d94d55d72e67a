"""Rule documentation generated from the rule files: `svrules explain` and docs/rules.md.

Docs come from the same data the engine runs (sqlfluff's idea), so they cannot drift; a test
checks that the committed docs/rules.md is what this module produces.
"""
from __future__ import annotations

import textwrap

import yaml

from .rulepack import DependsOn, RulePack, RuleSpec
from .vocabulary import FACTS

DEPENDENCY_HELP = {
    "act": "the Social Value Act s.1 duty (which turns on the regime, the start date, the "
           "contract type and the threshold): as written where the Act applies, good-practice "
           "info where it does not, at most a warning worded \"If the Act applies\" while the "
           "verdict is unknown",
    "procurement": "procurement law for a covered procurement, whatever the contract type and "
                   "whether or not the Act applies: as written for a covered procurement, "
                   "good-practice info below the threshold or where the law does not extend "
                   "(Scotland), at most a warning worded \"If this procurement is covered by "
                   "...\" while the regime is unknown",
    "policy": "a policy note whose own scope (authority, regime, date, contract type) is in the "
              "rule's conditions: the verdict does not change its severity",
    "statute": "another statute whose own scope is in the rule's conditions: the verdict does "
               "not change its severity",
    "none": "good practice for any contract: the verdict does not change its severity",
}


def dependency(dep: DependsOn) -> str:
    """One line on the law a rule rests on and what the verdict does to it."""
    named = f"{dep.provision}: " if dep.provision else ""
    return f"`{dep.law}` ({named}{DEPENDENCY_HELP[dep.law]})"


def dependency_section() -> list[str]:
    """How `depends_on` sets severity: the rule schema's own documentation, in docs/rules.md."""
    out = ["## How the verdict sets severity (`depends_on`)", "",
           "Every rule declares in `rules/*.yaml` the law it rests on, as `depends_on: {law: ..., "
           "provision: ...}` (a misspelt or missing key is an error; `provision` names the law "
           "for `procurement`, `policy` and `statute`). The applicability verdict then sets the "
           "severity of its findings:", ""]
    out += [f"- `{law}`: {text}." for law, text in DEPENDENCY_HELP.items()]
    out += ["", "Where the verdict is unknown, rule SCOPE002 reports it as a warning naming the "
            "facts that would decide it. An organisation that applies social value to all its "
            "contracts (`apply-to-all-contracts` in svrules.toml) keeps every finding as written. "
            "`except_if` (eq, ne, in, not_in) switches a rule off where all its conditions hold, "
            "e.g. `{regime: PCR2015, light_touch: true}` for the lots rules. `svrules schema "
            "rule` prints the whole rule file schema.", ""]
    return out


def classes_section(pack: RulePack) -> list[str]:
    """The named word classes patterns may use as `{name}` (rules/data/classes.yaml)."""
    if not pack.classes:
        return []
    out = ["## Word classes in patterns", "",
           "A text pattern may name a class of words as `{name}`: when the pack loads, the name "
           "is replaced by one group of the class's words, `(?:word|word|...)`, before anything "
           "is compiled, so both engines and the RE2 index run plain regular expressions. A word "
           "may name another class. The shared classes are in `rules/data/classes.yaml`; a rule "
           "file may add its own under a top-level `classes:` key (visible in that file only). "
           "A misspelt name, a class that names itself, or a name that redefines an existing "
           "class is an error when the pack loads, naming the file, the rule and the nearest "
           "class.", "",
           "| class | what it holds | words |", "|---|---|---|"]
    out += _class_rows(pack.classes)
    for name, own in sorted(pack.file_classes.items()):
        out += ["", f"Classes `rules/{name}` declares for its own rules:", "",
                "| class | what it holds | words |", "|---|---|---|", *_class_rows(own)]
    return out + [""]


def _class_rows(classes) -> list[str]:
    rows = []
    for name, cls in classes.items():
        words = ", ".join(f"`{w}`" for w in cls.words).replace("|", "\\|")
        rows.append(f"| `{{{name}}}` | {cls.note} | {words} |")
    return rows


def facts_section() -> list[str]:
    """The fields each fact has (svrules.vocabulary): what a rule's conditions may name."""
    out = ["## The facts rules test", "",
           "A condition names a field of a fact; a field the fact does not have is an error when "
           "the pack loads, naming the file, the rule, the field and the nearest field. `tri` "
           "is true / false / null (yes / no / unknown); a `number` is left out of the fact "
           "when unknown, so a comparison with it is false; a `date` is a number YYYYMMDD.", ""]
    for kind in FACTS.values():
        where = f" Tested in `{kind.in_rules}`." if kind.in_rules else " The engine's own."
        out += [f"### `{kind.name}`", "", f"{kind.doc[0].upper()}{kind.doc[1:]}.{where}", "",
                "| field | type | meaning |", "|---|---|---|"]
        for f in kind.fields:
            if f.name in ("id", "kind"):
                continue
            values = f" ({', '.join(f.values)})" if f.values else ""
            out.append(f"| `{f.name}` | {f.type} | {f.doc}{values} |")
        out.append("")
    return out


def _wrap(text: str, indent: str = "  ") -> str:
    """Wrap a paragraph; a marker such as "  ✓ " starts the first line only."""
    return "\n".join(textwrap.wrap(" ".join(text.split()), 96, initial_indent=indent,
                                   subsequent_indent=" " * len(indent)))


def _conditions(rule: RuleSpec) -> str:
    data = {"applies_if": rule.applies_if or None, "except_if": rule.except_if or None,
            "when": rule.when.model_dump(exclude_defaults=True, exclude_none=True)}
    return yaml.safe_dump({k: v for k, v in data.items() if v}, sort_keys=False,
                          allow_unicode=True, width=96).rstrip()


def explain_text(pack: RulePack, rule: RuleSpec) -> str:
    out = [f"{rule.id} {rule.name}",
           f"  category: {rule.category.value}   severity: {rule.severity.value}   "
           f"status: {rule.status}",
           _wrap(f"rests on: {dependency(rule.depends_on)}"),
           "", _wrap(rule.summary), "", "Why:", _wrap(rule.rationale), "", "Fix:", _wrap(rule.fix),
           "", "Citations:"]
    for c in rule.citations:
        src = pack.sources[c.source]
        out.append(f"  - {src.title}, {c.section}")
        out.append(_wrap(c.words(), "      "))
        url = c.url or src.link(c.section)
        if url:
            out.append(f"      {url}")
    out += ["", "Examples that are findings:"]
    out += [_wrap(e.text, "  ✗ ") for e in rule.examples.bad]
    out += ["", "Examples that are not:"]
    out += [_wrap(e.text, "  ✓ ") for e in rule.examples.good]
    out += ["", "Conditions (rules/*.yaml):", textwrap.indent(_conditions(rule), "  "), ""]
    return "\n".join(out)


def builtin_markdown() -> list[str]:
    """The rules built into svrules (suppression checks), so SARIF help links resolve."""
    from .builtin_rules import META_RULES
    out = ["", "## Built-in rules", "",
           "Reported by svrules itself about its suppression comments (see docs/review.md)."]
    for info in META_RULES.values():
        out += ["", f"## {info.id}", "", f"**{info.name}**: {info.category}, {info.severity}.", "",
                info.summary, "", "**Why.** " + info.rationale, "", "**Fix.** " + info.fix]
    return out


def builtin_text(rule_id: str) -> str | None:
    from .builtin_rules import META_RULES
    info = META_RULES.get(rule_id.upper())
    if info is None:
        return None
    return "\n".join([f"{info.id} {info.name}", f"  category: {info.category}   severity: "
                      f"{info.severity}   built into svrules", "", _wrap(info.summary), "",
                      "Why:", _wrap(info.rationale), "", "Fix:", _wrap(info.fix), ""])


def _citation_markdown(pack: RulePack, c) -> str:
    src = pack.sources[c.source]
    url = c.url or src.link(c.section)
    title = f"[{src.title}]({url})" if url else src.title
    return f"- {title}, {c.section}: {' '.join(c.words().split())}"


def rule_help_markdown(pack: RulePack, rule: RuleSpec) -> str:
    """A rule's documentation as one Markdown text (SARIF `help.markdown`): what, why, the fix
    and the citations, from the same data as docs/rules.md, so it needs no link to resolve."""
    out = [" ".join(rule.summary.split()), "", "**Why.** " + " ".join(rule.rationale.split()), "",
           "**Fix.** " + " ".join(rule.fix.split()), "", "**Citations.**", ""]
    out += [_citation_markdown(pack, c) for c in rule.citations]
    return "\n".join(out)


def rules_markdown(pack: RulePack, rules: list[RuleSpec] | None = None,
                   builtin: bool = False) -> str:
    rules = list(pack.rules if rules is None else rules)
    out = ["# svrules rules", "",
           "Generated from `rules/*.yaml` by `make docs` (`svrules rules --format markdown`);",
           "a test fails when this file is stale. Do not edit by hand.", "",
           *dependency_section(),
           *facts_section(),
           *classes_section(pack),
           "## The rules", "",
           "| id | name | category | severity | rests on | what it finds |",
           "|---|---|---|---|---|---|"]
    for r in rules:
        law = r.depends_on.law + (f": {r.depends_on.provision}" if r.depends_on.provision else "")
        out.append(f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.category.value} | "
                   f"{r.severity.value} | {law} | {r.summary} |")
    for r in rules:
        out += ["", f"## {r.id}", "", f"**{r.name}**: {r.category.value}, {r.severity.value}"
                f" ({r.status}).", "", f"**Rests on.** {dependency(r.depends_on)}.", "",
                " ".join(r.summary.split()), "", "**Why.** " + " ".join(r.rationale.split()), "",
                "**Fix.** " + " ".join(r.fix.split()), "", "**Citations.**", ""]
        out += [_citation_markdown(pack, c) for c in r.citations]
        out += ["", "**Findings:**", ""]
        out += [f"- ✗ {' '.join(e.text.split())}" for e in r.examples.bad]
        out += ["", "**Not findings:**", ""]
        out += [f"- ✓ {' '.join(e.text.split())}" for e in r.examples.good]
    if builtin:
        out += builtin_markdown()
    return "\n".join(out) + "\n"
