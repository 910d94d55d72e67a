"""Who is buying and how: the authority's name and kind, the framework role, urgency claims,
the governing jurisdiction, and the procurement and contract start dates.

Names are found here; what kind of body a name is, and in which territory, is read by
`extract.buyers` from the table in rules/data/authorities.yaml (the name, then the
legislation and portals the document names).
"""
from __future__ import annotations

from ._rx import Hit, Spans, clause_bounds, clause_of, rx
from .buyers import classify
from .dates import find_dates

SCOTTISH_AREAS = ("Aberdeen", "Aberdeenshire", "Angus", "Argyll and Bute", "Clackmannanshire",
                  "Dumfries and Galloway", "Dundee", "East Ayrshire", "East Dunbartonshire",
                  "East Lothian", "East Renfrewshire", "Edinburgh", "Falkirk", "Fife", "Glasgow",
                  "Highland", "Inverclyde", "Midlothian", "Moray", "Eilean Siar", "North Ayrshire",
                  "North Lanarkshire", "Orkney", "Perth and Kinross", "Renfrewshire",
                  "Scottish Borders", "Shetland", "South Ayrshire", "South Lanarkshire",
                  "Stirling", "West Dunbartonshire", "West Lothian", "Ayrshire and Arran",
                  "Borders", "Forth Valley", "Grampian", "Greater Glasgow and Clyde", "Lanarkshire",
                  "Lothian", "Tayside", "Western Isles")

_W = r"[A-Z][A-Za-z'’.-]*"
_NAME = _W + r"(?:,?\s(?:of|and|upon|on|&|the|" + _W + r"))*?"
AUTHORITY = [
    ("nhs", rx(r"\b(?:" + _NAME + r"\s)?NHS\s(?:Foundation\s)?Trust\b"
               r"|\bNHS\s(?:" + _W + r"\s(?:and\s)?){1,6}(?:Integrated\sCare\sBoard|ICB|Trust"
               r"|Foundation\sTrust)\b"
               r"|\b" + _NAME + r"\s(?:Integrated\sCare\sBoard|Clinical\sCommissioning\sGroup"
               r"|ICB|CCG|Hospitals?\s(?:NHS\s)?(?:Foundation\s)?Trust)\b"
               r"|\bNHS\s(?:England|Improvement|Wales\s" + _NAME + r"|Wales|Scotland"
               r"|National\sServices\sScotland|Supply\sChain|Property\sServices|Shared\sBusiness"
               r"\sServices|" + "|".join(a.replace(" ", r"\s") for a in SCOTTISH_AREAS) + r")\b"
               r"|\b" + _NAME + r"\s(?:University\s)?(?:Teaching\s)?Health\sBoard\b", False)),
    ("devolved_welsh", rx(r"\b(?:Welsh\sGovernment|Welsh\sMinisters|Llywodraeth\sCymru"
                          r"|Cyngor\s" + _NAME + r"|Senedd\sCymru|Natural\sResources\sWales"
                          r"|Transport\sfor\sWales)\b", False)),
    ("scottish", rx(r"\b(?:Scottish\sGovernment|Scottish\sMinisters|Scotland\sExcel|Police\sScotland"
                    r"|Transport\sScotland|Scottish\sWater|Comhairle\snan\sEilean\sSiar)\b", False)),
    ("central_government", rx(
        r"\b(?:Department\s(?:for|of)\s" + _W + r"(?:,?\s(?:and|&|" + _W + r")){0,6}"
        r"|Ministry\sof\s" + _W + r"(?:\s(?:and|&|" + _W + r")){0,4}"
        r"|HM\s(?:Treasury|Revenue\s(?:and|&)\sCustoms|Land\sRegistry|Courts\s(?:and|&)\sTribunals"
        r"\sService|Prison\s(?:and|&)\sProbation\sService)|HMRC|Cabinet\sOffice|Home\sOffice"
        r"|Foreign,\sCommonwealth\s(?:and|&)\sDevelopment\sOffice|Crown\sCommercial\sService"
        r"|Government\sDigital\sService|Environment\sAgency|Driver\sand\sVehicle\sLicensing\sAgency"
        r"|DVLA|Department\sfor\sWork\sand\sPensions|DWP|Ministry\sof\sDefence|MOD"
        r"|UK\sHealth\sSecurity\sAgency|Government\sProperty\sAgency|Office\sfor\sNational"
        r"\sStatistics|Companies\sHouse|Highways\sEngland|National\sHighways)\b", False)),
    ("sub_central", rx(
        r"\b(?:(?:London|Royal|Metropolitan)\sBorough\sof\s" + _NAME + r"(?:\sCouncil)?"
        r"|(?:City|County|Borough)\sof\s" + _NAME + r"\sCouncil"
        r"|" + _NAME + r"\s(?:Metropolitan\sBorough|County\sBorough|Borough|County|City|District"
        r"|Town|Parish|Unitary)?\s?Council|" + _NAME + r"\sCombined\sAuthority"
        r"|Greater\sLondon\sAuthority|Transport\sfor\sLondon|" + _NAME
        + r"\sFire\s(?:and|&)\sRescue\s(?:Authority|Service)|" + _NAME
        + r"\sPolice\s(?:and|&)\sCrime\sCommissioner|University\sof\s" + _NAME + r"|" + _NAME
        + r"\sUniversity)\b", False)),
]
# "Contracting authority: NAME" on a line of its own, as notices and tender front pages put it.
BUYER_LINE = rx(r"(?m)^[ \t*_#>-]*(?:contracting\s+(?:authority|body|entity)|buyer|buying\s+"
                r"organi[sz]ation|purchaser|procuring\s+(?:authority|entity|body)|name\s+of\s+"
                r"(?:the\s+)?(?:contracting\s+)?authority|authority\s+name|commissioning\s+"
                r"(?:authority|body|organi[sz]ation))(?:['’]s)?(?:\s+name)?[*_]*\s*[:|]\s*"
                r"[*_]*([^\n|]{2,200}?)[*_ \t]*$")
