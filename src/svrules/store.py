"""The results of a run, kept compressed until the report reads them (so memory stays flat).

`svrules check` keeps every file's result for the report (JSON, SARIF and JUnit need all of
them, and the exit status is judged on all). As objects a result costs about 4 KB per finding
(pydantic models, their messages and places); pickled and compressed, under 1 KB. So a run
over thousands of tenders grows by a fraction of what it would, for about 0.1 ms per finding.

The pickles are made here, from results this process built or received from its own workers,
and never read from anywhere else.
"""
from __future__ import annotations

import pickle
import zlib
from typing import Iterable, Iterator, Sequence, overload

from .model import FileResult


#: what the exit status needs of a result: (an internal error, any error, the highest
#: severity rank of its findings or -1), kept beside it so that no result is unpacked for it
Status = tuple[bool, bool, int]
Packed = tuple[bytes, Status]


def status_of(result: FileResult) -> Status:
    return (any(e.kind == "internal" for e in result.errors), bool(result.errors),
            max((f.severity.rank for f in result.findings), default=-1))


def pack_result(result: FileResult) -> Packed:
    """A result as the store keeps it (what `--jobs` workers send back)."""
    return (zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1),
            status_of(result))


def _unpack(data: bytes) -> FileResult:
    return pickle.loads(zlib.decompress(data))


class ResultStore(Sequence[FileResult]):
    """A list of `FileResult`s held compressed; reading one gives a fresh copy of it."""

    def __init__(self, results: Iterable[FileResult] = ()) -> None:
        self._packed: list[bytes] = []
        self.statuses: list[Status] = []
        self.extend(results)

    def append(self, result: FileResult) -> None:
        self.append_packed(pack_result(result))

    def append_packed(self, packed: Packed) -> None:
        """A result packed by `pack_result` in this process or one of its workers."""
        data, status = packed
        self._packed.append(data)
        self.statuses.append(status)

    def extend(self, results: Iterable[FileResult]) -> None:
        if isinstance(results, ResultStore):
            self._packed.extend(results._packed)
            self.statuses.extend(results.statuses)
        else:
            for result in results:
                self.append(result)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_unpack(data) for data in self._packed[index]]
        return _unpack(self._packed[index])

    def __iter__(self) -> Iterator[FileResult]:
        for data in self._packed:
            yield _unpack(data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ResultStore):
            return self._packed == other._packed or list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def size_bytes(self) -> int:
        """Bytes held (compressed), for the benchmark."""
        return sum(len(data) for data in self._packed)

