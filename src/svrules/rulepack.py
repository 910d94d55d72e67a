"""Rule packs: YAML files in `rules/` validated into `RuleSpec`s.

Rule files are data from repositories that CI checks out, so they are untrusted: they are read
with PyYAML's safe loader (no object-building tags), validated strictly (unknown keys are
errors that name the file and the key), and their text patterns are compiled with RE2, whose
matching time is linear in the text, so no pattern can hang a run. Nothing in a rule file is
ever executed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .model import Category, Citation, Severity
from .vocabulary import EXTRACTED, nearest, unknown_field

Scalar = Union[str, int, float, bool, None]
OPS = {"eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "exists"}
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLACEHOLDERS = {"excerpt", "match", "value", "threshold", "regime", "under_regime", "authority",
                "nature", "weighting", "missing", "how_to_add", "detail"}


class RulePackError(Exception):
    """A rule file that cannot be used; the message names the file and the offending key."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# What durable-rules can read: Python writes smaller or larger floats with an exponent, which
# its JSON parser refuses. Facts are kept inside the same range by `engine.compile.normalise`.
MIN_NUMBER = 0.001
MAX_NUMBER = 1e15


def _check_conditions(value: dict[str, Any]) -> dict[str, Any]:
    for name, cond in value.items():
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"field name {name!r} must be lower_snake_case")
        if isinstance(cond, dict):
            bad = set(cond) - OPS
            if bad:
                raise ValueError(f"unknown operator {sorted(bad)[0]!r} for {name!r} "
                                 f"(allowed: {', '.join(sorted(OPS))})")
            for op, arg in cond.items():
                items = arg if isinstance(arg, list) else [arg]
                if op in ("in", "not_in") and not isinstance(arg, list):
                    raise ValueError(f"{name}.{op} takes a list")
                if op in ("lt", "lte", "gt", "gte") and (
                        isinstance(arg, bool) or not isinstance(arg, (int, float))):
                    raise ValueError(f"{name}.{op} compares numbers: give a number")
                if any(isinstance(i, (dict, list)) for i in items):
                    raise ValueError(f"{name}.{op} takes plain values")
                _check_numbers(f"{name}.{op}", items)
        elif isinstance(cond, list):
            if any(isinstance(i, (dict, list)) for i in cond):
                raise ValueError(f"{name} takes plain values")
            _check_numbers(name, cond)
        else:
            _check_numbers(name, [cond])
    return value


def _check_fields(kind: str, value: dict[str, Any]) -> dict[str, Any]:
    """Every field named is one the fact has (svrules.vocabulary): a mistyped field would
    otherwise make a condition that silently never holds."""
    for name in value:
        problem = unknown_field(kind, name)
        if problem:
            raise ValueError(problem)
    return value


def _check_numbers(where: str, values: list) -> None:
    for number in values:
        if isinstance(number, (int, float)) and not isinstance(number, bool) and number != 0 \
                and not MIN_NUMBER <= abs(number) < MAX_NUMBER:
            raise ValueError(f"{where}: {number!r} is out of range: numbers in conditions are 0 "
                             f"or between {MIN_NUMBER} and {MAX_NUMBER:.0e} in size "
                             "(durable-rules cannot read exponents)")