AUTHORITY_GATE = (BUYER_LINE, *(pattern for _, pattern in AUTHORITY))
NOT_A_NAME = frozenset({"the", "this", "a", "an", "our", "each", "any", "such", "that", "every",
                        "contracting", "relevant", "local", "said", "host", "lead", "partner"})
ROLE_BEFORE = rx(r"(?:contracting\s+authority|buyer|customer|purchaser|on\s+behalf\s+of|issued\s+by"
                 r"|procured\s+by|commissioned\s+by|tendered\s+by|the\s+authority\s+is|authority)"
                 r"\s*(?:name)?\s*[:|,-]?\s*(?:the\s+)?$")
ROLE_AFTER = rx(r"^\s?\(?\s?(?:the\s+|hereafter\s+|hereinafter\s+)?(?:referred\s+to\s+as\s+)?"
                r"(?:the\s+)?[\"“'‘]?(?:authority|council|buyer|trust|board|department|customer"
                r"|contracting\s+authority|icb|commissioner)\b|^\s?(?:is|are|invites|wishes|seeks"
                r"|intends|requires)\b")

# "awarded against the Crown Commercial Service Legal Services Panel", "procured through the
# Digital Outcomes 6 framework", "an order placed against the NHS SBS framework": a contract made
# under a named framework (or panel) of someone else, told by the verb that awarded it (in the past:
# "call-offs will be awarded under the framework" describes a framework being let). Group 1 is
# the framework's name, checked by `_names_a_framework`.
CALLED_OFF_UNDER = rx(
    r"\b(?:awarded|appointed|procured|called[- ]off|commissioned|sourced|placed|let|purchased|"
    r"ordered|contracted|bought)\b(?:\s+[\w’'-]+){0,4}?\s+(?:under|via|through|using|from|off|"
    r"against)\s+(?:lot\s+\d+\s+of\s+)?(?:the\s+|an?\s+)?((?:[\w&'’()/.-]+\s+){1,7}?)(?:framework|"
    r"panel)(?:\s+agreement)?\b")
