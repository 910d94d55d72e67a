"""Is a social value requirement linked to what is being bought? (SVA 2012 s.1(6); PA 2023 s.23(2)(a))

The judgement is data, not code: `rules/data/relevance.yaml` maps contract subjects (words of
the title or description, CPV prefixes) to the themes that can plausibly arise from delivering
them and to words that show a link. Seed 004's example is the model: "a contract to supply
equipment ... would struggle to establish the relevance of requiring apprenticeships".

Beyond the theme, the sector the clause names next to an ask ("apprenticeships in highways")
is read against the sectors the subject and description touch (a school catering contract
touches hospitality, not highways), because a theme alone (jobs, community) arises from almost
any contract and so misses most unrelated asks; a sector named only as what the contract
delivers is not an ask. A sector the table's list does not know is read by the ask's structure
("apprenticeships in the aviation industry", "retail apprenticeships", "placements in
accountancy") and its words compared with the subject's, directly or through kindred groups
(accountancy and audit, logistics and transport). A link stated in the clause ("because", "on
this contract") clears it.
Asks that need no comparison with the subject (money or goods given away, awards or
memberships of every supplier, benefits abroad) are text rules over word classes in
rules/relevance.yaml (REL002, REL004, REL005): they hold whether or not the sentence reads as
a requirement clause here.
The rule language has no Python, so the verdict is computed here into the clause fact's
`relevance` field (yes / no / unknown) and rule REL001 tests it; `reason` words the finding
with the subject and the theme that do not meet.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import yaml

from ..rulepack import (CLASSES_FILE, ClassError, RulePackError, default_rules_dir,
                        expand_classes, load_classes)
from ._fastre2 import PatternSet, any_search
from ._rx import rx as _rx


@dataclass(frozen=True)
class Family:
    id: str
    subject: tuple
    cpv: tuple[str, ...]
    themes: frozenset
    links: tuple
    # the words that state a link for this family, instead of the shared ones (None: shared):
    # on a goods supply "on this contract" or "for the delivery of the furniture" names no work
    # the supply creates, so only a reason given, or a link word of the family, clears it
    stated: Optional[tuple] = None
    # links read only for a clause with no concrete ask (a generic "community benefits will
    # become part of the Contract for the delivery of the goods")
    loose: tuple = ()


@dataclass(frozen=True)
class Sector:
    id: str
    label: str
    clause: object          # compiled pattern: the clause names the sector next to an ask
    touches: object         # compiled pattern: the contract's subject is in or near it
    cpv: tuple[str, ...] = ()   # CPV prefixes of contracts in the sector (a title may not say)
    unless: object = None       # compiled pattern: words that make the name another sector's


@dataclass(frozen=True)
class Table:
    families: tuple[Family, ...]
    sectors: tuple[Sector, ...] = ()
    links_stated: tuple = ()      # words that state a link to performing the contract
    elsewhere: tuple = ()         # words another relevance rule reads (REL002-REL005)
    structure: Optional["Structure"] = None   # sectors read by the ask's structure
    asks: object = None           # compiled pattern: a concrete ask (jobs, training, placements)


@dataclass(frozen=True)
class Structure:
    """Sectors read by the ask's structure ("apprenticeships in the aviation industry", "retail
    apprenticeships", "placements in accountancy") and compared with the subject's words."""
    forms: tuple                  # compiled patterns, group "x" the sector's words
    generic: frozenset            # words that name no sector
    kin: tuple                    # groups of kindred word stems

    def sectors(self, text: str) -> list[str]:
        """The sector phrases the text names next to an ask, in the order found."""
        if not any_search(self.forms, text):      # one set pass: no form matches, no phrase
            return []
        out: list[str] = []
        for n, form in enumerate(self.forms):
            for m in form.finditer(text):
                words = m.group("x").lower().split()
                if n == 1:      # before its noun, the sector is the last words only
                    words = words[-2:]
                x = " ".join(words)
                if x and x not in out:
                    out.append(x)
        return out

    def words(self, phrase: str) -> list[str]:
        return [w for w in _WORDS.findall(phrase.lower()) if w not in self.generic]

    def linked(self, phrase: str, scope: str) -> bool:
        """The phrase's sector words meet the scope's words: a shared stem (first four
        letters: dentistry and dental), or a kindred group holding a word of each."""
        words = self.words(phrase)
        if not words:
            return True             # "the sector", "the public sector": no sector named
        scope_l = scope.lower()
        stems = {w[:4] for w in _WORDS.findall(scope_l) if len(w) >= 3}
        if any(w[:4] in stems for w in words):
            return True
        for group in self.kin:
            if any(_kin_hit(k, phrase.lower()) for k in group) and \
                    any(_kin_hit(k, scope_l) for k in group):
                return True
        return False


