"""`svrules review` on the same tender in every format: the reviewed .docx (the Word copy, or a
rendition for the others) has a comment on the exact words of each finding's excerpt."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from safety_helpers import TENDER, cli
from tender_formats import tender_docx, tender_html, tender_odt, tender_pdf, tender_sidecar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docx_comments import comments  # noqa: E402


def _write(folder: Path, fmt: str) -> Path:
    if fmt == "md":
        path = folder / "tender.md"
        path.write_text(TENDER, encoding="utf-8")
        return path
    data = {"docx": tender_docx, "pdf": tender_pdf, "odt": tender_odt, "html": tender_html}[fmt]()
    path = folder / f"tender.{fmt}"
    path.write_bytes(data)
    if fmt in ("pdf", "html", "odt"):
        (folder / "tender.svrules.yaml").write_text(tender_sidecar(), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["docx", "md", "pdf", "odt", "html"])
def test_every_finding_is_a_comment_on_its_words(tmp_path, fmt):
    tender = _write(tmp_path, fmt)
    checked = json.loads(cli(["check", "--format", "json", tender.name], tmp_path).stdout)
    findings = checked["files"][0]["findings"]
    assert len(findings) >= 5
    res = cli(["review", tender.name], tmp_path)
    assert res.exit_code == 1, res.stderr
    found = comments(tmp_path / "tender.reviewed.docx")
    assert found[0]["text"].startswith("SVRULES SUMMARY") and len(found) == len(findings) + 1
    title = found[0]["anchored"]
    for f in findings:
        mine = [c for c in found[1:] if c["text"].split("\n")[1] == " ".join(f["message"].split())]
        assert mine, f["rule"]
        anchored = {" ".join(c["anchored"].split()) for c in mine}
        excerpt = f["excerpt"].strip("…").strip()
        if f["excerpt"] == "(whole document)" or re.match(r"[a-z_.]+: ", f["excerpt"]):
            assert title in anchored, f                  # a document-level finding: the title
        else:
            assert any(excerpt in a for a in anchored), (f["rule"], excerpt, anchored)
