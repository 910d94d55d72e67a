"""Markdown and plain text: decode, take the front matter, split into blocks."""
from __future__ import annotations

from .blocks import split_markdown
from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits
from .meta import split_front_matter
from .parsed import Parsed

CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM); Windows-1252 with a warning; otherwise a clear error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("encoding", "UTF-16 text (it starts with a UTF-16 byte order mark), "
                        "which is not supported: save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise LoadError("encoding", f"contains a NUL byte at byte {nul}: a binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = exc.start
    if not any(b in CP1252_UNDEFINED for b in data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return text, [f"not valid UTF-8 (byte {bad}); decoded as Windows-1252: "
                          "save the file as UTF-8 to silence this"]
    line = data.count(b"\n", 0, bad) + 1
    raise LoadError("encoding", f"not valid UTF-8 at byte {bad} (line {line}) and not "
                    "Windows-1252 either: save the file as UTF-8", line=line)


def parse_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    text, warnings = decode(data)
    if not text.strip():
        raise LoadError("empty", "the file is empty" if not data else
                        "the file holds only whitespace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, front_line, body, body_line = split_front_matter(text)
    return Parsed(blocks=split_markdown(body, body_line, limits), meta_yaml=front,
                  meta_first_line=front_line, warnings=warnings)