FUTURE_BEFORE = rx(r"\b(?:will|shall|may|might|can|could|would|to)\s+(?:\w+\s+)?be\s*$")

FRAMEWORK = [
    ("framework", 3, rx(r"\b(?:establish|establishes|establishing|set\s+up|setting\s+up|put\s+in"
                        r"\s+place|create|conclude|concluding|award|awarding|procure|procuring|let"
                        r"|letting)\s+(?:of\s+)?(?:a|an|the|this|its|our)?\s?(?:new\s+|multi-supplier"
                        r"\s+|single-supplier\s+|multi-lot\s+|multi-supplier,\s+multi-lot\s+"
                        r"|regional\s+|national\s+)?framework\b"
                        r"|\bframework\s+(?:agreement\s+)?(?:will\s+be|is\s+to\s+be|is\s+being"
                        r"|shall\s+be)\s+(?:established|awarded|let|put\s+in\s+place|set\s+up"
                        r"|concluded)\b|\bappoint(?:ed|ment)?\s+(?:on)?to\s+(?:the|a|this)"
                        r"\s+(?:new\s+)?framework\b|\bthis\s+framework(?:\s+agreement)?\b"
                        r"|\bunder\s+this\s+framework\b|\bthe\s+proposed\s+framework\b")),
    ("call_off", 3, rx(r"\bthis\s+(?:is\s+a\s+)?(?:call[- ]off|mini[- ]competition|further"
                       r"\s+competition|direct\s+award)\b|\bcall[- ]off\s+(?:contract\s+|order\s+)?"
                       r"(?:is\s+being\s+|will\s+be\s+|to\s+be\s+)?(?:awarded\s+|let\s+|placed\s+"
                       r"|made\s+)?(?:under|via|through|using|from)\s+(?:lot\s+\d+\s+of\s+)?"
                       r"(?:the|an)\s+(?:existing\s+)?[^.;]{0,60}?framework\b"
                       r"|\b(?:under|via|through|using|from|off)\s+(?:lot\s+\d+\s+of\s+)?(?:the\s+)?"
                       r"(?:existing\s+)?(?:[A-Z][\w&'’()/-]*\s+){1,6}framework\b"
                       r"|\bframework\s+(?:agreement\s+)?(?:ref(?:erence)?\.?|no\.?|number)?\s?:?"
                       r"\s?RM\s?\d{3,5}\b|\bRM\d{4}\b|\bdirect\s+award\s+(?:under|via|through"
                       r"|from)\b")),
    # "a further competition under Lot 2 of the ESPO 664 framework": a call-off whose framework
    # is named with numbers or lower-case words, which the pattern above does not take.
    ("call_off", 3, rx(r"\b(?:further|mini)[- ]competition\b(?:\s+[\w’'-]+){0,6}?\s+(?:under"
                       r"|via|through|using|from|on|off)\s+(?:lot\s+\d+\s+of\s+)?(?:the\s+)?"
                       r"(?:existing\s+)?(?:[\w&'’()/-]+\s+){1,7}?framework(?:\s+agreement)?\b")),
    ("call_off", 3, CALLED_OFF_UNDER),
    ("call_off", 1, rx(r"\bmini[- ]competition\b|\bfurther\s+competition\b|\bcall[- ]off\b"
                       r"|\bdirect\s+award\b")),
    ("framework", 1, rx(r"\bframework\s+agreement\b")),
]
FRAMEWORK_GATE = tuple(pattern for *_, pattern in FRAMEWORK)
# A competition or call-off under a dynamic purchasing system: a contract of its own, not one
# based on a framework (s.1(1)(a) reaches it; PCR 2015 reg 34; PA 2023 s.34).
UNDER_A_DPS = rx(r"\bdynamic\s+purchasing\s+(?:system|vehicle)\b|\bDPS\b|\bdynamic\s+market\b")
# A direct award made under a provision of law (PA 2023 s.41, PCR 2015 reg 32, the Provider
# Selection Regime) is a contract of its own, not a call-off.
DIRECT_AWARD_BY_LAW = rx(r"^direct\s+award\s+(?:(?:under|via|through|from)\s+(?:the\s+)?(?:section\b"
                         r"|s\.\s?\d|regulations?\b|reg\.?\s?\d|provider\s+selection|psr\b"
                         r"|procurement\s+act|public\s+contracts\s+regulations|process\s+[a-c]\b)"
                         r"|process(?:es)?\s+[a-c]\b)")
