"""Structure-aware fuzz targets: each builds a *valid container* around the fuzzed part, so the
mutations reach the code past the container's checks (a valid zip holding a fuzzed XML part;
a tender whose front matter, sidecar or OCDS release is fuzzed; a waivers file, a baseline, a
rule file, a configuration).

`run_one(data)` needs no fuzzer: the first byte picks the target, the rest is its input, and
only the error type each stage documents may come out (`LoadError` from a document,
`SuppressError` from waivers and baselines, `RulePackError` from rule files, `ConfigError` from
a configuration). Anything else is a bug. `fuzz_structured.py` drives it with atheris;
`tests/hostile/test_hostile_fuzz.py` replays every input saved under `structured-regressions/`.
"""
from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

from svrules.check import Checker
from svrules.config import Config, ConfigError, load_config
from svrules.load import LoadError, load_document
from svrules.load.docx import parse_docx
from svrules.load.odt import parse_odt
from svrules.rulepack import RulePackError, load_pack, load_rule_file, load_sources
from svrules.suppress import SuppressError, load_baseline, load_waivers

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                 b'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                 b'ContentType="application/xml"/><Default Extension="rels" ContentType='
                 b'"application/vnd.openxmlformats-package.relationships+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        b'"word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
        b'</Relationships>')
DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p>'
            f'<w:r><w:t>Only local suppliers.</w:t></w:r></w:p></w:body></w:document>').encode()
CUSTOM = (b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlfor'
          b'mats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlform'
          b'ats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-'
          b'9397-08002B2CF9AE}" pid="2" name="nature"><vt:lpwstr>services</vt:lpwstr></property>'
          b'</Properties>')
ODT_CONTENT = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
               b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:'
               b'tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Only local '
               b'suppliers.</text:p></office:text></office:body></office:document-content>')
TENDER = "# Tender\n\nOnly local suppliers will be considered.\n"
_CHECKER: Checker | None = None


def _checker() -> Checker:
    global _CHECKER
    if _CHECKER is None:
        _CHECKER = Checker(load_pack(), Config(), engine="python")
    return _CHECKER


