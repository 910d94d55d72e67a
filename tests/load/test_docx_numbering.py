"""Word's automatic numbering: the clause numbers a reader sees ("2.1.1") though the text has
none, on the blocks and in the heading path, so a finding can say "clause 2.1.1"."""
from __future__ import annotations

import pytest

from load_builders import W_NS, minimal_docx, word_document_xml
from svrules.load.docx import parse_docx
from svrules.load.numbering import WordNumbering, _trimmed, clause_of, formatted
from svrules.load.xmlsafe import parse_xml

RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="numbering.xml"/></Relationships>').encode()


def _styles() -> bytes:
    def heading(n: int) -> str:
        return (f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
                f'<w:pPr><w:numPr><w:ilvl w:val="{n - 1}"/><w:numId w:val="1"/></w:numPr>'
                f'</w:pPr></w:style>')
    return (f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}">{heading(1)}{heading(2)}'
            f'</w:styles>').encode()


def _numbering() -> bytes:
    def lvl(i: int, fmt: str, text: str) -> str:
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl>')
    return (f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0">{lvl(0, "decimal", "%1.")}'
            f'{lvl(1, "decimal", "%1.%2")}{lvl(2, "decimal", "%1.%2.%3")}'
            f'{lvl(3, "lowerLetter", "(%4)")}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="1">{lvl(0, "bullet", "•")}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            f'<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            f'</w:numbering>').encode()


def _p(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


LOCAL = "The Contractor must be a local business based within 20 miles of the Council offices."


def numbered_docx() -> bytes:
    body = "".join([
        _p("Scope", "Heading1"),
        _p("The Council needs grounds maintenance."),
        _p("Requirements", "Heading1"),
        _p("Social value", "Heading2"),
        _p(LOCAL, num=(1, 2)),
        _p("Apprenticeships for residents", num=(1, 3)),
        _p("A bullet point", num=(2, 0)),
        _p("Evaluation", "Heading2"),
    ])
    return minimal_docx(word_document_xml(body), {"word/_rels/document.xml.rels": RELS,
                                                  "word/styles.xml": _styles(),
                                                  "word/numbering.xml": _numbering()})


@pytest.fixture(scope="module")
def blocks():
    return {b.text: b for b in parse_docx(numbered_docx()).blocks}


def test_numbered_headings_and_paragraphs_get_word_s_numbers(blocks):
    assert blocks["Scope"].location.clause == "1"
    assert blocks["Requirements"].location.clause == "2"
    assert blocks["Social value"].location.clause == "2.1"
    assert blocks[LOCAL].location.clause == "2.1.1"
    assert blocks["Apprenticeships for residents"].location.clause == "a"
    assert blocks["A bullet point"].location.clause is None          # bullets have no number
    assert blocks["Evaluation"].location.clause == "2.2"              # deeper levels restart
    assert blocks["The Council needs grounds maintenance."].location.clause is None


def test_the_heading_path_reads_as_the_document_shows_it(blocks):
    assert blocks[LOCAL].section == ("2. Requirements", "2.1 Social value")
    assert blocks["Social value"].text == "Social value"        # the text itself is unchanged


def test_a_finding_says_the_clause(tmp_path):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from helpers import run
    (tmp_path / "spec.docx").write_bytes(numbered_docx())
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    out = run(["check", "--format", "concise", "spec.docx"], tmp_path,
              {"SVRULES_TODAY": "2026-01-01"}).stdout
    line = next(x for x in out.splitlines() if "LOCAL001" in x)
    assert line.startswith("spec.docx:¶5 (clause 2.1.1): LOCAL001")
    assert line.endswith("(in: 2. Requirements > 2.1 Social value)")


def test_start_override_restarts_a_list_instance():
    xml = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
           f'<w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
           f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           f'<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
           f'<w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>').encode()
    numbering = WordNumbering.from_xml(parse_xml(xml, "numbering.xml"))
    assert [numbering.next("1", 0) for _ in range(4)] == ["I.", "II.", "III.", "IV."]
    assert numbering.next("2", 0) == "I."         # restarted by the override
    assert numbering.next("1", 0) == "II."        # the counters are shared: Word continues
    assert clause_of("II.") == "II"
    assert numbering.next("9", 0) is None and numbering.next(None, 0) is None


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "decimal", "1"), (3, "decimalZero", "03"), (2, "lowerLetter", "b"),
    (27, "lowerLetter", "aa"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (1, "bullet", None), (5, "chineseCounting", None)])
def test_formats(n, fmt, shown):
    assert formatted(n, fmt) == shown


@pytest.mark.parametrize("text, shown", [
    ("4.2.", "4.2"), ("(a)", "a"), ("3(b)", "3(b)"), ("iv)", "iv"), ("Clause 7:", "Clause 7"),
    ("  ", None)])
def test_trailing_punctuation(text, shown):
    assert _trimmed(text) == shown


PANDOC_MD = f"""# Requirements

The Council needs grounds maintenance.

1. {LOCAL}
2. Preference will be given to suppliers with a head office in the borough.
"""


def _clauses_of(path) -> dict[str, str | None]:
    from svrules.load import load_document
    return {b.text: b.location.clause for b in load_document(path).blocks}


def test_word_files_made_by_pandoc_and_by_libreoffice_keep_their_list_numbers(tmp_path):
    """Two writers that number lists with numbering.xml, not typed numbers (skipped where the
    machine has neither)."""
    import shutil
    import subprocess
    pandoc, soffice = shutil.which("pandoc"), shutil.which("soffice")
    if pandoc is None:
        pytest.skip("pandoc is not installed (Debian package pandoc)")
    (tmp_path / "t.md").write_text(PANDOC_MD, "utf-8")
    subprocess.run([pandoc, "t.md", "-o", "pandoc.docx"], cwd=tmp_path, check=True, timeout=120)
    made = {"pandoc": tmp_path / "pandoc.docx"}
    if soffice is not None:
        out = tmp_path / "lo"
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                        str(made["pandoc"])], capture_output=True, timeout=300)
        if (out / "pandoc.docx").is_file():
            made["libreoffice"] = out / "pandoc.docx"
    for writer, path in made.items():
        clauses = _clauses_of(path)
        assert clauses[LOCAL] == "1", writer
        assert clauses["Preference will be given to suppliers with a head office in the "
                       "borough."] == "2", writer
        assert clauses["The Council needs grounds maintenance."] is None, writer
    if "libreoffice" not in made:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer): "
                    "only the pandoc file was checked")
