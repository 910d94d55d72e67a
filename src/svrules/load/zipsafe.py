"""Open .docx/.odt containers (zip archives) from bytes, with caps that stop zip bombs.

A zip's headers say how big each member is, but a hostile archive lies, so the caps are
enforced on the bytes actually inflated: members are read in chunks and reading stops the
moment a member, or all members read so far, pass the limit. Entry counts are checked from
the end-of-central-directory record before `zipfile` builds an object per entry.
"""
from __future__ import annotations

import bz2
import io
import lzma
import struct
import zipfile
import zlib

from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits

CHUNK = 64 * 1024
EOCD_SIGNATURE = b"PK\x05\x06"
EOCD_SIZE = 22
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # legacy .doc, or an encrypted OOXML file


def _declared_entry_count(data: bytes) -> int | None:
    """Entry count from the end-of-central-directory record (None if it is not found)."""
    at = data.rfind(EOCD_SIGNATURE, max(0, len(data) - EOCD_SIZE - 0xFFFF))
    if at < 0 or at + EOCD_SIZE > len(data):
        return None
    return struct.unpack_from("<H", data, at + 10)[0]


def _not_a_zip(data: bytes, what: str) -> LoadError:
    if data.startswith(OLE2_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return LoadError("encrypted", f"the {what} is password-protected: "
                             "save an unprotected copy")
        return LoadError("unsupported", f"this is a legacy binary file, not a {what}: "
                         "save it in the current format")
    if data.startswith(b"PK\x03\x04"):
        return LoadError("malformed", f"the {what} is truncated or damaged: "
                         "its zip directory is missing")
    return LoadError("malformed", f"not a {what}: the file is not a zip archive")


class _CappedInflater:
    """bzip2 or LZMA (zip method 12 or 14) inflated at most `n` bytes per read, CRC checked."""

    def __init__(self, raw: bytes, info: zipfile.ZipInfo) -> None:
        self.info = info
        self.crc = 0
        if info.compress_type == zipfile.ZIP_BZIP2:
            self.inflater = bz2.BZ2Decompressor()
            self.pending = raw
        else:                       # zip's LZMA: 2 version bytes, 2 size bytes, properties
            if len(raw) < 4:
                raise EOFError("LZMA header truncated")
            psize = struct.unpack("<H", raw[2:4])[0]
            if len(raw) < 4 + psize:
                raise EOFError("LZMA properties truncated")
            filters = [lzma._decode_filter_properties(   # noqa: SLF001 - as zipfile does
                lzma.FILTER_LZMA1, raw[4:4 + psize])]
            self.inflater = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters)
            self.pending = raw[4 + psize:]

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def read(self, n: int) -> bytes:
        if self.inflater.eof:
            return self._done()
        data, self.pending = self.pending, b""
        out = self.inflater.decompress(data, max_length=n)
        if not out:                 # input used up (truncated data fails the CRC check)
            return self._done()
        self.crc = zlib.crc32(out, self.crc)
        return out

    def _done(self) -> bytes:
        if self.crc != self.info.CRC:
            raise zipfile.BadZipFile(f"bad CRC-32 for {self.info.filename}")
        return b""


class SafeZip:
    """Read-only view of a zip archive that never inflates more than the limits allow."""

    def __init__(self, data: bytes, what: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.what = what
        self.limits = limits
        self.total_read = 0
        self._data = data
        declared = _declared_entry_count(data)
        if declared is not None and declared > limits.max_zip_entries:
            raise self._too_many(declared)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except NotImplementedError as exc:   # e.g. a damaged "version needed to extract"
            raise LoadError("malformed", f"the {what} is damaged or uses zip features "
                            f"that cannot be read ({exc})") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError,
                struct.error, UnicodeDecodeError):
            raise _not_a_zip(data, what) from None
        infos = self._zip.infolist()
        if len(infos) > limits.max_zip_entries:
            raise self._too_many(len(infos))
        self._infos = {info.filename: info for info in infos}

    def _too_many(self, count: int) -> LoadError:
        return LoadError("hostile", f"the {self.what} holds {count} zip entries, more than the "
                         f"limit of {self.limits.max_zip_entries} (a zip bomb?)")

    def _open(self, info: zipfile.ZipInfo):
        """A reader of the member's inflated bytes that never inflates more than CHUNK at a
        time. zipfile caps each step for deflate, but inflates a bzip2 or LZMA block whole:
        1.6 KB of bzip2 becomes 2 GB in one read. Those two are inflated here, with a cap."""
        if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return self._zip.open(info)
        if info.compress_type not in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            raise NotImplementedError(f"compression method {info.compress_type}")
        if info.flag_bits & 0x1:
            raise RuntimeError("the member is encrypted")
        with self._zip.open(info) as member:      # checks the local header; nothing read yet
            start = member._fileobj.tell()       # noqa: SLF001 - where the compressed data is
        return _CappedInflater(self._data[start:start + info.compress_size], info)

    def names(self) -> list[str]:
        return list(self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes | None:
        """The member's bytes, or None if absent. Raises LoadError past any cap."""
        info = self._infos.get(name)
        if info is None:
            return None
        cap = self.limits.max_zip_entry_bytes
        total_cap = self.limits.max_zip_total_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            with self._open(info) as member:
                while True:
                    chunk = member.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self.total_read += len(chunk)
                    if size > cap:
                        raise LoadError("hostile", f"{name} in the {self.what} inflates past the "
                                        f"{cap // (1024 * 1024)} MB limit (a zip bomb?)")
                    if self.total_read > total_cap:
                        raise LoadError("hostile", f"the {self.what} inflates past the "
                                        f"{total_cap // (1024 * 1024)} MB limit (a zip bomb?)")
                    chunks.append(chunk)
        except RuntimeError as exc:          # zipfile's "password required" for encrypted members
            if "encrypted" in str(exc) or "password" in str(exc):
                raise LoadError("encrypted", f"{name} in the {self.what} is encrypted") from None
            raise LoadError("malformed", f"{name} in the {self.what} cannot be read: {exc}") \
                from None
        except NotImplementedError as exc:   # compression method zipfile does not know
            raise LoadError("malformed", f"{name} in the {self.what} uses an unsupported "
                            f"compression method ({exc})") from None
        except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError,
                struct.error, UnicodeDecodeError) as exc:
            raise LoadError("malformed", f"{name} in the {self.what} is damaged ({exc})") \
                from None
        return b"".join(chunks)