def docx_with(parts: dict[str, bytes]) -> bytes:
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
               "word/document.xml": DOCUMENT, "docProps/custom.xml": CUSTOM, **parts}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def odt_with(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _text(body: bytes) -> str:
    return body.decode("utf-8", "replace")


def _in_folder(files: dict[str, bytes], check) -> None:
    with tempfile.TemporaryDirectory(prefix="svrules-fuzz-") as folder:
        for name, data in files.items():
            Path(folder, name).write_bytes(data)
        check(Path(folder))


def _document(folder: Path, name: str = "t.md") -> None:
    doc = load_document(folder / name)
    _checker().check_document(doc)


def target_docx_document(body: bytes) -> None:
    parse_docx(docx_with({"word/document.xml": body}))


def target_docx_properties(body: bytes) -> None:
    parse_docx(docx_with({"docProps/custom.xml": body}))


def target_odt_content(body: bytes) -> None:
    parse_odt(odt_with(body))


def target_front_matter(body: bytes) -> None:
    _in_folder({"t.md": b"---\n" + body + b"\n---\n" + TENDER.encode()}, _document)


def target_sidecar(body: bytes) -> None:
    _in_folder({"t.md": TENDER.encode(), "t.svrules.yaml": body}, _document)


def target_ocds(body: bytes) -> None:
    _in_folder({"t.md": TENDER.encode(), "t.ocds.json": body}, _document)


def target_ocds_shaped(body: bytes) -> None:
    """A release whose fields hold whatever JSON values the bytes spell (numbers, nesting...)."""
    _in_folder({"t.md": TENDER.encode(), "t.ocds.json": json.dumps(
        {"ocid": "x", "tag": _value(body, 0), "date": _value(body, 1), "buyer": _value(body, 2),
         "parties": _value(body, 3), "tender": {"items": _value(body, 4), "value":
                                                _value(body, 5), "tenderPeriod":
                                                _value(body, 6), "lots": _value(body, 7)}},
        ensure_ascii=False).encode("utf-8", "surrogatepass")}, _document)


def _value(body: bytes, slot: int):
    """A JSON value from a slice of the input: the fields take odd shapes, not just odd text."""
    chunk = body[slot::8]
    if not chunk:
        return None
    kind, rest = chunk[0] % 7, chunk[1:]
    if kind == 0:
        return int.from_bytes(rest[:64] or b"\0", "big") * (-1 if chunk[0] & 8 else 1)
    if kind == 1:
        return [_value(rest, 0)] * (len(rest) % 4)
    if kind == 2:
        return {"name": _text(rest), "roles": _value(rest, 1), "id": _value(rest, 2)}
    if kind == 3:
        return _text(rest)
    if kind == 4:
        nested: object = _text(rest[:8])
        for _ in range(min(len(rest) * 40, 600)):     # json.dumps recurses; deeper: target_ocds
            nested = [nested]
        return nested
    if kind == 5:
        return float(int.from_bytes(rest[:4] or b"\0", "big")) / 7
    return bool(chunk[0] & 1)


def target_waivers(body: bytes) -> None:
    def check(folder: Path) -> None:
        try:
            load_waivers(folder / "w.yaml")
        except SuppressError:
            pass
    _in_folder({"w.yaml": body}, check)


def target_baseline(body: bytes) -> None:
    def check(folder: Path) -> None:
        try:
            load_baseline(folder / "b.json")
        except SuppressError:
            pass
    _in_folder({"b.json": body}, check)


def target_rule_file(body: bytes) -> None:
    def check(folder: Path) -> None:
        try:
            sources = load_sources(Path(__file__).resolve().parents[1] / "rules" / "sources.yaml")
            load_rule_file(folder / "x.yaml", sources)
            load_pack([folder])
        except RulePackError:
            pass
    _in_folder({"x.yaml": body}, check)


def target_config(body: bytes) -> None:
    def check(folder: Path) -> None:
        try:
            load_config(folder / "svrules.toml").load_limits()
        except ConfigError:
            pass
    _in_folder({"svrules.toml": body}, check)


TARGETS = [target_docx_document, target_docx_properties, target_odt_content,
           target_front_matter, target_sidecar, target_ocds, target_ocds_shaped, target_waivers,
           target_baseline, target_rule_file, target_config]

SEEDS = {
    target_docx_document: DOCUMENT, target_docx_properties: CUSTOM,
    target_odt_content: ODT_CONTENT,
    target_front_matter: b"nature: services\nvalue: 250000\nvat: exclusive\n",
    target_sidecar: b"nature: services\nprocurement_start: 2026-05-11\n",
    target_ocds: b'{"ocid": "x", "tag": ["tender"], "date": "2026-01-02", "tender": {"value": '
                 b'{"amount": 250000, "currency": "GBP"}, "items": [{"classification": '
                 b'{"scheme": "CPV", "id": "85000000"}}]}}',
    target_ocds_shaped: bytes(range(64)),
    target_waivers: b"waivers:\n- fingerprint: abc\n  rule: LOCAL001\n  reason: reviewed\n"
                    b"  reviewer: me\n  date: 2026-01-02\n",
    target_baseline: b'{"tool": "svrules", "baseline": 1, "findings": [{"path": "t.md", '
                     b'"rule": "LOCAL001", "fingerprint": "abc"}]}',
    target_rule_file: (Path(__file__).resolve().parents[1] / "rules" / "verifiable.yaml")
    .read_bytes()[:4000],
    target_config: b'fail-on = "warning"\nexclude = ["drafts"]\n[limits]\nmax-file-mb = 10\n',
}


def run_one(data: bytes) -> None:
    if not data:
        return
    target = TARGETS[data[0] % len(TARGETS)]
    try:
        target(data[1:])
    except LoadError:
        pass


def seeds() -> dict[str, bytes]:
    return {t.__name__: bytes([TARGETS.index(t)]) + SEEDS[t] for t in TARGETS}
