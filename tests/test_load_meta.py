"""Metadata: front matter and sidecars, validated with errors that name the field and line."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.load import LoadError, load_document
from svrules.load.meta import parse_yaml, validate_meta
from svrules.load.text import decode


def write(tmp_path, text, name="t.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_front_matter_is_validated(tmp_path):
    doc = load_document(write(tmp_path, "---\nnature: services\nvalue: 1000\nvat: inclusive\n"
                                        "procurement_start: 2026-01-05\n---\n# T\n"))
    assert doc.meta.nature.value == "services" and doc.meta.value == 1000
    assert doc.meta_source == "front matter" and doc.meta_lines["value"] == 3
    assert doc.blocks[0].location.line == 7


def test_invalid_field_names_field_and_line(tmp_path):
    with pytest.raises(LoadError) as err:
        load_document(write(tmp_path, "---\nnature: services\nauthority_kind: county\n---\nx\n"))
    assert err.value.kind == "metadata" and err.value.line == 3
    assert "authority_kind" in err.value.message


def test_nested_field_line(tmp_path):
    with pytest.raises(LoadError) as err:
        load_document(write(tmp_path, "---\nsocial_value:\n  weighting_percent: 140\n---\nx\n"))
    assert err.value.line == 3 and "social_value.weighting_percent" in err.value.message


def test_value_needs_a_vat_basis(tmp_path):
    with pytest.raises(LoadError, match="vat"):
        load_document(write(tmp_path, "---\nvalue: 100\n---\nx\n"))


def test_object_building_tags_are_refused(tmp_path):
    with pytest.raises(LoadError, match="tag that builds objects"):
        load_document(write(tmp_path, "---\ntitle: !!python/object/apply:os.system ['true']\n---\n"))


@pytest.fixture(params=["libyaml", "python"])
def yaml_composer(request, monkeypatch):
    """Both composers: libyaml's when PyYAML has it, and the pure-Python fallback."""
    from svrules.load import meta
    if request.param == "python":
        monkeypatch.setattr(meta, "_CSafeLoader", None)
    elif meta._CSafeLoader is None:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


@pytest.mark.parametrize("bomb", ["a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
                                  "a: &a x\nb: *a\n", "- &k key\n- {*k : 1}\n"])
def test_aliases_are_refused(yaml_composer, bomb):
    with pytest.raises(LoadError, match="aliases"):
        parse_yaml(bomb)


def test_both_composers_read_the_same(yaml_composer, monkeypatch):
    from svrules.load import meta
    text = ("title: Home care\nvalue: 1200000\nvat: exclusive\nprocurement_start: 2026-01-05\n"
            "social_value:\n  considered: true\n  themes: [a, b]\nlots:\n  - 1\n  - 2\n")
    got = parse_yaml(text, first_line=2)
    monkeypatch.setattr(meta, "_CSafeLoader", None)
    assert got == parse_yaml(text, first_line=2)
    assert got[1][("social_value", "themes")] == 8
    with pytest.raises(LoadError, match="tag that builds objects"):
        parse_yaml("x: !!python/object/apply:os.system ['true']\n")


def test_unknown_keys_are_warnings(tmp_path):
    doc = load_document(write(tmp_path, "---\nlayout: post\ntitle: x\n---\nx\n"))
    assert any("layout" in w for w in doc.warnings)


def test_namespaced_front_matter(tmp_path):
    doc = load_document(write(tmp_path, "---\nlayout: post\nsvrules:\n  nature: goods\n---\nx\n"))
    assert doc.meta.nature.value == "goods"


def test_unclosed_front_matter(tmp_path):
    with pytest.raises(LoadError, match="never closed"):
        load_document(write(tmp_path, "---\nnature: goods\n# no end\n"))


def test_sidecar_wins_with_a_warning(tmp_path):
    write(tmp_path, "nature: works\n", "t.svrules.yaml")
    doc = load_document(write(tmp_path, "---\nnature: goods\n---\nx\n"))
    assert doc.meta.nature.value == "works" and doc.meta_source == "t.svrules.yaml"
    assert any("ignored" in w for w in doc.warnings)


def test_decode_fallbacks():
    assert decode("caf\u00e9".encode("utf-8-sig")) == ("caf\u00e9", [])
    text, warnings = decode("caf\u00e9 \u2013 \u00a3100".encode("cp1252"))
    assert text == "caf\u00e9 \u2013 \u00a3100" and "Windows-1252" in warnings[0]
    with pytest.raises(LoadError, match="NUL"):
        decode(b"abc\x00def")
    with pytest.raises(LoadError, match="not valid UTF-8"):
        decode(b"abc \x81\x8d bad")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_yaml_text_never_escapes_as_another_exception(text):
    try:
        data, lines = parse_yaml(text)
        validate_meta(data, lines, "front matter")
    except LoadError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_fail_cleanly(data):
    try:
        text, _ = decode(data)
        assert isinstance(text, str)
    except LoadError as exc:
        assert exc.kind == "encoding"
