"""durable-rules and the plain-Python evaluator give identical findings on every corpus case and
example tender, run one after another in one process (so no state leaks between documents)."""
from __future__ import annotations

from pathlib import Path

import yaml

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text, load_document
from svrules.rulepack import load_pack

ROOT = Path(__file__).resolve().parents[1]


def _documents():
    import importlib.util
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    accuracy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(accuracy)
    for path in sorted((ROOT / "tests" / "corpus").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield document_from_text(accuracy.text_for(case), accuracy.meta_for(case), case["id"])
    for path in sorted((ROOT / "examples").glob("*.md")):
        yield load_document(path, str(path.name))


def test_engines_agree_on_corpus_and_examples():
    pack = load_pack()
    durable = Checker(pack, Config(), engine="durable")
    python = Checker(pack, Config(), engine="python")
    compared = 0
    for doc in _documents():
        analysis = python.analyse(doc)
        assert durable.match(analysis) == python.match(analysis), doc.path
        compared += 1
    assert compared > 300
