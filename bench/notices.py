#!/usr/bin/env python3
"""How well svrules reads real procurement notices: the verdict's facts from the words buyers
write, and the verdict itself against one careful legal reading.

Reads `../shared/data/notices/notices.jsonl` (real OCDS releases with the Markdown a reader
sees, the structured truth and a reference reading; never copied into this repository). Each
notice is checked twice: from its Markdown alone ("prose"), and with its OCDS release beside it
as the sidecar `NAME.ocds.json` ("sidecar"). Printed per portal (the OCDS id prefix):

  nature      confusion matrix against `truth.category` (tender.mainProcurementCategory)
  value       the estimated value against `truth.value` (a placeholder such as £0.01 counts
              as right when svrules reads no value)
  authority   the authority kind against `ref.authority_kinds` (any listed kind is right; the
              reference says "nhs" for every NHS body and "other" for a body that is no
              contracting authority)
  territory   Scottish / devolved Welsh / neither, against the same list
  start       the procurement start against `ref.procurement_start` (the first s.1(2) event)
  unknown     the share of notices whose verdict is left open
  verdict     act_applies against `ref.act_applies` on the cases the reading calls clear
              (an open verdict is right where the reference leaves it open too)

    python bench/notices.py             # print, write bench/notices.json
    python bench/notices.py --check     # exit 1 if a figure falls below bench/notices.json
    python bench/notices.py -v          # also list every miss
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from svrules.check import Checker  # noqa: E402
from svrules.config import Config  # noqa: E402
from svrules.extract.release import READERS  # noqa: E402
from svrules.load import load_document  # noqa: E402
from svrules.rulepack import load_pack  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "notices" / "notices.jsonl"
FIGURES = ROOT / "bench" / "notices.json"
PORTALS = {"ocds-r6ebe6": "Public Contracts Scotland", "ocds-kuma6s": "Sell2Wales",
           "ocds-b5fd17": "Contracts Finder", "ocds-h6vhtk": "Find a Tender"}
MODES = ("prose", "sidecar")
METRICS = ("nature", "value", "authority", "territory", "start", "verdict_clear",
           "known_verdict")
TARGETS = {"nature": 0.95, "value": 0.97, "authority": 0.95, "territory": 0.95,
           "verdict_clear": {"prose": 0.97, "sidecar": 0.98}, "known_verdict": 0.90}
# The reference's vocabulary is coarser than svrules': every NHS body is "nhs", and a body that
# is no contracting authority is "other".
REF_KIND = {"nhs_central": "nhs", "nhs_other": "nhs", "not_contracting_authority": "other"}


def territory(kind: str | None) -> str | None:
    if kind is None:
        return None
    return {"scottish": "scotland", "devolved_welsh": "devolved_wales"}.get(kind, "neither")


def portal(ocid: str) -> str:
    return PORTALS.get(ocid[:11], ocid[:11])


def read_notices(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _value_right(got, truth: dict) -> bool:
    want = truth.get("value")
    if truth.get("value_placeholder"):
        return got is None
    if want is None or got is None:
        return want is None and got is None
    return abs(float(got) - float(want)) <= max(1.0, 0.005 * float(want))


def judge(notice: dict, analysis) -> dict:
    """What svrules read for one notice, and whether each fact is right."""
    inputs, verdict = analysis.inputs, analysis.verdict
    truth, ref = notice["truth"], notice["ref"]
    nature = inputs.value("nature")
    kind = inputs.value("authority_kind")
    value = inputs.value("value")
    start = inputs.value("procurement_start")
    start = start.isoformat() if hasattr(start, "isoformat") else start
    ref_kinds = set(ref.get("authority_kinds") or [])
    got_kind = REF_KIND.get(kind, kind)
    out = {
        "id": notice["id"], "portal": portal(notice["ocid"]),
        "nature": nature, "nature_truth": truth.get("category"),
        "value": value, "value_truth": truth.get("value"),
        "start": start, "start_truth": ref.get("procurement_start"),
        "kind": kind, "kind_truth": sorted(ref_kinds),
        "applies": verdict.act_applies, "applies_truth": ref.get("act_applies"),
        "clear": ref.get("confidence") == "clear", "missing": list(verdict.missing),
    }
    out["right"] = {
        "nature": nature == truth.get("category"),
        "value": _value_right(value, truth),
        "authority": got_kind in ref_kinds,
        "territory": territory(kind) in {territory(k) for k in ref_kinds},
        "known_verdict": verdict.act_applies is not None,
        "start": start == ref.get("procurement_start"),
    }
    if out["clear"]:
        out["right"]["verdict_clear"] = verdict.act_applies == ref.get("act_applies")
    return out


def run(path: Path = DATA) -> dict:
    """{mode: [judged notice, ...]} for both modes."""
    checker = Checker(load_pack(), Config(), engine="python")
    notices = read_notices(path)
    results: dict = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="svrules-notices-") as tmp:
        for notice in notices:
            folder = Path(tmp) / notice["id"]
            for mode in MODES:
                folder.mkdir(parents=True, exist_ok=True)
                tender = folder / f"{mode}.md"
                tender.write_text(notice["markdown"], encoding="utf-8")
                if mode == "sidecar":
                    (folder / f"{mode}.ocds.json").write_text(
                        json.dumps(notice["ocds_release"]), encoding="utf-8")
                doc = load_document(tender, display=f"{notice['id']}.md", ocds_readers=READERS)
                results[mode].append(judge(notice, checker.analyse(doc)))
    return results


def figures(judged: list[dict]) -> dict:
    """{metric: [right, of]} over `judged`."""
    counts: dict = {m: [0, 0] for m in METRICS}
    for item in judged:
        for metric, ok in item["right"].items():
            counts[metric][0] += bool(ok)
            counts[metric][1] += 1
    return counts


def summary(results: dict) -> dict:
    """{mode: {"all": {metric: share}, portal: {...}}} rounded to three places."""
    out: dict = {}
    for mode, judged in results.items():
        groups = defaultdict(list)
        for item in judged:
            groups["all"].append(item)
            groups[item["portal"]].append(item)
        out[mode] = {name: {m: round(r / n, 3) if n else None for m, (r, n) in
                            figures(items).items()} | {"notices": len(items)}
                     for name, items in sorted(groups.items())}
    return out


def confusion(judged: list[dict]) -> dict:
    table: dict = defaultdict(Counter)
    for item in judged:
        table[item["nature_truth"]][item["nature"] or "unknown"] += 1
    return table


def misses(judged: list[dict]) -> dict:
    out = defaultdict(list)
    for item in judged:
        for metric, ok in item["right"].items():
            if not ok:
                out[metric].append(item)
    return out


def _pct(share) -> str:
    return "-" if share is None else f"{100 * share:.1f}%"


def report(results: dict, verbose: bool = False) -> str:
    lines = []
    shares = summary(results)
    for mode in MODES:
        said = "Markdown only" if mode == "prose" else "Markdown + OCDS sidecar"
        lines.append(f"== {mode} ({said})")
        lines.append(f"{'portal':28s} {'n':>4s} " + " ".join(f"{m:>13s}" for m in METRICS))
        for name, row in shares[mode].items():
            lines.append(f"{name:28s} {row['notices']:4d} " +
                         " ".join(f"{_pct(row[m]):>13s}" for m in METRICS))
        table = confusion(results[mode])
        cols = ["services", "goods", "works", "mixed", "unknown"]
        lines.append("nature: truth \\ read  " + " ".join(f"{c:>9s}" for c in cols))
        for want in ("services", "goods", "works"):
            lines.append(f"{want:22s} " + " ".join(f"{table[want][c]:9d}" for c in cols))
        if verbose:
            for metric, items in misses(results[mode]).items():
                for item in items:
                    got = {"nature": item["nature"], "value": item["value"],
                           "authority": item["kind"], "territory": item["kind"],
                           "start": item["start"],
                           "verdict_clear": item["applies"],
                           "known_verdict": item["missing"]}[metric]
                    want = {"nature": item["nature_truth"], "value": item["value_truth"],
                            "authority": item["kind_truth"], "territory": item["kind_truth"],
                            "start": item["start_truth"],
                            "verdict_clear": item["applies_truth"],
                            "known_verdict": item["applies_truth"]}[metric]
                    lines.append(f"  miss {metric:13s} {item['id']} read {got!r} want {want!r}")
        lines.append("")
    return "\n".join(lines)


BASELINE = ("Before the readings of rules/data/authorities.yaml and natures.yaml, the tender "
            "deadline and award-date rules and the OCDS call-off and start readings, the same "
            "benchmark gave, from the prose: nature 28.9%, value 98.3%, authority 61.1%, start "
            "65.0%, verdict 69.6% of clear cases, verdict known 67.2%; with the sidecar: verdict "
            "89.2% of clear cases. Before the compound-noun, aside, buyer-name, overlap, floor-finish, "
            "signage and digital design-and-build readings of the subject: nature 89.4%, verdict "
            "96.8% of clear cases, verdict known 93.3% from the prose. Before the readings of "
            "the buyer before a verb of wanting, sentences about the notice, software, systems, "
            "procedure and department names, an unknown acronym after 'supply of', purpose "
            "clauses, rental and hire, and what a subject is without: nature 92.8% (167 of 180) "
            "from the prose.")
NOTES = [
    "Targets (issue): nature >= 95%, value >= 97%, authority and territory >= 95%, verdict "
    "unknown <= 10%, verdict right on >= 97% of clear cases from the prose and >= 98% with the "
    "sidecar.",
    "Nature from the prose meets its target. The misses, by kind: subjects where the release's "
    "category differs from what the words say (a lift installed is goods, the refurbishment of "
    "void properties and the purchase of chain hoists services, car park security with works a "
    "works contract); mixed frameworks of products and services (IT products and services; "
    "pressure-area care with lots of beds and mattresses, a managed service and rental), whose "
    "main subject is decided by value (PCR 2015 reg 4(1)(b)), which the notices do not give per "
    "lot; and subjects the words do not settle, left unknown rather than guessed: an acronym "
    "after 'supply of' (an adviser's role), an 'accountability work', a database. The sidecar's "
    "`mainProcurementCategory` settles all of them.",
    "Verdict known from the prose fell from 93.3% to 92.2% because two subjects now read as "
    "services (a camera estate's support, a school transport call-off) whose value is not stated: "
    "the verdict is left open there, as the reference leaves it.",
    "Verdict misses from the prose are reading misses, not verdict-logic ones: a call-off the "
    "Markdown never mentions (only the release's `procurementMethodDetails` says it), a goods "
    "framework read as services, and a void-refurbishment subject read as works whose value is "
    "not stated (the reference leaves it open).",
    "Verdict-logic residuals: NHS Trusts and Foundation "
    "Trusts (`nhs_central`) still take the sub-central threshold here; no clear case in this set "
    "turns on it, but the arguable ones near £139,688-£214,904 do.",
    "Where this reading disagrees with the reference: a buyer with a Scottish address "
    "(Dounreay) is read as Scottish from the sidecar; the reference reads it as a UK body. A "
    "company publishing on Public Contracts Scotland is read as Scottish from the prose, where "
    "the portal is the only sign of place. The in-service support of an aircraft's infra-red "
    "counter-measure suite for the Ministry of Defence is read as a defence and security contract "
    "(military equipment and its maintenance, PA 2023 s.7(1)(a) and (c); DSPCR 2011 in the PCR "
    "era), so outside s.1; the reference reads it as an ordinary PCR 2015 services contract. "
    "The hand labels of the findings side with this reading, and it is the one clear case the "
    "sidecar run counts as wrong.",
]


def markdown(shares: dict, results: dict | None = None) -> str:
    """The notice section of docs/accuracy.md, from the recorded figures (and the confusion
    matrices when the notices were read in this run)."""
    out = ["## Real notices (bench/notices.py)", "",
           "Measured by `python bench/notices.py` on the 180 real notices of",
           "`../shared/data/notices/notices.jsonl` (Contracts Finder, Public Contracts Scotland,",
           "Sell2Wales), each read from its Markdown alone (prose) and again with its OCDS release",
           "beside it as the sidecar `NAME.ocds.json`. Nature is compared with the release's",
           "`mainProcurementCategory`, the value with its estimated value (a £0.01 placeholder is",
           "right when no value is read), the authority kind and territory with the reference",
           "reading's `authority_kinds`, and the verdict with its `act_applies` on the cases it",
           "calls clear. `tests/test_notices_bench.py` fails when a figure falls below these.", "",
           "| mode | portal | notices | nature | value | authority | territory | start "
           "| verdict (clear) | verdict known |", "|---|---|---|---|---|---|---|---|---|---|"]
    for mode in MODES:
        for name, row in shares[mode].items():
            out.append(f"| {mode} | {name} | {row['notices']} | " + " | ".join(
                _pct(row[m]) for m in METRICS) + " |")
    if results is not None:
        cols = ["services", "goods", "works", "mixed", "unknown"]
        for mode in MODES:
            table = confusion(results[mode])
            out += ["", f"Nature, {mode}: rows are `mainProcurementCategory`, columns what svrules "
                    "read.", "", "| truth | " + " | ".join(cols) + " |",
                    "|---" * (len(cols) + 1) + "|"]
            for want in ("services", "goods", "works"):
                out.append(f"| {want} | " + " | ".join(str(table[want][c]) for c in cols) + " |")
    out += ["", BASELINE, ""] + [f"- {note}" for note in NOTES]
    return "\n".join(out) + "\n"


def below(shares: dict, recorded: dict) -> list[str]:
    worse = []
    for mode, groups in recorded.items():
        for name, row in groups.items():
            for metric, want in row.items():
                if metric == "notices" or want is None:
                    continue
                got = shares.get(mode, {}).get(name, {}).get(metric)
                if got is None or got < want:
                    worse.append(f"{mode} {name} {metric}: {got} < {want}")
    return worse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with bench/notices.json")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"no notices at {DATA}: skipped", file=sys.stderr)
        return 0
    results = run()
    print(report(results, args.verbose))
    shares = summary(results)
    if args.check:
        worse = below(shares, json.loads(FIGURES.read_text()))
        for line in worse:
            print(f"below recorded figures: {line}", file=sys.stderr)
        return 1 if worse else 0
    FIGURES.write_text(json.dumps(shares, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
