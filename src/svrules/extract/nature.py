"""What is being bought: services, goods (supplies) or works, from wording and CPV codes; and
whether the services are light-touch (social, health, education: Schedule 3 / PA 2023 s.9).

Wording is read from specific phrases only ("provision of ... services", "supply of",
"purchase of", "construction works", "design and build"), never from a bare "services" or
"supply", which every tender uses ("supply chain", "service credits"). CPV codes are read when
they carry a check digit ("85310000-5") or the clause says "CPV". Division (first two digits):
45 works; 03-44 and 48 supplies; 49-98 services (the CPV 2008 structure: divisions 03-44 and 48
are products, 45 construction work, 50-98 services).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import yaml

from .._yaml import safe_load as _safe_load
from ..rulepack import RulePackError, default_rules_dir
from ._rx import Hit, rx

SERVICES = rx(r"\b(?:provision|delivery|provide|provides|providing|deliver|delivering)\s+(?:of\s+)?"
              r"(?:an?\s+|the\s+)?(?:[\w'’,-]+\s+){0,6}?services?\b"
              r"|\b(?:services?\s+contract|contract\s+for\s+(?:the\s+)?(?:provision\s+of\s+)?"
              r"(?:[\w'’-]+\s+){0,4}?services|public\s+services?\s+contract|service\s+provider"
              r"|consultancy\s+services|support\s+services|care\s+services"
              r"|maintenance\s+services|cleaning\s+services|professional\s+services)\b")
GOODS = rx(r"\b(?:supply\s+(?:and\s+(?:delivery|installation|fitting|maintenance)\s+)?of"
           r"|supply\s+and\s+deliver|purchase\s+of|acquisition\s+of|procurement\s+of\s+(?:new\s+)?"
           r"(?:equipment|vehicles|goods|hardware|furniture|devices|materials)"
           r"|supplies\s+contract|supply\s+contract|contract\s+for\s+(?:the\s+)?(?:supply|purchase)"
           r"|goods|products\s+(?:are|will\s+be)\s+(?:supplied|delivered)|lease\s+of\s+equipment"
           r"|hire\s+of\s+equipment)\b")
WORKS = rx(r"\b(?:construction\s+works?|building\s+works|civil\s+engineering(?:\s+works)?"
           r"|works\s+contract|design\s+and\s+build|refurbishment\s+works|demolition(?:\s+works)?"
           r"|highways?\s+works|execution\s+of\s+(?:the\s+)?works|construction\s+of\s+(?:a|an|the|new)"
           r"|engineering\s+and\s+construction\s+contract|jct\s+(?:design\s+and\s+build|standard"
           r"|minor)|nec[34]?\s+(?:ecc|engineering)|capital\s+works|groundworks"
           r"|installation\s+works|repair\s+works|maintenance\s+works)\b")
NOT_GOODS = rx(r"\bsupply\s+of\s+(?:staff|personnel|labour|workers|services?|information|data"
               r"|advice|training)\b|\bpurchase\s+of\s+(?:services?|training)\b")
# "Design and build a new desktop environment": digital things designed and built are IT services.
NOT_WORKS = rx(r"\bdesign\s+(?:and|&)\s+build\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
               r"(?:environments?|web\s?sites?|apps?|applications?|platforms?|portals?|software"
               r"|databases?|dashboards?|systems?|tools?|solutions?)\b")
CPV = rx(r"\b(\d{8})(?:\s?-\s?(\d))?\b")
CPV_WORD = rx(r"\bcpv\b|common\s+procurement\s+vocabulary")
LIGHT_TOUCH = [
    (3, rx(r"\blight[- ]touch\b|\bschedule\s+3\s+(?:services|to\s+the)\b|\bsocial\s+and\s+other"
           r"\s+specific\s+services\b")),
    (1, rx(r"\b(?:social|health|healthcare|domiciliary|residential|home|adult|children'?s|nursing"
           r"|personal|community|extra)\s+care\b|\bhealth(?:care)?\s+services\b|\beducation(?:al)?"
           r"\s+services\b|\bcare\s+services\b|\bsocial\s+work\s+services\b")),
]
# `nature_hits` finds nothing in a text where none of these match (see extract.index).
GATE = (SERVICES, GOODS, WORKS, CPV, *(pattern for _, pattern in LIGHT_TOUCH))
SERVICE_CREDITS = rx(r"\bservices?\s+credits?\b")
NEGATED_BEFORE = rx(r"\b(?:not|no)\s+(?:\w+\s+)?$")
LIGHT_TOUCH_DIVISIONS = {"80": "education and training services", "85": "health and social work"}


# Divisions that exist in CPV 2008; other 8-digit numbers are not CPV codes.
DIVISIONS = frozenset({3, 9, 14, 15, 16, 18, 19, 22, 24, 30, 31, 32, 33, 34, 35, 37, 38, 39, 41, 42,
                       43, 44, 45, 48, 50, 51, 55, 60, 63, 64, 65, 66, 70, 71, 72, 73, 75, 76, 77,
                       79, 80, 85, 90, 92, 98})


def cpv_nature(code: str) -> str | None:
    """'services', 'goods' or 'works' for an 8-digit CPV code by its division, None if the
    division does not exist in CPV 2008."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    division = int(code[:2])
    if division not in DIVISIONS:
        return None
    if division == 45:
        return "works"
    if 3 <= division <= 44 or division == 48:
        return "goods"
    if 49 <= division <= 98:
        return "services"
    return None