GENERIC_FRAMEWORK = rx(r"\b(?:terms|rules|provisions|conditions)\s+of\s+(?:the|a|any)\s+framework\b")
NAMES_THIS_FRAMEWORK = rx(r"\b(?:this|the\s+proposed|the\s+new|a\s+new)\s+framework\b")
URGENCY = rx(r"\bextreme\s+urgency\b|\breasons?\s+of\s+(?:extreme\s+)?urgency\b|\bgrounds?\s+of"
             r"\s+(?:extreme\s+)?urgency\b|\burgent\s+need\s+to\s+(?:procure|arrange|award|put"
             r"|appoint|secure|replace)\b|\burgency\s+(?:provisions?|exemption|justification"
             r"|procedure)\b|\burgent\s+procurement\b|\baccelerated\s+(?:open|restricted)\s+"
             r"procedure\b|\b(?:procurement|award|requirement)\s+is\s+urgent\b")
NEGATION_BEFORE = rx(r"\b(?:not|no|neither|nor|without)\s+(?:\w+\s+){0,4}$")
JURISDICTION = rx(r"\blaws?\s+of\s+(england\s+and\s+wales|england|wales|scotland|northern\s+ireland)"
                  r"\b|\b(scots|scottish)\s+law\b|\bcourts\s+of\s+(england\s+and\s+wales|england"
                  r"|wales|scotland|northern\s+ireland)\b|\b(northern\s+ireland)\s+law\b")
PROCUREMENT_START = rx(r"\b(?:contract|tender|procurement|opportunity|prior\s+information)\s+notice"
                       r"\b|\bfind\s+a\s+tender\b|\bcontracts\s+finder\b|\bojeu\b|\b(?:tender|itt"
                       r"|invitation\s+to\s+tender|rfq|rfp|sq|psq|procurement|competition)\s+"
                       r"(?:issue|publication|release|launch|start)\s+date\b|\bdate\s+of\s+(?:issue"
                       r"|publication)\b|\b(?:issue|publication)\s+date\b|\b(?:procurement|tender"
                       r"|competition)\s+(?:commenced|started|began|starts|commences|launched"
                       r"|launches|opens|opened)\b|\b(?:procurement|tender|itt|documents?"
                       r"|competition)\s+(?:will\s+be\s+|was\s+|were\s+|is\s+|are\s+)?(?:issued"
                       r"|published|launched)\b|\b(?:issued|published)\s+on\b"
                       r"|\bstart\s+of\s+(?:the\s+)?procurement\b")
CONTRACT_START = rx(r"\b(?:contract|service|services|agreement|framework|call-off)\s+(?:is\s+"
                    r"|will\s+|shall\s+|is\s+expected\s+to\s+|is\s+due\s+to\s+)?(?:start|commence"
                    r"|begin|go\s+live)s?\b|\b(?:contract|service|services|agreement|framework"
                    r"|anticipated|expected|planned|proposed)?\s?(?:start|commencement)\s+date\b"
                    r"|\bcommencement\s+of\s+(?:the\s+)?(?:contract|services?|agreement)\b"
                    r"|\bgo[- ]live\b|\bstart\s+of\s+(?:the\s+)?(?:contract|services?)\b"
                    r"|\bexpected\s+to\s+(?:start|commence)\b|\bcontract\s+start\b")
DATE_NOT_START = rx(r"\b(?:deadline|closing|close|return|clarification|submission|due|by|before"
                    r"|no\s+later\s+than|until|end|expiry|expires|ends?)\b")
