"""Configuration keys (through the real CLI), `svrules init`, `--output`, `validate-rules`."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from svrules.config import Config, ConfigError, load_config
from svrules.model import TenderMeta
from svrules.templates import CONFIG_TEMPLATE, META_TEMPLATE

from .helpers import DATA, run

LOCAL = "The Contractor must be a local business based within 20 miles of the Council offices."
ENV = {"SVRULES_TODAY": "2026-01-01"}
SERVICES = textwrap.dedent("""\
    ---
    procurement_start: 2025-04-01
    nature: services
    value: 900000
    vat: exclusive
    social_value: {consultation_considered: true, relevant_area: the borough}
    ---
    """)


def tender(folder: Path, name: str = "t.md", meta: str = SERVICES, body: str = LOCAL) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(meta + "# Spec\n\n" + body + "\n", "utf-8")


def findings(folder: Path, *paths: str, config: str = "") -> tuple[int, list[tuple[str, str, str]]]:
    (folder / "svrules.toml").write_text('engine = "python"\n' + textwrap.dedent(config))
    res = run(["check", "--format", "json", *(paths or ["."])], folder, ENV)
    assert res.stdout, res.stderr
    doc = json.loads(res.stdout)
    return res.exit_code, [(r["path"], f["rule"], f["severity"])
                           for r in doc["files"] for f in r["findings"]]


def test_severity_override_and_fail_on(tmp_path):
    tender(tmp_path)
    code, found = findings(tmp_path, config='ignore = ["PROC001"]\n'
                                            '[severity]\nLOCAL001 = "warning"\n')
    assert found == [("t.md", "LOCAL001", "warning")] and code == 0
    code, _ = findings(tmp_path, config='fail-on = "warning"\nignore = ["PROC001"]\n'
                                        '[severity]\nLOCAL001 = "warning"\n')
    assert code == 1


def test_select_ignore_extend_select_and_per_file_ignores(tmp_path):
    tender(tmp_path, "a.md")
    tender(tmp_path, "drafts/b.md")
    _, found = findings(tmp_path)
    assert {r for _, r, _ in found} == {"LOCAL001", "PROC001"}
    _, found = findings(tmp_path, config='select = ["process"]\n')
    assert {r for _, r, _ in found} == {"PROC001"}
    _, found = findings(tmp_path, config='select = ["process"]\nextend-select = ["LOCAL*"]\n')
    assert {r for _, r, _ in found} == {"LOCAL001", "PROC001"}
    _, found = findings(tmp_path, config='ignore = ["LOCAL001"]\n')
    assert {r for _, r, _ in found} == {"PROC001"}
    _, found = findings(tmp_path, config='[per-file-ignores]\n"drafts/*" = ["local"]\n')
    assert sorted(found) == [("a.md", "LOCAL001", "error"), ("a.md", "PROC001", "warning"),
                             ("drafts/b.md", "PROC001", "warning")]


def test_organisation_defaults_and_apply_to_all_contracts(tmp_path):
    small = "---\nprocurement_start: 2025-04-01\nnature: services\nvalue: 50000\nvat: exclusive\n---\n"
    tender(tmp_path, meta=small, body="The Provider shall endeavour to support community initiatives.")
    _, found = findings(tmp_path, config='authority-kind = "sub_central"\n')
    assert ("t.md", "VER001", "info") in found            # below threshold: good practice only
    _, found = findings(tmp_path, config='authority-kind = "sub_central"\n'
                                         'apply-to-all-contracts = true\n')
    assert ("t.md", "VER001", "warning") in found


def test_extra_rule_packs(tmp_path):
    pack = tmp_path / "rules-local"
    pack.mkdir()
    # a rule copied from a pack file with the file's own word classes, which its patterns name
    source = yaml.safe_load((Path(__file__).parents[1] / "rules/local.yaml").read_text())
    rule = source["rules"][0]
    rule.update(id="ORG001", name="org-copy-of-local")
    classes = {"classes": source["classes"]} if source.get("classes") else {}
    (pack / "org.yaml").write_text(yaml.safe_dump({**classes, "rules": [rule]}))
    tender(tmp_path)
    _, found = findings(tmp_path, config='rule-packs = ["rules-local"]\n')
    assert ("t.md", "ORG001", "error") in found
    res = run(["validate-rules", "rules-local"], tmp_path)
    from svrules.rulepack import load_pack
    total = len(load_pack().rules) + 1
    assert res.exit_code == 0 and f"{total} rules in 2 pack folders: ok" in res.stdout
    rule["examples"]["good"].append(LOCAL)             # an example that contradicts the rule
    (pack / "org.yaml").write_text(yaml.safe_dump({**classes, "rules": [rule]}))
    res = run(["validate-rules", "rules-local/org.yaml"], tmp_path)
    last = len(rule["examples"]["good"])            # reported 1-based
    assert res.exit_code == 1 and f"ORG001 examples.good[{last}]: expected no ORG001 finding" \
        in res.stderr
    (pack / "org.yaml").write_text("rules:\n  - id: ORG001\n    name: x\n")
    res = run(["validate-rules", "rules-local"], tmp_path)
    assert res.exit_code == 2 and "rule pack error" in res.stderr


def test_unknown_key_is_an_error_naming_it(tmp_path):
    (tmp_path / "svrules.toml").write_text("fail_onn = 'error'\n")
    with pytest.raises(ConfigError, match="unknown key 'fail_onn'"):
        load_config(tmp_path / "svrules.toml")
    tender(tmp_path)
    res = run(["check", "t.md"], tmp_path)
    assert res.exit_code == 2 and "unknown key 'fail_onn'" in res.stderr


def test_rule_enabled():
    cfg = Config.model_validate({"select": ["local"], "extend-select": ["PROC*"],
                                 "per-file-ignores": {"old/*": ["PROC001"]}})
    assert cfg.rule_enabled("a.md", "LOCAL001", "local")
    assert cfg.rule_enabled("a.md", "PROC001", "process")
    assert not cfg.rule_enabled("old/a.md", "PROC001", "process")
    assert not cfg.rule_enabled("a.md", "SCOPE001", "scope")


# --------------------------------------------------------------------------- init

def test_init_writes_valid_templates_and_refuses_to_overwrite(tmp_path):
    res = run(["init"], tmp_path)
    assert res.exit_code == 0
    assert (tmp_path / "svrules.toml").read_text() == CONFIG_TEMPLATE
    assert load_config(tmp_path / "svrules.toml") == Config(source=str(tmp_path / "svrules.toml"))
    assert META_TEMPLATE.startswith("#")
    template = yaml.safe_load((tmp_path / "tender.svrules.yaml").read_text())
    # every value is a placeholder that fails validation until it is filled in ...
    keys = [k for k in TenderMeta.model_fields if k in template] + [
        f"social_value.{k}" for k in template["social_value"]]
    assert len(keys) >= 15
    for key in keys:
        outer, _, inner = key.partition(".")
        one = {outer: {inner: template[outer][inner]} if inner else template[outer]}
        with pytest.raises(ValidationError, match="placeholder 'FILL IN'"):
            TenderMeta.model_validate(one)
    # ... and the commented choices, filled in, are what svrules accepts
    filled = {"title": "Grounds maintenance", "authority": "Northfield Council",
              "authority_kind": "sub_central", "jurisdiction": "england",
              "procurement_start": "2026-04-01", "nature": "services", "value": 600000,
              "vat": "exclusive", "term_years": 4, "framework": "none", "lots": False,
              "cpv": ["77310000"], "social_value": {"considered": True, "considered_on":
              "2026-01-15", "consultation_considered": True, "weighting_percent": 10,
              "relevant_area": "the borough"}}
    assert set(filled) == set(template) and set(filled["social_value"]) == \
        set(template["social_value"])
    TenderMeta.model_validate(filled)
    # a tender beside it is refused, naming the placeholder, until it is filled in
    (tmp_path / "tender.md").write_text("# Tender\n\nThe authority invites tenders.\n")
    res = run(["check", "tender.md"], tmp_path)
    assert res.exit_code == 2 and "placeholder 'FILL IN'" in res.stdout + res.stderr
    (tmp_path / "svrules.toml").write_text("# mine\n")
    res = run(["init"], tmp_path)
    assert res.exit_code == 2 and "not overwriting" in res.stderr
    assert (tmp_path / "svrules.toml").read_text() == "# mine\n"


def test_every_commented_config_key_is_valid(tmp_path):
    """Uncommenting the template's examples gives a configuration svrules accepts."""
    lines = [line[2:] if line.startswith("# ") and "=" in line.split("#")[1][:40] else line
             for line in CONFIG_TEMPLATE.splitlines()]
    (tmp_path / "svrules.toml").write_text("\n".join(lines) + "\n")
    cfg = load_config(tmp_path / "svrules.toml")
    assert cfg.apply_to_all_contracts and cfg.select == ("local", "process")
    assert cfg.per_file_ignores == {"archive/**": ("*",), "drafts/*.md": ("PROC001",)}


