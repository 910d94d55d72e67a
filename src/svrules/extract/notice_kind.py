"""What kind of notice the text is, where that changes whether a procurement is being started.

Three kinds change the verdict, and each is read only from words that say so of this notice:

  market_engagement  early (preliminary) market engagement, a request for information, a prior
                     information or planned procurement notice that is not a call for
                     competition, "this is not the beginning of a tender exercise". No process of
                     procurement has started yet (SVA 2012 s.1(2): the first advertisement,
                     contact or notice seeking offers starts it), so the duties that fall due
                     "before starting the process of procurement" are not yet due.
  modification       a notice of a modification, variation or extension of an existing contract
                     (PCR 2015 reg 72; PA 2023 ss.74-75): not a new procurement, so nothing is
                     being procured within s.1(1).
  defence_security   the contract is a defence and security contract: governed by the Defence and
                     Security Public Contracts Regulations 2011 (PCR era, outside the Regulations
                     the Act follows, s.1(13)), or a "defence and security contract" that
                     SVA 2012 s.1(16)(a) excludes (PA era).

Passing mentions are kept out on purpose: an option to extend ("two 12 month extensions"), a
past engagement ("input from preliminary market engagement"), a freedom-of-information
"request for information held by" the authority, an award notice that says it is "not a call
for competition", and a buyer that merely is the Ministry of Defence (it buys ordinary services
under the ordinary regime too).
"""
from __future__ import annotations

from ._rx import Hit, clause_bounds, clause_of, rx

_ENGAGE = (r"(?:early\s+|preliminary\s+|pre-?\s?procurement\s+|pre-?\s?market\s+|soft\s+)?"
           r"market\s+(?:engagement|sounding|testing|consultation)|soft\s+market\s+test"
           r"|request\s+for\s+information|rfi|pre-?\s?market\s+engagement")
MARKET_ENGAGEMENT = [
    # says what this notice or exercise is
    rx(r"\b(?:this|the\s+purpose\s+of\s+this)\s+(?:notice|exercise|process|request|rfi|pin)\s+"
       r"(?:is|serves)\s+(?:purely\s+|simply\s+|only\s+)?(?:as\s+)?(?:a|an|to)\s+(?:\w+\s+){0,3}"
       r"(?:" + _ENGAGE + r"|prior\s+information|gauge\s+(?:market\s+)?interest"
       r"|seek\s+(?:the\s+)?(?:views|feedback)|inform\s+the\s+market)\b"),
    rx(r"\b(?:this|the)\s+(?:" + _ENGAGE + r")\s+(?:notice|exercise|questionnaire|event|process)"
       r"\s+(?:is|was|will|has|invites|seeks|aims)\b"),
    rx(r"\b(?:is|are)\s+(?:now\s+|therefore\s+|currently\s+)?(?:undertaking|conducting|carrying\s+"
       r"out|running|launching|holding|issuing|seeking\s+to\s+undertake)\s+(?:a|an|this|some)\s+"
       r"(?:" + _ENGAGE + r")\b"),
    # says that it is not (yet) a competition
    rx(r"\b(?:not|no)\s+(?:the\s+)?(?:beginning|start|commencement|launch)\s+of\s+(?:a|the|any)\s+"
       r"(?:formal\s+)?(?:tender(?:ing)?|procurement|competitive)\s+(?:exercise|process|procedure)\b"),
    rx(r"\b(?:does|will)\s+not\s+(?:constitute|form|represent|signal|mark)\s+(?:part\s+of\s+)?"
       r"(?:a|an|any|the\s+start\s+of\s+(?:a|any))\s+(?:formal\s+)?(?:tender(?:ing)?|procurement|"
       r"call\s+for\s+competition|invitation\s+to\s+tender|competitive)\b"),
    rx(r"\bnot\s+(?:a|an)\s+(?:formal\s+)?(?:call\s+for\s+competition|invitation\s+to\s+tender|"
       r"tender\s+(?:exercise|process|opportunity))\b"),
    rx(r"\b(?:prior\s+information|planned\s+procurement|preliminary\s+market\s+engagement|"
       r"early\s+market\s+engagement|pipeline)\s+notice\s+(?:only|for\s+information)\b"
       r"|\b(?:this|the)\s+(?:early\s+|preliminary\s+)?market\s+engagement\s+notice\b"),
]
# An award notice says "not a call for competition" of itself; a clause naming one is no
# market engagement.
AWARD_NOTICE = rx(r"\baward\s+notice\b|\bcontract\s+(?:has\s+been|was)\s+awarded\b")
FREEDOM_OF_INFORMATION = rx(r"\brequest\s+for\s+information\s+held\b|\bfreedom\s+of\s+information")

