"""Check many files with worker processes (`svrules check --jobs N`).

durable-rules is used one host per process and never from threads (shared/guides), so the
parallelism is by process: `--jobs N` runs N - 1 workers of a `ProcessPoolExecutor` on the
`spawn` context, each building its `Checker` (and so its durable-rules host and compiled rule
pack) once in its initializer, and checks files in this process as well. Results are put back in
input order, so the output is byte-identical to `--jobs 1`.

A file that cannot be read is a per-file error inside the worker exactly as in-process, and
so is an unexpected exception (`Checker.check_target` makes it that file's `internal` error).
A worker that dies (a crash in a C extension, killed for memory) breaks the pool: the files it
held are checked again one at a time in a fresh worker, the file that kills it again becomes an
`internal` error naming it (exit 3), and the files not yet checked are checked in this process,
so the run neither hangs nor loses the other files' results.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Optional, Sequence

from .store import ResultStore, pack_result

#: below this much input, the default (`--jobs` not given) checks in-process: starting a worker
#: costs about as much as checking 1 MB.
AUTO_SERIAL_BYTES = 2 * 1024 * 1024

_CHECKER = None
#: files queued per worker beyond the one it is checking: enough that a worker still has work
#: while this process checks a long tender itself (with 2 the worker sat idle at times)
QUEUED_PER_WORKER = 8


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init(pack, config, engine: str, lawbook) -> None:
    global _CHECKER
    from .check import Checker
    _CHECKER = Checker(pack, config, engine=engine, lawbook=lawbook)


def _check(target):
    if os.environ.get("SVRULES_TEST_CRASH_ON") and target.display.endswith(
            os.environ["SVRULES_TEST_CRASH_ON"]):
        os._exit(70)                       # test hook: a worker dying mid-file
    # Sent back packed as the parent keeps it (store.py): the parent neither unpickles nor
    # repacks it, and the transfer is smaller.
    return pack_result(_CHECKER.check_target(target))


def _size(targets) -> int:
    total = 0
    for t in targets:
        try:
            total += os.path.getsize(t.path)
        except OSError:
            pass
    return total


def effective_jobs(targets: Sequence, jobs: Optional[int]) -> int:
    if jobs is None or jobs == 0:
        if len(targets) < 2 or _size(targets) < AUTO_SERIAL_BYTES:
            return 1
        jobs = default_jobs()
    return max(1, min(jobs, len(targets)))


def check_targets(targets: Sequence, pack, config, engine: str, lawbook=None,
                  jobs: Optional[int] = None, checker=None) -> ResultStore:
    """FileResults for `targets`, in order, kept compressed (store.py). `jobs`: None/0 =
    automatic, 1 = in this process."""
    n = effective_jobs(targets, jobs)
    if n <= 1:
        if checker is None:
            from .check import Checker
            checker = Checker(pack, config, engine=engine, lawbook=lawbook)
        store = ResultStore()
        for target in targets:
            store.append(checker.check_target(target))
        return store

    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, wait

    ctx = multiprocessing.get_context("spawn")
    results: dict[int, object] = {}     # finished out of order, until they can be stored
    store = ResultStore()

    def keep(index: int, result) -> None:
        results[index] = result
        while len(store) in results:
            done = results.pop(len(store))
            if isinstance(done, tuple):                # from a worker, already packed
                store.append_packed(done)
            else:
                store.append(done)

    # n - 1 workers, and this process checks files too: it has everything loaded already, so
    # that saves one worker's cold start and the transfer of its share of the results.
    # Workers are kept fed first with a short queue each, then this process takes the next
    # file; so the load balances whatever the sizes, and output order is by index.
    workers = n - 1
    cap = workers * (1 + QUEUED_PER_WORKER)
    inflight: dict = {}
    next_i = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init,
                             initargs=(pack, config, engine, lawbook)) as pool:
        try:
            while next_i < len(targets) or inflight:
                while next_i < len(targets) and len(inflight) < cap:
                    inflight[pool.submit(_check, targets[next_i])] = next_i
                    next_i += 1
                for future in [f for f in inflight if f.done()]:
                    result = future.result()        # before the pop: it may raise
                    keep(inflight.pop(future), result)
                if next_i < len(targets):
                    if checker is None:     # built after the workers were started, so that
                        from .check import Checker      # their start-up overlaps this
                        checker = Checker(pack, config, engine=engine, lawbook=lawbook)
                    keep(next_i, checker.check_target(targets[next_i]))
                    next_i += 1
                elif inflight:
                    done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                    for future in done:
                        result = future.result()
                        keep(inflight.pop(future), result)
        except BrokenProcessPool:
            broken = True
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        else:
            broken = False
    if broken:
        # The files the dead worker held are checked again one at a time in a fresh worker:
        # the one that kills it again is reported as an internal error (exit 3), every other
        # file gets its result, and the files not yet started are checked here. One crash
        # never hides the other files' results.
        for future, i in list(inflight.items()):        # finished before the pool broke
            if future.done() and not future.cancelled() and future.exception() is None:
                keep(inflight.pop(future), future.result())
        _retry_alone(sorted(inflight.values()), targets, keep, ctx,
                     (pack, config, engine, lawbook))
        if checker is None:
            from .check import Checker
            checker = Checker(pack, config, engine=engine, lawbook=lawbook)
        for i in range(next_i, len(targets)):
            keep(i, checker.check_target(targets[i]))
    return store


def _retry_alone(lost: list[int], targets, keep, ctx, initargs) -> None:
    """Check `lost` in a one-worker pool, in order; a file whose check kills the worker is an
    `internal` error naming it, and the pool is started again for the rest."""
    from .model import FileError, FileResult
    remaining = list(lost)
    while remaining:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init,
                                 initargs=initargs) as pool:
            try:
                while remaining:
                    keep(remaining[0], pool.submit(_check, targets[remaining[0]]).result())
                    remaining.pop(0)
            except BrokenProcessPool:
                culprit = remaining.pop(0)
                keep(culprit, FileResult(path=targets[culprit].display, errors=(FileError(
                    kind="internal", message=f"a worker process died while checking "
                    f"{targets[culprit].display}; rerun with --jobs 1 to see the error, and "
                    "please report it"),)))