_WORDS = _rx(r"[a-z][a-z'-]*")


def _kin_hit(stem: str, text: str) -> bool:
    """`stem` begins a word of `text` (or is a phrase in it)."""
    return _kin_rx(stem).search(text) is not None


@lru_cache(maxsize=512)
def _kin_rx(stem: str):
    import re
    return re.compile(r"\b" + re.escape(stem))


def _structure(data: Optional[dict], asks_default: Optional[str], rx) -> Optional[Structure]:
    """The structural reading of `data` (the table's `structure` key), or None."""
    if not data:
        return None
    asks = data.get("asks") or asks_default
    nouns = data["nouns"]
    discipline = data["discipline"]
    word = r"[a-z][a-z&'-]*"
    phrase = rf"(?P<x>{word}(?:(?:\s+|\s*&\s*){word}){{0,3}}?)"
    forms = (
        # "careers in the creative industries", "placements in the facilities management sector"
        rf"\b{asks}\b[^.;:]{{0,40}}?\b(?:in|into|within|across|for) (?:the )?{phrase} {nouns}\b",
        # "aviation industry apprenticeships", "the rail sector's jobs"
        rf"\b{phrase} {nouns}(?:'s|s')? {asks}\b",
        # "placements in accountancy", "careers in veterinary medicine"
        rf"\b{asks} (?:in|into) (?P<x>(?:{discipline}))\b",
        # "retail apprenticeships", "engineering traineeships"
        rf"\b(?P<x>(?:{discipline})) (?:apprenticeships?|traineeships?|careers?|placements?|academy)\b",
    )
    return Structure(forms=tuple(rx(f) for f in forms),
                     generic=frozenset(str(g).lower() for g in data.get("generic", [])),
                     kin=tuple(tuple(str(k).lower() for k in group)
                               for group in data.get("kin", [])))


@lru_cache(maxsize=4)
def load_table(path: Optional[Path] = None) -> Table:
    path = path or default_rules_dir() / "data" / "relevance.yaml"
    classes = _classes()

    def rx(pattern: str):
        # the table may name the shared word classes ({supplier}, {buyer}) as the rules do
        try:
            return _rx(expand_classes(pattern, classes, "relevance table"))
        except ClassError as exc:
            raise RulePackError(str(path), f"key '{exc.where}': {exc.message}") from None

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        families = tuple(Family(id=f["id"], subject=tuple(rx(p) for p in f.get("subject", [])),
                                cpv=tuple(str(c) for c in f.get("cpv", [])),
                                themes=frozenset(f["themes"]),
                                links=tuple(rx(p) for p in f.get("links", [])),
                                stated=(tuple(rx(p) for p in f["links_stated"])
                                        if "links_stated" in f else None),
                                loose=tuple(rx(p) for p in f.get("links_loose", [])))
                         for f in data["families"])
        asks = data.get("asks")
        sectors = tuple(Sector(id=s["id"], label=s["label"],
                               clause=rx(_near(s["clause"], asks, s.get("bare", False))),
                               touches=rx(s["touches"]),
                               cpv=tuple(str(c) for c in s.get("cpv", [])),
                               unless=rx(s["unless"]) if s.get("unless") else None)
                        for s in data.get("sectors", []))
        return Table(families=families, sectors=sectors,
                     links_stated=tuple(rx(p) for p in data.get("links_stated", [])),
                     elsewhere=tuple(rx(p) for p in data.get("reported_elsewhere", [])),
                     structure=_structure(data.get("structure"), asks, _rx),
                     asks=rx(asks) if asks else None)
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise RulePackError(str(path), f"invalid relevance table: {exc}") from None


