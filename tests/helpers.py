"""Helpers shared by the report and suppression tests: run the real CLI in-process."""
from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from svrules.cli import main

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"


def run(args: list[str], cwd: Path, env: dict | None = None):
    """`svrules ARGS` in CWD; returns click's Result (exit_code, stdout, stderr)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, env=env or {}, catch_exceptions=False)
    finally:
        os.chdir(old)


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; SVRULES_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("SVRULES_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} missing: run with SVRULES_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file (SVRULES_UPDATE_GOLDEN=1 updates it)"