class TextPattern(Strict):
    """Where in the text a rule looks. Patterns are RE2 regular expressions, case-insensitive.

    A sentence (or a table row) is a hit when one of `any` matches and every pattern in `all`
    also matches in the same sentence; a match is dropped when an `unless` pattern matches
    words overlapping it, and the whole sentence is dropped when `unless_sentence` matches.
    """

    any: list[str] = Field(min_length=1)
    all: list[str] = []
    unless: list[str] = []
    unless_sentence: list[str] = []
    in_sections: list[str] = Field([], description="only under headings matching one of these")
    kinds: list[Literal["heading", "paragraph", "list_item", "table_row", "table_cell"]] = []
    block_all: list[str] = Field(
        [], description="patterns any one of which, found anywhere in the block (a paragraph, "
        "list item or table row), meets `all` for every sentence of it: an award question or "
        "criterion whose marks, weighting or scoring sit in a sentence of their own (\"Describe "
        "your presence in the county. (5 marks)\"); a sentence `unless_sentence` drops does "
        "not count")
    block_asks: list[str] = Field(
        [], description="with `block_all`: only a sentence matching one of these (a question, "
        "an ask addressed to the bidder, a criterion's title) is met by the block's marks, so "
        "a description beside a scoring sentence stays a description; empty: every sentence")
    block_unless: list[str] = Field(
        [], description="patterns any one of which, found in a sentence of the block (a "
        "paragraph, list item or table row), drops every hit of the block: a question the "
        "block says is asked for information only (\"Do you hold Investors in People? This "
        "question is for information only and will not be scored.\")")
    lead_in: bool = Field(
        False, description="a list item also meets `all` when the paragraph introducing its "
        "list (the one ending in a colon just before it) does: \"Bidders must:\" then \"- have "
        "a depot in the county\"")
    view: Literal["normalised", "original"] = Field(
        "normalised", description="match the text as read (Markdown markup, invisible and "
        "look-alike characters undone: the default), or exactly as written")

    @field_validator("any", "all", "unless", "unless_sentence", "in_sections", "block_all", "block_asks",
                     "block_unless")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        from .extract.matcher import compile_pattern
        for p in patterns:
            compile_pattern(p)
        return patterns


class FactPattern(Strict):
    """An extracted fact (e.g. a social value clause) whose fields meet `where`."""

    fact: str = Field(pattern=r"^[a-z_]+$")
    where: dict[str, Any] = {}

    @field_validator("where")
    @classmethod
    def _where(cls, value):
        return _check_conditions(value)

    @model_validator(mode="after")
    def _known_fields(self):
        if self.fact not in EXTRACTED:
            raise ValueError(f"fact {self.fact!r} is not a fact rules can test"
                             f"{nearest(self.fact, EXTRACTED)} (facts: {', '.join(EXTRACTED)})")
        for name in self.where:
            problem = unknown_field(self.fact, name)
            if problem:
                raise ValueError(f"where: {problem}")
        return self


class Absent(Strict):
    text: Optional[TextPattern] = None
    fact: Optional[FactPattern] = None

    @model_validator(mode="after")
    def _one(self):
        if (self.text is None) == (self.fact is None):
            raise ValueError("absent needs exactly one of text or fact")
        return self


class When(Strict):
    text: Optional[TextPattern] = None
    fact: Optional[FactPattern] = None
    absent: Optional[Absent] = None
    doc: dict[str, Any] = {}

    @field_validator("doc")
    @classmethod
    def _doc(cls, value):
        return _check_fields("doc", _check_conditions(value))

    @model_validator(mode="after")
    def _at_most_one_anchor(self):
        if sum(x is not None for x in (self.text, self.fact)) > 1:
            raise ValueError("when: give text or fact, not both (split it into two rules)")
        return self


class Example(Strict):
    text: str
    meta: dict[str, Any] = {}
    config: dict[str, Any] = {}


class Examples(Strict):
    bad: list[Example] = Field(min_length=1)
    good: list[Example] = Field(min_length=1)

    @field_validator("bad", "good", mode="before")
    @classmethod
    def _strings(cls, items):
        if isinstance(items, list):
            return [{"text": i} if isinstance(i, str) else i for i in items]
        return items


class DependsOn(Strict):
    """Which law a rule rests on, so that the applicability verdict can set its severity.

    `act`: the Social Value Act s.1 duty (itself turning on the regime, the start date, the
    contract type and the threshold): as written where the Act applies, good-practice info where
    it does not, at most a warning worded "if the Act applies" where the verdict is unknown.
    `procurement`: procurement law (PCR 2015 / PA 2023) for a covered procurement, whatever the
    contract type and whether or not the Act applies; `provision` names it. `policy`: a policy
    note whose own scope (authority, regime, date, contract type) is in `applies_if`; the
    verdict does not change it. `statute`: another statute with its own scope in `applies_if`
    (LGA 1988 s.17 for English councils), likewise unchanged. `none`: good practice for any
    contract.
    """

    law: Literal["act", "procurement", "policy", "statute", "none"]
    provision: Optional[str] = Field(None, min_length=3, description=(
        "the provision the rule rests on where it is not the Act, e.g. 'PA 2023 s.23(2)(a)'"))

    @model_validator(mode="after")
    def _provision(self):
        if self.law in ("procurement", "policy", "statute") and not self.provision:
            raise ValueError(f"law {self.law!r} needs `provision`: the law the rule rests on")
        if self.law == "act" and self.provision:
            raise ValueError("law 'act' is the Social Value Act s.1: no `provision`")
        return self


