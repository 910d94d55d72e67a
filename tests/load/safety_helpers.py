"""Shared by the path, mixed-folder, determinism and unchanged-tree tests: a real tender that
has findings (so "checked" is visible) and the CLI's JSON read back per file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from svrules.cli import main

ROOT = Path(__file__).resolve().parents[2]
TENDER = (ROOT / "examples" / "homecare-tender-problems.md").read_text(encoding="utf-8")


def cli(args: list[str], cwd: Path):
    """`svrules ARGS` in-process in CWD (click's runner: stdout and stderr apart)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def cli_process(args: list[str], cwd: Path, env: dict | None = None,
                prefix: list[str] = ()) -> subprocess.CompletedProcess:
    """`svrules ARGS` in a fresh interpreter (own hash seed, own imports); bytes out."""
    return subprocess.run([*prefix, sys.executable, "-m", "svrules", *args], cwd=cwd,
                          capture_output=True, timeout=300, env={**os.environ, **(env or {})})


def per_file(stdout: str | bytes) -> dict[str, dict]:
    """path -> {"errors": {kind: message}, "findings": [rule ids], "warnings": [...]}."""
    data = json.loads(stdout)
    return {f["path"]: {"errors": {e["kind"]: e["message"] for e in f["errors"]},
                        "findings": sorted(x["rule"] for x in f["findings"]),
                        "warnings": f["warnings"]}
            for f in data["files"]}
