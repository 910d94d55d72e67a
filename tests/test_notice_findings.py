"""The real-notice findings bench (bench/notice_findings.py): how hand labels are keyed so they
survive changes to rules and excerpt windows, how they pair with findings, and the precision
arithmetic. The labels file's format is checked here too; the measurement itself needs
../shared/data and is skipped with the reason when it is absent."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
spec = importlib.util.spec_from_file_location("notice_findings", ROOT / "bench" /
                                              "notice_findings.py")
nf = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = nf     # dataclasses look their module up while the class is built
spec.loader.exec_module(nf)

BLOCK = ("The Council invites tenders for grounds maintenance. Under this contract the supplier "
         "will be required to deliver community benefits for the Council's objectives. "
         "Details are in the tender pack.")
SENTENCE = ("Under this contract the supplier will be required to deliver community benefits "
            "for the Council's objectives.")


def found(keys, rule="VER001", ocid="ocds-x-1"):
    return nf.Found(notice="n1", ocid=ocid, rule=rule, severity="warning", line=3,
                    excerpt="", keys=tuple(keys))


def label(verdict, sentence, rule="VER001", ocid="ocds-x-1"):
    return {"ocid": ocid, "rule": rule, "sentence": sentence, "verdict": verdict,
            "reason": "r"}


def test_the_key_ignores_case_punctuation_and_spacing():
    assert nf.sentence_key(SENTENCE) == nf.sentence_key(
        "under this contract, the supplier will be required to deliver Community Benefits "
        "for the Council’s objectives")
    assert nf.sentence_key(SENTENCE) != nf.sentence_key("The Council invites tenders.")


@pytest.mark.parametrize("excerpt", [
    SENTENCE,                                                        # the sentence itself
    "…grounds maintenance. Under this contract the supplier will be required to deliver…",
    "…will be required to deliver community benefits for the Council's objectives. Details…",
])
def test_any_excerpt_window_finds_the_same_sentence_first(excerpt):
    best = nf.finding_sentences(excerpt, BLOCK)[0]
    assert nf.sentence_key(best) == nf.sentence_key(SENTENCE)


def test_a_list_number_is_no_sentence_to_key_on():
    block = "Lots:\n3.\nThe supplier must deliver five apprenticeships on the contract."
    keys = [nf.sentence_key(s) for s in nf.finding_sentences(
        "…3. The supplier must deliver five apprenticeships on the contract.", block)]
    assert nf.sentence_key("3") not in keys


def test_a_label_matches_on_any_sentence_the_finding_overlaps_but_not_another_rule():
    item = found(["aaa", "bbb"])
    got = nf.match([item], [label("right", "bbb")])
    assert len(got["pairs"]) == 1 and not got["unlabelled"] and not got["gone"]
    got = nf.match([item], [label("right", "bbb", rule="VER002")])
    assert got["unlabelled"] == [item] and len(got["gone"]) == 1


def test_each_label_pairs_with_one_finding_only():
    items = [found(["document"], rule="PROC001"), found(["document"], rule="PROC001")]
    got = nf.match(items, [label("right", "document", rule="PROC001")])
    assert len(got["pairs"]) == 1 and len(got["unlabelled"]) == 1


def test_precision_counts_only_labelled_findings_still_produced():
    items = [found(["a"]), found(["b"]), found(["c"]), found(["d"])]
    labels = [label("right", "a"), label("right", "b"), label("right", "c"),
              label("false_alarm", "d"), label("false_alarm", "gone")]
    got = nf.match(items, labels)
    assert nf.precision(got["pairs"]) == (3, 4, 0.75)
    assert [g["sentence"] for g in got["gone"]] == ["gone"]
    assert nf.precision([]) == (0, 0, None)


def test_a_label_seen_only_in_the_other_run_is_not_gone():
    labels = [label("right", "a") | {"runs": ["sidecar"]}, label("right", "b")]
    assert nf.match([], labels, "prose")["gone"] == [labels[1]]
    assert nf.match([], labels, "sidecar")["gone"] == [labels[0]]


def test_per_notice_counts():
    read = [{"id": "n1"}, {"id": "n2"}, {"id": "n3"}]
    items = [found(["a"]), found(["b"], rule="PROC001"),
             nf.Found("n3", "ocds-r6ebe6-9", "VER001", "error", 1, "", ("c",))]
    c = nf.per_notice(read, items)
    assert (c["findings"], c["with_findings"], c["mean"], c["median"], c["max"]) == (3, 2, 1.0,
                                                                                      1, 2)
    assert c["by_rule"] == {"PROC001": 1, "VER001": 2}


def test_the_labels_file_is_well_formed():
    labels = nf.read_labels()
    assert len(labels) >= 60
    keys = [nf.label_key(x) for x in labels]
    assert len(keys) == len(set(keys)), "two labels with one key"
    for x in labels:
        assert x["sentence"] == nf.DOCUMENT or len(x["sentence"]) == 12
        assert len(x["reason"]) > 40, x
        if x["verdict"] == "false_alarm":
            assert x.get("cause"), x
    assert len({x["ocid"] for x in labels}) >= 30


def test_a_bad_verdict_is_refused(tmp_path):
    path = tmp_path / "labels.yaml"
    path.write_text("labels:\n  - {ocid: o, rule: R, sentence: document, verdict: maybe, "
                    "reason: r}\n")
    with pytest.raises(ValueError):
        nf.read_labels(path)


@pytest.mark.skipif(not nf.notices.DATA.is_file(),
                    reason=f"no real notices at {nf.notices.DATA}")
def test_the_measurement_runs_and_every_label_is_accounted_for():
    m = nf.measure()
    seen = [x for x in nf.read_labels() if "prose" in x.get("runs", ["prose"])]
    assert m["labelled"] + m["gone"] == len(seen)
    assert m["counts"]["findings"] == m["labelled"] + m["unlabelled"]
    assert "## Findings on real notices: precision" in nf.markdown(m)


def test_the_section_says_why_when_not_measured():
    assert "Not measured: no notices" in nf.markdown(None, "no notices")


def test_the_recorded_figures_make_the_same_section():
    """With no notices at hand, docs show the last recorded figures (bench/notice_findings.json)."""
    import json
    recorded = json.loads(nf.FIGURES.read_text())
    text = nf.markdown(recorded)
    assert f"| {recorded['labelled']} | {recorded['right']} |" in text
