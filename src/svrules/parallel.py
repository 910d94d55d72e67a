"""Check many files with worker processes (`svrules check --jobs N`).

durable-rules is used one host per process and never from threads (shared/guides), so the
parallelism is by process: `--jobs N` runs N - 1 workers of a `ProcessPoolExecutor` on the
`spawn` context, each building its `Checker` (and so its durable-rules host and compiled rule
pack) once in its initializer, and checks files in this process as well. Results are put back in
input order, so the output is byte-identical to `--jobs 1`.

A file that cannot be read is a per-file error inside the worker exactly as in-process, and
so is an unexpected exception (`Checker.check_target` makes it that file's `internal` error).
A worker that dies (a crash in a C extension, killed for memory) breaks the pool: the files it
held become `internal` errors naming them (exit 3) and the files not yet checked are checked in
this process, so the run neither hangs nor loses the other files' results.
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
                    keep(inflight.pop(future), future.result())
                if next_i < len(targets):
                    if checker is None:     # built after the workers were started, so that
                        from .check import Checker      # their start-up overlaps this
                        checker = Checker(pack, config, engine=engine, lawbook=lawbook)
                    keep(next_i, checker.check_target(targets[next_i]))
                    next_i += 1
                elif inflight:
                    done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                    for future in done:
                        keep(inflight.pop(future), future.result())
        except BrokenProcessPool:
            broken = True
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        else:
            broken = False
    if broken:
        # The files the dead worker held are reported as internal errors (exit 3), and every
        # file not yet checked is checked here: one crash never hides the other files' results.
        for future, i in list(inflight.items()):        # finished before the pool broke
            if future.done() and not future.cancelled() and future.exception() is None:
                keep(inflight.pop(future), future.result())
        lost = sorted(inflight.values())
        listed = ", ".join(targets[i].display for i in lost[:5]) + (
            f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        message = (f"a worker process died while checking one of: {listed}; rerun with "
                   "--jobs 1 to find the file, and please report it")
        from .model import FileError, FileResult
        for i in lost:
            keep(i, FileResult(path=targets[i].display,
                               errors=(FileError(kind="internal", message=message),)))
        if checker is None:
            from .check import Checker
            checker = Checker(pack, config, engine=engine, lawbook=lawbook)
        for i in range(next_i, len(targets)):
            keep(i, checker.check_target(targets[i]))
    return store
