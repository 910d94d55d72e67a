"""Issue 7: --jobs equivalence, worker errors and crashes, the rule-pack cache, a 20 MB tender."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402


def svrules(*args, env=None, cwd=None, timeout=600):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "svrules", *args], capture_output=True,
                          text=True, env=full_env, cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, seed=3, count=6, min_pages=1, max_pages=4, formats=("md",))
    return out / "md"


@pytest.fixture()
def cache(tmp_path):
    return {"SVRULES_CACHE_DIR": str(tmp_path / "cache")}


def test_jobs_2_gives_byte_identical_json_to_jobs_1(corpus, cache):
    one = svrules("check", "--format", "json", "--jobs", "1", str(corpus), env=cache)
    two = svrules("check", "--format", "json", "--jobs", "2", str(corpus), env=cache)
    assert one.returncode == two.returncode and one.returncode in (0, 1), one.stderr
    assert one.stdout == two.stdout
    data = json.loads(two.stdout)
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    assert data["summary"]["findings"] > 0


def test_jobs_text_output_identical_too(corpus, cache):
    one = svrules("check", "--jobs", "1", str(corpus), env=cache)
    two = svrules("check", "-j", "2", str(corpus), env=cache)
    assert one.stdout == two.stdout and one.returncode == two.returncode


def test_broken_file_in_a_worker_is_the_same_per_file_error(corpus, tmp_path, cache):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for p in sorted(corpus.glob("*.md"))[:3]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.md").write_bytes(b"---\nvalue: [unclosed\n---\n# Title\n\x00binary")
    (folder / "bad-yaml.md").write_text("---\nvalue: [unclosed\n---\n# Title\n\nText.\n")
    one = svrules("check", "--format", "json", "--jobs", "1", str(folder), env=cache)
    two = svrules("check", "--format", "json", "--jobs", "2", str(folder), env=cache)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    errors = {f["path"]: f["errors"] for f in json.loads(two.stdout)["files"] if f["errors"]}
    assert set(errors) == {str(folder / "broken.md"), str(folder / "bad-yaml.md")}


@pytest.mark.parametrize("how", ["exit", "abort", "kill", "abort-sending"])
def test_a_dead_worker_is_that_files_internal_error_not_a_hang(corpus, cache, how):
    """However a worker dies (exit, SIGABRT as the C core's `free()` abort, SIGKILL, or SIGABRT
    half-way through sending its result, which left a ProcessPoolExecutor's parent waiting for
    the rest of the message for ever), the run ends within the timeout: the file that killed it
    (twice) is its `internal` error, exit 3 (docs/robustness.md), and every other file's result
    is what `--jobs 1` gives."""
    crash = sorted(corpus.glob("*.md"))[1].name
    one = svrules("check", "--format", "json", "--jobs", "1", str(corpus), env=cache)
    r = svrules("check", "--format", "json", "--jobs", "2", str(corpus), timeout=120,
                env={**cache, "SVRULES_TEST_CRASH_ON": crash, "SVRULES_TEST_CRASH_HOW": how})
    assert r.returncode == 3, r.stderr
    assert "worker process died while checking" in r.stderr and "--jobs 1" in r.stderr
    assert "Traceback" not in r.stderr
    expected = {f["path"]: f for f in json.loads(one.stdout)["files"]}
    for f in json.loads(r.stdout)["files"]:
        if f["path"].endswith(crash):
            assert [e["kind"] for e in f["errors"]] == ["internal"]
            if how in ("abort", "abort-sending"):
                assert "SIGABRT" in f["errors"][0]["message"]
        else:
            assert f == expected[f["path"]]


def test_jobs_in_process_matches_the_checker(corpus):
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.discover import discover
    from svrules.parallel import check_targets
    from svrules.rulepack import load_pack

    pack, config = load_pack(), Config(engine="python")
    targets, _ = discover([str(corpus)])
    direct = [Checker(pack, config, engine="python").check_target(t) for t in targets]
    assert check_targets(targets, pack, config, "python", jobs=1) == direct


def test_auto_jobs_checks_small_inputs_in_process(corpus):
    from svrules.discover import discover
    from svrules.parallel import effective_jobs

    targets, _ = discover([str(corpus)])
    assert effective_jobs(targets[:1], None) == 1
    assert effective_jobs(targets, None) == 1            # a few KB: not worth a worker
    assert effective_jobs(targets, 2) == 2
    assert effective_jobs(targets, 64) == len(targets)


# ----------------------------------------------------------------------------- cache

def _rules_copy(tmp_path):
    """An extra rule pack: the first bundled location rule under a new id."""
    import yaml

    folder = tmp_path / "extra"
    folder.mkdir()
    source = yaml.safe_load((ROOT / "rules" / "local.yaml").read_text())
    rule = {**source["rules"][0], "id": "EXTRA001", "severity": "error"}
    # with the file's own word classes, which the rule's patterns name
    classes = {"classes": source["classes"]} if source.get("classes") else {}
    (folder / "extra.yaml").write_text(yaml.safe_dump({"rules": [rule], **classes}, sort_keys=False))
    return folder


def test_cache_hit_is_reused_and_a_rule_change_invalidates_it(tmp_path, monkeypatch):
    from svrules import cache as cache_mod
    from svrules.rulepack import default_rules_dir, load_pack

    monkeypatch.setenv("SVRULES_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("SVRULES_NO_CACHE", raising=False)
    extra = _rules_copy(tmp_path)
    builds = []

    def build():
        builds.append(1)
        return load_pack([extra])

    folders = [default_rules_dir(), extra]
    first = cache_mod.cached("pack", folders, build)
    second = cache_mod.cached("pack", folders, build)
    assert len(builds) == 1 and second.digest == first.digest
    assert second.by_id["EXTRA001"].severity == first.by_id["EXTRA001"].severity

    rule = extra / "extra.yaml"
    rule.write_text(rule.read_text().replace("severity: error", "severity: warning", 1))
    third = cache_mod.cached("pack", folders, build)
    assert len(builds) == 2
    assert third.by_id["EXTRA001"].severity.value == "warning"
    assert third.digest != first.digest
    assert all(p.suffix == ".pickle" for p in (tmp_path / "c").iterdir())


def test_cache_off_and_corrupt_entries(tmp_path, monkeypatch):
    from svrules import cache as cache_mod

    monkeypatch.setenv("SVRULES_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("SVRULES_NO_CACHE", "1")
    assert cache_mod.cache_dir() is None
    assert cache_mod.cached("x", [], lambda: 41) == 41
    assert not (tmp_path / "c").exists()

    monkeypatch.delenv("SVRULES_NO_CACHE")
    assert cache_mod.cached("x", [], lambda: 42) == 42
    (entry,) = (tmp_path / "c").iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache_mod.cached("x", [], lambda: 43) == 43          # corrupt: rebuilt
    assert cache_mod.cached("x", [], lambda: 44) == 43          # and rewritten


def test_cli_sees_a_changed_rule_file_through_the_cache(tmp_path, cache):
    extra = _rules_copy(tmp_path)
    doc = tmp_path / "t.md"
    doc.write_text("# Tender\n\nThe Contractor must be a local business based within 20 miles "
                   "of the Council offices.\n")
    first = svrules("check", "--format", "json", "--jobs", "1", "--rules", str(extra), str(doc),
                    env=cache)
    sev = {f["rule"]: f["severity"] for f in json.loads(first.stdout)["files"][0]["findings"]}
    rule = extra / "extra.yaml"
    # info: the document has no verdict, so an error is shown as a warning at most
    rule.write_text(rule.read_text().replace("severity: error", "severity: info", 1))
    second = svrules("check", "--format", "json", "--jobs", "1", "--rules", str(extra), str(doc),
                     env=cache)
    sev2 = {f["rule"]: f["severity"] for f in json.loads(second.stdout)["files"][0]["findings"]}
    assert "EXTRA001" in sev and sev2["EXTRA001"] != sev["EXTRA001"]
    assert list(Path(cache["SVRULES_CACHE_DIR"]).glob("pack-*.pickle"))
    assert not list(tmp_path.glob("**/*.pickle")) or all(
        str(p).startswith(cache["SVRULES_CACHE_DIR"]) for p in tmp_path.glob("**/*.pickle"))


# ----------------------------------------------------------------------------- size

def test_a_20_mb_tender_completes(tmp_path):
    """No quadratic step: a 20 MB tender is checked (its time is recorded by bench/run.py)."""
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.discover import Target
    from svrules.rulepack import load_pack

    unit = generate.to_markdown(generate.make_tender(random.Random(11), 0, 20))
    front, body = unit.split("---\n", 2)[1:]
    # half of it as ordinary blocks, half as one very long paragraph (no blank lines)
    long_para = body.replace("\n\n", "\n").replace("\n#", "\nx").replace("\n|", "\nx")
    text = "---\n" + front + "---\n" + body
    while len(text) < 10_000_000:
        text += body
    text += "\n"
    while len(text) < 20_000_000:
        text += long_para
    path = tmp_path / "huge.md"
    path.write_text(text)
    result = Checker(load_pack(), Config(), engine="durable").check_target(Target(path, "huge.md"))
    assert not result.errors
    assert result.findings


def test_workers_are_forked_only_before_this_process_has_a_durable_host():
    """`--jobs` forks its workers from a checker built without its engine; once a
    durable-rules host exists in this process (its C state must not cross a fork), workers are
    spawned instead."""
    import multiprocessing
    import sys
    from svrules import parallel
    if "fork" not in multiprocessing.get_all_start_methods():
        assert parallel._fork_context() is None
        return
    engine = sys.modules.get("svrules.engine.durable_engine")
    if engine is not None and engine._HOST is not None:
        assert parallel._fork_context() is None
    else:
        assert parallel._fork_context() is not None
    from svrules.check import Checker
    from svrules.config import Config
    from svrules.rulepack import load_pack
    checker = Checker(load_pack(), Config(), engine="durable", start_engine=False)
    assert checker.engine is None
    checker.start_engine()
    assert checker.engine is not None and parallel._fork_context() is None