class RuleCitation(Citation):
    """A rule's citation: a verbatim quote of the source, or (where the source's wording is not
    held, e.g. a policy note) a summary that reports show as a paraphrase."""

    quote: Optional[str] = Field(None, min_length=8)
    summary: Optional[str] = Field(None, min_length=8)

    @model_validator(mode="after")
    def _one_of(self):
        if not (self.quote or self.summary):
            raise ValueError("a citation needs a verbatim `quote` or a `summary`")
        return self


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[A-Z]{2,10}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    category: Category
    severity: Severity
    status: Literal["stable", "preview", "deprecated"] = "stable"
    summary: str = Field(min_length=10, description="one sentence: what the rule finds")
    rationale: str = Field(min_length=10, description="why it matters, for `svrules explain`")
    applies_if: dict[str, Any] = {}
    except_if: dict[str, Any] = Field({}, description=(
        "the rule does not apply when all of these hold (e.g. a PCR 2015 light-touch contract)"))
    depends_on: DependsOn = Field(description="the law the rule rests on (see DependsOn)")
    when: When
    at: Optional[str] = Field(None, description="for document-level findings: the fact whose "
                              "place is reported (e.g. nature, value, procurement_start)")
    message: str
    fix: str = Field(min_length=10)
    citations: list[RuleCitation] = Field(min_length=1)
    examples: Examples

    @field_validator("applies_if")
    @classmethod
    def _applies(cls, value):
        return _check_fields("doc", _check_conditions(value))

    @field_validator("except_if")
    @classmethod
    def _except(cls, value):
        for name, cond in _check_fields("doc", _check_conditions(value)).items():
            ops = set(cond) if isinstance(cond, dict) else {"eq"}
            if ops - {"eq", "ne", "in", "not_in"}:
                raise ValueError(f"except_if.{name}: only eq, ne, in and not_in (a missing "
                                 "number cannot be negated)")
        return value

    @field_validator("message", "fix")
    @classmethod
    def _placeholders(cls, text: str) -> str:
        for name in PLACEHOLDER.findall(text):
            if name not in PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {{{name}}} (allowed: "
                                 f"{', '.join(sorted(PLACEHOLDERS))})")
        return text

    @property
    def anchored(self) -> bool:
        """True when findings sit on a block (a text or fact match), not on the document."""
        return self.when.text is not None or self.when.fact is not None


# How a citation's section names a provision (the first one named is linked).
PINPOINTS = {
    "section": re.compile(r"(?<![A-Za-z])(?:ss?\.\s?|sections? )(\d+[A-Z]*)"),
    "regulation": re.compile(r"(?<![A-Za-z])(?:regs?\.?\s|regulations? )(\d+[A-Z]*)"),
    "article": re.compile(r"(?<![A-Za-z])(?:arts?\.?\s|articles? )(\d+[A-Z]*)"),
    "schedule": re.compile(r"(?<![A-Za-z])Sch(?:edule|\.)?\s?(\d+[A-Z]*)"
                           r"(?:,?\s*paras?\.?\s?(\d+[A-Z]*))?"),
}


