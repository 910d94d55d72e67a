"""Every report format shows a citation's summary as a paraphrase, never in quotation marks, and
a quote in them (PPN 002 is held only as summaries; PA 2023 s.7(1) verbatim)."""
from __future__ import annotations

import html
import json
import re

import pytest

from svrules.report import FORMATS

from ..helpers import run

TENDER = """---
authority_kind: central_government
procurement_start: 2025-11-03
value: 3500000
vat: exclusive
nature: services
---
## Award criteria

Award criteria: Quality 70%, Price 30%.
"""
SUMMARY = ("In-scope organisations apply a minimum 10% weighting to social value in the award of "
           "their contracts under the Procurement Act 2023.")
QUOTE = "In this Act, “defence and security contract” means a contract for the supply of"
QUOTES = ('"', "“", "”", "&quot;", "&#34;")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text))


def citations_in(fmt: str, out: str) -> list[dict]:
    if fmt == "json":
        return [c for f in json.loads(out)["files"] for x in f["findings"] for c in x["citations"]]
    if fmt == "jsonl":
        return [c for line in out.splitlines() for c in json.loads(line).get("citations", [])]
    run_ = json.loads(out)["runs"][0]
    return [c for r in run_["results"] for c in r["properties"]["citations"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_summary_is_a_paraphrase_and_a_quote_is_quoted(tmp_path, fmt):
    (tmp_path / "tender.md").write_text(TENDER, encoding="utf-8")
    out = run(["check", "--format", fmt, "tender.md"], tmp_path).stdout
    if fmt in ("json", "jsonl", "sarif"):
        cites = citations_in(fmt, out)
        summaries = [c for c in cites if c.get("summary") == SUMMARY]
        assert summaries and all(not c.get("quote") for c in summaries)
        assert any(c.get("quote") == QUOTE and not c.get("summary") for c in cites)
        return
    if fmt == "github":             # workflow commands escape %, CR and LF
        out = out.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    text = flat(out)
    if fmt == "concise":            # no citations: they are left to `svrules explain`
        assert "EVAL004" in text and SUMMARY not in text
        return
    assert f"(paraphrase) {SUMMARY}" in text, text
    for mark in QUOTES:
        assert mark + SUMMARY not in text and SUMMARY + mark not in text
    assert any(open_ + QUOTE in text for open_ in ('"', "“")), text
    if fmt == "html":
        assert f'<p class="paraphrase">(paraphrase) {html.escape(SUMMARY)}</p>' in out
        assert not re.search(r"<blockquote>[^<]*" + re.escape(SUMMARY[:30]), out)


def test_explain_and_the_rules_doc_show_a_summary_as_a_paraphrase(tmp_path):
    for args in (["explain", "EVAL004"], ["rules", "--format", "markdown"]):
        text = flat(run(args, tmp_path).stdout)
        assert f"(paraphrase) {SUMMARY}" in text
        assert '"' + SUMMARY not in text and "“" + SUMMARY not in text
