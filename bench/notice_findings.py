#!/usr/bin/env python3
"""How many error and warning findings svrules raises on real notices, and how many of them a
legal reviewer would stand behind.

A lint that raises three false alarms loses its reader before the fourth, so the measure that
matters on real text is the precision of what it reports, not only recall on a corpus written to
test it. Each notice in `../shared/data/notices/notices.jsonl` is checked from its Markdown alone
(the "prose" run of bench/notices.py: what a reader of the notice sees, with no OCDS sidecar), and
its error and warning findings are collected.

Findings judged by hand live in `tests/corpus/real-notices/labels.yaml`. A label is keyed so that
it survives changes to rules, extractors and excerpt windows made elsewhere: the notice's OCDS id
(`ocid`), the rule id, and `sentence`, the first 12 hex digits of the SHA-1 of the sentence the
finding is on after normalisation (lower case, letters and digits only, single spaces), or
`document` for a finding about the whole notice (a rule anchored on no text). A finding matches a
label when ocid and rule agree and the label's sentence is the finding's sentence or any other
sentence its excerpt overlaps (an excerpt window may start mid-sentence or run into the next).

The headline figure is the prose run; the sidecar run (`--run sidecar`) is reported beside it. A
label's `runs` lists the runs it was seen in (default: prose), so a finding only one run raises is
not counted as gone from the other.

Reported: findings per notice (mean, median, max, by rule); labelled findings still produced and
their precision; coverage (current findings with no label); labelled findings no longer produced.

    python bench/notice_findings.py       # print the figures
    python bench/notice_findings.py -v    # also list unlabelled findings with their keys
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import notices  # noqa: E402  (bench/notices.py: reads the notices, names portals)

LABELS = ROOT / "tests" / "corpus" / "real-notices" / "labels.yaml"
FIGURES = ROOT / "bench" / "notice_findings.json"   # the last measured figures, for docs
SEVERITIES = ("error", "warning")
VERDICTS = ("right", "false_alarm")
RUNS = ("prose", "sidecar")
TARGET = 0.90            # at most 1 false alarm in 10: past that a reader stops reading
DOCUMENT = "document"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, letters and digits only, one space between words: what survives a change of
    punctuation, spacing or mojibake in how a sentence is cut out of its block."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(normalise(sentence).encode("utf-8")).hexdigest()[:12]


def sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCE_END.split(text or "")) if normalise(s)]


def finding_sentences(excerpt: str, context: str | None) -> list[str]:
    """The sentences of the finding's block its excerpt overlaps, best first (the one sharing
    the most words with the excerpt). An excerpt with no block is its own sentence."""
    core = normalise(excerpt.replace("…", " "))
    if not context:
        return [excerpt.strip("… ")] if core else []
    scored = []
    for index, sent in enumerate(sentences(context)):
        norm = normalise(sent)
        if len(norm.split()) < 3 and norm != core:
            continue    # a list number or a stray word is no sentence to key on
        if f" {norm} " in f" {core} " or f" {core} " in f" {norm} " or _overlap(norm, core):
            words = set(norm.split())
            scored.append((-len(words & set(core.split())), index, sent))
    return [s for _, _, s in sorted(scored)] or [excerpt.strip("… ")]


def _overlap(sentence: str, core: str, run: int = 6) -> bool:
    """The excerpt and sentence share a run of `run` words (or the whole sentence when shorter):
    an excerpt cut mid-sentence at either end still overlaps the sentence it came from."""
    words = sentence.split()
    if len(words) <= run:
        return f" {sentence} " in f" {core} "
    return any(" ".join(words[i:i + run]) in core for i in range(len(words) - run + 1))


@dataclass(frozen=True)
class Found:
    """One error or warning finding on one notice, with the keys it can be labelled under."""
    notice: str
    ocid: str
    rule: str
    severity: str
    line: int
    excerpt: str
    keys: tuple[str, ...] = field(default=())   # sentence keys, best first; ("document",)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.ocid, self.rule, self.keys[0])


def found_from(notice: dict, finding, anchored: bool) -> Found:
    if anchored and finding.excerpt and (finding.location is None
                                         or finding.location.part != DOCUMENT):
        keys = tuple(dict.fromkeys(sentence_key(s) for s in
                                   finding_sentences(finding.excerpt, finding.context)))
    else:
        keys = (DOCUMENT,)
    return Found(notice=notice["id"], ocid=notice["ocid"], rule=finding.rule,
                 severity=finding.severity.value, line=finding.line,
                 excerpt=finding.excerpt, keys=keys)


def collect(path: Path = notices.DATA, run: str = "prose") -> tuple[list[dict], list[Found]]:
    """(notices, their error and warning findings) from the prose run (Markdown alone) or the
    sidecar run (the OCDS release beside it as `NAME.ocds.json`, as bench/notices.py does)."""
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.extract.release import READERS
    from svrules.load import load_document
    from svrules.rulepack import load_pack

    pack = load_pack()
    checker = Checker(pack, Config(), engine="python")
    read = notices.read_notices(path)
    out: list[Found] = []
    with tempfile.TemporaryDirectory(prefix="svrules-findings-") as tmp:
        for notice in read:
            folder = Path(tmp) / notice["id"]
            folder.mkdir()
            tender = folder / f"{run}.md"
            tender.write_text(notice["markdown"], encoding="utf-8")
            if run == "sidecar":
                (folder / f"{run}.ocds.json").write_text(json.dumps(notice["ocds_release"]),
                                                         encoding="utf-8")
            doc = load_document(tender, display=f"{notice['id']}.md", ocds_readers=READERS)
            for f in checker.match(checker.analyse(doc)):
                if f.severity.value in SEVERITIES:
                    rule = pack.by_id.get(f.rule)
                    out.append(found_from(notice, f, bool(rule and rule.anchored)))
    return read, out


def read_labels(path: Path = LABELS) -> list[dict]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels = data.get("labels") or []
    for label in labels:
        missing = {"ocid", "rule", "sentence", "verdict", "reason"} - set(label)
        if missing:
            raise ValueError(f"label {label!r} lacks {sorted(missing)}")
        if label["verdict"] not in VERDICTS:
            raise ValueError(f"label {label!r}: verdict must be one of {VERDICTS}")
        if not set(label.get("runs", RUNS[:1])) <= set(RUNS):
            raise ValueError(f"label {label!r}: runs must be among {RUNS}")
    return labels


def label_key(label: dict) -> tuple[str, str, str]:
    return (label["ocid"], label["rule"], str(label["sentence"]))


def match(found: list[Found], labels: list[dict], run: str = "prose") -> dict:
    """Pair findings with labels. Each label pairs with at most one finding and each finding
    with at most one label (the best sentence first). A label counts as no longer produced only
    in a run it was seen in (`runs`, by default the prose run)."""
    by_key: dict = {}
    for label in labels:
        by_key.setdefault(label_key(label), []).append(label)
    used: set[int] = set()
    pairs, unlabelled = [], []
    for item in found:
        hit = None
        for key in item.keys:
            for label in by_key.get((item.ocid, item.rule, key), []):
                if id(label) not in used:
                    hit = label
                    break
            if hit:
                break
        if hit:
            used.add(id(hit))
            pairs.append((item, hit))
        else:
            unlabelled.append(item)
    gone = [label for label in labels if id(label) not in used
            and run in label.get("runs", RUNS[:1])]
    return {"pairs": pairs, "unlabelled": unlabelled, "gone": gone}


def precision(pairs) -> tuple[int, int, float | None]:
    """(right, labelled, right / labelled) over the labelled findings still produced."""
    right = sum(1 for _, label in pairs if label["verdict"] == "right")
    return right, len(pairs), (round(right / len(pairs), 3) if pairs else None)


def per_notice(read: list[dict], found: list[Found]) -> dict:
    counts = Counter(item.notice for item in found)
    per = [counts.get(n["id"], 0) for n in read]
    return {"notices": len(read), "findings": len(found),
            "with_findings": sum(1 for c in per if c),
            "mean": round(statistics.mean(per), 2) if per else 0.0,
            "median": statistics.median(per) if per else 0,
            "max": max(per) if per else 0,
            "by_rule": dict(sorted(Counter(item.rule for item in found).items())),
            "by_severity": dict(sorted(Counter(item.severity for item in found).items())),
            "by_portal": dict(sorted(Counter(notices.portal(item.ocid)
                                             for item in found).items()))}


def measure(path: Path = notices.DATA, labels_path: Path = LABELS, run: str = "prose") -> dict:
    read, found = collect(path, run)
    matched = match(found, read_labels(labels_path), run)
    right, labelled, share = precision(matched["pairs"])
    false_by_rule = Counter(label["rule"] for _, label in matched["pairs"]
                            if label["verdict"] == "false_alarm")
    right_by_rule = Counter(label["rule"] for _, label in matched["pairs"]
                            if label["verdict"] == "right")
    causes = Counter(label.get("cause", "unstated") for _, label in matched["pairs"]
                     if label["verdict"] == "false_alarm")
    return {"run": run, "counts": per_notice(read, found), "right": right, "labelled": labelled,
            "precision": share, "target": TARGET,
            "unlabelled": len(matched["unlabelled"]), "gone": len(matched["gone"]),
            "gone_right": sum(1 for label in matched["gone"] if label["verdict"] == "right"),
            "rules": {r: {"right": right_by_rule.get(r, 0), "false_alarm": false_by_rule.get(r, 0)}
                      for r in sorted(set(right_by_rule) | set(false_by_rule))},
            "causes": dict(causes.most_common()),
            "_pairs": matched["pairs"], "_unlabelled": matched["unlabelled"],
            "_gone": matched["gone"]}


def report(m: dict, verbose: bool = False) -> str:
    c = m["counts"]
    share = "-" if m["precision"] is None else f"{m['precision']:.3f}"
    run = m.get("run", "prose")
    lines = [f"== real-notice findings ({run} run, error+warning): {c['findings']} on "
             f"{c['notices']} notices ({c['with_findings']} with any); per notice mean "
             f"{c['mean']}, median {c['median']}, max {c['max']}",
             "   by rule: " + ", ".join(f"{r} {n}" for r, n in c["by_rule"].items()),
             f"   labelled and still produced: {m['labelled']}, right {m['right']}, precision "
             f"{share} (target {m['target']:.2f}); unlabelled {m['unlabelled']}; labels no "
             f"longer produced {m['gone']} (right ones lost: {m.get('gone_right', 0)})"]
    for cause, n in m["causes"].items():
        lines.append(f"   false alarms: {n:3d} {cause}")
    if verbose:
        for item in m["_unlabelled"]:
            lines.append(f"   unlabelled: {item.notice} {item.ocid} {item.rule} "
                         f"sentence {item.keys[0]} line {item.line}: {item.excerpt[:100]}")
        for label in m["_gone"]:
            lines.append(f"   no longer produced: {label.get('notice', '')} {label['ocid']} "
                         f"{label['rule']} {label['sentence']} ({label['verdict']})")
    return "\n".join(lines)


def markdown(m: dict | None, reason: str = "") -> str:
    out = ["## Findings on real notices: precision", ""]
    if m is None:
        return "\n".join(out + [f"Not measured: {reason}.", ""])
    c = m["counts"]
    share = "-" if m["precision"] is None else f"{m['precision']:.3f}"
    out += ["Every error and warning finding svrules raises on the real notices in",
            "`../shared/data/notices/notices.jsonl`, each checked from its Markdown alone (no",
            "OCDS sidecar), measured by `bench/notice_findings.py`; the findings a legal reviewer",
            "judged by hand, with the reason and the provision, are in",
            "`tests/corpus/real-notices/labels.yaml` (keyed by notice, rule and a hash of the",
            "sentence, so they survive rule changes). Target: at most 1 false alarm in 10.", "",
            "A finding is right only if the text really has the problem the rule names and the",
            "duty applies at that severity. So a record rule (PROC001, PROC002) is right on a",
            "notice the Act reaches (an evidence gap, a warning, as the rules say) and wrong where",
            "the Act does not reach it (goods, a call-off, a modification, defence, market",
            "engagement); a requirement rule is wrong on portal boilerplate, on the contract's own",
            "subject matter and on background; the verdict-unknown note (SCOPE002) is right where",
            "the notice truly states no value.", "",
            "| notices | findings | notices with any | per notice mean | median | max |",
            "|---|---|---|---|---|---|",
            f"| {c['notices']} | {c['findings']} | {c['with_findings']} | {c['mean']} | "
            f"{c['median']} | {c['max']} |", "",
            "| labelled, still produced | right | false alarms | precision | target | "
            "unlabelled findings | labels no longer produced | of them right |",
            "|---|---|---|---|---|---|---|---|",
            f"| {m['labelled']} | {m['right']} | {m['labelled'] - m['right']} | {share} | "
            f"{m['target']:.2f} | {m['unlabelled']} | {m['gone']} | {m.get('gone_right', 0)} |",
            "",
            "A right finding no longer produced is a true finding lost: check it before merging.",
            "",
            "| rule | findings | labelled right | labelled false alarm |", "|---|---|---|---|"]
    for rule, n in c["by_rule"].items():
        r = m["rules"].get(rule, {})
        out.append(f"| {rule} | {n} | {r.get('right', 0)} | {r.get('false_alarm', 0)} |")
    side = m.get("sidecar")
    if side:
        sshare = "-" if side["precision"] is None else f"{side['precision']:.3f}"
        out += ["", f"With the OCDS release beside each notice (sidecar run): "
                f"{side['counts']['findings']} findings on {side['counts']['with_findings']} "
                f"notices; {side['labelled']} labelled, {side['right']} right, precision {sshare}; "
                f"{side['unlabelled']} unlabelled; {side['gone']} labels no longer produced."]
    if m["causes"]:
        out += ["", "False alarms by cause (labelled findings still produced):", ""]
        out += [f"- {n}: {cause}" for cause, n in
                sorted(m["causes"].items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(out) + "\n"


def section(verbose: bool = False) -> str:
    """The docs/accuracy.md section; skipped, with the reason, when the notices are absent."""
    if not notices.DATA.is_file():
        reason = f"no real notices at {notices.DATA}"
        print(f"real-notice findings: skipped ({reason})", file=sys.stderr)
        if FIGURES.is_file():
            return markdown(json.loads(FIGURES.read_text()))
        return markdown(None, reason)
    m = measure()
    print(report(m, verbose))
    side = measure(run="sidecar")
    print(report(side, verbose))
    figures = public(m) | {"sidecar": {k: v for k, v in public(side).items() if k != "causes"}}
    FIGURES.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    return markdown(figures)


def public(m: dict) -> dict:
    """The figures without the findings themselves (those stay out of the repository)."""
    return {k: v for k, v in m.items() if not k.startswith("_")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list unlabelled findings and labels no longer produced")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--run", choices=RUNS, default="prose",
                    help="Markdown alone (prose, the headline figure) or with the OCDS sidecar")
    args = ap.parse_args()
    if not notices.DATA.is_file():
        print(f"skipped: no real notices at {notices.DATA}", file=sys.stderr)
        return 0
    m = measure(run=args.run)
    if args.json:
        print(json.dumps(public(m), indent=2))
    else:
        print(report(m, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
