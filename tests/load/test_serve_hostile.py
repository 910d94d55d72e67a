"""The web page meets the same hostile files as the command line: each gets its own clear
message (or, when readable, its result), in one response, and the review of a readable one
still works; nothing is written where the upload's name points."""
from __future__ import annotations

import re
import warnings

import pytest

from tender_formats import hostile_files

pytest.importorskip("starlette", reason="the serve extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from svrules import __version__  # noqa: E402
from svrules.config import Config  # noqa: E402
from svrules.law.data import load_lawbook  # noqa: E402
from svrules.rulepack import load_pack  # noqa: E402
from svrules.serve.app import create_app  # noqa: E402


def test_hostile_uploads_each_get_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = hostile_files()
    app = create_app(Config(), load_pack(), load_lawbook(), __version__)
    with TestClient(app) as client:
        r = client.post("/check", files=[("files", (name, data, "application/octet-stream"))
                                         for name, (data, _) in files.items()])
    assert r.status_code == 200
    sections = re.split(r'<section class="file"', r.text)[1:]
    assert len(sections) == len(files)
    for (name, (_, kind)), html in zip(files.items(), sections):
        assert f">{name}</h2>" in html
        if kind is None:
            assert 'class="verdict-word"' in html, name
        else:
            assert f"svrules could not read {name}" in html, name
    assert "Traceback" not in r.text
    assert not (tmp_path / "pwned").exists() and not list(tmp_path.iterdir())
