"""`json.dumps(obj, indent=2, ensure_ascii=False)`, byte for byte, about three times faster.

The standard library drops to its pure-Python encoder whenever `indent` is set, which made
the JSON report a tenth of a 500-file run (and all of it single-threaded, after the `--jobs`
workers finish). This writer handles only what the reports contain (dicts with string
keys, lists, tuples, strings, ints, floats, booleans, None) with the C string escaper; anything
else raises `TypeError`, and `dumps` then falls back to the standard library.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper when _json is available

_INDENT = "  "


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _write(value, out: list, newline: str, memo: dict) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_float(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"key {key!r} is not a str")
            out.append(separator + encode_basestring(key) + ": ")
            _write(item, out, inner, memo)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        if kind is tuple:
            # A tuple shared by many findings (their rule's citations) is written once per
            # depth and its text reused; the memo holds the tuple, so its id stays its own.
            known = memo.get((id(value), newline))
            if known is not None and known[0] is value:
                out.append(known[1])
                return
            start = len(out)
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, out, inner, memo)
            separator = "," + inner
        out.append(newline + "]")
        if kind is tuple:
            text = "".join(out[start:])
            del out[start:]
            out.append(text)
            memo[(id(value), newline)] = (value, text)
    else:
        raise TypeError(f"{kind.__name__} is not one of the types the reports use")


def dumps(value) -> str:
    """The text `json.dumps(value, indent=2, ensure_ascii=False)` gives."""
    out: list[str] = []
    try:
        _write(value, out, "\n", {})
    except (TypeError, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)
