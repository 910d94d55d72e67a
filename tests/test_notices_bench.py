"""The real-notice benchmark (bench/notices.py) never falls below its recorded figures
(bench/notices.json). Skipped when ../shared/data is not there (a fresh clone elsewhere)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("notices_bench", ROOT / "bench" / "notices.py")
notices = importlib.util.module_from_spec(spec)
spec.loader.exec_module(notices)

pytestmark = pytest.mark.skipif(not notices.DATA.is_file(),
                                reason=f"no real notices at {notices.DATA}")


@pytest.fixture(scope="module")
def shares():
    return notices.summary(notices.run())


def test_not_below_recorded_figures(shares):
    recorded = json.loads(notices.FIGURES.read_text())
    assert notices.below(shares, recorded) == []


def test_every_portal_and_mode_is_measured(shares):
    assert set(shares) == {"prose", "sidecar"}
    for groups in shares.values():
        assert {"all", "Contracts Finder", "Public Contracts Scotland", "Sell2Wales"} <= set(groups)


def test_a_placeholder_value_is_right_only_when_no_value_is_read():
    truth = {"value": 0.01, "value_placeholder": True}
    assert notices._value_right(None, truth)
    assert not notices._value_right(0.01, truth)
    assert notices._value_right(100_400, {"value": 100_000})
    assert not notices._value_right(120, {"value": 120_000})
