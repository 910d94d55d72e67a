"""Reading a reviewed .docx back: each comment's text and the exact text of the runs it spans."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SKIP = {f"{{{W}}}{n}" for n in ("del", "delText", "instrText", "txbxContent", "pPr", "rPr")}


def _text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))


def comments(path: Path) -> list[dict]:
    """[{id, author, text, anchored}] in the order the comments' ranges start in the body."""
    with zipfile.ZipFile(path) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        part = etree.fromstring(zf.read("word/comments.xml")) if "word/comments.xml" in \
            zf.namelist() else None
    texts = {}
    if part is not None:
        for c in part.iter(f"{{{W}}}comment"):
            paragraphs = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
                          for p in c.iter(f"{{{W}}}p")]
            texts[c.get(f"{{{W}}}id")] = (c.get(f"{{{W}}}author"), "\n".join(paragraphs))
    open_ids: list[str] = []
    anchored: dict[str, list[str]] = {}
    order: list[str] = []

    def walk(element) -> None:
        for child in element:
            if child.tag in SKIP:
                continue
            if child.tag == f"{{{W}}}commentRangeStart":
                cid = child.get(f"{{{W}}}id")
                open_ids.append(cid)
                anchored[cid] = []
                order.append(cid)
            elif child.tag == f"{{{W}}}commentRangeEnd":
                cid = child.get(f"{{{W}}}id")
                if cid in open_ids:
                    open_ids.remove(cid)
            elif child.tag == f"{{{W}}}t":
                for cid in open_ids:
                    anchored[cid].append(child.text or "")
            elif child.tag in (f"{{{W}}}tab", f"{{{W}}}br"):
                for cid in open_ids:
                    anchored[cid].append("\t" if child.tag.endswith("tab") else "\n")
            else:
                walk(child)
            if child.tag == f"{{{W}}}p":
                for cid in open_ids:
                    anchored[cid].append("\n")

    walk(body)
    return [{"id": cid, "author": texts.get(cid, ("", ""))[0], "text": texts.get(cid, ("", ""))[1],
             "anchored": "".join(anchored[cid]).strip()} for cid in order]
