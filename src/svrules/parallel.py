"""Check many files with worker processes (`svrules check --jobs N`).

durable-rules is used one host per process and never from threads (shared/guides), so the
parallelism is by process: a `ProcessPoolExecutor` on the `spawn` context, each worker building
its `Checker` (and so its durable-rules host and compiled rule pack) once in its initializer.
Results come back in input order, so the output is byte-identical to `--jobs 1`.

A file that cannot be read is a per-file error inside the worker exactly as in-process. An
exception escaping `check_target` is re-raised in the parent (exit 3, as in-process). A worker
that dies (a crash in a C extension, killed for memory) raises `WorkerCrash`, naming the files
that were being checked: the pool is then broken and the run stops, instead of hanging.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Optional, Sequence

#: below this much input, the default (`--jobs` not given) checks in-process: starting a worker
#: costs about as much as checking 1 MB.
AUTO_SERIAL_BYTES = 2 * 1024 * 1024

_CHECKER = None


class WorkerCrash(RuntimeError):
    pass


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
    return _CHECKER.check_target(target)


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
                  jobs: Optional[int] = None, checker=None) -> list:
    """FileResults for `targets`, in order. `jobs`: None/0 = automatic, 1 = in this process."""
    n = effective_jobs(targets, jobs)
    if n <= 1:
        if checker is None:
            from .check import Checker
            checker = Checker(pack, config, engine=engine, lawbook=lawbook)
        return [checker.check_target(t) for t in targets]

    import multiprocessing
    ctx = multiprocessing.get_context("spawn")
    results: list = []
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init,
                             initargs=(pack, config, engine, lawbook)) as pool:
        # Bounded submission keeps memory flat on huge corpora: at most a few files queued
        # per worker at a time; results are collected in input order as they complete.
        window = 4 * n
        pending: list = []
        it = iter(targets)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < window:
                    target = next(it, None)
                    if target is None:
                        exhausted = True
                        break
                    pending.append((target, pool.submit(_check, target)))
                if not pending:
                    break
                target, future = pending[0]
                results.append(future.result())
                pending.pop(0)
        except BrokenProcessPool:
            names = [t.display for t, f in pending if not f.done() or f.exception() is not None]
            listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            raise WorkerCrash(
                f"a worker process died while checking one of: {listed}; rerun with --jobs 1 "
                "to find the file, and please report it") from None
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return results
