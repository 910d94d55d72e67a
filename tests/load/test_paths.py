"""Paths a tender repository really holds: symlink loops, unreadable files, special files,
files that vanish mid-run, names with spaces, accents and bytes that are not UTF-8. Each broken
one is an `errors` entry with a kind and a plain message, exit 2, and the rest are checked."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from safety_helpers import TENDER, cli, cli_process, per_file
from svrules.check import Checker
from svrules.config import Config
from svrules.discover import Target, discover
from svrules.load import LoadError, read_bytes
from svrules.rulepack import load_pack

GOOD = "good.md"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tenders"
    folder.mkdir()
    (folder / GOOD).write_text(TENDER, encoding="utf-8")
    return folder


def _checked(files: dict, name: str) -> bool:
    return not files[name]["errors"] and len(files[name]["findings"]) > 0


@pytest.mark.timeout(120)
def test_symlink_loops_are_walked_once(tmp_path):
    folder = _folder(tmp_path)
    sub = folder / "sub"
    sub.mkdir()
    (sub / "inner.md").write_text(TENDER, encoding="utf-8")
    (sub / "loop").symlink_to("..")                    # folder symlinked into itself
    (sub / "self").symlink_to(".")
    (folder / "a").symlink_to("b")                     # a <-> b: a loop of links
    (folder / "b").symlink_to("a")
    (folder / "ab.md").symlink_to("ab.md")             # a file link to itself
    targets, problems = discover([str(folder)])
    assert [t.display for t in targets] == [f"{folder}/{GOOD}", f"{folder}/sub/inner.md"]
    assert [(p.display, p.kind) for p in problems] == [(f"{folder}/ab.md", "io")]
    result = cli(["check", "--format", "json", "."], folder)
    files = per_file(result.stdout)
    assert result.exit_code == 2
    assert set(files) == {GOOD, "sub/inner.md", "ab.md"}
    assert "symlink loop" in files["ab.md"]["errors"]["io"]
    assert _checked(files, GOOD) and _checked(files, "sub/inner.md")


def test_a_fifo_named_like_a_tender_is_an_error_not_a_hang(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.md")
    (folder / "folder.md").mkdir()                     # a folder named like a file: walked
    (folder / "folder.md" / "in.md").write_text(TENDER, encoding="utf-8")
    result = cli(["check", "--format", "json", "."], folder)
    files = per_file(result.stdout)
    assert result.exit_code == 2
    assert files["pipe.md"]["errors"] == {"io": "a named pipe (FIFO), not a regular file"}
    assert _checked(files, GOOD) and _checked(files, "folder.md/in.md")
    named = cli(["check", "--format", "json", "pipe.md", GOOD], folder)
    assert per_file(named.stdout)["pipe.md"]["errors"]["io"].startswith("a named pipe")


@pytest.mark.timeout(60)
def test_a_file_swapped_for_a_fifo_after_discovery_does_not_block():
    """read_bytes opens non-blocking and checks the descriptor, so the swap cannot hang."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"svrules-fifo-{os.getpid()}"
    folder.mkdir()
    try:
        os.mkfifo(folder / "late.md")
        with pytest.raises(LoadError) as info:
            read_bytes(folder / "late.md")
        assert info.value.kind == "io" and "FIFO" in info.value.message
    finally:
        shutil.rmtree(folder)


def _can_read_mode_000(path: Path) -> bool:
    try:
        path.read_bytes()
        return True
    except PermissionError:
        return False


def test_unreadable_file_is_reported_and_the_rest_checked(tmp_path):
    """chmod 000. Root reads such a file anyway (CAP_DAC_OVERRIDE), so as root the check runs
    under setpriv with the two capabilities that bypass file modes dropped."""
    folder = _folder(tmp_path)
    locked = folder / "locked.md"
    locked.write_text(TENDER, encoding="utf-8")
    locked.chmod(0)
    prefix: list[str] = []
    if _can_read_mode_000(locked):
        setpriv = shutil.which("setpriv")
        if os.geteuid() != 0 or setpriv is None:
            pytest.skip("this user can read a mode-000 file and setpriv is not available")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, "--bounding-set", caps, "--inh-caps", caps]
    try:
        proc = cli_process(["check", "--format", "json", "."], folder, prefix=prefix)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    files = per_file(proc.stdout)
    assert proc.returncode == 2, proc.stderr
    assert files["locked.md"]["errors"] == {"io": "permission denied"}
    assert _checked(files, GOOD)