STARTS_ANYWAY = rx(r"\bstart|\bcommenc|\bissue|\bpublish")
# Events after the start: an award, an amendment or a modification is never the first s.1(2) event.
AFTER_THE_START = rx(r"\baward(?:ed|s)?\b|\bamend(?:ed|ment)\b|\bmodif(?:ied|ication)\b"
                     r"|\bcorrigendum\b|\bcompletion\b|\bconcluded\b|\bsigned\b")
# The deadline for tenders: the procurement had started by then (an inferred, weaker start).
TENDER_DEADLINE = rx(r"\b(?:deadline|closing\s+date|closing\s+time|close)\s+(?:date\s+)?(?:for"
                     r"\s+)?(?:the\s+)?(?:receipt\s+of\s+)?(?:tenders?|bids?|submissions?|responses"
                     r"|quotes?|quotations|expressions\s+of\s+interest|requests\s+to\s+participate)"
                     r"\b|\b(?:tenders?|bids?|quotations?)\s+(?:must\s+be\s+|are\s+to\s+be\s+)?"
                     r"(?:returned|submitted|received)\s+by\b")


def authority_kind(name: str, territory: tuple[str, str] | None = None) -> str | None:
    """The AuthorityKind value for an authority's name (`extract.buyers`), or None when the
    name is not recognised. `territory`: (territory, why) read elsewhere, for a name that does
    not place the body itself."""
    reading = classify(name, territory)
    return reading.kind if reading is not None else None


def _buyer_name(raw: str) -> str:
    name = " ".join(raw.split()).strip(" .;,*_|")
    return name[:150]


def authority_hits(text: str) -> list[Hit]:
    """Authority names: the one a "Contracting authority:" line gives (rank 4, whatever the
    name), then names of recognised kinds in the text (rank 3 where the words around them say
    it is the buyer, 1 for a passing mention). Their kinds are read once the whole document's
    territory is known (tender_facts)."""
    hits: list[Hit] = []
    taken = Spans()
    for m in BUYER_LINE.finditer(text):
        start, end = m.start(1), m.end(1)
        name = _buyer_name(text[start:end])
        if len(name) < 2 or name.lower() in NOT_A_NAME:
            continue
        taken.add(start, end)
        hits.append(Hit(start, end, "authority", name,
                        f"named as the buyer ('{text[m.start():start].strip()}')", rank=4))
    for _, pattern in AUTHORITY:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            words = text[start:end].split()
            while words and words[0].lower() in NOT_A_NAME:
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if len(words) < 2 and words and words[0] not in ("HMRC", "DWP", "MOD", "DVLA"):
                continue
            if not words or taken.overlaps(start, end):
                continue
            name = text[start:end]
            if authority_kind(name) is None:
                continue
            taken.add(start, end)
            rank = 1
            if ROLE_BEFORE.search(text[max(0, start - 40):start]) or \
                    ROLE_AFTER.search(text[end:end + 50]):
                rank = 3
            hits.append(Hit(start, end, "authority", name, "named as the buying authority"
                            if rank == 3 else "an authority named in the text", rank=rank))
    return hits


_NO_NAME = frozenset({"the", "this", "that", "a", "an", "same", "said", "above", "relevant",
                      "appropriate", "resulting"})
_BEING_LET = frozenset({"new", "proposed", "this", "our"})


def _names_a_framework(name: str, kind: str) -> bool:
    """Whether the words before "framework" (or "panel") name one: a word other than an article
    or "new"/"proposed"; for a panel, a capitalised name ("Legal Services Panel"), since "the
    evaluation panel" is people, not an agreement."""
    if any(w.lower() in _BEING_LET for w in name.split()):
        return False                    # "the new Regional Construction Framework": the one let
    words = [w for w in name.split() if w.lower() not in _NO_NAME]
    if not words:
        return False
    if kind.strip().lower().startswith("panel"):
        return any(w[:1].isupper() for w in words)
    return True