MODIFICATION = [
    rx(r"\b(?:regulation|reg\.?)\s*72\s*\(\s*1\s*\)|\b(?:regulation|reg\.?)\s*72\s+of\s+the\s+"
       r"public\s+contracts\s+regulations\b|\bsection\s+7[45]\s+of\s+the\s+procurement\s+act\b"
       r"|\bs\.\s?7[45]\s+(?:of\s+the\s+)?(?:procurement\s+act|pa\s+2023)\b"),
    rx(r"\bthis\s+(?:is\s+(?:a|an)\s+)?(?:contract\s+)?(?:change|modification|variation|extension)"
       r"\s+(?:award\s+)?notice\b|\b(?:contract\s+)?(?:modification|variation|extension)\s+award"
       r"\s+notice\b|\bnotice\s+(?:of|for)\s+(?:the\s+|a\s+)?(?:modification|variation|extension)"
       r"\s+(?:of|to)\b"),
    rx(r"\b(?:modification|variation|extension)\s+(?:of|to)\s+(?:the\s+)?(?:existing\s+)?"
       r"(?:\w+\s+){0,3}contract\s+(?:has\s+been|was|is\s+being)\s+(?:made|agreed|awarded|"
       r"undertaken|approved)\b|^[\s*_#]*modification\s+of\s+(?:the\s+)?contract[\s*_]*(?:$|\n)"),
    rx(r"\b(?:the\s+)?(?:existing\s+)?(?:contract|scope|term|duration)\s+(?:of\s+the\s+contract\s+)?"
       r"(?:is\s+being|has\s+been|was|will\s+be)\s+(?:extended|modified|varied)\b|\bhas\s+(?:been\s+)?extended\s+the\s+contract\b"
       r"|\bcontract\s+variation\b[^.]{0,40}\bhas\s+extended\b"),
    rx(r"\bextension\s+award\b"),
]
# "an extension of the contract term is available", "option to extend": an option, not a
# modification being notified; "the Authority may modify the Contract under regulation 72": a
# contract term in tender documents, not a notice of a modification.
MODAL = rx(r"\b(?:may|might|can|could|shall|should|would|must|permit\w*|allow\w*|if|where"
           r"|unless|in\s+the\s+event|subject\s+to|no)\b")
OPTION = rx(r"\boptions?\b|\boptional\b|\bpossib\w*\b|\bavailable\b|\bat\s+the\s+(?:sole\s+)?"
            r"discretion\b|\bmay\s+be\b|\bfuture\s+modifications?\b|\bany\s+(?:future\s+)?"
            r"(?:modification|extension|variation)s?\b|\bup\s+to\b")

DEFENCE = [
    rx(r"\bdefence\s+and\s+security\s+public\s+contracts\s+regulations\b|\bDSPCR\b"),
    rx(r"\bdefence\s+(?:and|&)\s+security\s+(?:contract|procurement|framework)s?\b"
       r"|\bdefence\s+authority\s+contracts?\b"),
    rx(r"\bmilitary\s+equipment\b|\barticle\s+346\b"),
]
# The negation must govern the phrase ("is not a defence and security contract", "not subject to
# the DSPCR", "no defence ..."), not another verb before it ("social value is not evaluated in this
# defence and security procurement" is a defence contract).
NEGATED = rx(r"\b(?:not|no|neither|nor|without|other\s+than|excluding)\s+(?:(?:a|an|the|this|that|it|one|"
             r"being|be|been|is|are|was|classed|classified|considered|deemed|treated|regarded|counted|as|"
             r"subject|to|under|within|part|of|regulated|by|governed|covered|caught|strictly|itself|any|"
             r"such|formally|technically)\s+){0,4}$")