def _classes() -> dict:
    """The bundled word classes (rules/data/classes.yaml), or none where the file is absent."""
    shared = default_rules_dir() / CLASSES_FILE
    return load_classes(shared) if shared.is_file() else {}


def _near(sector: str, asks: Optional[str], bare: bool) -> str:
    """The sector named within 60 characters of an ask (jobs, training, placements), either way
    round, unless the sector counts on its own."""
    if bare or not asks:
        return sector
    return f"(?:{sector})[^.]{{0,60}}(?:{asks})|(?:{asks})[^.]{{0,60}}(?:{sector})"


def load_families(path: Optional[Path] = None) -> tuple[Family, ...]:
    return load_table(path).families


def family_for(subject: str, cpv: Sequence[str] = (), nature: str = "") -> Optional[Family]:
    """The first family whose subject words match; CPV codes decide when the words do not, and
    then the contract's nature: a goods contract whose title names no family ("loose office
    furniture (chairs, desks, storage)") is a supply of goods, whose themes are the goods
    family's (seed 004: an equipment supply "would struggle to establish the relevance of
    requiring apprenticeships")."""
    if not subject and not cpv:
        return None
    families = load_families()
    for fam in families:
        if fam.id != "default" and subject and any(p.search(subject) for p in fam.subject):
            return fam
    for fam in families:
        if any(str(code).startswith(prefix) for code in cpv for prefix in fam.cpv):
            return fam
    if nature == "goods":
        goods = next((f for f in families if f.id == "goods"), None)
        if goods is not None:
            return goods
    return next((f for f in families if f.id == "default"), None) if subject else None


_SETS: dict[tuple[int, int], tuple] = {}


def _may_match(table: "Table", fam: "Family", text: str):
    """A test telling whether a pattern of the table (or of `fam`'s links) may match `text`:
    one pass of their RE2 set over the clause instead of a search per pattern; every pattern
    may match when the set cannot answer."""
    known = _SETS.get((id(table), id(fam)))
    if known is None or known[0] is not table or known[1] is not fam:
        patterns = (*(s.clause for s in table.sectors), *fam.links)
        positions: dict[int, int] = {}
        for i, pattern in enumerate(patterns):
            positions.setdefault(id(pattern), i)
        known = _SETS[(id(table), id(fam))] = (table, fam, PatternSet(patterns), positions)
    found = known[2].matching(text.encode("utf-8"))
    if found is None:
        return lambda p: True
    positions = known[3]

    def may(pattern) -> bool:
        at = positions.get(id(pattern))
        return at is None or at in found
    return may


