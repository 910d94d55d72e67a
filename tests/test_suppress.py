"""Suppressions, waivers and the baseline, through the real CLI.

The waiver scenario of issue 6: a waiver survives moving its paragraph and editing other
paragraphs; editing the waived sentence itself reactivates the finding; an expired waiver
reactivates it too. Waived and baselined findings never fail the run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import yaml

from svrules.suppress import load_waivers

from .helpers import run

META = textwrap.dedent("""\
    ---
    authority_kind: sub_central
    jurisdiction: england
    procurement_start: 2025-04-01
    nature: services
    value: 900000
    vat: exclusive
    social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
    ---
    """)
LOCAL = "The Contractor must be a local business based within 20 miles of the Council offices."
OTHER = "Preference will be given to suppliers with a head office in the county."
ENV = {"SVRULES_TODAY": "2026-01-01"}


def check(tmp_path, *args, env=ENV):
    res = run(["check", "--engine", "python", "--format", "json", *args, "t.md"], tmp_path, env)
    return res.exit_code, json.loads(res.stdout) if res.stdout.startswith("{") else res


def write(tmp_path, body: str) -> None:
    (tmp_path / "t.md").write_text(META + textwrap.dedent(body), "utf-8")


def rules(doc, key="findings"):
    return [f["rule"] for f in doc["files"][0][key]]


# --------------------------------------------------------------------------- inline

def test_inline_disable_next_block_with_reason(tmp_path):
    write(tmp_path, f"""\
        # Spec

        <!-- svrules: disable=LOCAL001 reason="operational: emergency call-out" -->
        {LOCAL}

        {OTHER}
        """)
    code, doc = check(tmp_path)
    assert rules(doc) == ["LOCAL001"] and doc["files"][0]["findings"][0]["line"] == 15
    waived = doc["files"][0]["waived"]
    assert [w["line"] for w in waived] == [13]
    assert waived[0]["waiver"] == {"kind": "inline", "reason": "operational: emergency call-out",
                                   "reviewer": None, "date": None, "expires": None,
                                   "where": "t.md:12"}
    assert doc["summary"]["waived"] == 1 and doc["summary"]["findings"] == 1
    assert code == 1


def test_inline_disable_file_and_category(tmp_path):
    write(tmp_path, f"""\
        <!-- svrules: disable-file=local reason="location is an operational need here" -->
        # Spec

        {LOCAL}

        {OTHER}
        """)
    code, doc = check(tmp_path)
    assert rules(doc) == [] and rules(doc, "waived") == ["LOCAL001", "LOCAL001"]
    assert code == 0


def test_missing_reason_is_reported_and_not_applied(tmp_path):
    write(tmp_path, f"""\
        <!-- svrules: disable=LOCAL001 -->
        {LOCAL}
        """)
    code, doc = check(tmp_path)
    found = doc["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["SUPP001", "LOCAL001"]
    assert found[0]["severity"] == "warning" and "reason is required" in found[0]["message"]
    assert code == 1


def test_unknown_rule_and_bad_syntax_are_reported(tmp_path):
    write(tmp_path, f"""\
        <!-- svrules: disable=LOCAL999 reason="x y z" -->
        {LOCAL}

        <!-- svrules: enable=LOCAL001 reason="x y z" -->
        Text.

        <!-- an ordinary comment is ignored -->
        """)
    _, doc = check(tmp_path)
    supp = [f for f in doc["files"][0]["findings"] if f["rule"] == "SUPP001"]
    assert len(supp) == 2
    assert "unknown rule 'LOCAL999'" in supp[0]["message"]
    assert "unknown key 'enable'" in supp[1]["message"]


def test_unused_suppression_is_reported_unless_the_rule_is_off(tmp_path):
    write(tmp_path, f"""\
        <!-- svrules: disable=LOCAL001 reason="left over from an earlier draft" -->
        The Contractor will report monthly.

        {LOCAL}
        """)
    _, doc = check(tmp_path)
    assert rules(doc) == ["SUPP002", "LOCAL001"]
    _, doc = check(tmp_path, "--ignore", "LOCAL001")
    assert rules(doc) == []
    _, doc = check(tmp_path, "--ignore", "SUPP002")
    assert rules(doc) == ["LOCAL001"]


# --------------------------------------------------------------------------- waivers

def waive(tmp_path, fp, *extra):
    res = run(["waive", fp, "--rule", "LOCAL001", "--reason", "agreed with legal: depot needed",
               "--by", "A. Lawyer", "--waivers", "svrules-waivers.yaml", *extra], tmp_path, ENV)
    assert res.exit_code == 0, res.output
    return res


def test_waiver_survives_moves_and_other_edits_and_dies_with_its_sentence(tmp_path):
    write(tmp_path, f"""\
        # Spec

        {LOCAL}

        {OTHER}
        """)
    code, doc = check(tmp_path)
    assert code == 1 and rules(doc) == ["LOCAL001", "LOCAL001"]
    fp = doc["files"][0]["findings"][0]["fingerprint"]
    waive(tmp_path, fp, "--path", "t.md")
    entry = yaml.safe_load((tmp_path / "svrules-waivers.yaml").read_text())["waivers"][0]
    assert entry == {"fingerprint": fp, "rule": "LOCAL001", "path": "t.md",
                     "reason": "agreed with legal: depot needed", "reviewer": "A. Lawyer",
                     "date": "2026-01-01"}

    code, doc = check(tmp_path)
    assert rules(doc) == ["LOCAL001"] and rules(doc, "waived") == ["LOCAL001"]
    waived = doc["files"][0]["waived"][0]
    assert waived["fingerprint"] == fp and waived["waiver"]["reviewer"] == "A. Lawyer"
    assert doc["summary"]["waived"] == 1

    # move the waived paragraph below others and edit another paragraph: still waived
    write(tmp_path, f"""\
        # Spec

        ## Award

        {OTHER} Bidders should note this carefully.

        ## Location

        A new introductory paragraph.

        {LOCAL}
        """)
    _, doc = check(tmp_path)
    assert [w["fingerprint"] for w in doc["files"][0]["waived"]] == [fp]
    assert doc["files"][0]["waived"][0]["line"] == 20

    # only whitespace and punctuation changes: same normalised sentence, still waived
    write(tmp_path, "# Spec\n\n" + LOCAL.replace(" a local", "  a\nlocal") + "\n")
    _, doc = check(tmp_path)
    assert rules(doc) == [] and rules(doc, "waived") == ["LOCAL001"]

    # editing the waived sentence itself makes it a new finding
    write(tmp_path, "# Spec\n\n" + LOCAL.replace("20 miles", "25 miles") + "\n")
    code, doc = check(tmp_path)
    assert rules(doc) == ["LOCAL001"] and rules(doc, "waived") == [] and code == 1


def test_waiver_expiry_reactivates_the_finding(tmp_path):
    write(tmp_path, f"{LOCAL}\n")
    _, doc = check(tmp_path)
    fp = doc["files"][0]["findings"][0]["fingerprint"]
    waive(tmp_path, fp, "--expires", "2026-03-31")
    code, doc = check(tmp_path, env={"SVRULES_TODAY": "2026-03-31"})
    assert code == 0 and rules(doc, "waived") == ["LOCAL001"]
    assert doc["files"][0]["waived"][0]["waiver"]["expires"] == "2026-03-31"
    code, doc = check(tmp_path, env={"SVRULES_TODAY": "2026-04-01"})
    assert code == 1 and rules(doc) == ["LOCAL001"] and rules(doc, "waived") == []
    assert any("expired on 2026-03-31" in w for w in doc["files"][0]["warnings"])
    code, doc = check(tmp_path, "--today", "2026-01-02", env={})
    assert code == 0


def test_waiver_path_must_match(tmp_path):
    write(tmp_path, f"{LOCAL}\n")
    _, doc = check(tmp_path)
    fp = doc["files"][0]["findings"][0]["fingerprint"]
    res = run(["waive", fp, "--rule", "LOCAL001", "--reason", "agreed with legal", "--by", "Me",
               "--waivers", "svrules-waivers.yaml", "--path", "other.md"], tmp_path, ENV)
    assert res.exit_code == 2          # no such finding in other.md: nothing recorded
    waive(tmp_path, fp, "--path", "t.md")
    (tmp_path / "other").mkdir()
    (tmp_path / "t.md").rename(tmp_path / "other" / "t.md")
    (tmp_path / "t.md").write_text((tmp_path / "other" / "t.md").read_text())
    code, doc = check(tmp_path)
    assert code == 0 and rules(doc, "waived") == ["LOCAL001"]
    res = run(["check", "--engine", "python", "--format", "json", "--waivers",
               "svrules-waivers.yaml", "other/t.md"], tmp_path, ENV)
    assert res.exit_code == 1 and json.loads(res.stdout)["summary"]["waived"] == 0


def test_waivers_file_found_beside_the_config(tmp_path):
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    write(tmp_path, f"{LOCAL}\n")
    _, doc = check(tmp_path)
    fp = doc["files"][0]["findings"][0]["fingerprint"]
    res = run(["waive", fp, "--rule", "LOCAL001", "--reason", "agreed", "--by", "Me"],
              tmp_path, ENV)
    assert res.exit_code == 0 and (tmp_path / "svrules-waivers.yaml").is_file()
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "t.md").rename(sub / "t.md")
    res = run(["check", "--format", "json", "sub/t.md"], tmp_path, ENV)
    assert res.exit_code == 0 and json.loads(res.stdout)["summary"]["waived"] == 1


def test_invalid_waivers_file_is_a_usage_error(tmp_path):
    write(tmp_path, f"{LOCAL}\n")
    (tmp_path / "svrules-waivers.yaml").write_text(
        "waivers:\n  - fingerprint: abcdef0123\n    rule: LOCAL001\n    reason: ok then\n"
        "    reviewer: me\n    date: 2026-01-01\n    reveiwer: typo\n")
    res = run(["check", "--engine", "python", "--waivers", "svrules-waivers.yaml", "t.md"],
              tmp_path, ENV)
    assert res.exit_code == 2
    assert "svrules-waivers.yaml:2: waiver 1: key 'reveiwer': unknown key" in res.stderr


def test_waive_keeps_comments_and_refuses_bad_input(tmp_path):
    write(tmp_path, f"# Spec\n\n{LOCAL}\n\n{OTHER}\n")
    _, doc = check(tmp_path)
    fps = [f["fingerprint"] for f in doc["files"][0]["findings"]]
    (tmp_path / "svrules-waivers.yaml").write_text("# reviewed by the legal team\nwaivers:\n")
    waive(tmp_path, fps[0])
    waive(tmp_path, fps[1])
    text = (tmp_path / "svrules-waivers.yaml").read_text()
    assert text.startswith("# reviewed by the legal team\n")
    assert len(load_waivers(tmp_path / "svrules-waivers.yaml").entries) == 2
    res = run(["waive", "not-a-fingerprint", "--rule", "LOCAL001", "--reason", "why not",
               "--by", "me"], tmp_path, ENV)
    assert res.exit_code == 2 and "fingerprint" in res.stderr


def _cases(n: int) -> list[str]:
    return [f"The Contractor must have a depot based within {i + 2} miles of the Council offices."
            for i in range(n)]


def test_concurrent_waive_commands_never_corrupt_the_file(tmp_path):
    n = 8
    write(tmp_path, "# Spec\n\n" + "\n\n".join(_cases(n)) + "\n")
    _, doc = check(tmp_path)
    fps = sorted(f["fingerprint"] for f in doc["files"][0]["findings"] if f["rule"] == "LOCAL001")
    assert len(fps) == n
    env = {**os.environ, "SVRULES_TODAY": "2026-01-01"}
    procs = [subprocess.Popen(
        [sys.executable, "-m", "svrules", "waive", fp, "--rule", "LOCAL001",
         "--reason", f"reason number {i}, with: punctuation", "--by", f"Reviewer {i}",
         "--path", "t.md", "--waivers", str(tmp_path / "svrules-waivers.yaml")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
        for i, fp in enumerate(fps)]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    data = yaml.safe_load((tmp_path / "svrules-waivers.yaml").read_text())
    assert sorted(w["fingerprint"] for w in data["waivers"]) == fps
    assert len(load_waivers(tmp_path / "svrules-waivers.yaml").entries) == n
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svrules-waivers.yaml", "t.md"]


def test_waive_checks_that_the_finding_and_the_rule_exist(tmp_path):
    write(tmp_path, f"# Spec\n\n{LOCAL}\n")
    _, doc = check(tmp_path)
    fp = doc["files"][0]["findings"][0]["fingerprint"]
    base = ["--reason", "agreed with legal", "--by", "Me", "--waivers", "svrules-waivers.yaml"]
    res = run(["waive", "deadbeef", "--rule", "NOPE001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and "no rule 'NOPE001'" in res.stderr
    res = run(["waive", "deadbeef", "--rule", "LOCAL001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and "no finding LOCAL001 deadbeef" in res.stderr
    res = run(["waive", fp, "--rule", "PROC001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and "no finding" in res.stderr
    line = doc["files"][0]["findings"][0]["line"]
    res = run(["waive", f"t.md:{line - 1}:LOCAL001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and f"no finding LOCAL001 at t.md:{line - 1}" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.md"]     # nothing written, no .lock
    # by FILE:LINE:RULE, as `path:line:col: RULE` output shows it; the rule inferred from a
    # fingerprint alone
    column = doc["files"][0]["findings"][0]["column"]
    res = run(["waive", f"t.md:{line}:{column}:LOCAL001", *base], tmp_path, ENV)
    assert res.exit_code == 0, res.output
    entry = yaml.safe_load((tmp_path / "svrules-waivers.yaml").read_text())["waivers"][0]
    assert entry["fingerprint"] == fp and entry["rule"] == "LOCAL001" and entry["path"] == "t.md"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svrules-waivers.yaml", "t.md"]
    res = run(["waive", fp, *base], tmp_path, ENV)
    assert res.exit_code == 2 and "already waived" in res.stderr
    code, doc = check(tmp_path, "--waivers", "svrules-waivers.yaml")
    assert code == 0 and rules(doc, "waived") == ["LOCAL001"]


def test_waive_by_fingerprint_alone_and_an_ambiguous_line(tmp_path):
    write(tmp_path, f"# Spec\n\n{LOCAL} {OTHER}\n")
    _, doc = check(tmp_path)
    found = doc["files"][0]["findings"]
    line = found[0]["line"]
    assert [f["line"] for f in found] == [line, line]
    base = ["--reason", "agreed with legal", "--by", "Me", "--waivers", "svrules-waivers.yaml"]
    res = run(["waive", f"t.md:{line}:LOCAL001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and "fits 2 findings" in res.stderr
    res = run(["waive", found[1]["fingerprint"], *base], tmp_path, ENV)
    assert res.exit_code == 0, res.output
    entry = yaml.safe_load((tmp_path / "svrules-waivers.yaml").read_text())["waivers"][0]
    assert entry["rule"] == "LOCAL001" and "path" not in entry


def test_waive_a_finding_about_the_whole_document(tmp_path):
    no_record = "".join(line for line in META.splitlines(True) if "social_value" not in line)
    (tmp_path / "t.md").write_text(no_record + f"# Spec\n\n{LOCAL}\n", "utf-8")
    _, doc = check(tmp_path, "--select", "PROC")
    whole = [f for f in doc["files"][0]["findings"] if f["location"].get("part") == "document"]
    assert whole, doc["files"][0]["findings"]
    rule = whole[0]["rule"]
    base = ["--reason", "recorded in the business case", "--by", "Me",
            "--waivers", "svrules-waivers.yaml"]
    res = run(["waive", "t.md:LOCAL001", *base], tmp_path, ENV)
    assert res.exit_code == 2 and "about the whole of t.md" in res.stderr
    res = run(["waive", f"t.md:{rule}", *base], tmp_path, ENV)
    assert res.exit_code == 0, res.output
    entry = yaml.safe_load((tmp_path / "svrules-waivers.yaml").read_text())["waivers"][0]
    assert entry["fingerprint"] == whole[0]["fingerprint"] and entry["rule"] == rule


# --------------------------------------------------------------------------- baseline

def test_baseline_fails_only_on_new_findings(tmp_path):
    write(tmp_path, f"# Spec\n\n{LOCAL}\n")
    code, doc = check(tmp_path, "--write-baseline", "baseline.json")
    assert code == 0 and rules(doc, "baselined") == ["LOCAL001"]
    assert doc["summary"]["baselined"] == 1 and doc["summary"]["findings"] == 0
    saved = json.loads((tmp_path / "baseline.json").read_text())
    assert saved["findings"][0]["path"] == "t.md" and saved["findings"][0]["rule"] == "LOCAL001"

    write(tmp_path, f"# Spec\n\nA new paragraph.\n\n{LOCAL}\n")     # moved: still baselined
    code, doc = check(tmp_path, "--baseline", "baseline.json")
    assert code == 0 and rules(doc) == []

    write(tmp_path, f"# Spec\n\n{LOCAL}\n\n{OTHER}\n")                 # a new finding fails
    code, doc = check(tmp_path, "--baseline", "baseline.json")
    assert code == 1 and rules(doc) == ["LOCAL001"] and rules(doc, "baselined") == ["LOCAL001"]
    assert doc["files"][0]["findings"][0]["excerpt"] == OTHER


def test_baseline_is_keyed_by_fingerprint_not_file_and_rule(tmp_path):
    write(tmp_path, f"{LOCAL}\n")
    check(tmp_path, "--write-baseline", "baseline.json")
    write(tmp_path, f"{OTHER}\n")            # same file, same rule, different sentence
    code, doc = check(tmp_path, "--baseline", "baseline.json")
    assert code == 1 and rules(doc) == ["LOCAL001"]


def test_missing_baseline_is_a_usage_error(tmp_path):
    write(tmp_path, f"{LOCAL}\n")
    res = run(["check", "--engine", "python", "--baseline", "nope.json", "t.md"], tmp_path, ENV)
    assert res.exit_code == 2 and "baseline file not found" in res.stderr