class Source(Strict):
    title: str
    short: str = Field(description="how a citation names it, e.g. 'PA 2023'")
    kind: Literal["statute", "statutory-instrument", "guidance", "policy-note", "research",
                  "practice", "summary"]
    date: str
    url: Optional[str] = Field(None, description="the document; for legislation, the instrument's "
                               "legislation.gov.uk address without /contents")
    pinpoint: Optional[Literal["section", "regulation", "article"]] = Field(
        None, description="legislation only: how its provisions are numbered, so that a "
        "citation's section (\"s.23(3)\", \"reg 67(9)\", \"Sch 1 para 4\") links to that provision")
    file: Optional[str] = Field(None, description="file under shared/policy-sources holding its "
                                "text verbatim; none for a source held only as summaries")

    def link(self, section: str) -> Optional[str]:
        """The address of the provision a citation's section names: the first section,
        regulation or article (as this instrument numbers them) or schedule paragraph it
        mentions; the document's own address when it names none."""
        if self.pinpoint is None or self.url is None:
            return self.url
        best = None
        for kind, pattern in PINPOINTS.items():
            if kind not in (self.pinpoint, "schedule"):
                continue
            match = pattern.search(section)
            if match and (best is None or match.start() < best[1].start()):
                best = (kind, match)
        if best is None:
            return self.url
        kind, match = best
        if kind == "schedule":
            path = f"schedule/{match.group(1)}"
            return f"{self.url}/{path}/paragraph/{match.group(2)}" if match.group(2) \
                else f"{self.url}/{path}"
        return f"{self.url}/{kind}/{match.group(1)}"


class WordClass(Strict):
    """A named class of words (supplier nouns, premises nouns, requirement words ...) that text
    patterns name as `{class}`. Each word is an RE2 fragment and may itself name a class; the
    class is one non-capturing group of its words."""

    note: str = Field(min_length=8, description="what the class holds and why, for docs/rules.md")
    words: list[str] = Field(min_length=1)

    @field_validator("words")
    @classmethod
    def _fragments(cls, words: list[str]) -> list[str]:
        for w in words:
            if not isinstance(w, str) or not w.strip():
                raise ValueError("a word is a non-empty string")
            if "(?P<" in w or "(?<" in w:
                raise ValueError(f"word {w!r}: no named groups or look-behind in a word class")
        return words


class RulePack(BaseModel):
    """All rules and sources of one run, with a content hash that names the compiled pack."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    rules: tuple[RuleSpec, ...]
    sources: dict[str, Source]
    digest: str
    classes: dict[str, WordClass] = {}
    # classes a rule file declares for itself, by file name (for docs/rules.md)
    file_classes: dict[str, dict[str, WordClass]] = {}

    @cached_property
    def by_id(self) -> dict[str, RuleSpec]:
        return {r.id: r for r in self.rules}


def _load_yaml(path: Path) -> Any:
    """A rule or sources file: a regular file of bounded size, safe YAML (untrusted.py)."""
    from .untrusted import UntrustedInput, parse_yaml, read_text
    try:
        return parse_yaml(read_text(path))
    except UntrustedInput as exc:
        raise RulePackError(str(path), str(exc).replace(
            "YAML tags that build objects are not allowed",
            "YAML tags that build objects are not allowed in rule files")) from None


def _raw(path: Path) -> bytes:
    from .untrusted import UntrustedInput, read_limited
    try:
        return read_limited(path)
    except UntrustedInput as exc:
        raise RulePackError(str(path), str(exc)) from None


def _explain(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    return f"key '{loc}': {msg}"


def default_rules_dir() -> Path:
    """`rules/` of the source tree, or the copy packaged inside the wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parents[1] / "rules"):
        if (candidate / "sources.yaml").is_file():
            return candidate
    raise RulePackError(str(here), "the bundled rules/ folder is missing from the install")


def load_sources(path: Path) -> dict[str, Source]:
    data = _load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise RulePackError(str(path), "key 'sources': must be a mapping of key to source")
    sources = {}
    for key, value in data["sources"].items():
        try:
            sources[key] = Source.model_validate(value)
        except ValidationError as exc:
            raise RulePackError(str(path), f"sources.{key}: {_explain(exc)}") from None
    return sources


# A class named in a pattern: `{premises}`. Regex counts (`{2}`, `{0,3}`) start with a digit and
# an escaped brace (`\\{`) is a literal, so neither is read as a class.
CLASS_REF = re.compile(r"(?<!\\)\{([a-z][a-z0-9_]*)\}")
PATTERN_KEYS = ("any", "all", "unless", "unless_sentence", "in_sections", "block_all", "block_asks",
                "block_unless")
