"""One bad file never ends the run: each is that file's clear error (exit 2), every other file
is still checked and reported; a bad pack, configuration, waivers or baseline file is one
clear error naming the file and the key."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from load_builders import minimal_docx, odt_bytes, odt_content, word_document_xml
from tests.conftest import run_cli

GOOD = ("---\nnature: services\nvalue: 5000000\nvat: exclusive\nprocurement_start: 2026-05-11\n"
        "authority_kind: sub_central\n---\n# Tender\n\nOnly local suppliers will be considered.\n")
DEEP_JSON = '{"ocid": "x", "tender": ' + "[" * 5000 + "]" * 5000 + "}"


def _docx_encoding(encoding: str) -> bytes:
    xml = word_document_xml("<w:p><w:r><w:t>Only local suppliers.</w:t></w:r></w:p>")
    xml = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return minimal_docx(f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + xml)


def _odt_encoding(encoding: str) -> bytes:
    xml = odt_content("<text:p>Only local suppliers.</text:p>")
    xml = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return odt_bytes(f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + xml)


# name -> (files to write beside the good tender, the file whose error is expected, words in it)
CASES = {
    "docx-unknown-encoding": ({"bad.docx": _docx_encoding("x-nonexistent")}, "bad.docx", "encoding"),
    "docx-utf7": ({"bad.docx": _docx_encoding("utf-7")}, "bad.docx", "encoding"),
    "odt-unknown-encoding": ({"bad.odt": _odt_encoding("x-nonexistent")}, "bad.odt", "encoding"),
    "ocds-tag-number": ({"bad.md": GOOD, "bad.ocds.json": '{"ocid": "x", "tag": 5, "date": "2026-01-01"}'},
                        None, None),
    "ocds-items-number": ({"bad.md": GOOD, "bad.ocds.json": '{"ocid": "x", "tender": {"items": 7}}'},
                          None, None),
    "ocds-parties-roles-number": ({"bad.md": GOOD, "bad.ocds.json":
                                   '{"ocid": "x", "parties": 3}'}, None, None),
    "ocds-roles-number": ({"bad.md": GOOD, "bad.ocds.json":
                           '{"ocid": "x", "parties": [{"roles": 4, "name": "x"}]}'}, None, None),
    "ocds-deep": ({"bad.md": GOOD, "bad.ocds.json": DEEP_JSON}, "bad.md", "nested"),
    "ocds-5000-digits": ({"bad.md": GOOD, "bad.ocds.json":
                          '{"ocid": "x", "tender": {"value": {"amount": ' + "9" * 5000 + "}}}"},
                         "bad.md", "thousands of digits"),
    "ocds-too-big-for-float": ({"bad.md": GOOD.replace("value: 5000000\nvat: exclusive\n", ""),
                                "bad.ocds.json": '{"ocid": "x", "tender": {"value": {"amount": '
                                + "9" * 400 + "}}}"}, None, None),
    "ocds-lone-surrogate": ({"bad.md": GOOD, "bad.ocds.json":
                             '{"ocid": "x", "tender": {"title": "\\ud800"}}'}, "bad.md", "surrogate"),
    "front-matter-deep": ({"bad.md": "---\nx: " + "[" * 1000 + "]" * 1000 + "\n---\nText.\n"},
                          "bad.md", "nested"),
    "sidecar-deep": ({"bad.md": "# T\n\nText.\n", "bad.svrules.yaml": "x: " + "[" * 1000 + "]" * 1000},
                     "bad.md", "nested"),
    "front-matter-5000-digits": ({"bad.md": "---\nvalue: " + "9" * 5000 + "\n---\nText.\n"},
                                 "bad.md", "thousands of digits"),
    "front-matter-inf": ({"bad.md": "---\nvalue: .inf\nvat: exclusive\n---\nText.\n"},
                         "bad.md", "finite"),
    "utf16-text": ({"bad.txt": "Only local suppliers.\n".encode("utf-16")}, "bad.txt", "UTF-16"),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_file_is_its_own_error_and_the_others_are_reported(tmp_path, name, jobs):
    files, bad, words = CASES[name]
    (tmp_path / "good.md").write_text(GOOD)
    for file, content in files.items():
        target = tmp_path / file
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content)
    result = run_cli("check", "--format", "json", "--jobs", jobs, str(tmp_path))
    data = json.loads(result.output)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["good.md"]["errors"] == [] and by_name["good.md"]["findings"]
    if bad is None:                      # an oddity the reader ignores: the file is checked
        assert result.exit_code == 1, result.output
        assert all(not f["errors"] for f in data["files"])
        return
    assert result.exit_code == 2, result.output
    error = by_name[bad]["errors"][0]
    assert error["kind"] != "internal" and words in error["message"], error


def test_an_unexpected_exception_is_that_files_internal_error_and_the_rest_are_reported(
        tmp_path, monkeypatch):
    from svrules import check as check_module
    real = check_module.Checker.check_document

    def explode_on_b(self, doc):
        if doc.path.endswith("b.md"):
            raise RuntimeError("boom")
        return real(self, doc)
    monkeypatch.setattr(check_module.Checker, "check_document", explode_on_b)
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(GOOD)
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path))
    assert result.exit_code == 3
    assert "b.md: internal error: RuntimeError: boom" in result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["a.md"]["findings"] and files["c.md"]["findings"]
    assert files["b.md"]["errors"][0]["kind"] == "internal"
    assert "RuntimeError: boom" in files["b.md"]["errors"][0]["message"]


def _pack(folder: Path, rule_text: str, name: str = "extra.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(rule_text)
    return folder


@pytest.mark.parametrize("content,words", [
    ("rules: []\nx: 2026-02-30\n", "date that does not exist"),
    ("rules: []\nx: " + "9" * 5000 + "\n", "thousands of digits"),
    ("rules: " + "[" * 1000 + "]" * 1000 + "\n", "nest"),
])
def test_a_bad_rule_pack_is_one_clear_error_naming_the_file(tmp_path, content, words):
    pack = _pack(tmp_path / "pack", content)
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--rules", str(pack), str(tmp_path / "t.md"))
    assert result.exit_code == 2
    assert "extra.yaml" in result.output and words in result.output
    assert "internal error" not in result.output


def test_a_folder_named_like_a_rule_file_is_a_clear_error(tmp_path):
    pack = tmp_path / "pack"
    (pack / "x.yaml").mkdir(parents=True)
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--rules", str(pack), str(tmp_path / "t.md"))
    assert result.exit_code == 2 and "x.yaml" in result.output and "folder" in result.output


@pytest.mark.parametrize("content,words", [
    ("waivers:\n- fingerprint: abc\n  rule: LOCAL001\n  reason: r\n  reviewer: me\n"
     "  date: 2026-02-30\n", "date that does not exist"),
    ("waivers: " + "[" * 1000 + "]" * 1000 + "\n", "nest"),
    ("waivers:\n- fingerprint: " + "9" * 5000 + "\n", "thousands of digits"),
])
def test_a_bad_waivers_file_is_one_clear_error(tmp_path, content, words):
    (tmp_path / "w.yaml").write_text(content)
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--waivers", str(tmp_path / "w.yaml"), str(tmp_path / "t.md"))
    assert result.exit_code == 2 and "w.yaml" in result.output and words in result.output


def test_a_deeply_nested_baseline_is_one_clear_error(tmp_path):
    (tmp_path / "b.json").write_text('{"findings": ' + "[" * 5000 + "]" * 5000 + "}")
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--baseline", str(tmp_path / "b.json"), str(tmp_path / "t.md"))
    assert result.exit_code == 2 and "b.json" in result.output and "nested" in result.output


@pytest.mark.parametrize("content,words", [
    ("fail-on = " + "9" * 5000 + "\n", "thousands of digits"),
    ("exclude = " + "[" * 1000 + "]" * 1000 + "\n", "nest"),
])
def test_a_bad_configuration_is_one_clear_error(tmp_path, content, words):
    (tmp_path / "svrules.toml").write_text(content)
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--config", str(tmp_path / "svrules.toml"), str(tmp_path / "t.md"))
    assert result.exit_code == 2 and "svrules.toml" in result.output and words in result.output


def test_a_worker_that_dies_loses_only_its_files(tmp_path):
    import os
    import subprocess
    import sys
    for name in ("a.md", "b.md", "c.md", "d.md"):
        (tmp_path / name).write_text(GOOD)
    run = subprocess.run([sys.executable, "-m", "svrules", "check", "--format", "json",
                          "--jobs", "2", str(tmp_path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "SVRULES_TEST_CRASH_ON": "b.md"})
    assert run.returncode == 3 and "worker process died" in run.stderr
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    assert files["b.md"]["errors"][0]["kind"] == "internal"
    checked = [name for name, f in files.items() if f["findings"] and not f["errors"]]
    assert "a.md" in checked and "d.md" in checked


def test_a_configuration_that_is_a_fifo_is_an_error_not_skipped(tmp_path):
    import os
    os.mkfifo(tmp_path / "svrules.toml")
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", str(tmp_path / "t.md"))
    assert result.exit_code == 2 and "svrules.toml" in result.output


def test_an_ocds_amount_too_large_for_a_float_is_a_warning_not_a_value(tmp_path):
    (tmp_path / "t.md").write_text("# T\n\nText.\n")
    (tmp_path / "t.ocds.json").write_text('{"ocid": "x", "tender": {"value": {"amount": '
                                          + "9" * 400 + ', "currency": "GBP"}}}')
    data = json.loads(run_cli("check", "--format", "json", str(tmp_path / "t.md")).output)
    file = data["files"][0]
    assert not file["errors"]
    assert any("not a finite" in w for w in file["warnings"]), file["warnings"]
