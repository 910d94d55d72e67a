"""Coverage-guided fuzzing of every reader and the extraction pipeline, with atheris.

    pip install atheris
    python fuzz/fuzz_loaders.py -atheris_runs=200000

The first byte of each input picks the target (a format's reader, the metadata YAML, an OCDS
release, or the whole analysis of a Markdown tender: tender facts, rule patterns, clause and
weighting extraction); the rest is that target's input. Seeds for every target (a small valid
document of each format) are written to a temporary corpus folder unless folders are given.
Only `LoadError` may come out of a reader; anything else, or a hang, is a bug.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.load import ADAPTERS, LoadError, document_from_text
    from svrules.load.meta import parse_yaml, validate_meta
    from svrules.load.ocds import ocds_metadata
    from svrules.load.text import decode
    from svrules.rulepack import load_pack

READERS = sorted({adapter.__name__: adapter for _, adapter in ADAPTERS.values()}.items())
TARGETS = [name for name, _ in READERS] + ["meta_yaml", "ocds", "analyse"]
CHECKER = Checker(load_pack(), Config(), engine="python")


def run_one(data: bytes) -> None:
    if not data:
        return
    target, body = TARGETS[data[0] % len(TARGETS)], data[1:]
    try:
        if target == "meta_yaml":
            text = body.decode("utf-8", "replace")
            parsed, lines = parse_yaml(text)
            validate_meta(parsed, lines, "fuzz")
        elif target == "ocds":
            ocds_metadata(body, "fuzz.ocds.json")
        elif target == "analyse":
            text, _ = decode(body)
            CHECKER.analyse(document_from_text(text))
        else:
            dict(READERS)[target](body)
    except LoadError:
        pass


def seeds() -> dict[str, bytes]:
    """One small valid document per target, built the way the test suite builds them."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "load"))
    from tender_formats import (tender_docx, tender_html, tender_odt, tender_pdf,
                                tender_sidecar)
    from safety_helpers import TENDER
    by_reader = {"parse_text": TENDER.encode(), "parse_docx": tender_docx(),
                 "parse_pdf": tender_pdf(), "parse_odt": tender_odt(),
                 "parse_html": tender_html(), "meta_yaml": tender_sidecar().encode(),
                 "ocds": b'{"releases": [{"tender": {"value": {"amount": 250000, "currency":'
                         b' "GBP"}, "mainProcurementCategory": "services"}}]}',
                 "analyse": TENDER.split("---\n", 2)[2].encode()}
    return {t: bytes([TARGETS.index(t)]) + by_reader[t] for t in TARGETS}


def main() -> None:
    args = list(sys.argv)
    if not any(os.path.isdir(a) for a in args[1:]):
        corpus = tempfile.mkdtemp(prefix="svrules-fuzz-")
        for name, data in seeds().items():
            Path(corpus, name).write_bytes(data)
        args.append(corpus)
    atheris.Setup(args, run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
