"""An example plug-in reader, added the way any reader is: this one module and its
registration. It reads a response's word limit ("in no more than 300 words"), a fact of its
own (`word_limit`) that a rule can test like a clause."""
from __future__ import annotations

from svrules.extract._rx import rx
from svrules.extract.readers import Reading, register
from svrules.vocabulary import FactKind, Field

WORD_LIMIT = rx(r"\b(?:no more than|maximum of|up to|limit of)\s+(\d[\d,]*)\s+words\b")

WORD_LIMIT_FACT = FactKind("word_limit", "a word limit on a written response", (
    Field("words", "number", "the most words the response may have"),))


def read_word_limits(blocks, index) -> list[Reading]:
    out = []
    for position in index.positions_with(WORD_LIMIT):
        text = blocks[position].text
        for m in WORD_LIMIT.finditer(text):
            out.append(Reading(position, 0, len(text), m.start(), m.end(),
                               {"words": int(m.group(1).replace(",", ""))},
                               detail=f"{m.group(1)} words"))
    return out


register("word_limit", produces="word_limit", gates=(WORD_LIMIT,), read=read_word_limits,
         fact=WORD_LIMIT_FACT)