class Judge:
    """A callable (theme, text, flags) -> "yes" | "no" | "unknown" for `extract_clauses`, and
    `reason` for the finding's wording."""

    def __init__(self, family: Optional[Family], subject: str = "",
                 table: Optional[Table] = None, described: str = "", cpv: Sequence[str] = ()):
        self.family = family
        self.subject = subject or ""
        self.cpv = tuple(str(c) for c in cpv or ())
        # the sectors the contract touches are read from its title and its description
        self.scope = f"{self.subject} {described}".strip()
        self.table = table or load_table()

    def _why_not(self, theme: str, text: str, flags) -> Optional[str]:
        """Why the clause does not relate to the subject, or None when it does."""
        fam, table = self.family, self.table
        if fam is None or "subject_matter" in flags:
            return None     # the theme word is the subject itself
        if fam.stated is not None and table.asks is not None and table.asks.search(text):
            # a concrete ask (jobs, training, placements) of a family with its own words of a
            # stated link: only those clear it (a goods supply's "for the delivery of the
            # furniture" creates no apprenticeship); a generic "community benefits will become
            # part of the Contract" keeps the shared reading
            if any_search(fam.stated, text):
                return None
        elif "link_stated" in flags or any_search(table.links_stated, text) \
                or any_search(fam.loose, text):
            return None     # a stated link
        if any_search(table.elsewhere, text):
            return None     # giving, an accreditation, abroad: the rule for that kind reports it
        subject = self.subject[:80]
        may = _may_match(table, fam, text)
        gap = self._sector_gap(text, may)
        if gap:
            return gap
        if theme in fam.themes or theme == "general":
            return None
        if any(may(p) and p.search(text) for p in fam.links):
            return None
        return f"a {theme.replace('_', ' ')} requirement with no link to \"{subject}\""

    def _sector_gap(self, text: str, may=None) -> Optional[str]:
        """The sector the text names next to an ask that the contract does not touch, worded
        for the finding; None when there is none."""
        sector = self._gap_sector(text, may)
        return self.worded(sector) if sector is not None else None

    def worded(self, sector: Sector) -> str:
        """A sector gap as the finding says it."""
        return f"{sector.label} asked of \"{self.subject[:80]}\""

    def _gap_sector(self, text: str, may=None) -> Optional[Sector]:
        """The sector the text names next to an ask that the contract's title, description
        and CPV codes do not touch; None when there is none."""
        if not self.subject:
            return None
        # the clause itself may sit in the description: it cannot be its own link
        scope = self.scope.replace(text.strip(), " ") if text.strip() else self.scope
        known = False
        for sector in self.table.sectors:
            if (may is None or may(sector.clause)) and sector.clause.search(text) \
                    and not (sector.unless is not None and sector.unless.search(text)):
                if not sector.touches.search(scope) and not self._in_cpv(sector):
                    return sector
                known = True
        structure = self.table.structure
        if structure is None or known:
            return None     # a sector of the list that the contract touches decides
        for phrase in structure.sectors(text):
            if any_search(_clauses(self.table), phrase):
                continue    # a sector the list knows: its entry decides
            if not structure.linked(phrase, scope):
                return Sector(id="read", label=f"the {phrase} sector", clause=None,
                              touches=None)
        return None

    def sector_ask(self, sentence: str) -> Optional[Sector]:
        """For a sentence that is not a requirement clause here but asks for social value in
        another shape (a bare imperative, a passive, "bidders should propose", "is invited to
        set out"): the sector it names that the subject does not touch, or None. A stated link,
        or words another relevance rule reads, leave it alone, as for a clause."""
        if self.family is None or not ASK_FORM.search(sentence):
            return None
        if any_search((*self.table.links_stated, *self.table.elsewhere), sentence):
            return None
        return self._gap_sector(sentence)

    def _in_cpv(self, sector: Sector) -> bool:
        """The contract's CPV codes put it in the sector (a "Frameworks North 3" title with CPV
        45000000 buys construction)."""
        return any(code.startswith(prefix) for code in self.cpv for prefix in sector.cpv)

    def __call__(self, theme: str, text: str, flags) -> str:
        if self.family is None:
            return "unknown"
        return "no" if self._why_not(theme, text, flags) else "yes"

    def reason(self, theme: str, text: str, flags) -> str:
        return self._why_not(theme, text, flags) or ""


def judge(family: Optional[Family], subject: str = "", described: str = "",
          cpv: Sequence[str] = ()) -> Judge:
    """The relevance judge for one contract (its family, subject words, description and CPV
    codes)."""
    return Judge(family, subject, described=described, cpv=cpv)


