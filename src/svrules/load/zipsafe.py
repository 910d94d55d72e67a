"""Open .docx/.odt containers (zip archives) from bytes, with caps that stop zip bombs.

A zip's headers say how big each member is, but a hostile archive lies, so the caps are
enforced on the bytes actually inflated: members are read in chunks and reading stops the
moment a member, or all members read so far, pass the limit. Entry counts are checked from
the end-of-central-directory record before `zipfile` builds an object per entry.
"""
from __future__ import annotations

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


class SafeZip:
    """Read-only view of a zip archive that never inflates more than the limits allow."""

    def __init__(self, data: bytes, what: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.what = what
        self.limits = limits
        self.total_read = 0
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
            with self._zip.open(info) as member:
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
