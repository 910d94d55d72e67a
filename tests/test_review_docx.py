"""`svrules review`: the reviewed Word copy, one comment per finding on the exact runs of its words.

The tenders are built here (python-docx, pandoc, LibreOffice), reviewed through the real CLI,
and read back from the package XML: each comment's anchored text must be the finding's excerpt.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from svrules.cli import main

from .docx_comments import comments
from .word_tenders import LOCAL_A, LOCAL_B, PROPERTIES, VAGUE, word_tender
from .load.load_builders import custom_properties_xml, replace_members



def run(args: list[str]):
    """`svrules ARGS` in-process (click's runner); stderr kept apart."""
    return CliRunner().invoke(main, args, catch_exceptions=False)


def _by_rule(found: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for c in found:
        head = c["text"].split("\n")[0]
        rule = head.split(" · ")[1].split()[0] if " · " in head else "SUMMARY"
        out.setdefault(rule, []).append(c)
    return out


def _findings(path: Path, *extra: str) -> list[dict]:
    res = run(["check", str(path), "--format", "json", *extra])
    return json.loads(res.stdout)["files"][0]["findings"]


def test_word_tender_comments_on_the_exact_runs(tmp_path):
    tender = word_tender(tmp_path / "tender.docx")
    before = hashlib.sha256(tender.read_bytes()).hexdigest()
    res = run(["review", str(tender)])
    assert res.exit_code == 1, res.stderr          # findings at error: as `check` exits
    out = tmp_path / "tender.reviewed.docx"
    assert res.stdout.startswith(f"wrote {out}")
    assert hashlib.sha256(tender.read_bytes()).hexdigest() == before      # input untouched
    found = comments(out)
    # the first comment is the summary, on the title; the reviewer's own comment is kept
    assert found[0]["text"].startswith("SVRULES SUMMARY")
    assert found[0]["anchored"] == "Home care and reablement services"
    assert "Verdict: The Social Value Act applies" in found[0]["text"]
    assert "procurement_start: 2026-05-11 (metadata, document properties)" in found[0]["text"]
    mine = [c for c in found if c["author"] == "Reviewer A"]
    assert [(c["text"], c["anchored"]) for c in mine] == [
        ("Check the issue date", "Specification of requirements, issued by the Council.")]
    rules = _by_rule(found)
    assert sorted(c["anchored"] for c in rules["LOCAL001"]) == sorted([LOCAL_A, LOCAL_B])
    assert [c["anchored"] for c in rules["VER001"]] == [VAGUE]      # inside the tracked insertion
    for c in found[1:]:
        assert c["text"].split("\n")[0].split(" · ")[0] in ("ERROR", "WARNING", "INFO") \
            or c["author"] == "Reviewer A"
    # every finding of `check` is a comment, with its message, fix and a citation
    expected = _findings(tender)
    ours = [c for c in found if c["author"] == "svrules"][1:]
    assert len(ours) == len(expected)
    for f in expected:
        match = [c for c in ours if f["message"] in c["text"].replace("\n", " ")]
        assert match, f["rule"]
        assert "Fix: " in match[0]["text"] and "See: " in match[0]["text"]
        if f.get("excerpt") and f["excerpt"] != "(whole document)":
            assert any(c["anchored"] == f["excerpt"] for c in match) or \
                match[0]["anchored"] == "Home care and reablement services", f


def test_word_tender_is_otherwise_unchanged(tmp_path):
    tender = word_tender(tmp_path / "tender.docx")
    out = tmp_path / "r.docx"
    assert run(["review", str(tender), "--output", str(out)]).exit_code == 1
    with zipfile.ZipFile(tender) as a, zipfile.ZipFile(out) as b:
        for name in a.namelist():
            if name in ("word/document.xml", "word/comments.xml", "[Content_Types].xml",
                        "word/_rels/document.xml.rels"):
                continue
            assert a.read(name) == b.read(name), name       # styles, numbering, header, footer
        original, reviewed = a.read("word/document.xml"), b.read("word/document.xml")
    # the text, the tracked change and the numbering of every paragraph are the same
    d0, d1 = docx.Document(str(tender)), docx.Document(str(out))
    assert [p.text for p in d0.paragraphs] == [p.text for p in d1.paragraphs]
    assert [p.style.name for p in d0.paragraphs] == [p.style.name for p in d1.paragraphs]
    assert [[r.bold for r in p.runs if r.text] for p in d0.paragraphs][3] != []
    assert reviewed.count(b"<w:ins ") == original.count(b"<w:ins ") == 1
    bold0 = "".join(r.text for p in d0.paragraphs for r in p.runs if r.bold)
    bold1 = "".join(r.text for p in d1.paragraphs for r in p.runs if r.bold)
    assert bold0 == bold1                                 # formatting kept across the splits


def test_review_is_deterministic_and_never_overwrites_the_input(tmp_path):
    tender = word_tender(tmp_path / "tender.docx")
    run(["review", str(tender), "-o", str(tmp_path / "a.docx")])
    run(["review", str(tender), "-o", str(tmp_path / "b.docx")])
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    res = run(["review", str(tender), "-o", str(tender)])
    assert res.exit_code == 2 and "would overwrite the tender" in res.stderr
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    res = run(["review", str(bad)])
    assert res.exit_code == 2 and "broken.docx: [" in res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "broken.reviewed.docx").exists()


def test_facts_missing_say_where_to_set_them(tmp_path):
    tender = word_tender(tmp_path / "tender.docx", properties=False)
    run(["review", str(tender)])
    summary = comments(tmp_path / "tender.reviewed.docx")[0]["text"]
    assert "Facts missing: " in summary
    assert "Word custom property" in summary and "front matter" in summary


MARKDOWN = f"""---
authority: Borough of Northfield Council
authority_kind: sub_central
procurement_start: 2026-05-11
nature: services
value: 4800000
vat: exclusive
---
# Home care services

## Requirements

{LOCAL_A}

<!-- svrules: disable=LOCAL001 reason="reviewed by legal: a statutory residence condition" -->
{LOCAL_B}

| Theme | Requirement |
|---|---|
| Social value | {VAGUE} |
"""


def test_markdown_gets_a_docx_rendition_with_the_same_comments(tmp_path):
    tender = tmp_path / "t.md"
    tender.write_text(MARKDOWN, encoding="utf-8")
    res = run(["review", str(tender)])
    assert res.exit_code == 1, res.stderr
    found = _by_rule(comments(tmp_path / "t.reviewed.docx"))
    assert [c["anchored"] for c in found["LOCAL001"]] == [LOCAL_A]     # the waived one is not
    assert [c["anchored"] for c in found["VER001"]] == [f"Social value | {VAGUE}"]  # the row
    assert docx.Document(str(tmp_path / "t.reviewed.docx")).paragraphs[0].style.name == "Heading 1"
    run(["review", str(tender), "--show-waived", "-o", str(tmp_path / "w.docx")])
    waived = [c for c in _by_rule(comments(tmp_path / "w.docx"))["LOCAL001"]
              if c["text"].startswith("WAIVED")]
    assert [c["anchored"] for c in waived] == [LOCAL_B]
    assert "reviewed by legal" in waived[0]["text"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package: "
                    f"{'pandoc' if name == 'pandoc' else 'libreoffice-writer-nogui'}); "
                    "`make ci-deps` installs it")
    return path


def _soffice(tmp_path: Path, *args: str) -> None:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([_tool("soffice"), f"-env:UserInstallation={profile}", "--headless",
                    "--norestore", *args], check=True, capture_output=True, timeout=180,
                   cwd=tmp_path)


def _body_markdown() -> str:
    return MARKDOWN.split("---\n", 2)[2].replace(
        '<!-- svrules: disable=LOCAL001 reason="reviewed by legal: a statutory residence '
        'condition" -->\n', "")


def test_a_docx_made_by_pandoc_comes_back_with_comments_on_the_right_words(tmp_path):
    pandoc = _tool("pandoc")
    (tmp_path / "t.md").write_text(_body_markdown(), encoding="utf-8")
    subprocess.run([pandoc, "t.md", "-o", "pandoc.docx"], cwd=tmp_path, check=True, timeout=120)
    tender = tmp_path / "pandoc.docx"
    tender.write_bytes(replace_members(tender.read_bytes(), {
        "docProps/custom.xml": custom_properties_xml(PROPERTIES)}))
    res = run(["review", str(tender)])
    assert res.exit_code == 1, res.stderr
    found = _by_rule(comments(tmp_path / "pandoc.reviewed.docx"))
    assert sorted(c["anchored"] for c in found["LOCAL001"]) == sorted([LOCAL_A, LOCAL_B])
    assert [c["anchored"] for c in found["VER001"]] == [VAGUE]
    assert found["SUMMARY"][0]["anchored"] == "Home care services"


def test_a_docx_made_by_libreoffice_comes_back_with_comments_on_the_right_words(tmp_path):
    source = word_tender(tmp_path / "source.docx", properties=False)
    _soffice(tmp_path, "--convert-to", "odt", source.name)
    (tmp_path / "lo").mkdir()
    _soffice(tmp_path, "--convert-to", "docx:MS Word 2007 XML", "--outdir", "lo", "source.odt")
    tender = tmp_path / "lo" / "source.docx"
    tender.write_bytes(replace_members(tender.read_bytes(), {
        "docProps/custom.xml": custom_properties_xml(PROPERTIES)}))
    res = run(["review", str(tender)])
    assert res.exit_code == 1, res.stderr + res.stdout
    found = _by_rule(comments(tmp_path / "lo" / "source.reviewed.docx"))
    assert sorted(c["anchored"] for c in found["LOCAL001"]) == sorted([LOCAL_A, LOCAL_B])
    assert [c["anchored"] for c in found["VER001"]] == [VAGUE]
    assert any(c["author"] == "Reviewer A" for c in comments(tender))


def test_libreoffice_renders_the_reviewed_copy_with_its_comments(tmp_path):
    soffice = _tool("soffice")
    assert soffice
    tender = word_tender(tmp_path / "tender.docx")
    run(["review", str(tender)])
    _soffice(tmp_path, "--convert-to",
             'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
             "tender.reviewed.docx")
    from pypdf import PdfReader
    reader = PdfReader(str(tmp_path / "tender.reviewed.pdf"))
    page = reader.pages[0]
    text = " ".join(page.extract_text().split())
    assert "Home care and reablement services" in text and "head office in the borough" in text
    notes = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    contents = " ".join(str(n.get("/Contents", "")) for n in notes if n.get("/Subtype") == "/Text")
    assert "SVRULES SUMMARY" in contents and "LOCAL001" in contents and "Check the issue date" \
        in contents


def test_a_finding_in_the_footer_is_put_on_the_title_saying_where(tmp_path):
    """Word has no comments in headers and footers: the comment says where the words are."""
    tender = word_tender(tmp_path / "tender.docx")
    document = docx.Document(str(tender))
    document.sections[0].footer.paragraphs[0].text = LOCAL_A
    document.save(tender)
    tender.write_bytes(replace_members(tender.read_bytes(), {
        "docProps/custom.xml": custom_properties_xml(PROPERTIES)}))
    run(["review", str(tender)])
    local = _by_rule(comments(tmp_path / "tender.reviewed.docx"))["LOCAL001"]
    in_footer = [c for c in local if c["text"].split("\n")[2].startswith("In the footer: ")]
    assert len(in_footer) == 1 and LOCAL_A in in_footer[0]["text"]
    assert in_footer[0]["anchored"] == "Home care and reablement services"
    with zipfile.ZipFile(tmp_path / "tender.reviewed.docx") as z:
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
        assert footers and all(b"commentRangeStart" not in z.read(n) for n in footers)


def test_a_rendition_is_deterministic(tmp_path):
    tender = tmp_path / "t.md"
    tender.write_text(MARKDOWN, encoding="utf-8")
    run(["review", str(tender), "-o", str(tmp_path / "a.docx")])
    run(["review", str(tender), "-o", str(tmp_path / "b.docx")])
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_a_package_python_docx_cannot_open_gets_a_rendition_saying_so(tmp_path):
    """svrules reads the bare minimum of a Word package; python-docx wants more (content types):
    the reviewed file is then a rendition of the text, and its summary says so."""
    from .load.load_builders import minimal_docx, word_document_xml
    body = (f"<w:p><w:r><w:t>Home care</w:t></w:r></w:p>"
            f"<w:p><w:r><w:t>{LOCAL_A}</w:t></w:r></w:p>")
    tender = tmp_path / "bare.docx"
    tender.write_bytes(minimal_docx(word_document_xml(body)))
    res = run(["review", str(tender)])
    assert res.exit_code in (0, 1), res.stderr
    found = comments(tmp_path / "bare.reviewed.docx")
    assert "This is a rendition of the document's text" in found[0]["text"].split("\n")[1]
    assert LOCAL_A in [c["anchored"] for c in _by_rule(found).get("LOCAL001", [])]


def test_checking_the_folder_again_skips_the_reviewed_copy(tmp_path):
    tender = tmp_path / "t.md"
    tender.write_text(MARKDOWN, encoding="utf-8")
    run(["review", str(tender)])
    assert (tmp_path / "t.reviewed.docx").is_file()
    data = json.loads(run(["check", str(tmp_path), "--format", "json"]).stdout)
    assert [f["path"] for f in data["files"]] == [str(tmp_path / "t.md")]
    named = json.loads(run(["check", str(tmp_path / "t.reviewed.docx"), "--format", "json"]).stdout)
    assert named["files"][0]["findings"]                  # named explicitly, it is checked
