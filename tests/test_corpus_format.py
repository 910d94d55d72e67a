"""Format checks for the labelled accuracy corpus in tests/corpus/.

These tests check the corpus files only; they do not run any rules.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))

CATEGORIES = {"local", "verifiable", "relevance", "proportionality", "evaluation", "process"}
CASE_KEYS = {"id", "text", "finding", "missing", "context", "source", "note"}
REQUIRED_KEYS = {"id", "text", "finding"}
MISSING_WORDS = {"target", "measure", "frequency", "evidence", "remedy"}
CONTEXT_KEYS = {
    "subject", "value_gbp", "term_years", "authority_kind", "section", "start_date",
    "contract_type", "notice_says", "unit",
}
AUTHORITY_KINDS = {"central_government", "sub_central", "nhs", "housing_association", "devolved_wales"}
SECTIONS = {
    "specification", "award criteria", "kpi", "contract", "selection", "notice", "itt",
    "procurement record",
}
CONTRACT_TYPES = {"goods", "services", "works"}
UNITS = {"clause", "document"}
# Context a rule in this category cannot do without.
REQUIRED_CONTEXT = {
    "relevance": {"subject"},
    "proportionality": {"value_gbp", "term_years"},
    "evaluation": {"authority_kind"},
    "process": {"unit"},
}
# A later batch's figures when it was first run, before any rule was changed for it.
FIRST_KEYS = {"date", "precision", "recall", "tp", "fp", "fn", "tn", "missed", "false_alarms", "note"}
MIN_TOTAL = 300
MIN_POSITIVE_SHARE, MAX_POSITIVE_SHARE = 0.35, 0.65


def _category(path: Path) -> str:
    """A file's category: its name, or the part before '-' for a later batch such as
    'verifiable-fresh.yaml' (cases written after tuning, kept apart so they can be measured alone)."""
    return path.stem.split("-", 1)[0]


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _all_cases() -> list[tuple[str, dict]]:
    return [(p.stem, case) for p in FILES for case in _load(p)["cases"]]


def test_corpus_files_present():
    assert {_category(p) for p in FILES} == CATEGORIES
    assert {p.stem for p in FILES} >= CATEGORIES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_shape(path: Path):
    data = _load(path)
    assert {"category", "cases"} <= set(data) <= {"category", "cases", "first_measured"}, (
        f"{path.name}: top-level keys are category, cases and (a later batch) first_measured")
    if "first_measured" in data:
        first = data["first_measured"]
        assert "-" in path.stem, f"{path.name}: only a later batch records a first measurement"
        assert set(first) <= FIRST_KEYS and {"date", "precision", "recall", "note"} <= set(first), (
            f"{path.name}: first_measured needs date, precision, recall, note (may add "
            f"{sorted(FIRST_KEYS - {'date', 'precision', 'recall', 'note'})})")
        assert all(0 <= first[k] <= 1 for k in ("precision", "recall"))
        ids = {c["id"] for c in data["cases"]}
        for key in ("missed", "false_alarms"):
            assert set(first.get(key, [])) <= ids, f"{path.name}: first_measured.{key} names unknown ids"
    assert data["category"] == _category(path), f"{path.name}: category must match the file name"
    assert isinstance(data["cases"], list) and data["cases"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_cases(path: Path):
    category = _category(path)
    id_re = re.compile(rf"^{path.stem}-\d{{3}}$")
    for case in _load(path)["cases"]:
        cid = case.get("id", "<no id>")
        assert REQUIRED_KEYS <= set(case), f"{cid}: missing one of {sorted(REQUIRED_KEYS)}"
        assert set(case) <= CASE_KEYS, f"{cid}: unknown keys {sorted(set(case) - CASE_KEYS)}"
        assert id_re.match(cid), f"{cid}: id must be '{category}-NNN'"
        assert isinstance(case["text"], str) and case["text"].strip(), f"{cid}: empty text"
        assert isinstance(case["finding"], bool), f"{cid}: finding must be true or false"
        for key in ("source", "note"):
            if key in case:
                assert isinstance(case[key], str) and case[key].strip(), f"{cid}: empty {key}"

        missing = case.get("missing")
        if category == "verifiable" and case["finding"]:
            assert missing, f"{cid}: a verifiable finding must say what is missing"
        if missing is not None:
            assert case["finding"], f"{cid}: 'missing' only applies to findings"
            assert isinstance(missing, list) and missing, f"{cid}: missing must be a non-empty list"
            assert set(missing) <= MISSING_WORDS, f"{cid}: missing uses {sorted(set(missing) - MISSING_WORDS)}"
            assert len(set(missing)) == len(missing), f"{cid}: duplicate words in missing"

        ctx = case.get("context", {})
        assert isinstance(ctx, dict), f"{cid}: context must be a mapping"
        assert set(ctx) <= CONTEXT_KEYS, f"{cid}: unknown context keys {sorted(set(ctx) - CONTEXT_KEYS)}"
        need = REQUIRED_CONTEXT.get(category, set())
        assert need <= set(ctx), f"{cid}: {category} cases need context {sorted(need - set(ctx))}"
        if "authority_kind" in ctx:
            assert ctx["authority_kind"] in AUTHORITY_KINDS, f"{cid}: authority_kind {ctx['authority_kind']!r}"
        if "section" in ctx:
            assert ctx["section"] in SECTIONS, f"{cid}: section {ctx['section']!r}"
        if "contract_type" in ctx:
            assert ctx["contract_type"] in CONTRACT_TYPES, f"{cid}: contract_type {ctx['contract_type']!r}"
        if "unit" in ctx:
            assert ctx["unit"] in UNITS, f"{cid}: unit {ctx['unit']!r}"
        for key in ("value_gbp", "term_years"):
            if key in ctx:
                assert isinstance(ctx[key], (int, float)) and not isinstance(ctx[key], bool) and ctx[key] > 0, (
                    f"{cid}: {key} must be a positive number"
                )
        if "start_date" in ctx:
            assert isinstance(ctx["start_date"], str), f"{cid}: quote start_date as a string"
            dt.date.fromisoformat(ctx["start_date"])
        for key in ("subject", "notice_says"):
            if key in ctx:
                assert isinstance(ctx[key], str) and ctx[key].strip(), f"{cid}: empty {key}"


def test_ids_unique_across_corpus():
    seen: dict[str, str] = {}
    for category, case in _all_cases():
        assert case["id"] not in seen, f"duplicate id {case['id']} in {category} and {seen[case['id']]}"
        seen[case["id"]] = category


def test_no_duplicate_texts():
    # The same wording may recur only as a context contrast (another authority kind, date or
    # value decides the label); the same text in the same context is a repeat.
    seen: dict[tuple, str] = {}
    for _category, case in _all_cases():
        ctx = tuple(sorted((k, str(v)) for k, v in (case.get("context") or {}).items()))
        key = (" ".join(case["text"].lower().split()), ctx)
        assert key not in seen, f"{case['id']} repeats the text of {seen[key]}"
        seen[key] = case["id"]


def test_total_size():
    assert len(_all_cases()) >= MIN_TOTAL


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_balance(path: Path):
    cases = _load(path)["cases"]
    share = sum(c["finding"] for c in cases) / len(cases)
    assert MIN_POSITIVE_SHARE <= share <= MAX_POSITIVE_SHARE, f"{path.name}: {share:.0%} positives"


def test_readme_counts_current():
    """The counts table in tests/corpus/README.md matches the files."""
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        cases = _load(path)["cases"]
        pos = sum(c["finding"] for c in cases)
        row = f"| `{path.name}` | {len(cases)} | {pos} | {len(cases) - pos} |"
        assert row in readme, f"README counts row out of date; expected: {row}"
    total = len(_all_cases())
    total_pos = sum(c["finding"] for _cat, c in _all_cases())
    assert f"| **total** | {total} | {total_pos} | {total - total_pos} |" in readme
