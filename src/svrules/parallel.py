"""Check many files with worker processes (`svrules check --jobs N`).

durable-rules is used one host per process and never from threads (shared/guides), so the
parallelism is by process: `--jobs N` runs N - 1 worker processes and checks files in this
process as well. Results are put back in input order, so the output is byte-identical to
`--jobs 1`.

Where the platform can fork, this process builds its `Checker` first without its engine (the
imports, the rule pack, the compiled patterns and the law data) and forks the workers from it,
so a worker starts with all of that ready instead of importing and building it again (about
half a second of CPU each); each process then starts its own durable-rules host after the fork
(the C core's state is never shared across one). Otherwise, and for a worker started after
this process's host exists (one replacing a dead worker), workers are spawned and each builds
its own `Checker`.

Each worker has two pipes of its own, one for the files it is given and one for their results,
and this process keeps no copy of the worker's ends. That is why this is not a
`concurrent.futures.ProcessPoolExecutor`: its workers share one result pipe whose writing end
the parent holds as well, so a worker that dies half-way through sending a result (the C
core's `free(): invalid pointer` abort can strike at any later allocation) leaves the parent
waiting for the rest of that message for ever. Here the parent waits on each worker's own
result pipe, and a worker that dies, however and whenever, is seen at once: its pipe reads as
closed.

A file that cannot be read is a per-file error inside the worker exactly as in-process, and
so is an unexpected exception (`Checker.check_target` makes it that file's `internal` error).
A worker that dies (a crash in a C extension, killed for memory): the file it was checking is
checked again alone in a fresh worker, and if it kills that one too it becomes an `internal`
error naming it and how the worker died (exit 3); the files it had queued go back to the queue,
and the fresh worker takes its place. After `MAX_DEATHS` deaths no worker is started again and
the rest are checked in this process. The run neither hangs nor loses the other files' results.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Optional, Sequence

from .store import ResultStore, pack_result

#: below this much input, the default (`--jobs` not given) checks in-process: starting a worker
#: costs about as much as checking 1 MB.
AUTO_SERIAL_BYTES = 2 * 1024 * 1024

_CHECKER = None
#: files queued per worker beyond the one it is checking: enough that a worker still has work
#: while this process checks a long tender itself (with 2 the worker sat idle at times)
QUEUED_PER_WORKER = 8
#: worker deaths in one run after which no worker is started again
MAX_DEATHS = 4


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init(pack, config, engine: str, lawbook) -> None:
    global _CHECKER
    from .check import Checker
    _CHECKER = Checker(pack, config, engine=engine, lawbook=lawbook)


def _crash_hook(target) -> str:
    """How the test hook wants this worker to die on `target` ("" for not at all):
    SVRULES_TEST_CRASH_ON names the file (its path's end), SVRULES_TEST_CRASH_HOW the way."""
    name = os.environ.get("SVRULES_TEST_CRASH_ON")
    if not name or not target.display.endswith(name):
        return ""
    return os.environ.get("SVRULES_TEST_CRASH_HOW", "exit")


def _check(target):
    how = _crash_hook(target)
    if how and how != "abort-sending":
        _die(how)                          # test hook: a worker dying mid-file
    # Sent back packed as the parent keeps it (store.py): the parent neither unpickles nor
    # repacks it, and the transfer is smaller.
    return pack_result(_CHECKER.check_target(target))


def _die(how: str) -> None:
    """The test hook's ways for a worker to die: exit, abort (SIGABRT, as the C core's
    `free(): invalid pointer` does), kill (SIGKILL, as the kernel's out-of-memory killer does);
    `abort-sending` aborts half-way through sending the file's result (`_serve`)."""
    import signal
    if how == "abort":
        os.kill(os.getpid(), signal.SIGABRT)
    elif how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(70)


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
    return _Run(targets, n - 1, (pack, config, engine, lawbook), checker).run()


def _fork_context():
    """The `fork` context when a worker can be forked from this process: the platform has it,
    no other thread runs, and no durable-rules host exists here yet (its C state must be made
    in the process that uses it). None otherwise."""
    import multiprocessing
    import sys
    import threading
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    engine = sys.modules.get("svrules.engine.durable_engine")
    if engine is not None and getattr(engine, "_HOST", None) is not None:
        return None
    return multiprocessing.get_context("fork")


def _serve(tasks, results, initargs, inherited=()) -> None:
    """A worker's life: build the Checker once (`initargs`; None when forked from a process
    whose `_CHECKER` is built and only its engine is to start), then check each file it is sent
    and send its result back packed (store.py: the parent neither unpickles nor repacks it),
    until told to stop or this process's pipe closes. `inherited`: the parent's ends of the
    other workers' pipes, which a forked worker holds too and closes at once (so that those
    workers' pipes still read as closed when their other end goes)."""
    try:
        for conn in inherited:
            conn.close()
        if initargs is None:
            _CHECKER.start_engine()
        else:
            _init(*initargs)
        while True:
            try:
                item = tasks.recv()
            except EOFError:
                return
            if item is None:
                return
            index, target = item
            packed = _check(target)
            if _crash_hook(target) == "abort-sending":
                _send_half_and_die(results, (index, packed))
            results.send((index, packed))
    except KeyboardInterrupt:          # Ctrl-C reaches the whole process group: the parent
        return                         # reports it


def _send_half_and_die(conn, message) -> None:
    """Test hook: write the first half of `message` as `Connection.send` frames it, then abort."""
    import pickle
    import struct
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    frame = struct.pack("!i", len(data)) + data
    os.write(conn.fileno(), frame[: len(frame) // 2])
    _die("abort")


class _Worker:
    """One worker process and its own two pipes. This process closes its copies of the
    worker's ends at once, so when the worker dies its result pipe reads as closed (EOF),
    even half-way through a message."""

    def __init__(self, ctx, initargs, inherited=()) -> None:
        task_r, task_w = ctx.Pipe(duplex=False)
        result_r, result_w = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_serve,
                                   args=(task_r, result_w, initargs, tuple(inherited)),
                                   daemon=True)
        self.process.start()
        task_r.close()
        result_w.close()
        self.tasks, self.results = task_w, result_r
        self.held: deque[int] = deque()        # files sent and not yet answered, in order

    def give(self, index: int, target) -> bool:
        """Send one file; False when the worker is gone (its task pipe is closed)."""
        try:
            self.tasks.send((index, target))
        except OSError:                        # BrokenPipeError: it died
            return False
        self.held.append(index)
        return True

    def take(self):
        """(index, packed result) of the oldest file it holds; None when the worker has died."""
        try:
            index, packed = self.results.recv()
        except (EOFError, OSError):
            return None
        if not self.held or index != self.held[0]:       # cannot happen: one file at a time
            raise RuntimeError(f"worker answered file {index} out of turn")
        self.held.popleft()
        return index, packed

    def how_it_died(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is None:
            self.process.kill()
            self.process.join(timeout=5)
            return "its result pipe closed"
        if code < 0:
            import signal
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}"

    def stop(self) -> None:
        try:
            self.tasks.send(None)
        except OSError:
            pass

    def close(self, wait: float = 5.0) -> None:
        self.process.join(timeout=wait)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.tasks.close()
        self.results.close()


class _Run:
    """One `--jobs N` run: N - 1 workers, and this process checks files too (it has everything
    loaded already, which saves one worker's cold start and the transfer of its share of the
    results). Workers are kept fed first, with a short queue each; then this process takes the
    next file; so the load balances whatever the sizes, and the output order is by index."""

    def __init__(self, targets, workers: int, initargs, checker) -> None:
        import multiprocessing
        self.spawn = multiprocessing.get_context("spawn")
        self.targets, self.initargs, self.checker = targets, initargs, checker
        self.n_workers = workers
        self.workers: list[_Worker] = []
        self.pending: deque[int] = deque(range(len(targets)))
        self.done: dict[int, object] = {}       # finished out of order, until they can be stored
        self.store = ResultStore()
        self.deaths = 0

    def keep(self, index: int, result) -> None:
        self.done[index] = result
        while len(self.store) in self.done:
            result = self.done.pop(len(self.store))
            if isinstance(result, tuple):                  # from a worker, already packed
                self.store.append_packed(result)
            else:
                self.store.append(result)

    def run(self) -> ResultStore:
        from multiprocessing.connection import wait
        cap = 1 + QUEUED_PER_WORKER
        try:
            self.start_workers()
            while self.pending or any(w.held for w in self.workers):
                for worker in list(self.workers):
                    while self.pending and len(worker.held) < cap:
                        index = self.pending.popleft()
                        if not worker.give(index, self.targets[index]):
                            self.pending.appendleft(index)
                            self.bury(worker)
                            break
                self.collect(wait(self.busy(), timeout=0))
                if self.pending:
                    self.check_here(self.pending.popleft())
                elif self.busy():           # asked again: the collect may have emptied one
                    self.collect(wait(self.busy()))
        finally:
            for worker in self.workers:
                worker.stop()
            for worker in self.workers:
                worker.close()
        return self.store

    def start_workers(self) -> None:
        """Fork the workers from this process's checker, built first without its engine, when
        the platform allows (`_fork_context`); else spawn them, each to build its own."""
        global _CHECKER
        fork = _fork_context() if self.checker is None else None
        if fork is not None:
            from .check import Checker
            pack, config, engine, lawbook = self.initargs
            self.checker = _CHECKER = Checker(pack, config, engine=engine, lawbook=lawbook,
                                              start_engine=False)
            for _ in range(self.n_workers):
                inherited = [c for w in self.workers for c in (w.tasks, w.results)]
                self.workers.append(_Worker(fork, None, inherited))
            _CHECKER = None
            self.checker.start_engine()
            return
        self.workers = [_Worker(self.spawn, self.initargs) for _ in range(self.n_workers)]

    def busy(self) -> list:
        """The result pipes of the workers holding files (a pipe of an idle worker would be
        waited on for ever)."""
        return [w.results for w in self.workers if w.held]

    def check_here(self, index: int) -> None:
        if self.checker is None:        # built after the workers were started, so that their
            from .check import Checker          # start-up overlaps this
            pack, config, engine, lawbook = self.initargs
            self.checker = Checker(pack, config, engine=engine, lawbook=lawbook)
        self.keep(index, self.checker.check_target(self.targets[index]))

    def collect(self, ready) -> None:
        for worker in [w for w in self.workers if w.results in ready]:
            answer = worker.take()
            if answer is None:
                self.bury(worker)
            else:
                self.keep(*answer)

    def bury(self, worker: _Worker) -> None:
        """A worker died. The file it was checking is checked again alone in a fresh worker
        (the one that kills that too is an `internal` error naming it); the files it had
        queued go back to the front of the queue; the fresh worker takes its place."""
        self.workers.remove(worker)
        how = worker.how_it_died()
        worker.close(wait=0)
        self.deaths += 1
        held = list(worker.held)
        self.pending.extendleft(reversed(held[1:]))
        culprit = held[0] if held else None
        while self.deaths < MAX_DEATHS:
            fresh = _Worker(self.spawn, self.initargs)
            if culprit is None:
                self.workers.append(fresh)
                return
            answer = fresh.take() if fresh.give(culprit, self.targets[culprit]) else None
            if answer is not None:
                self.keep(*answer)
                self.workers.append(fresh)
                return
            again = fresh.how_it_died()
            fresh.close(wait=0)
            self.deaths += 1
            self.fail(culprit, f"{how}, and again alone: {again}")
            culprit = None
        if culprit is not None:                 # too many deaths: not tried again
            self.fail(culprit, how)

    def fail(self, index: int, how: str) -> None:
        from .model import FileError, FileResult
        display = self.targets[index].display
        self.keep(index, FileResult(path=display, errors=(FileError(
            kind="internal", message=f"a worker process died while checking {display} "
            f"({how}); rerun with --jobs 1 to see the error, and please report it"),)))
