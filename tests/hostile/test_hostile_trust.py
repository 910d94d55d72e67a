"""Trust boundaries: extra packs, the rule-pack cache, special files where data files go."""
from __future__ import annotations

import os
import pickle
import threading
from pathlib import Path

import pytest

from tests.conftest import run_cli

GOOD = "---\nnature: goods\n---\n# Tender\n\nText.\n"


def test_an_extra_pack_cannot_redefine_a_built_in_source(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "sources.yaml").write_text(
        "sources:\n  pa2023:\n    title: Fake Act\n    short: FA\n    kind: statute\n"
        "    date: '2023'\n    url: https://phish.example/\n")
    (tmp_path / "t.md").write_text(GOOD)
    result = run_cli("check", "--rules", str(pack), str(tmp_path / "t.md"))
    assert result.exit_code == 2
    assert "sources.pa2023" in result.output and "built-in" in result.output


def test_an_extra_pack_may_add_a_source(tmp_path):
    from svrules.rulepack import load_pack
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "sources.yaml").write_text(
        "sources:\n  local-policy:\n    title: Our policy\n    short: OP\n    kind: guidance\n"
        "    date: '2024'\n")
    assert "local-policy" in load_pack([pack]).sources


def test_a_planted_pickle_in_the_cache_folder_is_never_unpickled(tmp_path, monkeypatch):
    from svrules import cache
    monkeypatch.setenv("SVRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SVRULES_CACHE_KEY", str(tmp_path / "key"))
    monkeypatch.delenv("SVRULES_NO_CACHE", raising=False)
    folders = [tmp_path]
    assert cache.cached("pack", folders, lambda: "built") == "built"
    entry = next((tmp_path / "cache").glob("pack-*.pickle"))
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (Path.touch, (marker,))
    for planted in (pickle.dumps(Evil()),                                  # a bare pickle
                    cache.MAGIC + b"\0" * cache.TAG_BYTES + pickle.dumps(Evil())):  # a forged tag
        entry.write_bytes(planted)
        assert cache.cached("pack", folders, lambda: "rebuilt") == "rebuilt"
        assert not marker.exists()
    assert cache.cached("pack", folders, lambda: "never") == "rebuilt"    # its own entry is used


def test_the_cache_key_lives_outside_the_cache_folder(tmp_path, monkeypatch):
    from svrules import cache
    monkeypatch.delenv("SVRULES_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cachehome"))
    monkeypatch.delenv("SVRULES_CACHE_DIR", raising=False)
    key = cache.signing_key()
    assert key and cache.key_path().parent != cache.cache_dir()
    assert (cache.key_path().stat().st_mode & 0o777) == 0o600


def _with_timeout(fn, seconds=20):
    out: list = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung"
    return out[0]


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_rule_file_that_is_a_fifo_or_dev_zero_is_refused_not_read(tmp_path, special, monkeypatch):
    monkeypatch.setenv("SVRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SVRULES_CACHE_KEY", str(tmp_path / "key"))
    pack = tmp_path / "pack"
    pack.mkdir()
    if special == "fifo":
        os.mkfifo(pack / "x.yaml")
    else:
        os.symlink("/dev/zero", pack / "x.yaml")
    (tmp_path / "t.md").write_text(GOOD)
    result = _with_timeout(lambda: run_cli("check", "--rules", str(pack), str(tmp_path / "t.md")))
    assert result.exit_code == 2 and "x.yaml" in result.output
    assert ("FIFO" in result.output) if special == "fifo" else ("device" in result.output)


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_configuration_or_waivers_file_that_is_special_is_refused(tmp_path, special):
    for name, option in (("svrules.toml", "--config"), ("w.yaml", "--waivers")):
        path = tmp_path / name
        if special == "fifo":
            os.mkfifo(path)
        else:
            os.symlink("/dev/zero", path)
    (tmp_path / "t.md").write_text(GOOD)
    for name, option in (("svrules.toml", "--config"), ("w.yaml", "--waivers")):
        args = ["check", option, str(tmp_path / name), str(tmp_path / "t.md")]
        if option == "--waivers":
            args[1:1] = ["--config", str(tmp_path / "none.toml")]
            (tmp_path / "none.toml").write_text("")
        result = _with_timeout(lambda: run_cli(*args))
        assert result.exit_code == 2 and name in result.output, result.output


