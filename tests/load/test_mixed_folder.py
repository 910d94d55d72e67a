"""Done-when for issue 5: a folder mixing every format with every hostile file finishes,
reports each broken file with the right kind, and checks the rest."""
from __future__ import annotations

import re

import pytest

from safety_helpers import cli, per_file
from tender_formats import build_mixed_folder


@pytest.mark.timeout(300)
def test_mixed_folder_finishes_reports_each_broken_file_and_checks_the_rest(tmp_path):
    expected = build_mixed_folder(tmp_path / "mixed")
    result = cli(["check", "--format", "json", "."], tmp_path / "mixed")
    assert result.exit_code == 2
    files = per_file(result.stdout)
    assert set(files) == set(expected)
    broken = {name: list(f["errors"]) for name, f in files.items() if f["errors"]}
    assert broken == {name: [kind] for name, kind in expected.items() if kind}
    for name, kind in expected.items():
        if kind is None:
            assert files[name]["findings"], f"{name} was not checked"
        else:
            assert files[name]["errors"][kind].strip(), f"{name}: no message"
    # every good tender is the same text: the same rules fire in each format
    reference = files["tender-md.md"]["findings"]
    for name in ("tender-txt.txt", "tender-docx.docx", "tender-pdf.pdf", "tender-odt.odt",
                 "tender-html.html", "unknown-keys.md", "cp1252.txt"):
        assert files[name]["findings"] == reference, name
    assert any("Windows-1252" in w for w in files["cp1252.txt"]["warnings"])
    assert any("layout, owner" in w for w in files["unknown-keys.md"]["warnings"])
    # the error summary in text output names every broken file with its kind
    text = cli(["check", "."], tmp_path / "mixed").stdout
    for name, kind in expected.items():
        if kind:
            assert re.search(rf"^{re.escape(name)}(:\d+)?: error \[{kind}\] \w", text, re.M), name
