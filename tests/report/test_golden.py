"""Golden output of every format on the fixed tenders in tests/data (real CLI, real rules).

Regenerate after an intended change with `SVRULES_UPDATE_GOLDEN=1 pytest tests/report` and
review the diff. tests/data/svrules.toml selects the plain-Python engine and fixes the config.
"""
from __future__ import annotations

import pytest

from svrules.report import FORMATS

from ..helpers import DATA, golden, run

SUFFIX = {"text": "txt", "json": "json", "jsonl": "jsonl", "concise": "txt", "sarif": "sarif",
          "github": "txt", "junit": "xml", "markdown": "md", "html": "html"}
ENV = {"SVRULES_TODAY": "2026-01-01"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_golden(fmt):
    result = run(["check", "--format", fmt, "tenders", "broken"], DATA, ENV)
    assert result.exit_code == 2, result.stderr      # broken/ has a file error
    golden(f"{fmt}/tenders.{SUFFIX[fmt]}", result.stdout)


@pytest.mark.parametrize("fmt", ["concise", "markdown", "text"])
def test_statistics_golden(fmt):
    result = run(["check", "--format", fmt, "--statistics", "tenders"], DATA, ENV)
    assert result.exit_code == 1
    if fmt == "markdown":
        assert "Statistics" in result.stdout
    else:                                # counts only, as ruff's --statistics
        assert "fix:" not in result.stdout and "Favours" not in result.stdout
        assert any(line.split()[:2] == ["3", "LOCAL001"] for line in result.stdout.splitlines())
    golden(f"{fmt}/tenders-statistics.{SUFFIX[fmt]}", result.stdout)


def test_output_is_deterministic():
    first = run(["check", "--format", "sarif", "tenders"], DATA, ENV).stdout
    second = run(["check", "--format", "sarif", "tenders"], DATA, ENV).stdout
    assert first == second