def nature_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for nature, pattern in (("services", SERVICES), ("goods", GOODS), ("works", WORKS)):
        for m in pattern.finditer(text):
            words = text[m.start():m.end()]
            if nature == "goods" and NOT_GOODS.search(text[m.start():m.end() + 20]):
                continue
            if nature == "goods" and words.lower().endswith(" of") and _unknown_acronym(
                    load_vocabulary(), _phrase_after(text, m.end())):
                continue                          # "supply of SRMA": what SRMA is, unsaid
            if nature == "works" and NOT_WORKS.match(text, m.start()):
                continue
            if nature == "services" and SERVICE_CREDITS.search(
                    text[m.start():m.end() + 10]):
                continue
            hits.append(Hit(m.start(), m.end(), "nature", nature,
                            f"wording '{words[:80]}' describes {nature}", rank=2))
    has_cpv_word = bool(CPV_WORD.search(text))
    for m in CPV.finditer(text):
        if m.group(2) is None and not has_cpv_word:
            continue                                  # an 8-digit number, not said to be a CPV
        code = m.group(1)
        nature = cpv_nature(code)
        if nature is None:
            continue
        written = code + (f"-{m.group(2)}" if m.group(2) else "")
        hits.append(Hit(m.start(), m.end(), "cpv", written, f"CPV division {code[:2]}", rank=3))
        hits.append(Hit(m.start(), m.end(), "nature", nature,
                        f"CPV {written}: division {code[:2]} is {nature}", rank=3))
        if code[:2] in LIGHT_TOUCH_DIVISIONS:
            hits.append(Hit(m.start(), m.end(), "light_touch", True,
                            f"CPV {written}: division {code[:2]} "
                            f"({LIGHT_TOUCH_DIVISIONS[code[:2]]}) is light-touch", rank=2))
    for rank, pattern in LIGHT_TOUCH:
        for m in pattern.finditer(text):
            if rank == 3 and NEGATED_BEFORE.search(
                    text[max(0, m.start() - 20):m.start()]):
                continue
            hits.append(Hit(m.start(), m.end(), "light_touch", True,
                            f"'{text[m.start():m.end()]}' is light-touch wording", rank=rank))
    return hits


# ------------------------------------------------------------------ the subject's nature

NATURES = ("services", "goods", "works")
# Where a phrase opened by "supply of" ends: what follows names something else.
PHRASE_END = rx(r"[.,;:()\n]|\s(?:and|&)\s(?:the|a|an)\s|\s(?:to|for|from|at|in|within|across)\s")


@dataclass(frozen=True)
class Word:
    nature: str
    weight: int
    pattern: object
    unless: object = None
    kind: str = ""


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[Word, ...]
    opener: object
    carry: object
    breaks: object
    head_bonus: int
    wants: object = None
    notice_business: object = None
    procedures: object = None
    bodies: object = None
    purpose: object = None
    excluded: object = None
    fields: object = None


@lru_cache(maxsize=4)
def load_vocabulary(path: Optional[Path] = None) -> Vocabulary:
    path = path or default_rules_dir() / "data" / "natures.yaml"
    try:
        data = _safe_load(path.read_text(encoding="utf-8"))
        words = tuple(Word(nature, int(entry["weight"]), rx(entry["words"]),
                           rx(entry["unless"]) if entry.get("unless") else None,
                           str(entry.get("kind", "")))
                      for nature in NATURES for entry in data[nature])
        return Vocabulary(words, rx(data["openers"]), rx(data["carry"]), rx(data["breaks"]),
                          int(data["head_bonus"]), rx(data["wants"]),
                          rx(data["notice_business"]), rx(data["procedures"]),
                          rx(data["bodies"]), rx(data["purpose"]),
                          rx(data["excluded"]),
                          rx(data["fields"]) if data.get("fields") else None)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise RulePackError(str(path), f"invalid nature vocabulary: {exc}") from None