# How an ask is worded when the clause reader does not take the sentence for a requirement:
# a bare imperative with no subject ("Create ...", "Support ...", "Tell us about ..."), also
# after an opening phrase ("In your response, offer ..."; "As part of this, run ..."), a modal
# or passive ("shall be created", "is to be"), an invitation ("is invited to set out").
ASK_FORM = _rx(r"^\s*(?:[^,.;:]{1,40},\s*)?(?:please\s+)?(?:create|support|offer|provide|deliver|run|host|organise|"
               r"arrange|establish|set up|fund|plant|build|hold|give|sponsor|tell us|explain|"
               r"describe|set out|outline|propose|detail|commit|pledge|demonstrate)\b"
               r"|\b(?:must|shall|should|will|(?:is|are) to|(?:is|are) (?:seeking|looking for)|seeks?|"
               r"(?:want|wants|would like) to see|(?:is|are) (?:invited|expected|"
               r"required|asked|encouraged) to|please|expects?|would (?:welcome|like|expect)|"
               r"welcomes?|credit (?:is|will be) given|points (?:are|will be) (?:awarded|given)|"
               # an encouragement ("we would encourage bidders to"), an evaluated measure
               # ("bidders will be scored on", "weighted at 5%"), or a criterion labelled with
               # its weight ("Social value sub-criterion (3%): the number of ...")
               r"encourag(?:e|es|ed|ing)|(?:scored|evaluated|assessed|marked) (?:on|against)|weighted at)\b"
               r"|^\s*[^.:;]{0,60}\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*:")


@dataclass(frozen=True)
class SectorAsk:
    block: int
    start: int
    end: int
    sector: str
    reason: str


def _clauses(table: Table) -> tuple:
    """The sector patterns of `table`, one tuple per table (for `any_search`)."""
    known = _CLAUSES.get(id(table))
    if known is None or known[0] is not table:
        known = _CLAUSES[id(table)] = (table, tuple(s.clause for s in table.sectors))
    return known[1]


_CLAUSES: dict[int, tuple] = {}


def sector_asks(blocks, judge_: "Judge", skip=frozenset()) -> list[SectorAsk]:
    """The ask sentences (not requirement clauses: blocks in `skip` hold those, judged by
    REL001) that name a sector the contract does not touch, next to an ask (jobs, training,
    placements) or on its own (a community orchard): the judge's sector reading, for
    sentences worded as bare imperatives, passives or invitations."""
    from ..model import BlockKind
    from .matcher import sentence_spans
    table = judge_.table
    if judge_.family is None or not judge_.subject or not table.sectors:
        return []
    out: list[SectorAsk] = []
    for position, block in enumerate(blocks):
        if position in skip or not block.text or block.kind in (BlockKind.comment,
                                                                 BlockKind.heading):
            continue
        if _in_description(block.section):
            continue        # the contract's description says what it buys, it asks nothing
        if not any_search(_clauses(table), block.text) and not (
                table.structure is not None and any_search(table.structure.forms, block.text)
                and table.structure.sectors(block.text)):
            continue
        for start, end in sentence_spans(block.text):
            sector = judge_.sector_ask(block.text[start:end])
            if sector is not None:
                out.append(SectorAsk(position, start, end, sector.label, judge_.worded(sector)))
    return out


DESCRIPTION_HEADING = _rx(r"\b(?:description|scope of (?:the )?(?:contract|services|works|supply)|"
                         r"summary|overview|background|introduction)\b")


@lru_cache(maxsize=4096)
def _in_description(section: tuple) -> bool:
    """Does a heading of the path name the contract's description? (Asked per block.)"""
    return any(DESCRIPTION_HEADING.search(h) for h in section)


def description_of(blocks, limit: int = 1500) -> str:
    """The contract's description: the text under the first heading that names one
    ("Description", "Overview", "Scope of the services"), up to `limit` characters; empty when
    there is none. The subject matter is the title, the description and the CPV codes, not the
    title alone (a "Frameworks Scotland 3" title says nothing of the construction it buys)."""
    from ..model import BlockKind
    out: list[str] = []
    size = 0
    inside = False
    for block in blocks:
        if block.kind is BlockKind.heading:
            if out:
                break
            inside = bool(DESCRIPTION_HEADING.search(block.text))
            continue
        if inside and block.kind is not BlockKind.comment and block.text:
            out.append(block.text)
            size += len(block.text)
            if size >= limit:
                break
    return " ".join(out)[:limit]
