"""durable-rules and the plain-Python evaluator give identical findings on every corpus case and
example tender, run one after another in one process (so no state leaks between documents)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from svrules.check import Checker
from svrules.config import Config
from svrules.load import document_from_text, load_document
from svrules.rulepack import load_pack

ROOT = Path(__file__).resolve().parents[1]


CORPUS = ROOT / "tests" / "corpus"
# The corpus in parts (one per category, and the example tenders), so that the suite's workers
# share the long comparisons below.
GROUPS = sorted({path.stem.split("-")[0] for path in CORPUS.glob("*.yaml")}) + ["examples"]


def _documents(group: str | None = None):
    """Every corpus case as a one-clause document, then the example tenders; or one group."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    accuracy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(accuracy)
    for path in sorted(CORPUS.glob("*.yaml")):
        if group not in (None, path.stem.split("-")[0]):
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield document_from_text(accuracy.text_for(case), accuracy.meta_for(case), case["id"])
    for path in sorted((ROOT / "examples").glob("*.md")):
        if group not in (None, "examples"):
            break
        yield load_document(path, str(path.name))


def least(group: str) -> int:
    """How many documents a group has at the least: a category file that fails to load fails."""
    return 3 if group == "examples" else 50


@pytest.fixture(scope="module")
def checkers():
    pack = load_pack()
    return Checker(pack, Config(), engine="durable"), Checker(pack, Config(), engine="python")


@pytest.mark.parametrize("group", GROUPS)
def test_engines_agree_on_corpus_and_examples(group, checkers):
    durable, python = checkers
    compared = 0
    for doc in _documents(group):
        analysis = python.analyse(doc)
        assert durable.match(analysis) == python.match(analysis), doc.path
        compared += 1
    assert compared >= least(group)
