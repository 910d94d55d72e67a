"""The hostile suite: every class of broken or hostile input, each held to a clear result."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "load"))   # load_builders
