"""Citations: a verbatim quote or a summary (never both, never neither), each with a link to the
provision it names; every quote of the rules and of the dated law is in the file its source names."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pydantic import ValidationError

from svrules.model import Citation
from svrules.rulepack import RulePackError, Source, load_pack

from tests.conftest import SHARED, run_cli
from tests.test_rulepack import GOOD, pack_with

VERIFY = SHARED / "tools" / "verify-citations"
QUOTE = '    quote: "must treat suppliers the same"\n'


def test_a_citation_is_a_quote_or_a_summary_not_both():
    with pytest.raises(ValidationError, match="not both"):
        Citation(source="pa2023", section="s.12(2)", quote="must treat", summary="treat alike")
    assert Citation(source="ppn002", section="para 3", summary="In-scope bodies.").quote is None


@pytest.mark.parametrize("replacement, words", [
    (QUOTE + '    summary: "Suppliers are treated alike."\n', "not both"),
    ("", "needs a verbatim `quote` or a `summary`"),
    (QUOTE.replace("quote:", "qoute:"), "qoute"),
])
def test_rule_citations_need_exactly_one_of_quote_and_summary(tmp_path, replacement, words):
    text = GOOD.replace(QUOTE, replacement, 1)
    assert text != GOOD
    with pytest.raises(RulePackError) as err:
        load_pack([pack_with(tmp_path, text)])
    assert words in str(err.value)


def test_a_rule_may_cite_a_policy_note_by_summary(tmp_path):
    text = GOOD.replace(QUOTE, '    summary: "Suppliers are treated alike."\n', 1)
    pack = load_pack([pack_with(tmp_path, text)])
    cite = pack.by_id["TEST001"].citations[0]
    assert cite.quote is None and cite.words() == "(paraphrase) Suppliers are treated alike."


ACT = Source(title="Procurement Act 2023", short="PA 2023", kind="statute", date="2023-10-26",
             url="https://www.legislation.gov.uk/ukpga/2023/54", pinpoint="section")
SI = Source(title="SI 2025/163", short="SI 2025/163", kind="statutory-instrument",
            date="2025-02-24", url="https://www.legislation.gov.uk/uksi/2025/163",
            pinpoint="regulation")


@pytest.mark.parametrize("source, section, url", [
    (ACT, "s.23(3)(b)(i)", "ukpga/2023/54/section/23"),
    (ACT, "ss.89-90", "ukpga/2023/54/section/89"),
    (ACT, "Sch 1 para 4", "ukpga/2023/54/schedule/1/paragraph/4"),
    (ACT, "Sch 1 para 1(1), rows 11-12 (the figures of PCR 2015 reg 5)",
     "ukpga/2023/54/schedule/1/paragraph/1"),
    (SI, "reg 3(2)(b)(ii): PA 2023 Sch 1 para 1(1)", "uksi/2025/163/regulation/3"),
    (SI, "SVA 2012 s.1(16) as substituted by Sch 1 para 8", "uksi/2025/163/schedule/1/paragraph/8"),
    (SI, "commencement", "uksi/2025/163"),
])
def test_a_citation_links_to_the_provision_its_section_names(source, section, url):
    assert source.link(section) == "https://www.legislation.gov.uk/" + url


def test_every_listed_citation_links_to_a_provision_and_names_its_file():
    for command in ("rules", "law"):
        data = json.loads(run_cli(command, "--format", "json").output)
        for entry in data["rules"]:
            for c in entry["citations"]:
                url = c.get("url") or ""
                assert not url.endswith("/contents"), (entry["id"], c)
                # a quote is checked in its own source's file, never "anywhere"
                assert not c.get("quote") or c.get("file"), (entry["id"], c)
                if "legislation.gov.uk" in url and c.get("quote"):
                    assert c["file"].startswith("legislation/"), (entry["id"], c)
                    assert "/section/" in url or "/regulation/" in url or "/article/" in url \
                        or url.endswith("/note") \
                        or "/schedule/" in url, (entry["id"], c)


@pytest.mark.skipif(not VERIFY.exists(), reason="../shared/tools/verify-citations is absent")
@pytest.mark.parametrize("command", ["rules", "law"])
def test_every_quote_is_verbatim_in_its_file(command):
    listing = run_cli(command, "--format", "json").output
    done = subprocess.run([sys.executable, str(VERIFY)], input=listing, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout
    assert done.stdout.rstrip().endswith(" 0 problems"), done.stdout


def test_the_law_listing_covers_every_dated_value():
    data = json.loads(run_cli("law", "--format", "json").output)
    kinds = {e["kind"] for e in data["rules"]}
    assert kinds == {"commencement", "regime", "threshold", "provision", "value_basis",
                     "nhs_listing"}
    from svrules.law.data import load_lawbook
    listed = sum(len(e["citations"]) for e in data["rules"])
    assert listed >= len(load_lawbook().all_citations())        # every citation is listed
    latest = [e for e in data["rules"] if e["id"] == "threshold:2026-01-01"][0]
    assert latest["sub_central"] == 207720 and latest["citations"][0]["source"] == "si2025_1200"
    text = run_cli("law").output
    assert "threshold:2026-01-01" in text and '"£135,018 | | £207,720"' in text