CLASSES_FILE = Path("data") / "classes.yaml"


class ClassError(ValueError):
    """A pattern names a word class that does not exist, or a class names itself."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def load_classes(path: Path, known: dict[str, WordClass] | None = None) -> dict[str, WordClass]:
    """The word classes of one file (`classes:` mapping name to {note, words}); a name may not
    redefine one already `known` (the bundled pack's, or the shared file's)."""
    data = _load_yaml(path)
    raw = data.get("classes") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        raise RulePackError(str(path), "key 'classes': must be a mapping of name to "
                            "{note, words}")
    out: dict[str, WordClass] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise RulePackError(str(path), f"key 'classes.{name}': a class name is lower-case "
                                "letters, digits and '_', starting with a letter")
        if known and name in known:
            raise RulePackError(str(path), f"key 'classes.{name}': redefines a class already "
                                "defined; use a new name")
        try:
            out[name] = WordClass.model_validate(value)
        except ValidationError as exc:
            raise RulePackError(str(path), f"classes.{name}: {_explain(exc)}") from None
    return out


def expand_classes(pattern: str, classes: dict[str, WordClass], where: str = "pattern",
                   _seen: tuple[str, ...] = ()) -> str:
    """`pattern` with every `{class}` replaced by `(?:word|word|...)`, classes inside words
    expanded too. A name that is not a class is an error naming the nearest class; a class
    that names itself (directly or through another) is an error. Plain regex out: both
    engines and the RE2 index compile the result as any other pattern."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in classes:
            raise ClassError(where, f"unknown word class {{{name}}}"
                             f"{nearest(name, classes)}")
        if name in _seen:
            raise ClassError(where, f"word class {{{name}}} names itself "
                             f"({' -> '.join((*_seen, name))})")
        words = [expand_classes(w, classes, where, (*_seen, name)) for w in classes[name].words]
        return "(?:" + "|".join(words) + ")"
    return CLASS_REF.sub(one, pattern)


