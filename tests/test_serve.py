"""`svrules serve` without a browser: the routes, the facts form, downloads, limits, isolation.

Starlette's test client drives the real application (the same `create_app` the command runs).
"""
from __future__ import annotations

import base64
import json
import re
import tempfile
import threading
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed")
pytest.importorskip("multipart", reason="the serve extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from svrules import __version__
from svrules.config import Config
from svrules.law.data import load_lawbook
from svrules.rulepack import load_pack
from svrules.serve.app import create_app, safe_name

from .docx_comments import comments
from .word_tenders import LOCAL_A, LOCAL_B, VAGUE, word_tender

ROOT = Path(__file__).resolve().parents[1]
PASTED = (f"# Grounds maintenance\n\nThe estimated contract value is £480,000 excluding VAT.\n\n"
          f"{LOCAL_A}\n\n{VAGUE}\n")


@pytest.fixture(scope="module")
def client():
    app = create_app(Config(), load_pack(), load_lawbook(), __version__, str(ROOT / "examples"))
    with TestClient(app) as c:
        yield c


def _verdicts(html: str) -> list[str]:
    return re.findall(r'class="verdict-word">([^<]*)<', html)


def _marks(html: str) -> list[str]:
    return re.findall(r"<mark[^>]*>([^<]*)</mark>", html)


def _form(html: str, index: int = 0) -> dict[str, str]:
    """The hidden and pre-filled fields of the index-th facts form, as a browser would send."""
    form = re.findall(r'<form class="facts".*?</form>', html, re.S)[index]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    for name, value in re.findall(r'<input id="[^"]+" name="([^"]+)" type="[^"]+"'
                                  r'(?: inputmode="decimal")? value="([^"]*)"', form):
        data[name] = value
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        data[name] = chosen.group(1) if chosen else ""
    return {k: v.replace("&amp;", "&").replace("&#34;", '"').replace("&#39;", "'")
            for k, v in data.items()}


def test_upload_page_is_self_contained_and_safe(client):
    r = client.get("/")
    assert r.status_code == 200
    assert 'type="file"' in r.text and "multiple" in r.text and "<textarea" in r.text
    assert not re.search(r'(src|href)="(https?:)?//', r.text)        # nothing from elsewhere
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "homecare-services-problems.md" in r.text                  # the examples folder
    css = client.get("/static/style.css").text
    assert "@import" not in css and "url(" not in css


def test_several_uploads_and_pasted_text_each_get_their_own_result(client, tmp_path):
    tender = word_tender(tmp_path / "tender.docx")
    r = client.post("/check", files=[
        ("files", ("tender.docx", tender.read_bytes(), "application/octet-stream")),
        ("files", ("broken.pdf", b"%PDF-1.7 this is not a PDF at all", "application/pdf")),
        ("files", ("../../etc/evil.exe", b"MZ", "application/octet-stream"))],
        data={"text": PASTED})
    assert r.status_code == 200
    names = re.findall(r'<h2 id="d\d+-h">([^<]*)</h2>', r.text)
    assert names == ["tender.docx", "broken.pdf", "evil.exe", "pasted-text.md"]
    assert "svrules could not read broken.pdf" in r.text
    assert "cannot read this kind of file" in r.text
    assert _verdicts(r.text) == ["applies", "unknown"]          # docx has properties; text not
    assert LOCAL_A in _marks(r.text) and LOCAL_B in _marks(r.text)
    assert "read from the text, line 3" in r.text                  # the pasted value
    assert "Traceback" not in r.text


def test_the_facts_form_updates_the_verdict_and_says_where_a_fact_was_read(client, tmp_path):
    tender = word_tender(tmp_path / "tender.docx", properties=False)
    r = client.post("/check", files=[("files", ("tender.docx", tender.read_bytes(), "x"))])
    assert _verdicts(r.text) == ["unknown"]
    form = _form(r.text)
    assert form["filename"] == "tender.docx" and base64.b64decode(form["payload"]) == \
        tender.read_bytes()
    form.update({"fact_authority_kind": "sub_central", "fact_procurement_start": "2026-05-11",
                 "fact_nature": "services", "fact_value": "4,800,000", "fact_vat": "exclusive"})
    r2 = client.post("/check", data=form)
    assert _verdicts(r2.text) == ["applies"]
    assert "the web form" in r2.text
    # a fact given wrongly is said plainly, and the document is still shown
    form["fact_value"] = "lots"
    r3 = client.post("/check", data=form)
    assert "The facts were not used" in r3.text and "is not a number" in r3.text


def test_downloads_carry_the_same_findings(client, tmp_path):
    tender = word_tender(tmp_path / "tender.docx")
    form = _form(client.post("/check", files=[("files", ("tender.docx", tender.read_bytes(),
                                                          "x"))]).text)
    got = {}
    for fmt in ("docx", "sarif", "json", "html"):
        r = client.post("/download", data={**form, "format": fmt})
        assert r.status_code == 200, r.text
        assert "attachment" in r.headers["content-disposition"]
        got[fmt] = r.content
    (tmp_path / "r.docx").write_bytes(got["docx"])
    anchored = [c["anchored"] for c in comments(tmp_path / "r.docx")]
    assert LOCAL_A in anchored and LOCAL_B in anchored
    rules = {f["rule"] for f in json.loads(got["json"])["files"][0]["findings"]}
    sarif = {r["ruleId"] for r in json.loads(got["sarif"])["runs"][0]["results"]}
    assert "LOCAL001" in rules and rules <= sarif | {"SUPP001", "SUPP002"}
    assert b"LOCAL001" in got["html"]
    assert client.post("/download", data={**form, "format": "exe"}).status_code == 400


def test_nothing_is_kept_and_limits_hold(client, tmp_path, monkeypatch):
    before = set(Path(tempfile.gettempdir()).glob("svrules-serve-*"))
    client.post("/check", data={"text": PASTED})
    assert set(Path(tempfile.gettempdir()).glob("svrules-serve-*")) == before
    r = client.post("/check", data={"payload": "not base64!!", "filename": "a.md"})
    assert r.status_code == 400 and "damaged" in r.text
    assert client.post("/check", data={}).status_code == 400
    assert client.get("/explain/LOCAL001").status_code == 200
    assert "Why" in client.get("/explain/local001").text
    assert client.get("/explain/NOPE999").status_code == 404
    # another site's page cannot post to it from the user's browser
    r = client.post("/check", data={"text": PASTED}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    ok = client.post("/check", data={"text": PASTED}, headers={"origin": "http://testserver"})
    assert ok.status_code == 200


def test_a_file_over_the_limit_is_refused_with_a_message(tmp_path):
    app = create_app(Config(limits={"max-file-mb": 0.001}), load_pack(), load_lawbook(),
                     __version__)
    with TestClient(app) as c:
        r = c.post("/check", files=[("files", ("big.md", b"# T\n" + b"x" * 5000, "text/plain"))])
    assert "larger than the limit" in r.text


def test_uploads_at_the_same_time_are_not_mixed(client):
    texts = {f"t{i}.md": f"# Tender {i}\n\nThe contract is for services.\n\n"
                         + (LOCAL_A if i % 2 else VAGUE) + "\n" for i in range(8)}
    results: dict[str, str] = {}

    def post(name: str) -> None:
        results[name] = client.post("/check", files=[("files", (name, texts[name].encode(),
                                                                "text/plain"))]).text

    threads = [threading.Thread(target=post, args=(n,)) for n in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, html in results.items():
        i = int(name[1])
        assert f"Tender {i}" in html and f"Tender {i + 1}" not in html
        assert _marks(html) == [LOCAL_A if i % 2 else VAGUE]


def test_safe_name():
    assert safe_name("../../a/b\\c.docx") == "c.docx"
    assert safe_name("\x00\u202e.md") == "md"
    assert safe_name("") == "tender.txt"