def head_and_complement(text: str) -> tuple[str, str]:
    """'Provision of Camera Support to the Force' -> ('Camera Support', ' to the Force')."""
    vocabulary = load_vocabulary()
    opener = vocabulary.opener.search(text)
    if opener is not None:
        text = text[opener.end():]
    carried = vocabulary.carry.search(text)
    skip = carried.end() if carried is not None else 0
    cut = vocabulary.breaks.search(text, skip)
    if cut is None or cut.start() == 0:
        return text, ""
    return text[:cut.start()], text[cut.start():]


def _asides(text: str) -> list[tuple[int, int]]:
    """The spans of bracketed asides: "Transport to Ipswich (4-seated vehicle required)". An
    aside qualifies the subject (a size, a lot, a project name) rather than naming it, so its
    words do not count. An unclosed bracket runs to the end of the text."""
    spans, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            if depth == 0:
                start = i
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def _modifies(vocabulary: "Vocabulary", word: "Word", text: str, end: int) -> bool:
    """Whether the match of `word` ending at `end` is a modifier of a compound noun whose head,
    the next word, is a strong word of another nature: "Camera Support", "Vehicle Maintenance",
    "Cleaning Materials". English puts a compound's head last, so the first noun says what the
    thing bought is for, not what it is."""
    rest = text[end:end + 60]
    stripped = rest.lstrip(" -")
    if not stripped or len(stripped) == len(rest) or not stripped[0].isalpha():
        return False
    offset = end + len(rest) - len(stripped)
    for other in vocabulary.words:
        if other.nature == word.nature or other.weight < 3:
            continue
        m = other.pattern.search(text, offset)
        if m is not None and m.start() == offset:
            return True
    return False


ACRONYM = re.compile(r"\s*(?:the\s+)?([A-Z][A-Z0-9&]{1,7})(?:'?s)?\s*")


def _unknown_acronym(vocabulary: "Vocabulary", phrase: str) -> bool:
    """Whether `phrase` is only an acronym that no word of the vocabulary knows: "the supply of
    SRMA to ..." could be advisers as well as products, so "supply of" says nothing there. An
    acronym the vocabulary knows ("CCTV", "PPE") still counts."""
    m = ACRONYM.fullmatch(phrase)
    if m is None:
        return False
    return not any(word.pattern.search(m.group(1)) for word in vocabulary.words)


NOT_AN_OBJECT = frozenset({"for", "of", "to", "with", "in", "at", "and", "or", "from", "on", "by"})


def _purpose_verb(vocabulary: "Vocabulary", text: str, head_start: int,
                  head_end: int) -> list[tuple[int, int]]:
    """The span of the verb of a purpose clause that follows a head phrase naming a thing:
    "Software System | to Support Business School Accreditation" says what the system is for;
    "support" is done by it, not bought. Only after a head with a word of goods or works (a
    person hired "to support the team" is hired for that support), only a verb followed by its
    object ("access to support for carers" has a noun), and never the head itself ("To support
    the business case" opens with it)."""
    if head_end <= 0:
        return []
    m = vocabulary.purpose.match(text, head_end)
    if m is None or m.group(2).lower() in NOT_AN_OBJECT:
        return []
    head = text[head_start:head_end]
    if not any(word.nature != "services" and word.pattern.search(head)
               for word in vocabulary.words):
        return []
    return [m.span(1)]


def _phrase_after(text: str, end: int) -> str:
    rest = text[end:end + 160]
    stop = PHRASE_END.search(rest)
    return rest[:stop.start()] if stop else rest


@dataclass(frozen=True)
class SubjectReading:
    nature: str
    scores: dict
    words: tuple[str, ...]         # the words that counted for the chosen nature, as written

    def describe(self) -> str:
        others = ", ".join(f"{n} {self.scores[n]}" for n in NATURES
                           if n != self.nature and self.scores[n])
        said = ", ".join(f"'{w}'" for w in self.words[:4])
        return (f"the subject reads as {self.nature} ({said}; score {self.scores[self.nature]}"
                + (f" against {others}" if others else "") + ")")


NAME_PART = re.compile(r"\s*\(|\s+-\s+|-(?=[A-Z])|,\s")
BANNER = rx(r"\*{2,}[^*\n]{0,200}\*{2,}")