def _expand_when(node: Any, classes: dict[str, WordClass], where: str) -> Any:
    """A copy of a rule's `when` with the classes in its text patterns expanded (YAML anchors
    share one object between rules, so nothing is changed in place)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in PATTERN_KEYS and isinstance(value, list):
                out[key] = [expand_classes(p, classes, f"{where}.{key}")
                            if isinstance(p, str) else p for p in value]
            elif key in ("text", "absent"):
                out[key] = _expand_when(value, classes, f"{where}.{key}")
            else:
                out[key] = value
        return out
    return node


def _check_classes(classes: dict[str, WordClass]) -> None:
    """Every class expands (no unknown name, no circle) and compiles, even one no rule names
    yet: a broken class is an error when the pack loads, not when a rule first uses it."""
    from .extract.matcher import compile_pattern
    for name in classes:
        try:
            compile_pattern(expand_classes(f"{{{name}}}", classes, f"classes.{name}"))
        except ClassError as exc:
            raise RulePackError(CLASSES_FILE.as_posix(), f"key '{exc.where}': {exc.message}") \
                from None
        except Exception as exc:   # the matcher's own error: RE2 cannot compile a word
            raise RulePackError(CLASSES_FILE.as_posix(), f"key 'classes.{name}': {exc}") \
                from None


def load_rule_file(path: Path, sources: dict[str, Source],
                   classes: dict[str, WordClass] | None = None) -> list[RuleSpec]:
    data = _load_yaml(path)
    items = data.get("rules") if isinstance(data, dict) and "rules" in data else data
    if isinstance(data, dict) and "rules" in data:
        extra = set(data) - {"rules", "classes"}
        if extra:
            raise RulePackError(str(path), f"key '{sorted(extra)[0]}': unknown key (a rule "
                                "file holds 'rules' and optionally 'classes')")
    classes = dict(classes or {})
    if isinstance(data, dict) and "classes" in data:
        classes.update(load_classes(path, classes))
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise RulePackError(str(path), "a rule file holds a rule mapping or a list under 'rules'")
    rules = []
    for i, item in enumerate(items):
        try:
            if isinstance(item, dict) and isinstance(item.get("when"), dict):
                try:
                    item = {**item, "when": _expand_when(item["when"], classes, "when")}
                except ClassError as exc:
                    rid = item.get("id", f"#{i + 1}")
                    raise RulePackError(str(path), f"rule {rid}: key '{exc.where}': "
                                        f"{exc.message}") from None
            rule = RuleSpec.model_validate(item)
        except ValidationError as exc:
            rid = item.get("id", f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
            raise RulePackError(str(path), f"rule {rid}: {_explain(exc)}") from None
        for n, cite in enumerate(rule.citations):
            if cite.source not in sources:
                raise RulePackError(str(path), f"rule {rule.id}: key 'citations.{n}.source': "
                                    f"unknown source {cite.source!r} (not in sources.yaml)")
        rules.append(rule)
    return rules


def load_pack(folders: list[Path] | None = None) -> RulePack:
    """Load the bundled rules plus any extra folders; ids must be unique across them."""
    base = default_rules_dir()
    folders = [base] + [f for f in (folders or []) if f.resolve() != base.resolve()]
    sources: dict[str, Source] = {}
    classes: dict[str, WordClass] = {}
    file_classes: dict[str, dict[str, WordClass]] = {}
    rules: list[RuleSpec] = []
    ids: set[str] = set()
    hasher = hashlib.sha256()
    for n, folder in enumerate(folders):
        if not folder.is_dir():
            raise RulePackError(str(folder), "rule pack folder not found")
        shared = folder / CLASSES_FILE
        if os.path.lexists(shared):   # an extra pack adds classes; it never redefines one
            classes.update(load_classes(shared, classes))
            hasher.update(b"classes\0" + _raw(shared))
        src = folder / "sources.yaml"
        if os.path.lexists(src):
            added = load_sources(src)
            if n:       # an extra pack adds sources; it never redefines a built-in one
                clash = sorted(set(added) & set(sources))
                if clash:
                    raise RulePackError(str(src), f"key 'sources.{clash[0]}': redefines a "
                                        "built-in source; an extra pack may only add sources "
                                        "under new keys")
            sources.update(added)
            hasher.update(_raw(src))
        for path in sorted(folder.glob("*.yaml")):
            if path.name == "sources.yaml":
                continue
            rules_in_file = load_rule_file(path, sources, classes)
            raw = _load_yaml(path)
            if isinstance(raw, dict) and isinstance(raw.get("classes"), dict):
                file_classes[path.name] = load_classes(path, classes)
            hasher.update(path.name.encode() + b"\0" + _raw(path))
            for rule in rules_in_file:
                if rule.id in ids:
                    raise RulePackError(str(path), f"rule {rule.id}: key 'id': defined twice")
                ids.add(rule.id)
                rules.append(rule)
    _check_classes(classes)
    rules.sort(key=lambda r: r.id)
    return RulePack(rules=tuple(rules), sources=sources, digest=hasher.hexdigest()[:16],
                    classes=classes, file_classes=file_classes)


def citation_url(cite: Citation, sources: dict[str, Source]) -> Optional[str]:
    """A citation's own address, or the provision its section names in its source."""
    if cite.url:
        return cite.url
    src = sources.get(cite.source)
    return src.link(cite.section) if src is not None else None


def citation_dict(cite: Citation, sources: dict[str, Source]) -> dict[str, Any]:
    """A citation as the JSON listings give it: with the instrument's title, the provision's
    address and the policy-sources file its quote can be checked in
    (`../shared/tools/verify-citations`)."""
    data = cite.model_dump(exclude_none=True)
    src = sources.get(cite.source)
    url = citation_url(cite, sources)
    if url:
        data["url"] = url
    if src is not None:
        data["instrument"] = src.title
        if src.file:
            data["file"] = src.file
    return data


def rule_as_dict(rule: RuleSpec, sources: dict[str, Source]) -> dict[str, Any]:
    """The public description of a rule (`svrules rules --format json`)."""
    data = json.loads(rule.model_dump_json(exclude_none=True))
    data["citations"] = [citation_dict(c, sources) for c in rule.citations]
    return data
