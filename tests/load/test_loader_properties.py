"""Properties for every reader and extractor at once (the per-format files test each in
depth): arbitrary bytes into each registered reader, arbitrary files through `load_document`
with arbitrary sidecars, arbitrary YAML data as metadata, arbitrary OCDS JSON, and the whole
analysis (tender facts, rule patterns, clauses, weightings) on arbitrary text. Only `LoadError`
may come out of a reader; the analysis may raise nothing."""
from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.load import ADAPTERS, LoadError, document_from_text, load_document
from svrules.load.meta import parse_yaml, validate_meta
from svrules.extract.release import READERS
from svrules.load.ocds import ocds_metadata
from svrules.rulepack import load_pack

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
SUFFIXES = sorted(ADAPTERS)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.dates())
yaml_data = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=20), inner, max_size=4)),
    max_leaves=20)
meta_like = st.dictionaries(st.sampled_from(["nature", "value", "vat", "authority_kind",
                                             "procurement_start", "social_value", "cpv",
                                             "jurisdiction", "term_years", "svrules", "x"]),
                            yaml_data, max_size=6)


@pytest.mark.parametrize("suffix", SUFFIXES)
@SETTINGS
@given(data=st.binary(max_size=4096))
def test_every_reader_takes_arbitrary_bytes(suffix, data):
    _, reader = ADAPTERS[suffix]
    try:
        parsed = reader(data)
    except LoadError as exc:
        assert exc.kind and exc.message
        return
    # Binary formats with no text are `empty`; Markdown may be all markup ('>', a fence).
    assert parsed.blocks or ADAPTERS[suffix][0] in ("markdown", "text")


@SETTINGS
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=2048),
       sidecar=st.one_of(st.none(), st.binary(max_size=512)))
def test_load_document_takes_arbitrary_files_and_sidecars(tmp_path, suffix, data, sidecar):
    path = tmp_path / f"t{suffix}"
    path.write_bytes(data)
    side = tmp_path / "t.svrules.yaml"
    side.unlink(missing_ok=True)
    if sidecar is not None:
        side.write_bytes(sidecar)
    try:
        doc = load_document(path)
    except LoadError as exc:
        assert exc.kind and exc.message
        return
    assert doc.blocks or doc.format in ("markdown", "text")


@SETTINGS
@given(data=st.one_of(yaml_data, meta_like))
def test_arbitrary_yaml_data_validates_or_fails_cleanly(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        parsed, lines = parse_yaml(text)
        meta, warnings = validate_meta(parsed, lines, "front matter")
    except LoadError as exc:
        assert exc.kind == "metadata" and exc.message
        return
    assert all(isinstance(w, str) for w in warnings)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=1024), yaml_data.map(
    lambda d: json.dumps(d, default=str).encode()), meta_like.map(
    lambda d: json.dumps({"releases": [{"tender": d, "buyer": d}]}, default=str).encode())))
def test_ocds_release_bytes_give_metadata_or_a_load_error(data):
    try:
        meta, warnings = ocds_metadata(data, "t.ocds.json", READERS)
    except LoadError as exc:
        assert exc.message
        return
    assert isinstance(meta, dict) and isinstance(warnings, list)


@pytest.fixture(scope="module")
def checker():
    return Checker(load_pack(), Config(), engine="python")


WORDS = st.sampled_from(["The Provider shall", "must be a local business", "within 10 miles",
                         "Social Value 10%", "Quality 60%", "Price 30%", "apprenticeships",
                         "£1,000,000", "services", "| Criterion | Weight |", "# Evaluation",
                         "- ", "KPI", "per annum", "\n\n", "\n", ".", " "])


@SETTINGS
@given(text=st.one_of(st.text(max_size=600), st.lists(WORDS, max_size=60).map("".join)),
       meta=st.one_of(st.none(), st.just({"nature": "services", "value": 5_000_000,
                                          "vat": "exclusive", "procurement_start": "2026-05-01"})))
def test_analysis_of_arbitrary_text_never_raises(checker, text, meta):
    doc = document_from_text(text, meta)
    analysis = checker.analyse(doc)
    for hit in analysis.refs:
        assert 0 <= hit.start <= hit.end <= len(doc.blocks[hit.block].text)
    checker.match(analysis)


@pytest.mark.parametrize("when", ["2026-02-30", "2026-13-01", "2026-00-10"])
def test_impossible_yaml_date_is_a_metadata_error(tmp_path, when):
    """Found by the atheris harness: PyYAML raised ValueError past parse_yaml (a traceback)."""
    path = tmp_path / "t.md"
    path.write_text(f"---\nnature: services\nprocurement_start: {when}\n---\nText.\n")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "metadata"


def test_fuzz_regressions_only_ever_raise_load_error():
    """Every input the fuzzer saved under fuzz/regressions replays cleanly."""
    import importlib.util
    from pathlib import Path
    pytest.importorskip("atheris")
    root = Path(__file__).resolve().parents[2] / "fuzz"
    spec = importlib.util.spec_from_file_location("fuzz_loaders", root / "fuzz_loaders.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    inputs = sorted((root / "regressions").iterdir())
    assert inputs
    for path in inputs:
        module.run_one(path.read_bytes())