def _many_rules(folder: Path, n: int) -> Path:
    import yaml
    rules = [{
        "id": "X" + "".join(chr(65 + (i // 26 ** k) % 26) for k in range(3)) + f"{i % 1000:03d}",
        "name": f"extra-rule-{i}", "depends_on": {"law": "act"}, "category": "local", "severity": "warning",
        "summary": "An extra rule for testing many rules.",
        "rationale": "Testing how many rules the engine can hold.",
        "when": {"text": {"any": [f"\\bzzword{i}\\b"]}},
        "message": "Found {match}.", "fix": "Remove the test word from the text.",
        "citations": [{"source": "pa2023", "section": "s.12(2)", "quote": "must treat suppliers "
                       "the same unless a difference between the suppliers justifies different "
                       "treatment"}],
        "examples": {"bad": [f"The zzword{i} is here."], "good": ["Nothing here."]},
    } for i in range(n)]
    folder.mkdir()
    (folder / "extra.yaml").write_text(yaml.safe_dump({"rules": rules}, sort_keys=False))
    return folder


def test_hundreds_of_extra_rules_run_on_durable_rules_as_on_the_python_engine(tmp_path):
    pack = _many_rules(tmp_path / "pack", 600)
    (tmp_path / "t.md").write_text("---\nnature: goods\n---\n# T\n\nThe zzword3 and zzword599 "
                                   "are here.\n")
    outputs = {}
    for engine in ("durable", "python"):
        result = run_cli("check", "--engine", engine, "--format", "json", "--rules", str(pack),
                         str(tmp_path / "t.md"))
        assert result.exit_code == 0, result.output        # info only: goods
        import json
        outputs[engine] = sorted(f["rule"] for f in json.loads(result.output)["files"][0]
                                 ["findings"])
    assert outputs["durable"] == outputs["python"]
    assert {"XDAA003", "XBXA599"} <= set(outputs["durable"]), outputs


TENDER = "---\nnature: goods\n---\n# Tender\n\nText.\n"


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_report_or_baseline_is_never_written_over_an_input(tmp_path, option):
    tender = tmp_path / "t.md"
    tender.write_text(TENDER)
    os.symlink(tender, tmp_path / "alias.md.json")
    for target in (tender, tmp_path / "alias.md.json", tmp_path / "." / "t.md"):
        value = f"json:{target}" if option == "--output" else str(target)
        result = run_cli("check", option, value, str(tender))
        assert result.exit_code == 2 and "input being checked" in result.output
        assert tender.read_text() == TENDER


def test_output_to_a_device_or_fifo_is_written_through_not_replaced(tmp_path):
    tender = tmp_path / "t.md"
    tender.write_text(TENDER)
    result = run_cli("check", "--output", "json:/dev/null", str(tender))
    assert result.exit_code == 0 and Path("/dev/null").is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _with_timeout(lambda: run_cli("check", "--output", f"json:{fifo}", str(tender)))
    reader.join(10)
    assert result.exit_code == 0 and b'"tool": "svrules"' in got[0]
    assert fifo.is_fifo()


def test_output_through_a_symlink_keeps_the_link_and_updates_its_target(tmp_path):
    tender = tmp_path / "t.md"
    tender.write_text(TENDER)
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    os.symlink(real, link)
    assert run_cli("check", "--output", f"json:{link}", str(tender)).exit_code == 0
    assert link.is_symlink() and '"tool": "svrules"' in real.read_text()


def test_a_killed_write_leaves_no_hidden_temporary_file(tmp_path):
    import subprocess
    import sys
    script = ("import os, sys\n"
              "from pathlib import Path\n"
              "import svrules.io_safe as io\n"
              "real = io._write_all\n"
              "def die(fd, data):\n"
              "    real(fd, data[:10]); os._exit(9)\n"
              "io._write_all = die\n"
              "io.atomic_write(Path(sys.argv[1]), 'x' * 100000)\n")
    target = tmp_path / "report.json"
    target.write_text("before")
    run = subprocess.run([sys.executable, "-c", script, str(target)], timeout=60)
    assert run.returncode == 9
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert target.read_text() == "before"


def test_a_symlinked_folder_out_of_the_tree_is_not_followed_unless_asked(tmp_path):
    import json
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(TENDER)
    tree = tmp_path / "tree"
    (tree / "inner").mkdir(parents=True)
    (tree / "t.md").write_text(TENDER)
    (tree / "inner" / "i.md").write_text(TENDER)
    (tree / "etc").symlink_to(outside)
    (tree / "also-inner").symlink_to(tree / "inner")      # inside the tree: walked

    def names(*extra):
        result = run_cli("check", "--format", "json", *extra, str(tree))
        return sorted(Path(f["path"]).name for f in json.loads(result.output)["files"])
    assert names() == ["i.md", "t.md"]
    assert names("--follow-links") == ["i.md", "secret.md", "t.md"]
