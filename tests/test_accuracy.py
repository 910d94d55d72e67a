"""The rules' precision and recall on the labelled corpus never fall below the recorded figures
(bench/accuracy.json, written by `python bench/accuracy.py`), nor below the issue's targets."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(accuracy)

RESULTS = accuracy.run("python")
RECORDED = json.loads((ROOT / "bench" / "accuracy.json").read_text())


@pytest.mark.parametrize("category", sorted(RECORDED))
def test_not_below_recorded(category):
    got, want = RESULTS[category], RECORDED[category]
    assert got["precision"] >= want["precision"], (category, got["errors"])
    assert got["recall"] >= want["recall"], (category, got["errors"])


@pytest.mark.parametrize("category", sorted(RECORDED))
def test_meets_issue_targets(category):
    precision, recall = accuracy.TARGETS.get(category.split("-", 1)[0], accuracy.DEFAULT_TARGET)
    assert RESULTS[category]["precision"] >= precision
    assert RESULTS[category]["recall"] >= recall


def test_every_category_is_measured():
    assert {name.split("-", 1)[0] for name in RESULTS} == {"local", "verifiable", "relevance", "proportionality", "evaluation",
                            "process"}