def without_names(text: str, names: Sequence[str] = ()) -> str:
    """`text` with the buyer's own name and any starred banner blanked out (same length, so
    offsets hold). "NHS Shared Services Partnership manages a database contract": the words of a
    body's name ("Services", "Research", "Supply Chain") say who buys, not what is bought; a
    banner ("***This is an award notice***") says what the notice is."""
    out = text
    whole = {n.strip() for n in names if n}
    parts = {NAME_PART.split(n)[0].strip() for n in whole}     # "X Partnership-Procurement"
    for name in sorted({n for n in whole | parts if len(n) >= 4}, key=len, reverse=True):
        out = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), out, flags=re.I)
    for m in BANNER.finditer(out):
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _blank(text: str, pattern) -> str:
    out = text
    for m in pattern.finditer(text):
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def without_procedures(text: str) -> str:
    """`text` with the names of procedures and of government departments blanked (same length):
    "Dynamic Purchasing System for childcare" buys childcare, not a system; "the supply of
    advisers to the Department for Education" buys advisers, not education."""
    vocabulary = load_vocabulary()
    return _blank(_blank(text, vocabulary.procedures), vocabulary.bodies)


def is_notice_business(sentence: str) -> bool:
    """Whether a sentence of a description is about the notice, not the contract: "This is an
    award notice, not a call for competition", "Contract Variation 001 has extended the contract
    term", "All tender information must be submitted through the portal", a starred banner, a
    label such as "Brief description of requirement". The subject is in the sentence after."""
    text = sentence
    for m in BANNER.finditer(sentence):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    if not any(char.isalpha() for char in text):
        return True
    return load_vocabulary().notice_business.search(text.strip()) is not None


def after_the_buyer(text: str) -> str:
    """What a sentence says is wanted, after its verb of wanting: "Dixons were looking to
    procure SmartLog licences" -> "SmartLog licences". The words before the verb name who buys
    (a team, a body's name: "UK Research and Innovation had a requirement for ..."), not what is
    bought. A text without such a verb is returned as it is."""
    wants = load_vocabulary().wants.search(text)
    return text[wants.end():] if wants is not None else text


def subject_nature(places: Sequence[tuple[str, int]], cpvs: Sequence[str] = (),
                   names: Sequence[str] = ()) -> Optional[SubjectReading]:
    """The nature of a contract's subject: `places` are (text, weight) pairs (the title
    counts twice, the first sentence of the description once), `cpvs` the CPV codes the
    text gives, `names` the buyer's names (their words do not count). None when no word of
    the vocabulary occurs or two natures tie."""
    vocabulary = load_vocabulary()
    scores = {n: 0 for n in NATURES}
    words: dict[str, list[str]] = {n: [] for n in NATURES}
    for text, weight in places:
        if not text:
            continue
        text = after_the_buyer(without_procedures(without_names(text, names)))
        head, _ = head_and_complement(text)
        head_start = text.find(head) if head else 0
        head_end = head_start + len(head)
        asides = (_asides(text) + _purpose_verb(vocabulary, text, head_start, head_end)
                  + [m.span() for m in vocabulary.excluded.finditer(text)]
                  + ([m.span() for m in vocabulary.fields.finditer(text)] if vocabulary.fields else []))
        counted: dict[str, list[tuple[int, int]]] = {n: [] for n in NATURES}
        last = None
        for word in vocabulary.words:
            m = word.pattern.search(text)
            while m is not None and (
                    (word.unless is not None and word.unless.search(_phrase_after(text, m.end())))
                    or (word.kind == "supply" and _unknown_acronym(vocabulary,
                                                                   _phrase_after(text, m.end())))
                    or any(a <= m.start() < b for a, b in asides)
                    or any(a < m.end() and m.start() < b for a, b in counted[word.nature])):
                m = word.pattern.search(text, m.end())
            if m is None:
                continue
            counted[word.nature].append((m.start(), m.end()))   # the same words count once
            factor = 2 if head_start <= m.start() < head_end else 1   # it starts in the head
            if factor == 2 and _modifies(vocabulary, word, text, m.end()):
                factor = 1                                  # a modifier counts as complement
            scores[word.nature] += word.weight * weight * factor
            words[word.nature].append(text[m.start():m.end()])
            for later in word.pattern.finditer(text, m.end()):
                if later.start() < head_end:
                    m = later                      # the last occurrence in the head: its noun
            if factor == 2 and word.weight >= 3 and (last is None or m.end() > last[0]
                                                     or (m.end() == last[0] and
                                                         word.weight > last[2])):
                last = (m.end(), word.nature, word.weight)
        if last is not None:
            scores[last[1]] += vocabulary.head_bonus * weight * 2
    for code in cpvs:
        nature = cpv_nature(code)
        if nature is not None:
            scores[nature] += 6
            words[nature].append(f"CPV {code}")
    ranked = sorted(NATURES, key=lambda n: -scores[n])
    if not scores[ranked[0]] or scores[ranked[0]] == scores[ranked[1]]:
        return None
    return SubjectReading(ranked[0], scores, tuple(words[ranked[0]]))