def test_unreadable_subfolder_is_reported_and_the_rest_checked(tmp_path):
    folder = _folder(tmp_path)
    closed = folder / "closed"
    closed.mkdir()
    (closed / "hidden.md").write_text(TENDER, encoding="utf-8")
    closed.chmod(0)
    prefix: list[str] = []
    try:
        if os.access(closed, os.R_OK):
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("this user can read a mode-000 folder and setpriv is not available")
            caps = "-dac_override,-dac_read_search"
            prefix = [setpriv, "--bounding-set", caps, "--inh-caps", caps]
        proc = cli_process(["check", "--format", "json", "."], folder, prefix=prefix)
    finally:
        closed.chmod(stat.S_IRWXU)
    files = per_file(proc.stdout)
    assert proc.returncode == 2, proc.stderr
    assert files["closed"]["errors"] == {"io": "permission denied"}
    assert _checked(files, GOOD)


def test_file_that_vanishes_between_discovery_and_loading(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    (folder / "gone.md").write_text(TENDER, encoding="utf-8")
    (folder / "gone.svrules.yaml").write_text("nature: services\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "also-gone.md").write_text(TENDER, encoding="utf-8")
    import svrules.discover as discover_module
    real = discover_module.discover

    def discover_then_delete(paths, exclude=(), *args):
        found = real(paths, exclude, *args)
        (folder / "gone.md").unlink()
        shutil.rmtree(folder / "sub")
        return found

    monkeypatch.setattr(discover_module, "discover", discover_then_delete)
    result = cli(["check", "--format", "json", "."], folder)
    files = per_file(result.stdout)
    assert result.exit_code == 2
    assert files["gone.md"]["errors"] == {"io": "file vanished before it could be read"}
    assert files["sub/also-gone.md"]["errors"] == {"io": "file vanished before it could be read"}
    assert _checked(files, GOOD)


def test_sidecar_that_vanishes_is_named_in_the_error(tmp_path, monkeypatch):
    """The sidecar is found, then deleted before it is read: the error names the sidecar."""
    folder = _folder(tmp_path)
    import svrules.load as load_module
    monkeypatch.setattr(load_module, "sidecar_for",
                        lambda path: path.with_name(path.stem + ".svrules.yaml"))
    result = cli(["check", "--format", "json", GOOD], folder)
    assert result.exit_code == 2
    assert per_file(result.stdout)[GOOD]["errors"] == {
        "io": "good.svrules.yaml: file vanished before it could be read"}


def test_vanished_file_through_the_checker(tmp_path):
    folder = _folder(tmp_path)
    checker = Checker(load_pack(), Config(), engine="python")
    result = checker.check_target(Target(folder / "never.md", "never.md"))
    assert [(e.kind, e.message) for e in result.errors] == [
        ("io", "file vanished before it could be read")]


def test_names_with_spaces_accents_and_non_utf8_bytes(tmp_path):
    folder = _folder(tmp_path)
    accented = "Spécification ñ 2026.md"
    (folder / accented).write_text(TENDER, encoding="utf-8")
    (folder / "Lot 2 – Ynys Môn").mkdir()
    (folder / "Lot 2 – Ynys Môn" / "spec.md").write_text(TENDER, encoding="utf-8")
    raw = os.fsencode(folder) + b"/caf\xe9 latin1.md"       # a name written by an old system
    with open(raw, "wb") as handle:
        handle.write(TENDER.encode("utf-8"))
    proc = cli_process(["check", "--format", "json", "."], folder)
    assert proc.returncode == 1, proc.stderr                  # findings, no file errors
    files = per_file(proc.stdout)                             # the JSON is valid UTF-8
    assert set(files) == {GOOD, accented, "Lot 2 – Ynys Môn/spec.md", "caf\\xe9 latin1.md"}
    assert all(_checked(files, name) for name in files)
    text = cli_process(["check", "."], folder)
    assert "Spécification ñ 2026.md:" in text.stdout.decode("utf-8")
    sarif = cli_process(["check", "--format", "sarif", "."], folder).stdout.decode("utf-8")
    assert "Sp%C3%A9cification%20%C3%B1%202026.md" in sarif
