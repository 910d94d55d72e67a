"""Coverage-guided fuzzing of the structure-aware targets in `structured.py`, with atheris.

    pip install atheris
    python fuzz/fuzz_structured.py -atheris_runs=100000 -timeout=20 -rss_limit_mb=2048

The first byte of an input picks the target (a fuzzed XML part inside a valid .docx or .odt,
docProps, front matter, a sidecar, an OCDS release as bytes or as odd JSON shapes, a waivers
file, a baseline, a rule file, a configuration). Seeds for every target go to a temporary
corpus folder unless folders are given. Save any crash input under `structured-regressions/`:
`make test` replays them (tests/hostile/test_hostile_fuzz.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
with atheris.instrument_imports():
    import structured


def main() -> None:
    args = list(sys.argv)
    if not any(os.path.isdir(a) for a in args[1:]):
        corpus = tempfile.mkdtemp(prefix="svrules-fuzz-structured-")
        for name, data in structured.seeds().items():
            Path(corpus, name).write_bytes(data)
        args.append(corpus)
    atheris.Setup(args, structured.run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
