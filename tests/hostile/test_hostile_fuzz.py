"""Saved fuzz inputs replay cleanly in every run, atheris or not (fuzz/structured.py)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


def _structured():
    sys.path.insert(0, str(FUZZ))
    spec = importlib.util.spec_from_file_location("structured", FUZZ / "structured.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STRUCTURED = _structured()
SAVED = sorted((FUZZ / "structured-regressions").glob("*"))


@pytest.mark.parametrize("path", SAVED, ids=[p.name for p in SAVED])
def test_saved_structured_fuzz_inputs_only_raise_the_stages_own_errors(path):
    STRUCTURED.run_one(path.read_bytes())


@pytest.mark.parametrize("name", sorted(STRUCTURED.seeds()))
def test_every_structured_target_runs_its_seed(name):
    STRUCTURED.run_one(STRUCTURED.seeds()[name])


def test_the_loader_regressions_replay_without_atheris():
    """fuzz/regressions/ (the format readers' saved inputs) replays through the same targets:
    the YAML metadata ones as front matter."""
    saved = sorted(p for p in (FUZZ / "regressions").iterdir() if p.is_file())
    assert saved
    for path in saved:
        front_matter = STRUCTURED.TARGETS.index(STRUCTURED.target_front_matter)
        STRUCTURED.run_one(bytes([front_matter]) + path.read_bytes()[1:])
