"""Limits are set from the configuration and the command line and reach every reader; rule
patterns cannot hang a run (RE2 is linear; what RE2 cannot do is refused at load)."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from load_builders import docx_bytes, fpdf_document
from svrules.config import ConfigError, load_config
from svrules.load import load_document
from svrules.load.limits import DEFAULT_LIMITS, MiB, SETTINGS, Limits, limits_from
from svrules.model import BlockKind
from svrules.rulepack import RulePackError, load_pack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import run  # noqa: E402

THREE_PARAGRAPHS = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"


def _errors(result) -> dict[str, str]:
    data = json.loads(result.stdout)
    return {f["path"]: e["kind"] for f in data["files"] for e in f["errors"]}


def test_settings_map_onto_every_limit_field():
    """Every field of `Limits` can be set by name: none is left reachable only from code."""
    changed = limits_from({key: 7 for key in SETTINGS})
    for field in Limits.__dataclass_fields__:
        assert getattr(changed, field) != getattr(DEFAULT_LIMITS, field), field
    assert changed.max_file_bytes == 7 * MiB and changed.max_blocks == 7


@pytest.mark.parametrize("settings, words", [
    ({"max-file-gb": 1}, "unknown limit 'max-file-gb'"),
    ({"max-blocks": 0}, "positive"),
    ({"max-blocks": 2.5}, "whole number"),
    ({"max-blocks": "10"}, "must be a number"),
    ({"max-blocks": True}, "must be a number"),
])
def test_bad_settings_are_refused_by_name(settings, words):
    with pytest.raises(ValueError, match=words):
        limits_from(settings)


def test_config_table_sets_limits_and_unknown_keys_are_errors(tmp_path):
    good = tmp_path / "svrules.toml"
    good.write_text("[limits]\nmax-file-mb = 0.5\nmax_pdf_pages = 3\n")
    limits = load_config(good).load_limits()
    assert limits.max_file_bytes == MiB // 2 and limits.max_pdf_pages == 3
    bad = tmp_path / "pyproject.toml"
    bad.write_text("[tool.svrules.limits]\nmax-fil-mb = 1\n")
    with pytest.raises(ConfigError, match="unknown limit 'max-fil-mb'"):
        load_config(bad)


def test_max_blocks_reaches_the_markdown_reader(tmp_path):
    path = tmp_path / "three.md"
    path.write_text(THREE_PARAGRAPHS)
    assert len(load_document(path).blocks) == 3
    from svrules.load.errors import LoadError
    with pytest.raises(LoadError) as info:
        load_document(path, limits=Limits(max_blocks=2))
    assert info.value.kind == "too-large"


def test_markdown_line_cap_reaches_the_markdown_reader(tmp_path):
    path = tmp_path / "heading.md"
    path.write_text("# A heading of some length\n\nBody.\n")
    assert load_document(path).blocks[0].kind is BlockKind.heading
    capped = load_document(path, limits=Limits(max_markdown_line_chars=10))
    assert capped.blocks[0].kind is BlockKind.paragraph


def test_xml_depth_reaches_the_docx_reader(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(docx_bytes(lambda d: d.add_paragraph("The authority invites bids.")))
    assert load_document(path).blocks
    from svrules.load.errors import LoadError
    with pytest.raises(LoadError) as info:
        load_document(path, limits=Limits(max_xml_depth=2))
    assert info.value.kind == "hostile"


def test_cli_max_file_mb_and_limit_options(tmp_path):
    (tmp_path / "big.md").write_text("The authority invites bids. " * 100)
    (tmp_path / "two.pdf").write_bytes(fpdf_document([["Page one."], ["Page two."]]))
    result = run(["check", "--format", "json", "."], tmp_path)
    assert _errors(result) == {}
    result = run(["check", "--format", "json", "--max-file-mb", "0.001",
                  "--limit", "max-pdf-pages=1", "."], tmp_path)
    assert result.exit_code == 2
    assert _errors(result) == {"big.md": "too-large", "two.pdf": "too-large"}


def test_config_limits_apply_and_cli_overrides_them(tmp_path):
    (tmp_path / "t.md").write_text(THREE_PARAGRAPHS)
    (tmp_path / "svrules.toml").write_text("[limits]\nmax-blocks = 2\n")
    assert _errors(run(["check", "--format", "json", "t.md"], tmp_path)) == {"t.md": "too-large"}
    result = run(["check", "--format", "json", "--limit", "max-blocks=10", "t.md"], tmp_path)
    assert _errors(result) == {}


@pytest.mark.parametrize("option", ["--limit=max-blockz=2", "--limit=max-blocks",
                                    "--limit=max-blocks=-1"])
def test_cli_bad_limit_is_a_usage_error(tmp_path, option):
    (tmp_path / "t.md").write_text(THREE_PARAGRAPHS)
    result = run(["check", option, "t.md"], tmp_path)
    assert result.exit_code == 2 and "--limit" in result.stderr


def test_unknown_limit_in_config_fails_the_run(tmp_path):
    (tmp_path / "t.md").write_text(THREE_PARAGRAPHS)
    (tmp_path / "svrules.toml").write_text("[limits]\nmax-pages = 2\n")
    result = run(["check", "t.md"], tmp_path)
    assert result.exit_code == 2 and "unknown limit 'max-pages'" in result.stderr


# ---------------------------------------------------------------------------- rule patterns

PACK = textwrap.dedent("""\
    id: TEST001
    name: backtracking-rule
    category: local
    severity: error
    depends_on: {law: none}
    summary: A rule whose pattern backtracks catastrophically in a backtracking engine.
    rationale: A hostile or careless rule pack must not hang a run.
    when:
      text:
        any: ['PATTERN']
    message: "Matched: {excerpt}"
    fix: Rewrite the pattern without nested repetition.
    citations:
      - source: pa2023
        section: "s.12(2)"
        quote: "must treat suppliers the same"
    examples:
      bad: ["It ends in aaaa"]
      good: ["aaab"]
    """)


def _pack(tmp_path, pattern: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "bad.yaml").write_text(PACK.replace("PATTERN", pattern))
    return folder


@pytest.mark.timeout(60)
def test_catastrophic_backtracking_pattern_runs_in_linear_time(tmp_path):
    """`(a+)+$` on 'aaaa...b' takes 2^n steps in a backtracking engine; n = 100,000 would never
    finish there. RE2 accepts the pattern and the run ends (the timeout is only a hang guard)."""
    import re
    assert re.compile(r"(a+)+$").pattern     # Python's re would accept it and then hang
    folder = _pack(tmp_path, "(a+)+$")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "t.md").write_text("Text " + "a" * 100_000 + "b\n\nThe other paragraph ends in aaaa\n")
    result = run(["check", "--format", "json", "--rules", str(folder), "--select", "TEST001",
                  "t.md"], docs)
    data = json.loads(result.stdout)
    lines = [f["line"] for f in data["files"][0]["findings"]]
    assert lines == [3]      # only the paragraph ending in a's matches


@pytest.mark.parametrize("pattern, words", [
    (r"(a)\1", "back-references are not supported"),
    (r"(?=a)a", "look-around is not supported"),
])
def test_patterns_re2_cannot_run_are_refused_at_load(tmp_path, pattern, words):
    with pytest.raises(RulePackError, match=words):
        load_pack([_pack(tmp_path, pattern)])