def framework_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    taken = Spans()
    for role, rank, pattern in FRAMEWORK:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            words = text[m.start():m.end()]
            if role == "call_off" and rank == 3 and NAMES_THIS_FRAMEWORK.search(words):
                continue                      # "call-offs under this framework": it is the framework
            if role == "call_off" and UNDER_A_DPS.search(text[max(0, m.start() - 150):m.end() + 150]) \
                    and "framework" not in words.lower():
                continue                      # "a mini competition against the DPS"
            if role == "call_off" and DIRECT_AWARD_BY_LAW.search(text[m.start():m.end() + 60]):
                continue                      # "direct award under section 41": a contract of its own
            if role == "call_off" and rank == 3 and GENERIC_FRAMEWORK.search(words):
                continue                      # "under the terms of the framework": any framework
            if role == "call_off" and UNDER_A_DPS.search(words):
                continue                      # "under the YPO DPS framework": a DPS all the same
            if pattern is CALLED_OFF_UNDER and (
                    not _names_a_framework(m.group(1), text[m.end(1):m.end()])
                    or FUTURE_BEFORE.search(text[max(0, m.start() - 30):m.start()])):
                continue                      # "will be awarded under the framework": this one
            taken.add(m.start(), m.end())
            how = ("concluding a framework" if role == "framework" else
                   "a call-off under an existing framework")
            hits.append(Hit(m.start(), m.end(), "framework", role,
                            f"'{words[:80]}' reads as {how}" + ("" if rank > 1 else " (weak)"),
                            rank=rank))
    return hits


def urgency_hits(text: str) -> list[Hit]:
    hits = []
    for m in URGENCY.finditer(text):
        if NEGATION_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        hits.append(Hit(m.start(), m.end(), "urgency", True,
                        f"'{text[m.start():m.end()]}' claims urgency (s.1(8))", rank=2))
    return hits


def jurisdiction_hits(text: str) -> list[Hit]:
    hits = []
    for m in JURISDICTION.finditer(text):
        said = next(g for g in m.groups() if g).lower()
        said = " ".join(said.split())
        value = {"england and wales": "england", "england": "england", "wales": "wales",
                 "scotland": "scotland", "scots": "scotland", "scottish": "scotland",
                 "northern ireland": "northern_ireland"}[said]
        detail = "governing law stated"
        if said == "england and wales":
            detail = ("governing law of England and Wales (one legal jurisdiction; a Welsh "
                      "authority would say the same)")
        hits.append(Hit(m.start(), m.end(), "jurisdiction", value, detail, rank=1))
    return hits


def date_hits(text: str) -> list[Hit]:
    """Procurement and contract start dates: a date whose clause names it as one."""
    hits = []
    bounds = clause_bounds(text)
    previous_end = 0
    for start, end, date in find_dates(text):
        c_start, _ = clause_of(bounds, start)
        span = text[max(c_start, previous_end, start - 120):start]
        previous_end = end
        best = None
        for name, pattern in (("procurement_start", PROCUREMENT_START),
                              ("contract_start", CONTRACT_START)):
            for m in pattern.finditer(span):
                key = (m.end(), name == "procurement_start")
                if best is None or key > best[0]:
                    best = (key, name, m)
        if best is not None and best[1] == "procurement_start" and \
                AFTER_THE_START.search(span):
            best = None                     # "the contract award notice was published on"
        deadline = TENDER_DEADLINE.search(span)
        if deadline is not None and (best is None or deadline.start() > best[2].start()):
            words = span[deadline.start():deadline.end()]
            hits.append(Hit(start, end, "procurement_start", date,
                            f"inferred: the procurement started no later than the "
                            f"'{words}' (a stated tender notice date wins)", rank=1))
            continue
        if best is None:
            continue
        _, name, m = best
        between = span[m.end():]
        if DATE_NOT_START.search(between) and not STARTS_ANYWAY.search(between):
            continue
        hits.append(Hit(start, end, name, date,
                        f"'{span[m.start():m.end()]}' dates it", rank=2))
    return hits
