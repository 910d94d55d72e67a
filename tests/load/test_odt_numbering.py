"""OpenDocument numbering: list items and outline-numbered headings get the number LibreOffice
shows, as the clause of their text and in the heading path."""
from __future__ import annotations

from load_builders import ODT_NS, odt_bytes
from svrules.load.odt import parse_odt

LOCAL = "The Contractor must be a local business based within 20 miles of the Council offices."
STYLES = (f'<?xml version="1.0"?><office:document-styles {ODT_NS}><office:styles>'
          '<text:outline-style style:name="Outline">'
          '<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>'
          '<text:outline-level-style text:level="2" style:num-format="1" '
          'text:display-levels="2"/></text:outline-style>'
          '<text:list-style style:name="L1">'
          '<text:list-level-style-number text:level="1" style:num-format="a" '
          'style:num-prefix="(" style:num-suffix=")"/>'
          '<text:list-level-style-number text:level="2" style:num-format="i" '
          'style:num-suffix="."/></text:list-style>'
          '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" '
          'text:bullet-char="•"/></text:list-style>'
          '</office:styles></office:document-styles>').encode()


def _content(body: str) -> bytes:
    return (f'<?xml version="1.0"?><office:document-content {ODT_NS}><office:body><office:text>'
            f'{body}</office:text></office:body></office:document-content>').encode()


def _item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


BODY = (
    '<text:h text:outline-level="1">Scope</text:h>'
    '<text:h text:outline-level="1">Requirements</text:h>'
    '<text:h text:outline-level="2">Social value</text:h>'
    f'<text:list text:style-name="L1">{_item(LOCAL)}'
    f'{_item("Apprenticeships", "<text:list>" + _item("for residents") + "</text:list>")}'
    '</text:list>'
    f'<text:list text:style-name="B1">{_item("A bullet")}</text:list>'
    f'<text:list text:style-name="L1">{_item("A new list")}</text:list>'
    f'<text:list text:style-name="L1" text:continue-numbering="true">{_item("Continued")}'
    '</text:list>'
)


def test_lists_and_outline_headings_are_numbered_as_libreoffice_shows_them():
    blocks = {b.text: b for b in parse_odt(odt_bytes(_content(BODY), STYLES)).blocks}
    assert blocks["Scope"].location.clause == "1"
    assert blocks["Social value"].location.clause == "2.1"
    assert blocks[LOCAL].location.clause == "a"
    assert blocks[LOCAL].section == ("2. Requirements", "2.1 Social value")
    assert blocks["Apprenticeships"].location.clause == "b"
    assert blocks["for residents"].location.clause == "i"
    assert blocks["A bullet"].location.clause is None
    assert blocks["A new list"].location.clause == "a"            # a new list restarts
    assert blocks["Continued"].location.clause == "b"             # unless it continues


def test_without_numbering_styles_nothing_is_numbered():
    blocks = parse_odt(odt_bytes(_content(BODY))).blocks
    assert all(b.location.clause is None for b in blocks)
    assert next(b for b in blocks if b.text == LOCAL).section == ("Requirements", "Social value")