# Equipment that is military by what it is (PA 2023 s.7(1)(a), (c): military equipment, and the
# services for its maintenance), when the same passage names a defence buyer. Either alone is
# not enough: the Ministry of Defence buys catering and cleaning under the ordinary regime, and
# "countermeasures" or "weapons" mean other things outside it.
MILITARY_KIT = rx(r"\b(?:munitions|ammunition|missiles?|torpedo(?:es)?|warships?|submarines?"
                  r"|armoured\s+(?:fighting\s+)?vehicles?|weapons?\s+systems?|weaponry"
                  r"|counter-?\s?measures?\s+(?:system|suite|equipment)s?"
                  r"|infra-?red\s+counter-?\s?measures?|electronic\s+warfare"
                  r"|(?:combat|fighter|military)\s+(?:aircraft|vehicles?|platforms?|helicopters?)"
                  r"|military\s+(?:radar|communications\s+equipment))\b")
DEFENCE_BUYER = rx(r"\bministry\s+of\s+defence\b|\bdefence\s+equipment\s+(?:and|&)\s+support\b"
                   r"|\b(?-i:MOD|MoD|DE&S|Dstl)\b|\broyal\s+(?:navy|air\s+force)\b"
                   r"|\bbritish\s+army\b|\barmed\s+forces\b|\bsubmarine\s+delivery\s+agency\b")

GATE = (*MARKET_ENGAGEMENT, *MODIFICATION, *DEFENCE, MILITARY_KIT)


def notice_kind_hits(text: str) -> list[Hit]:
    """`notice_kind` hits (market_engagement, modification) and `defence_security` hits."""
    hits: list[Hit] = []
    bounds = clause_bounds(text)

    def clause(start: int) -> str:
        c_start, c_end = clause_of(bounds, start)
        return text[c_start:c_end]

    for pattern in MARKET_ENGAGEMENT:
        for m in pattern.finditer(text):
            around = clause(m.start())
            if AWARD_NOTICE.search(around) or FREEDOM_OF_INFORMATION.search(around):
                continue
            hits.append(Hit(m.start(), m.end(), "notice_kind", "market_engagement",
                            f"'{text[m.start():m.end()][:80]}': early market engagement, no "
                            "process of procurement started yet (SVA 2012 s.1(2))", rank=3))
    for pattern in MODIFICATION:
        for m in pattern.finditer(text):
            around = clause(m.start())
            words = text[m.start():m.end()]
            if MODAL.search(around) or (OPTION.search(around)
                                         and not rx(r"72|7[45]|notice|award").search(words)):
                continue
            hits.append(Hit(m.start(), m.end(), "notice_kind", "modification",
                            f"'{words[:80]}': a modification of an existing contract, not a new "
                            "procurement", rank=3))

    def defence(found, detail: str, rank: int, first_only: bool = False) -> None:
        """Every hit of `found` (or only the first) that no negation in front of it cancels."""
        for m in found:
            if NEGATED.search(text[max(0, m.start() - 40):m.start()]):
                continue
            hits.append(Hit(m.start(), m.end(), "defence_security", True,
                            f"'{text[m.start():m.end()][:80]}'{detail}", rank=rank))
            if first_only:
                return

    for pattern in DEFENCE:
        defence(pattern.finditer(text), ": a defence and security contract", 3)
    # military equipment by what it is counts only beside a defence buyer, and once
    if DEFENCE_BUYER.search(text):
        defence(MILITARY_KIT.finditer(text), " for a defence buyer: military equipment, so a "
                "defence and security contract (PA 2023 s.7(1))", 2, first_only=True)
    return hits
