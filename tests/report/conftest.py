"""Headless Chromium for the HTML report test, installed by the test set-up when absent."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

CHROMIUM = "/usr/bin/chromium"
_tried: dict[str, str | None] = {}


def ensure_chromium() -> str | None:
    """Path to Chromium, installing Debian's `chromium` once if it is missing.

    Returns None (with the reason in `_tried["why"]`) only where it cannot be installed: not
    root, no apt-get, or apt failing (no network to the Debian mirror).
    """
    if "path" in _tried:
        return _tried["path"]
    path = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    why = None
    if path is None:
        if os.geteuid() != 0:
            why = "not root, so apt-get cannot install it"
        elif shutil.which("apt-get") is None:
            why = "apt-get is not available on this system"
        else:
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            for cmd in (["apt-get", "update", "-q"],
                        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]):
                proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
                if proc.returncode != 0:
                    why = f"`{' '.join(cmd)}` failed: {proc.stderr.strip()[-300:]}"
                    break
            path = shutil.which("chromium") if why is None else None
            if path is None and why is None:
                why = "apt-get installed chromium but no chromium binary is on PATH"
    _tried.update(path=path, why=why)
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    path = ensure_chromium()
    if path is None:
        pytest.skip(f"headless Chromium unavailable and cannot be installed: {_tried['why']}")
    return path


def chromium_args(path: str, profile) -> list[str]:
    return [path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}"]
