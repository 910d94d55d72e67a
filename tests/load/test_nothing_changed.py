"""svrules never writes to what it checks: the whole input tree (names, contents, modes, mtimes
of files and folders; a folder's mtime changes even when a temp file is made and removed) is
the same after a run, with or without --output pointed elsewhere; and the same inputs give
byte-identical json and sarif in separate processes with different hash seeds."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from safety_helpers import cli_process
from tender_formats import build_mixed_folder


def tree_state(root: Path) -> dict[str, tuple]:
    state: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames) + sorted(filenames):
            path = Path(dirpath) / name
            st = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
            state[path.relative_to(root).as_posix()] = (st.st_mode, st.st_size, st.st_mtime_ns,
                                                        digest)
    st = root.stat()
    state["."] = (st.st_mode, st.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs") / "tenders"
    build_mixed_folder(folder)
    (folder / "lot 2").mkdir()
    (folder / "lot 2" / "tender-md.md").write_bytes((folder / "tender-md.md").read_bytes())
    return folder


@pytest.mark.timeout(300)
@pytest.mark.parametrize("extra", [[], ["--output", "json:{out}/r.json",
                                        "--output", "sarif:{out}/r.sarif",
                                        "--output", "html:{out}/r.html"]])
def test_check_leaves_the_input_tree_untouched(mixed, tmp_path, extra):
    out = tmp_path / "reports"
    out.mkdir()
    before = tree_state(mixed)
    args = [a.format(out=out) for a in extra]
    # Run from inside the checked folder: a cache or temp file written to the working folder
    # would land in the tree.
    proc = cli_process(["check", "--format", "sarif", *args, "."], mixed,
                       env={"TMPDIR": str(tmp_path)})
    assert proc.returncode == 2, proc.stderr
    assert tree_state(mixed) == before
    if extra:
        assert sorted(p.name for p in out.iterdir()) == ["r.html", "r.json", "r.sarif"]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_output_is_byte_identical_across_runs(mixed, tmp_path, fmt):
    runs = [cli_process(["check", "--format", fmt, "."], mixed,
                        env={"PYTHONHASHSEED": seed}) for seed in ("1", "4242")]
    assert runs[0].returncode == runs[1].returncode == 2
    assert len(runs[0].stdout) > 1000
    assert runs[0].stdout == runs[1].stdout
    files = [cli_process(["check", "--format", "text", "--output", f"{fmt}:{tmp_path}/{i}.out",
                          "."], mixed) for i in (1, 2)]
    assert all(p.returncode == 2 for p in files)
    assert (tmp_path / "1.out").read_bytes() == (tmp_path / "2.out").read_bytes() \
        == runs[0].stdout
