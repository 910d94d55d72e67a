"""The compressed result store gives back exactly what was put in, in order, as often as asked."""
from __future__ import annotations

from pathlib import Path

from svrules.check import Checker
from svrules.config import Config
from svrules.model import FileError, FileResult
from svrules.rulepack import load_pack
from svrules.store import ResultStore, status_of
from svrules.suppress import review

ROOT = Path(__file__).resolve().parents[1]


def _results() -> list[FileResult]:
    checker = Checker(load_pack(), Config(), engine="python")
    out = [checker.check_path(p) for p in sorted((ROOT / "examples").glob("*.md"))]
    out.append(FileResult(path="broken.pdf", errors=(FileError(kind="malformed", message="x"),)))
    return out


def test_store_round_trips_in_order_and_can_be_read_again():
    results = _results()
    assert sum(len(r.findings) for r in results) > 10
    store = ResultStore(results)
    assert len(store) == len(results)
    assert list(store) == results and list(store) == results       # read twice
    assert store[0] == results[0] and store[-1] == results[-1]
    assert store[1:3] == results[1:3]
    assert store == results and store == ResultStore(results)
    more = ResultStore(results[:2])
    more.extend(ResultStore(results[2:]))
    assert more == results


def test_store_holds_far_less_than_the_objects():
    import pickle
    results = _results()
    store = ResultStore(results)
    assert store.size_bytes() < 0.5 * sum(len(pickle.dumps(r)) for r in results)


def test_review_keeps_a_store_a_store():
    results = _results()
    reviewed = review(ResultStore(results))
    assert isinstance(reviewed, ResultStore)
    assert list(reviewed) == review(results)


def test_the_exit_status_is_read_from_the_kept_statuses():
    from svrules.cli import exit_status
    from svrules.model import Severity
    results = _results()
    store = ResultStore(results[:2])
    store.extend(ResultStore(results[2:]))
    assert store.statuses == [status_of(r) for r in results]
    for fail_on in Severity:
        assert exit_status(store, fail_on) == exit_status(results, fail_on)
    assert exit_status(store, Severity.info) == 2          # broken.pdf is a file error
    assert exit_status(ResultStore(results[:-1]), Severity.error) == 1