# --------------------------------------------------------------------------- outputs

def test_output_writes_several_formats_atomically(tmp_path):
    out = tmp_path / "out"
    res = run(["check", "--format", "concise", "--output", f"sarif:{out}/r.sarif",
               "--output", f"junit:{out}/r.xml", "--output", f"json:{out}/r.json", "tenders"],
              DATA, ENV)
    assert res.exit_code == 1
    assert json.loads((out / "r.sarif").read_text())["version"] == "2.1.0"
    assert (out / "r.xml").read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>')
    report = json.loads((out / "r.json").read_text())
    assert report["summary"]["findings"] == sum(len(f["findings"]) for f in report["files"]) > 0
    assert sorted(p.name for p in out.iterdir()) == ["r.json", "r.sarif", "r.xml"]
    assert res.stdout.splitlines()[-1].startswith("3 files checked")


def test_output_bad_spec_and_inside_checked_folder(tmp_path):
    res = run(["check", "--output", "pdf:x.pdf", "tenders"], DATA)
    assert res.exit_code == 2 and "expected FORMAT:FILE" in res.stderr
    tender(tmp_path / "docs")
    (tmp_path / "svrules.toml").write_text('engine = "python"\n')
    res = run(["check", "--output", "markdown:docs/report.md", "docs"], tmp_path)
    assert "inside the checked folder docs" in res.stderr
    assert (tmp_path / "docs/report.md").is_file()


def test_junit_skips_rules_not_selected_for_a_file(tmp_path):
    tender(tmp_path, "a.md")
    tender(tmp_path, "drafts/b.md")
    (tmp_path / "svrules.toml").write_text('engine = "python"\n[per-file-ignores]\n'
                                           '"drafts/*" = ["LOCAL001"]\n')
    xml = run(["check", "--format", "junit", "."], tmp_path, ENV).stdout
    suite = xml.split('<testsuite name="drafts/b.md"')[1]
    assert 'name="LOCAL001 supplier-location-requirement" time="0">\n      <skipped message="not selected' \
        in suite
