"""Social value requirement clauses: what a tender asks suppliers to deliver, and how checkably.

A clause is one block (a paragraph, list item or table row) that requires, scores or asks for a
social, economic or environmental outcome. For each, the extractor reads the elements that make
a requirement verifiable (PA 2023 s.23(2)(b); seed 001 L977 "unverifiable requirements are
unlawful"): a quantified target, a measure, a reporting frequency, an evidence source and a
remedy; and what the relevance, proportionality and verifiability rules need besides (theme,
strength, kind, financial-proxy goals, outputs offered as outcomes, burdens of measurement).

The unit is the block, not the sentence, because tenders routinely state a target in one
sentence and its reporting in the next. A KPI table (a header row naming target, frequency and
consequence columns, as in seed 000 Appendix 1) yields one clause per data row, its elements
read from the columns. Statements that apply to all social value commitments ("each KPI in
Schedule 4 has a target, a data source and the service credit") count for every clause.

Every pattern is RE2 (linear time) like the rest of `extract/`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

import yaml

from .._yaml import safe_load as _safe_load
from ..model import Block, BlockKind
from ..rulepack import RulePackError, default_rules_dir
from ._fastre2 import PatternSet
from ._rx import WORD_NUMBERS, rx
from .index import DocumentIndex
from .readers import register
from .weightings import PAIR


def _per_text(fn):
    """`fn`, a pure function of its (text) arguments, answered once per distinct arguments:
    specification libraries and KPI schedules repeat the same clause words across paragraphs
    and tenders, and each reading is some fifty pattern searches. Bounded, so memory stays flat;
    a dict or set answer is copied, so a caller may change its own."""
    cached = lru_cache(maxsize=1024)(fn)

    def answer(*args):
        found = cached(*args)
        return found.copy() if isinstance(found, (dict, set)) else found
    answer.__doc__, answer.__name__, answer.cache_clear = fn.__doc__, fn.__name__, cached.cache_clear
    return answer


def _per_text_in_section(fn):
    """`_per_text` for a pure function of (text, section, ...) that reads the heading path only
    through the section tests of `_section_key`: asked with the first heading path seen that has
    the same answers to those tests, so that a clause repeated under "12. Social value" and
    "47. Social value" is read once (numbered headings make nearly every path distinct).
    tests/extract/test_clause_caches.py checks that these functions read `section` only
    through `_section_key`'s tests."""
    cached = _per_text(fn)

    def answer(text, section, *rest):
        return cached(text, _as_section(section), *rest)
    answer.__doc__, answer.__name__, answer.cache_clear = fn.__doc__, fn.__name__, cached.cache_clear
    answer.uncached = fn
    return answer


_SECTIONS: dict[tuple, str] = {}        # the answers of `_section_key` -> a path that has them


def _section_key(section: str) -> tuple:
    """Every test the cached clause readings make of a heading path (and no other)."""
    return (_sv_section(section), bool(BACKGROUND_SECTION.search(section)),
            "kpi" in section.lower(), bool(AWARD_SECTION.search(section)))


@lru_cache(maxsize=4096)
def _as_section(section: str) -> str:
    key = _section_key(section)
    found = _SECTIONS.get(key)
    if found is None:
        found = _SECTIONS[key] = section
    return found

@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    """The closed word classes of rules/data/clauses.yaml (hedges, asks, bounds, shares, the
    events and months of deadlines, units that count no deliverable): data, so that a class is
    widened by editing the list, not the patterns."""
    path = default_rules_dir() / "data" / "clauses.yaml"
    try:
        data = _safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not a mapping")
        return data
    except (OSError, yaml.YAMLError, TypeError) as exc:
        raise RulePackError(str(path), f"invalid clause vocabulary: {exc}") from None


def _words(name: str) -> str:
    """One class of the vocabulary as an RE2 alternation (longest entries first)."""
    entries = _vocabulary()[name]
    if isinstance(entries, str):
        return entries
    return "|".join(f"(?:{e})" for e in sorted(entries, key=len, reverse=True))


ELEMENTS = ("target", "measure", "frequency", "evidence", "remedy")
# What makes a requirement verifiable (PA 2023 s.23(2)(b), PCR 2015 reg 67(7)(b)): a target and
# what is counted. The other three are how it is monitored and enforced: good practice, which a
# document-wide statement (a KPI schedule, a monitoring section) supplies for every requirement.
VERIFIABILITY = ("target", "measure")
MONITORING = ("frequency", "evidence", "remedy")

SUPPLIER = (r"(?:the\s+)?(?:contractor|supplier|provider|service provider|bidders?|tenderers?|"
            r"applicants?|operator|caterer|firm|consultant|printer|prime contractor|lead provider|"
            r"successful \w+|organisations?|providers|suppliers|contractors|you|your organisation)")
# The duty words and passive requirements of rules/data/clauses.yaml (`duty`, `passive_duty`).
DUTY = r"(?:" + _words("duty") + r")"
PASSIVE_DUTY = r"(?:" + _words("passive_duty") + r")"
MODAL = (r"(?:" + DUTY + r"|will|is (?:expected|required|asked|encouraged) to|are (?:expected|required|asked|encouraged) to|agrees? to|undertakes? to"
         # the same obligation in other words: "is to use", "has to", "is obliged to"
         r"|(?:is|are) to|(?:has|have|needs?) to|(?:is|are) (?:obliged|bound|responsible) (?:to|for))")
# A supplier's commitment in its own verb ("The Supplier aspires to", "commits to treating").
_COMMITS = r"\b" + SUPPLIER + r"\s+(?:[\w-]+\s+)?(?:" + _words("commitment_verbs") + r")\b"
COMMITS = rx(_COMMITS)
# An instruction with no subject, opening with a verb of delivering or hiring (data: imperative_verbs).
_IMPERATIVE = r"^\s*(?:[-*•]\s*)?(?:" + _words("imperative_verbs") + r")\b"
IMPERATIVE = rx(_IMPERATIVE)
REQUIREMENT = rx(r"\b" + SUPPLIER + r"(?:'s)?\b[^.;]{0,60}?\b" + MODAL + r"\b"
                 # a supplier's soft commitment in its own verb, and a buyer's request with no
                 # modal ("The Supplier aspires to ...", "We would welcome proposals that ...")
                 r"|" + _COMMITS
                 + r"|\b(?:" + _words("asks") + r")\b"
                 + r"|\b(?:" + DUTY + r"|will)\b|\b(?:to be|is to be|are to be) (?:discussed|agreed|"
                 r"determined|decided|confirmed)\b"
                 r"|\b(?:is|are) (?:expected|required|encouraged|invited) to\b|\b(?:is|are) required\b|\brespond to\b"
                 # a labelled or passive requirement with no modal ("Minimum requirement: ten
                 # new jobs ... to be created over the life of the contract", "Eight trainees are
                 # to complete a recognised NVQ"; not "The aim is to provide ...", an aim)
                 r"|\b" + PASSIVE_DUTY +
                 # a count expected over a period, in the passive ("twelve starts are expected
                 # over the term")
                 r"|\b(?:is|are) (?:expected|anticipated|envisaged) (?:over|during|across|within|each|per|in the)\b"
                 # or of a contract or a supplier ("10% is expected on this contract", "are
                 # expected from the successful provider", "is anticipated under the framework")
                 r"|\b(?:is|are) (?:expected|anticipated|envisaged) (?:on|under|from|of) (?:this|the|each|every|all|any)\b"
                 r"|\b(?:a |the )?condition of (?:the |this )?contract\b"
                 r"|^\s*(?:please\s+)?(?:describe|explain|set out|outline|propose|provide|tell us|state|detail|demonstrate|respond|identify|select)\b"
                 r"|\b(?:scored|assessed|evaluated|points? (?:will be )?awarded|award question|scored question|question\s+\w*\d)"
                 r"|\bKPI\b|^\s*SV\s*-?\d+\b|\btarget\s*[:/]|\bcommitments?\s*:|\bconsequence of breach\b"
                 r"|\bplease (?:use|describe|tell|provide|explain|set out)\b|\btell us\b")
SUPPLIER_NAMED = rx(r"\b" + SUPPLIER + r"\b")
ASKS = rx(r"\b(?:" + _words("asks") + r")\b")
AUTHORITY_ACTOR = rx(r"^\s*(?:the\s+)?(?:council|authority|trust|department|association|commissioners?|"
                     r"icb|board|we|contract manager|the parties)\b(?:'s\s+\w+)?\s+(?:will|shall|must|may|has|have|is|reserves)\b")
NOT_REQUIREMENT = rx(r"\b(?:is|are) defined (?:in|as)\b|\bmeans\b|^\s*social value is a\b(?:[^.]*\.)\s*$")

# A workforce's pay described with no rate (rules/data/clauses.yaml `pay_manners`, `pay_nouns`,
# `pay_adjectives`): "all staff ... are paid fairly", "pay its operatives competitively", "a fair
# wage", "fair pay and conditions", "a fair and equitable reward package". Fair pay is a social
# value theme (fair work) on its own; without a named standard or a rate (`pay_standards`) it
# fixes no level to check, so neither "all staff" nor "staff" is the requirement's target or
# measure (`pay_unstated`).
_WORKERS = (r"(?:staff|employees|workers|workforce|operatives|colleagues|carers|personnel|everyone|"
            r"people|drivers|cleaners|apprentices|trainees|team members)")
_PAY_MANNER = (r"(?:" + _WORKERS + r"\b[^.;]{0,60}?\b(?:paid|remunerated|rewarded)|"
               r"(?:pay|pays|paying|remunerat\w+|reward(?:s|ing)?)\s+(?:[\w'’-]+\s+){0,5}?" + _WORKERS
               + r")\s+(?:[\w-]+\s+){0,2}?(?:" + _words("pay_manners") + r")\b")
_PAY_DESCRIBED = (r"\b(?:" + _words("pay_adjectives") + r")\s+(?:[\w-]+\s+){0,3}?(?:"
                  + _words("pay_nouns") + r")\b|"
                  # the manner first ("fairly paid", "appropriately remunerated")
                  r"\b(?:" + _words("pay_manners") + r")[\s-]+(?:paid|remunerated|rewarded)\b")
_PAY_VAGUE = _PAY_MANNER + r"|" + _PAY_DESCRIBED
PAY_VAGUE = rx(_PAY_VAGUE)
PAY_STANDARD = rx(r"(?:" + _words("pay_standards") + r")")
# School engagement as the ask ("host site visits for pupils from nearby schools", "run open
# days on site for school pupils", "employability workshops"): a social value activity on its
# own, though no outcome verb is used (host, arrange, run). A visit or tour of a workplace,
# or an open, taster or insight day, counts only for pupils, students, schools or young people
# (not "site visits for the Employer's Representative", not a school nurse's home visits).
_SCHOOL_ACTIVITY = (r"(?:(?:site|workplace|industry|educational|factory|depot|plant|facility|works) "
                    r"(?:visits|tours)|open days|taster (?:days|sessions)|insight days|mock interviews|"
                    r"work shadowing)\b[^.;]{0,40}\b(?:pupils|schoolchildren|school children|students|"
                    r"schools|colleges|young people)|"
                    r"(?:careers?|employability|stem|enterprise) (?:talks|workshops|sessions|days|weeks|"
                    r"assemblies|presentations|activities|clubs)")

# Themes, most specific first. Strong terms make a clause on their own; weak terms only in a
# social value section or with an outcome verb, so that "staff receive safeguarding training"
# is not read as a social value requirement.
THEMES = (
    ("workforce", r"living wage|fair work|equality,? (?:and )?diversity|diversity and inclusion|"
                  r"equal opportunit\w+|(?:diversity|inclusivity) of (?:its|the|their) (?:workforce|staff)|"
                  # pay and treatment of the workforce in any verb form ("paying its staff fairly")
                  r"(?:pay|pays|paying|treat|treats|treating)\b[^.]{0,25}\b(?:staff|employees|workers|workforce)\b|socially responsible|disability confident|mindful employer|modern slavery|"
                  r"good employer|wellbeing of (?:its|the|their) (?:workforce|staff)|zero[- ]hours|"
                  r"staff wellbeing|pay (?:all|every|its) (?:staff|employees)|investors in people|"
                  r"fair tax mark|b corp\w*|social value quality mark|social enterprise mark|"
                  r"corporate responsibility|" + _PAY_VAGUE),
    ("employment_skills", r"apprentic\w*|jobs?\b|job outcomes?|employ\w*|recruit\w*|work experience|"
                          r"work placements?|placements?|traineeships?|trainees?\b|nvqs?\b|svqs?\b|diplomas?\b|qualifications?|NEET|unemployed|"
                          r"care leavers|leaving care|ex-offenders|careers?|STEM|skills|training|"
                          r"upskill\w*|reskill\w*|"
                          r"school engagement|pupils|mentor\w*|bursar\w*|school leavers|"
                          r"(?:engage|engagement|work|partner\w*) with (?:\w+ ){0,2}(?:schools|colleges|"
                          r"universities)|" + _SCHOOL_ACTIVITY),
    ("supply_chain", r"\bSMEs?\b|VCSEs?|supply chain|sub-?contract spend|social enterprises?|"
                     r"spend with|prompt payment|local (?:labour|suppliers|supply chains?|businesses|firms|"
                     r"spend|sourcing|subcontractors|sub-contractors)"),
    ("environment", r"reuse|re-use|refurbish\w*|take[- ]?back|end-of-life|carbon|emissions?|net zero|co2|tco2e|climate|waste|recycl\w*|plastics?|energy|"
                    r"\bEPC\b|electric vehicles?|vehicle (?:journeys|miles|movements)|zero-emission|fleet|trees?|tree[- ]planting|woodlands?|hedgerows?|wildflowers?|biodiversity|"
                    r"environment\w*|ISO 14001|packaging|FSC|air quality|landfill|sustainab\w*|"
                    r"renewabl\w*|low[- ]carbon|zero[- ]carbon|decarboni[sz]\w*|greenhouse gas\w*|fossil fuels?|"
                    r"circular economy|circularity"),
    ("health_wellbeing", r"health|well-?being|loneliness|social isolation|obesity|fuel poverty|poverty|"
                         r"inequalit\w*|knife crime|homeless\w*|children entering care"),
    ("community", r"communit\w*|charit\w*|donat\w*|volunteer\w*|sponsor\w*|befriending|youth|"
                  r"football|sports? team|groups|residents|tenants|foster carers|armed forces|"
                  r"local economy|inclusive (?:economy|growth)|"
                  r"financial contributions?|good causes|community grants?|litter picks?|anchor network|"
                  r"neighbourhoods?|regenerat\w*|local (?:people|residents|communit\w+)|"
                  # the groups a clause targets, so that a service for them is its subject matter
                  r"veterans?|care leavers?|ex-service\w*|refugees|rough sleep\w+|lone parents"),
    ("general", r"social value|community benefits?|added value|social responsibility|\bCSR\b|"
                r"(?:positive|lasting) (?:legacy|impact|contribution|difference)|legacy for|"
                r"give back|social,? economic and environmental|National TOMs|"
                r"themes,? outcomes,? (?:and )?measures|\bTOMs\b|civic (?:mission|role|agenda)|"
                r"widening participation|anchor (?:institution|organisation)s?|"
                r"(?:council|authority|board|trust|university|college|icb)'?s (?:\w+ ){0,2}(?:key )?(?:outcomes|priorities|"
                # the authority's own aims made the ask ("support the Council's ambition to ...")
                r"ambitions?|vision|aims|objectives|goals|pledges?|agenda|strateg(?:y|ies)|mission)|"
                # the buyer's named commitments or pledges ("the University's Civic University
                # Agreement commitments", "the Combined Authority's Good Work Charter pledges"), and
                # its economic, social or well-being objectives however many words name them
                r"(?:council|authority|board|trust|university|college|icb|department|partnership)(?:'s|’s|s'|s’) "
                r"(?:[\w-]+ ){0,4}?(?:commitments|pledges)\b|"
                r"(?:council|authority|board|trust|university|college|icb|department|partnership)(?:'s|’s|s'|s’) "
                r"(?:[\w-]+ ){0,2}?(?:economic|social|environmental|well-?being|civic|corporate|strategic)\b"
                r"[\w ,-]{0,40}? (?:objectives|priorities|aims|goals|outcomes)\b"),
)
# the buyer's or its sector's named green programme or plan (data: green_programmes)
# and outcomes for people named as the change sought (data: social_outcomes)
_EXTRA_THEMES = {"environment": "green_programmes", "health_wellbeing": "social_outcomes"}
THEMES = tuple((name, words + r"|" + _words(_EXTRA_THEMES[name])) if name in _EXTRA_THEMES
               else (name, words) for name, words in THEMES)
_THEME_RX = [(name, rx(r"\b(?:" + words + r")")) for name, words in THEMES]
# One pass that says whether any theme is there at all: most sentences of a tender have none,
# and then the seven ordered searches below are skipped.
_ANY_THEME = rx(r"\b(?:" + "|".join(f"(?:{words})" for _, words in THEMES) + r")")
# The themes a hedge alone makes a social value ask of ("seek to minimise waste", "be mindful of
# the environmental impact"): not the words of ordinary service delivery (staff training,
# recruiting staff, residents, tenants, health), which a hedge leaves operational.
_THEME_WORDS = dict(THEMES)
SOFT_THEME = rx(r"\b(?:" + "|".join(f"(?:{_THEME_WORDS[n]})" for n in
                                     ("workforce", "supply_chain", "environment", "general")) +
                r"|communit\w*|charit\w*|donat\w*|volunteer\w*|befriending|local economy|"
                r"inclusive (?:economy|growth)|neighbourhoods?|social isolation|loneliness|"
                r"inequalit\w*|fuel poverty|homeless\w*|NEET|unemployed|care leavers|ex-offenders|"
                r"apprentic\w*|work experience|barriers to (?:work|employment)|placements?|"
                r"traineeships?|mentor\w*|careers? (?:talks|advice|events|fairs)|pupils|students|"
                r"school leavers|young people|bursar\w*|STEM|regenerat\w*|added value|"
                r"local (?:people|residents|communit\w+))")
STRONG = rx(r"(?:\bfor every £|\bper £)|(?:" + _PAY_VAGUE + r"|\b"
            + _SCHOOL_ACTIVITY + r")|\b(?:reuse|re-use|refurbish\w*|take[- ]?back|end-of-life|"
            r"social value|social responsibility|signatory|football|SROI|social return on investment|social audit|impact evaluation|community benefits?|apprentic\w*|NEET|unemployed|care leavers|"
            r"ex-offenders|disadvantaged|priority groups|carbon|emissions|net zero|tco2e|living wage|"
            r"volunteer\w*|charit\w*|donat\w*|recycl\w*|landfill|single-use|plastics|good employer|"
            r"work experience|work placements?|job outcomes?|new jobs|SMEs?|VCSEs?|supply chain|"
            r"disability confident|mindful employer|modern slavery|ISO 14001|EPC|National TOMs|"
            r"health inequalities|environmental considerations|loneliness|trees|tree[- ]planting|woodlands?|hedgerows?|wildflowers?|grant (?:programmes?|schemes?)|(?:corporate|company|group|charitable) foundation|"
            # money or goods handed to the authority's or a town's causes, in any verb form
            r"(?:give|gives|giving|donate|donates|buy|buys|purchase|purchases|funding)\b[^.]{0,40}\b"
            r"(?:for|to|towards) (?:the|its|a) (?:council|authority|trust|borough|town|city|mayor)(?:'s|s')?|"
            r"(?:give|gives|giving|contribute|contributes)\b[^.]{0,60}£\s?\d+|"
            r"(?:gifts?|grants?) of £\s?\d+|prize funds?|"
            r"social enterprises?|sponsor\w*|befriending|community (?:groups|initiatives|chest|funds?|grants?|awards?|projects?)|"
            r"digital (?:skills|inclusion)|fuel poverty|knife crime|homeless\w*|scholarships?|"
            r"carbon literacy|zero-emission|electric vehicles|give[sn]? back|giving back|fair work|"
            r"socially responsible|leaving care|careers (?:talks|advice|events|fairs)|bursar\w*|traineeships?|"
            r"school leavers|financial contributions?|good causes|community grants?|litter picks?|"
            r"investors in people|fair tax mark|b corp\w*|social value quality mark|"
            r"social enterprise mark|armed forces covenant|anchor network|corporate responsibility|"
            r"members? of the (?:council|authority)'s|"
            r"(?:council|corporate|borough|county) plan|corporate (?:strategy )?priorities|"
            # groups a social value clause targets (singular or plural), and climate pledges
            r"care leaver|veterans?|ex-service\w*|under-?represented|long-term unemployed|"
            r"disabled (?:people|persons?|residents|adults|young people)|people with (?:a )?"
            r"disabilit\w+|economically inactive|hard[- ]to[- ]reach|rough sleep\w+|"
            r"(?:people|residents) with convictions|ex-offender|refugees|lone parents|"
            r"not in education|climate (?:emergency|change|action|crisis)|carbon[- ]neutral\w*|"
            r"biodiversity net gain|social mobility|economic inequality|barriers to (?:work|employment)|"
            r"furthest from the (?:labour|job) market|circular economy|"
            # skills of the workforce developed, the TOMs framework, the buyer's civic aims
            r"upskill\w*|reskill\w*|develop\w* the skills of|themes,? outcomes,? (?:and )?measures|"
            r"civic (?:mission|role|agenda)|widening participation|anchor institutions?|"
            # a targeted group hired ("employ tenants of the Association", "offer jobs to residents")
            r"(?:employ\w*|recruit\w*|hir(?:e|es|ing)|jobs? (?:to|for)|(?:work|employment) "
            r"(?:opportunities )?(?:to|for))\s+(?:\w+\s+){0,2}?(?:tenants|residents)|"
            # labour drawn from the area, and a workforce that mirrors the community it serves
            r"(?:added|additional|extra|wider) (?:social )?(?:value|benefits?)\b[^.]{0,40}\b(?:beyond|over and "
            r"above)\b|"
            r"(?:food|child|fuel|holiday|in-work|digital|period|hygiene) poverty|poverty|"
            r"local (?:labour|employment|recruitment)|representative workforce|(?:workforce|staff)\b[^.]{0,30}"
            r"\b(?:reflects?|reflecting|representative of|mirrors?)\b[^.]{0,30}\b(?:diversity|communit\w*|population))\b")
OUTCOME_VERB = rx(r"\b(?:reduce|reducing|minimise|cut|increase|improve|create|offer|deliver|fund|"
                  r"support|opportunities|contribute|promote|maximise|raise|engage|"
                  r"contribution|contributing|tackl\w+|enhanc\w+|maximi[sz]\w+|minimi[sz]\w+|"
                  r"make a (?:\w+ )?(?:difference|impact)|leave|leaves|benefit\w*|champion\w*|"
                  r"strengthen\w*|boost\w*|empower\w*|bring (?:\w+ )?(?:to|for) (?:the )?(?:residents|"
                  r"communit\w*|area|borough|city|district|county|local people)|"
                  r"play (?:an? )?(?:active |positive |full |key )?"
                  r"(?:role|part)|"
                  # a result to have reached by a deadline ("shall have reduced", "will have improved")
                  r"(?:have|has) (?:been )?(?:improved|reduced|increased|cut|created|delivered|achieved|"
                  r"lowered|raised|halved|minimi[sz]ed|maximi[sz]ed|grown|expanded|doubled))\b")
# a named green programme or plan, or a named social outcome, makes a clause on its own, as the
# strong terms do
GREEN_PROGRAMME = rx(r"\b(?:" + _words("green_programmes") + r"|" + _words("social_outcomes") + r")\b")
SV_SECTION = rx(r"social value|community benefit|added value|net zero|sustainab|KPI|"
                r"environment|employment and skills")

# A level the supplier pledges with nothing counted after it ("The Provider commits to 20% by the
# end of Year 2", "undertakes to achieve 15 per cent within 18 months"): a social value pledge
# on its face, but not verifiable (no measure). `BARE_LEVEL`, the same level under any duty
# ("shall achieve 25% by March 2028"), is one only in a social value section.
_BARE_QUANTITY = (r"\s+(?:a target of\s+|at least\s+|a minimum of\s+|no (?:fewer|less) than\s+|not less than\s+)?"
                  r"\d[\d,]*(?:\.\d+)?\s*(?:%|per ?cent)?(?:\s+(?:by|over|within|across|during|before|from|"
                  r"in|each|per|every|and|or)\b|\s*[,.;)]|\s*$)")
BARE_PLEDGE = rx(r"\b(?:(?:commits?|committed|committing|pledges?|pledged|pledging|undertakes?|undertaking|"
                 r"promises?) to(?:\s+(?:achiev\w*|reach\w*|deliver\w*|meet\w*|hit\w*|attain\w*|secur\w*))?"
                 # or a label ("Our commitment: 15% by the end of the first contract year")
                 r"|(?:commitments?|pledges?)\s*[:–—-])" + _BARE_QUANTITY)
BARE_LEVEL = rx(r"\b(?:" + DUTY + r"|will|is to|are to)\s+(?:achieve|reach|deliver|meet|hit|attain|secure)"
                + _BARE_QUANTITY)

# Hedges (rules/data/clauses.yaml): a commitment made conditional, aspirational or a matter
# of effort ("endeavour", "seek to", "where practicable", "commit to explore", "as far as
# reasonably possible"). A hedge supplies neither a target nor a measure.
SOFT = rx(r"\b(?:" + _words("hedges") + r")\b")

# Numbers in words as tenders write them ("twelve", "fifty", "two hundred"), besides the
# term-length words of `_rx.WORD_NUMBERS`.
CLAUSE_NUMBERS = {**WORD_NUMBERS, **{w: n for n, w in enumerate(start=1, iterable=
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())},
    **{w: 10 * (i + 2) for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split())},
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a dozen": 12}
NUMBER = r"(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(CLAUSE_NUMBERS, key=len, reverse=True)) + ")"
ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|\d+(?:st|nd|rd|th))"
NOT_TARGET_BEFORE = rx(r"\b(?:schedule|clause|kpis?|level|scope|iso|question|section|appendix|annex|"
                       r"part|lot|year|sv|no\.?|stage|table|page|regulation|reg|s\.|phase|"
                       r"band|ppn|rm)\s*[\dA-Za-z.]*$")
TARGET = rx(r"(?:\b(?:" + _words("bounds") + r"|at or above)\s+(?:the\s+)?(?:current\s+)?(?:"
            + _words("pay_standards") + r")"      # "at least the Real Living Wage": a pay level
            + r"|\b(?:" + _words("bounds") + r")\s+(?:£\s?)?" + NUMBER
            + r"(?:\s*(?:%|per ?cent|percentage points?)|\b)"        # "a minimum of 30 per cent"
            r"|\b" + NUMBER + r"\s*(?:%|per ?cent|percentage points?)"
            r"|£\s?\d[\d,.]*\s*(?:k|m|million)?"
            r"|\b" + NUMBER + r"\b"
            r"|\btarget\s*(?:[:/]|of)\s*\S"
            r"|\b(?:at least|not less than|no fewer than|minimum of|a minimum|up to|all)\b"
            r"|\bband [A-G]\b|\bwithin\s+" + NUMBER + r"\s+(?:working\s+)?(?:days|weeks|months)"
            # shares in words: "half of", "a quarter of", "two-thirds", "one in every five"
            r"|\b(?:half|a (?:quarter|third|fifth|tenth)|(?:one|two|three|four)[- ](?:thirds?|"
            r"quarters?|fifths?|tenths?)|every|each|the majority)\s+(?:of\s+)?(?:the\s+|all\s+)?"
            r"(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:hours|jobs|staff|posts|vacancies|recruits|spend|"
            r"employees|workforce|vehicles|vans|fleet|waste|materials|sub-?contracts|roles|starters)\b"
            r"|\b" + NUMBER + r"\s+in\s+(?:every\s+)?" + NUMBER + r"\b"
            # deadlines: "by the end of year two", "by the end of the second contract year",
            # "by month 6", "by practical completion", "from the commencement date"
            r"|\bby (?:the )?(?:end|close|start) of (?:the )?(?:(?:contract |financial )?(?:year|"
            r"month|quarter)\s+" + NUMBER + r"|" + ORDINAL + r" (?:contract |financial |full )?"
            r"(?:year|month|quarter|term))\b"
            r"|\bby (?:year|month|quarter)\s+" + NUMBER + r"\b"
            r"|\b(?:by|before|from|within \S+ (?:\S+ )?(?:of|after)) (?:the )?(?:" + _words("deadline_events")
            + r")\b"
            # a deadline as a date or a year: "by March 2029", "no later than 31 March 2028",
            # "by 2030", "before the end of 2027/28"
            r"|\b(?:by|before|no later than|not later than|until|from) (?:the end of |the start of )?"
            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:" + _words("months") + r")\s+)?(?:19|20)\d\d\b"
            r"|\bwithin\s+" + NUMBER + r"\s+(?:working\s+|calendar\s+)?years?\b"
            # a share as the size of a change: "cut emissions by a quarter", "halve", "by half"
            r"|\bby (?:" + _words("shares") + r")\b|\bhalv(?:e|es|ing)\b"
            # none left as the level: "reduce single-use plastics used in the service to zero"
            r"|\b(?:reduc\w*|cut\w*|bring\w*|brought|lower\w*)\b[^.;]{0,80}\bto (?:zero|nil)\b"
            r")")
# A percentage that is the weight of a question or criterion, not a level to reach.
WEIGHT_BEFORE = rx(r"(?i)(?:question|criterion|criteria|section|weighting|weighted|worth)\b[^.%]{0,20}"
                   r"[(\[:]?\s*$")
WEIGHT_AFTER = rx(r"(?i)^\s*[)\]]?\s*(?:weighting|weighted|of the (?:total|overall|available) "
                  r"(?:score|marks|points)|of the (?:quality )?(?:score|marks))"
                  r"|^\s*[)\]]\s*:")                  # "Environmental sustainability (5%): ..."
# A bracketed share right after a criterion's name and closing it ("Q7 Social value (5%).
# Describe ..."): the criterion's weight.
BRACKET_OPEN = rx(r"[(\[]\s*$")
BRACKETED_WEIGHT = rx(r"^\s*[)\]]\s*(?:[.:–—-]|$)")
BRACKETED_MARKS = rx(r"(?i)^\s*(?:marks?|points?)\s*[)\]]")
NOT_TARGET_AFTER = rx(r"^\s*(?:words|pages?|characters|mb\b|minutes?\b|pt\b)"
                      # a time of day, when a return is due ("by 12 noon", "by 10 am")
                      r"|^\s*(?:noon|midday|midnight|[ap]m\b|[ap]\.m\.|o'clock)"
                      # a number fused into a frequency ("six-monthly", "two-weekly") or the
                      # length of each item ("placements (1-2 weeks long)", "visits of 2 hours each")
                      r"|^-(?:monthly|weekly|yearly|annual\w*|daily|hourly)\b"
                      r"|^\s*(?:(?:-|–|to)\s*\d+\s*)?(?:weeks?|days?|hours?|months?)\s+(?:long|in length|"
                      r"in duration|each)\b")
YEAR_LIKE = rx(r"^(?:19|20)\d\d$")
HELD_STANDARD = rx(r"\b(?:hold|maintain|achieve|obtain|retain)\b[^.]{0,40}\b(?:certification|"
                   r"accreditation|status|certificate|iso \d+|standard)\b|\bcomplete\b[^.]{0,60}\b"
                   r"(?:within|by)\b")

MEASURE = rx(r"\b(?:number of|proportion of|percentage of|rate of|% of|per ?cent of|kpi\b|"
             r"measured|calculated|counted|metric|indicator|scale\b|score|swemwbs|ucla|warwick|"
             r"apprentic\w*|jobs?\b|job (?:outcomes?|starts?)|starts?\b|hires|employ(?:ed|ment|ees|s)?\b|"
             r"placements?|work experience|training|qualifications?|emissions?|co2|tco2e|"
             r"waste|recycl\w*|plastics?|energy|vehicles?|journeys|trees|hours|volunteers|"
             r"spend|living wage|paid|pay (?:rates?|levels?)|charter|certification|accreditation|status|"
             r"epc|sessions|referrals|meals|donations?|tonnage|tonnes|kg|kwh|miles|"
             r"residents|people|pupils|young people|groups|homes|devices|laptops|"
             r"weeks of|days of|visits|assessment tool|footprint|fleet|materials|"
             r"opportunities|\bsmes?\b|vcses?|suppliers paid|kpis|events|talks|workshops|"
             r"courses|fairs|interviews|vacancies|recruits|starters|posts|roles|staff|"
             r"sub-?contracts|beneficiaries|participants|learners|students|attendees|"
             r"organisations|"
             # the points of a community benefits or social value points system
             r"(?:community benefits?|social value|cb|sv|toms) points)\b")
COUNTED = rx(r"\b" + NUMBER + r"\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+s)\b")
# Units that count no deliverable (lengths of time, parts of a document, the authority's own
# framework of outcomes and priorities): rules/data/clauses.yaml `not_counted`.
NOT_COUNTED_UNIT = rx(r"(?i)^(?:" + _words("not_counted") + r")$")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
FREQUENCY = rx(r"\b(?:monthly|quarterly|annually|yearly|weekly|fortnightly|daily|termly|"
               r"six-?monthly|half-?yearly|bi-?annually|biannually|"
               r"(?:annual|quarterly|monthly|weekly|termly|six-monthly|yearly)\s+(?:[\w'-]+\s+){0,3}?"
               r"(?:report|review|return|meeting|statement|submission|update|case stud|footprint|"
               r"accounts|forum)\w*|"
               r"every\s+(?:" + NUMBER + r"\s+)?(?:calendar\s+|working\s+)?(?:months?|weeks?|quarters?|years?|day|fortnight|term)|"
               # a weekly or fortnightly cadence named by its weekday ("every Friday by noon")
               r"every other (?:week|month)|(?:every|each) (?:other )?" + _WEEKDAY + r"|"
               r"each (?:month|quarter|year|term)\b(?:[^.]{0,20}\b(?:report|review))?|"
               r"per (?:month|quarter)|at the end of (?:each|the|every) (?:year|quarter|month|term)|"
               r"at each (?:annual|quarterly|monthly|contract) (?:review|meeting)|"
               r"annually thereafter|at each review)")
EVIDENCE = rx(r"\b(?:evidence[ds]?|certificates?|certified|payroll|records?|register\w*|"
              r"data\b|returns\b|transfer notes|telematics|timesheets?|ledger|confirmation|"
              r"sign-?off|photographs|verified|audited|questionnaires?|record system|"
              r"results|invoices|contracts of employment|employment contracts|agreements|"
              r"letters|metered|meter readings|portal with supporting|footprint verified|"
              r"list of suppliers|case studies|dashboard|statements? from|"
              r"awarding-body|signed by|attendance (?:lists|sheets|logs?|recorded)|recorded (?:in|on|by) the|"
              r"receipts|measured (?:by|from)|weigh-?ins)\b")
REMEDY = rx(r"\b(?:service credits?|remedial|remediat\w*|remed(?:y|ies)|rectif\w+|recovery plan|"
            r"improvement plan|action plan|deduct\w*|withh[oe]ld\w*|terminat\w*|material breach|"
            r"breach|kpi failure|performance regime|liquidated damages|shortfall\b[^.]{0,60}"
            r"(?:carr\w+|recover\w*|review|made good)|as contract|consequence|"
            r"at the contractor's (?:own )?cost|at its own cost|failure\s*:|exception report|"
            r"triggers|default|claw-?back|penalt\w+|payment (?:will be )?reduced)\b")

# Requirements incorporated by reference into a KPI schedule carry the schedule's elements.
BY_REFERENCE = rx(r"\b(?:kpis?|targets?|outcomes and measures)\b[^.]{0,80}\b(?:schedule|annex|appendix)\s*\w+"
                  r"|\b(?:obligations|commitments|requirements)\s+in\s+(?:this\s+|the\s+)?(?:schedule|annex|appendix)\b"
                  # the measures of a framework listed elsewhere ("the TOMs measures in Appendix B")
                  r"|\b(?:toms|social value|community benefits?)\s+measures\s+(?:in|at|listed in|set out in)\s+(?:the\s+)?(?:schedule|annex|appendix|table)\s*\w+"
                  r"|\b(?:schedule|annex|appendix)\s*\w+\s*\((?:social value )?kpis?\)"
                  r"|\b(?:incorporated|included|built|recorded|written|captured|carried|entered) "
                  r"(?:in|into)\b[^.]{0,40}\b(?:schedule|contract|kpi|plan at|annex|appendix)"
                  # "as set out in the Community Benefits schedule", "see Annex C for the KPIs",
                  # "from the menu within Appendix 1", "detailed in the ITT pack": the elements
                  # are in a document of the tender pack the clause points to (VER001 rationale)
                  r"|\b(?:as (?:set out|detailed|described|specified|listed|defined|shown|outlined)|"
                  r"(?:set out|detailed|described|specified|listed|contained|included|found|"
                  r"outlined|shown))\s+(?:in|within|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?"
                  r"(?:schedule|annex|appendix|attachment|itt|tender (?:pack|documents?|support "
                  r"document)|points system|toolkit|kpi table|contract conditions)\b"
                  r"|\bsee\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:schedule|annex|appendix|attachment)"
                  r"\s*\w*\b|\b(?:schedule|annex|appendix|attachment)\s+[\dA-Z]{1,3}\b[^.]{0,30}\b"
                  r"(?:for|sets? out|contains?|lists?)\b[^.]{0,30}\b(?:kpis?|targets?|measures|"
                  r"requirements|benefits|commitments|menu)\b"
                  # an instruction to complete, or read, a form or document of the tender pack
                  r"|\b(?:detail|set out|describe|list|state|enter|record)\b[^.]{0,80}\b(?:in|within|using|on) (?:the )?"
                  r"(?:[\w'’-]+\s+){0,3}?(?:attachment|appendix|annex|questionnaire|response form|schedule)\b"
                  r"|\b(?:review|read|refer to)\b[^.]{0,50}\b(?:document|pack|schedule|annex|appendix|"
                  r"toolkit|policy)\b"
                  # monitored under a framework or schedule of the contract, which sets the elements
                  r"|\b(?:monitored|managed|reported|measured|governed)\s+(?:through|under|via|in accordance "
                  r"with)\b[^.]{0,60}\b(?:schedule|annex|appendix|performance (?:framework|regime|management)|"
                  r"kpi (?:framework|schedule))\b"
                  r"|\bfrom (?:a|the) menu\b[^.]{0,60}\b(?:schedule|annex|appendix|attachment|"
                  r"points system|document)\b"
                  # a plan or return in a format a policy note prescribes ("a Carbon Reduction Plan
                  # that meets the requirements of PPN 006"): the note states its contents
                  r"|\b(?:meets?|meeting|complies with|compliant with|in accordance with|as required by|"
                  r"as specified in|in line with|as per|consistent with|pursuant to|aligned (?:with|to)|"
                  r"under)\s+(?:the\s+)?(?:requirements|format|template|criteria)?\s*(?:of|in|set "
                  r"out in)?\s*(?:PPN|procurement policy note)\s*\d")
# Commitments entered in a calculator, TOMs or measures template: quantities of named measures.
_ENTERED = (r"\b(?:entered|recorded|submitted|stated|set out|listed)\s+(?:in|on|into|using|within)\s+"
            r"(?:the\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:calculator|toms|measures (?:template|matrix|"
            r"tool)|commitments? (?:template|form|schedule))\b")
# An award question that makes the bidder state each element supplies them.
BIDDER_STATES = {
    "target": rx(r"\b(?:state|give|set out|include|propose)\b[^.]{0,40}\btargets?\b|\bquantified\b"
                 # "state the number of apprenticeships they will create, the date of each start"
                 r"|\b(?:state|give|set out|include|propose|specify|confirm)\b[^.]{0,40}\b(?:the )?"
                 r"(?:number|quantity|amount|level|percentage|proportion|value)s? of\b"
                 r"|" + _ENTERED +
                 # the level the bidder committed to in its tender, carried into the contract
                 # ("the number of apprenticeships stated in its tender response")
                 r"|\b(?:stated|offered|committed(?: to)?|proposed|given|set out|specified|pledged|made)\s+"
                 r"(?:in|within|by|through)\s+(?:its|their|your|the (?:contractor|supplier|provider|"
                 r"tenderer|bidder)(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:tender|bid|response|submission|"
                 r"method statement|offer|proposals?)\b"),
    "measure": rx(r"\bhow (?:it|they|each|these) will be measured\b|\bmeasures?\b[^.]{0,20}\byou will use\b"
                  r"|" + _ENTERED),
    "frequency": rx(r"\bhow often\b|\breporting frequency\b"),
    "evidence": rx(r"\b(?:the )?evidence (?:you|that you) will\b"),
    "remedy": rx(r"\bsubject to the remedies\b|\bremedies in\b"),
}
# The level the bidder offered, carried into the contract ("the number stated in its tender
# response", "entered in the TOMs calculator"): a target, not an open question.
BID_CARRIED = rx(r"\b(?:stated|offered|committed(?: to)?|proposed|given|set out|specified|pledged|made)\s+"
                 r"(?:in|within|by|through)\s+(?:its|their|your|the (?:contractor|supplier|provider|"
                 r"tenderer|bidder)(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:tender|bid|response|submission|"
                 r"method statement|offer|proposals?)\b|" + _ENTERED)
# An award criterion is verifiable when the text says how it will be scored (PA 2023 s.23(2)(b)
# for award criteria: "how it will be scored" stands where a requirement has its target).
SCORING = rx(r"\b(?:scored|marked|evaluated|assessed)\b[^.]{0,60}\b(?:0\s*(?:-|to)\s*\d+|"
             r"descriptors?|matrix|formula|methodology|scale|out of \d+|pro rata|scoring guidance)\b"
             r"|\bscoring (?:methodology|matrix|scale|descriptors|guidance|criteria)\b|"
             r"\bevaluation (?:methodology|matrix|criteria)\b|\bpoints system\b|\b\d+ marks\b")
# Words of a requirement about the subject matter itself (what the works or goods must be or a
# supplier must hold as a technical standard): not a social value clause on their own.
SUBJECT_MATTER = rx(r"\bISO\s?\d{4,5}(?::\d{4})?\b|\bEPC\b(?:\s+(?:rating|band))?|\benergy "
                    r"performance certificate\b|\bBREEAM\b|\bPassivhaus\b|\bBS\s?EN\b[\s\d:-]*|"
                    r"\bPAS\s?\d{3,4}\b|\bU-values?\b|\bSAP (?:rating|score)\b|\bEuro (?:6|VI)\b(?:\s+emissions?)?(?:\s+standards?)?|\bemissions? standards?\b|"
                    r"\benvironmental management system\b|\bCHAS\b|\bConstructionline\b|"
                    r"\bcertificat(?:e|ion)\b|\baccredit\w*|\benergy[- ]efficient\b|\benergy (?:rating|"
                    r"efficiency|consumption)\b|\brefurbish\w* (?:homes|properties|dwellings|buildings|flats)\b|"
                    # the performance a building or product is designed or built to reach
                    r"\b(?:designed|built|constructed|specified|manufactured) to (?:achieve|meet|reach)\b[^.;]{0,80}|"
                    r"\b(?:operational|embodied) carbon\b|\bdesign (?:standard|guide)\b")
# Background, objectives and aims: they say what the authority wants or is committed to, but
# oblige or score nothing unless the same sentence does (OBLIGES).
BACKGROUND = rx(r"\b(?:is|are) (?:fully |strongly )?committed to\b|\bintention\b|"
                r"^\s*(?:the )?(?:key )?(?:aims?|objectives?|purpose|vision|ambitions?)\s+(?:of|for) "
                r"(?:the|this)\b|\bis aligned with\b|\bis a key element of\b|\bseeks? to\b[^.]{0,60}"
                r"\bthrough (?:its|their) procurement\b|\bthrough (?:its|their|all) (?:procurement|spend)\b")
OBLIGES = rx(r"\b(?:shall|must)\b|\b(?:will|is|are) (?:be )?required to\b|\bscored\b|\bweighted\b|"
             r"\bpoints\b|\bmarks\b|\d\s*%")
SUPPLIER_WILL = rx(r"\bwill\b")
BACKGROUND_SECTION = rx(r"\b(?:objectives?|aims?|background|vision|priorities|context|introduction|"
                        r"purpose|overview|strategy)\b")
# An outcome with a level in the same sentence ("create 8 jobs ... and report quarterly").
TARGET_WORDS = rx(r"\b(?:create|deliver|achieve|reduce|recruit|employ|offer|provide|plant|divert|pay)\b"
                  r"[^.]{0,40}\b\d")
STRONG_DUTY = rx(r"\b" + DUTY + r"\b|\brequired\b|\bexpected to\b|\bkpi\b|\btarget\b|"
                 # a duty in the passive or under a label, with no supplier named ("ten jobs are
                 # to be created", "Minimum requirement: ...")
                 r"\b" + PASSIVE_DUTY + r"|\bwill be (?:created|delivered|achieved|provided|offered)\b|"
                 # an outcome in the passive ("opportunities for SMEs will be maximised")
                 r"\b(?:will|shall|must) be (?:maximi[sz]ed|increased|encouraged|promoted|improved|"
                 r"enhanced|prioriti[sz]ed|reduced|minimi[sz]ed)\b|"
                 # a count expected over a period, in the passive ("twelve starts are expected over
                 # the term", "six jobs are anticipated during the contract")
                 r"\b(?:is|are) (?:expected|anticipated|envisaged|sought) (?:over|during|across|within|each|per|by|in the)\b|"
                 r"\b(?:is|are) (?:expected|anticipated|envisaged|sought) (?:on|under|from|of) (?:this|the|each|every|all|any)\b|"
                 # the supplier's people as the subject ("staff will give 150 volunteering hours")
                 r"\b(?:staff|employees|operatives|colleagues|workforce|team members)\s+(?:will|shall)\b|"
                 # a deliverable in the passive ("initiatives will be delivered in the area")
                 r"\b(?:will|shall|must) be (?:delivered|provided|created|offered|run|held|organised|"
                 r"made available|funded|planted|donated|recruited|employed|helped|supported|"
                 r"assisted|placed|moved|progressed)\b|"
                 r"\bscored\b|\bweight|\bcondition of\b|\bcommitments?\b|\bquestion\b|\brespond\b|\d\s*%|"
                 r"\bsocial value\b|\bcommunity benefits?\b|^\s*(?:please\s+)?(?:describe|"
                 r"explain|set out|outline|propose|provide|tell us|state|detail|demonstrate)\b")
SUPPLIER_OBLIGED = rx(r"\b" + SUPPLIER + r"\b[^.;]{0,40}?\b" + MODAL + r"\b")
# Declarations and portal boilerplate: a bidder confirms it complies or accepts the clauses, or
# the portal says community benefits are included and points to the tender pack. Not a
# requirement of their own (the requirement is where they point).
NOT_A_CLAUSE = rx(r"\b(?:confirm|declare|accept|agree)\w*\s+(?:to\s+)?(?:their |its |your |the )?"
                  r"(?:compliance|acceptance|agreement|adherence)\b|\bconfirm (?:that )?(?:they|it|you) "
                  r"(?:will )?(?:comply|accept|agree)\b|\bself-declaration\b|"
                  # a bidder's declaration ("I confirm that my organisation complies with the
                  # Modern Slavery Act 2015", "confirm that your organisation meets the duties of")
                  r"^\s*(?:i|we)\s+(?:hereby\s+)?(?:confirm|declare|certify)\b|"
                  r"\b(?:confirm|declare|certify)\w*\s+that\s+(?:[\w'’-]+\s+){0,4}?(?:compl(?:y|ies)|"
                  r"(?:is|are) compliant|has complied|adheres?|meets?|satisf(?:y|ies))\b|"
                  # the Sell2Wales notice line in any wording: community benefits described only as
                  # supporting the buyer's objectives, then nothing but a pointer to the tender pack
                  r"\bcommunity benefits\s+(?:in support of|in furtherance of|supporting|that supports?|"
                  r"which supports?|to support|that contributes? to|which contributes? to|contributing to)\s+"
                  r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:authority|council|board|trust|department|buyer|"
                  r"organisation|university|college|association|icb|partnership)(?:'s|’s|s'|s’)?\s+"
                  r"(?:[\w,-]+\s+){0,5}?(?:objectives|priorities|aims|goals|outcomes)\b\s*(?:,?\s*(?:as|which are|"
                  r"that are)?\s*(?:detailed|set out|described|specified|outlined|contained)\s+(?:in|within)\s+"
                  r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:documents?|documentation|pack|itt|specification))?\s*[.;]?\s*$|"
                  r"\bcommunity benefits (?:are|is) included in this (?:requirement|contract)\b|"
                  # the notice form's fixed line that they will be required, and nothing more: "Under
                  # the terms of this contract the successful supplier will be required to deliver
                  # community benefits."
                  r"^\s*(?:under the terms of (?:this|the) contract,?\s+)?the successful (?:supplier|bidder|"
                  r"tenderer|contractor|provider)\s+will be required to (?:deliver|provide) community benefits"
                  r"(?:\s+(?:under|in accordance with) the terms of (?:this|the) contract)?\s*[.;]?\s*$|"
                  r"\bhas been provided as follows\b|\bwill be sought as per\b|"
                  r"\bcan be found in the (?:itt|tender)\b|\bintends? to include community benefits\b|"
                  r"\bdoes not intend to include\b|\bmay add community benefit requirements\b|"
                  # experience asked at selection is about the supplier's past, not an outcome
                  r"\bdemonstrate (?:their |its |your )?(?:previous |relevant |proven |significant )?"
                  r"experience\b|\bprevious experience\b|"
                  r"\b(?:their|its|your) (?:\w+ )?experience (?:of|in)\b|"
                  # how much of the score social value carries ("15% of the quality score is
                  # allocated to social value"): the evaluation's weighting, not an ask
                  r"\b\d+\s*(?:%|per ?cent|points|marks)\s+of the (?:\w+ )?(?:score|marks|points|evaluation|"
                  r"weighting)\b[^.]{0,20}\b(?:is|are|will be|has been) (?:allocated|given|assigned|attributed|"
                  r"awarded) to\b|"
                  r"\b(?:social value|community benefits?)\b[^.]{0,20}\b(?:accounts? for|carries|is worth|"
                  r"is weighted at|has a weighting of)\s+\d+\s*(?:%|per ?cent)[^.]{0,40}$|"
                  # a part of the document as the subject ("Section 4.2 explains how the Council
                  # will evaluate social value"): it describes the tender, it asks nothing
                  r"^\s*(?:this |the following )?(?:section|clause|part|paragraph|chapter|table|document|"
                  r"guidance|note)\s*[\d.]*[A-Z]?\s+(?:explains|describes|sets out|outlines|summarises|"
                  r"provides|details|covers|gives)\b")
# Compliance with the law ("comply with the Modern Slavery Act 2015"): checkable as it stands,
# and not an outcome the tender adds (unless the same sentence sets one).
COMPLIANCE = rx(r"\b(?:compl(?:y|ies|iance) with|adhere to|abide by|observe)\s+(?:all\s+)?(?:the\s+)?"
                r"(?:relevant\s+|applicable\s+)?(?:[\w'’()-]+\s+){0,5}?(?:Act(?:\s+\d{4})?|"
                r"Regulations?(?:\s+\d{4})?|legislation|law|statutory (?:requirements|obligations|duties))"
                r"(?:[^.]{0,40}\b(?:and|or)\b[^.]{0,40}\b(?:Act|Regulations|legislation)\b)?\s*[.;]?\s*$")
# The buyer's own programmes and funds: described, not asked of the supplier (unless it is named).
BUYER_OWN = rx(r"\b(?:the|our|its) (?:community (?:benefit )?)?fund\b|\bwe work in partnership\b|"
               r"\bwill have access to\b|^\s*through this (?:dps|framework|dynamic purchasing)\b")

# What the requirement is left to be settled after award ("to be discussed with the successful
# supplier at the kick-off meeting"): nothing in the contract to verify.
_DEFERRED = (r"\b(?:to be|will be|is to be|are to be)\s+(?:discussed|agreed|determined|decided|developed|"
             r"confirmed|set|identified)\b[^.]{0,60}\b(?:successful (?:supplier|bidder|tenderer|provider|"
             r"contractor)|after (?:contract )?award|at (?:the )?(?:kick-?off|mobilisation|contract start|"
             r"inception)|following (?:contract )?award|post[- ]award)")
NOT_IN_CONTRACT = rx(r"\bnot (?:be )?(?:\w+ (?:or|and|nor) )?(?:incorporated|included|carried|written|"
                     r"built|placed|put) into\b|"
                     r"\bnot (?:be )?monitored\b|\bwill not form part of the contract\b|"
                     r"\bafter (?:contract )?award to agree\b|\bagree social value targets\b|" + _DEFERRED)
PROXY_GOAL = rx(r"\bsocial value\b[^.%]{0,50}?\b(?:worth|valued at|equal to|equivalent to|amount(?:s|ing)? to|"
                r"totalling|of at least|of no less than|to the value of|no less than|not less than)\b"
                r"[^.]{0,40}(?:%|per ?cent)[^.]{0,30}\b(?:contract|tender) (?:value|price|sum)"
                r"|\b\d+\s*%\s*of (?:the )?(?:contract|tender) (?:value|price)\b[^.]{0,30}\bsocial value\b"
                r"|\bproxy values?\b[^.]{0,60}\b(?:target|at least|minimum)\b"
                # a monetised total or return as the goal ("£3 of social value for every £1 spent",
                # "deliver £250,000 of social value over the term")
                r"|(?:£|\bGBP)\s?\d[\d,.]*\s*(?:k|m|million)?\s+(?:of|in) social value\b"
                # social value set as a sum of money ("social value worth at least GBP 120,000 a
                # year"), valued with proxy values ("at least £50k, valued using TOMs proxy values"),
                # or as a bare share of nothing named ("social value delivery of 10%")
                r"|\bsocial value\b[^.%£]{0,50}?\b(?:worth|valued at|equal to|equivalent to|amount(?:s|ing)? to|"
                r"totalling|of at least|of no less than|to the value of|no less than|not less than|of)\s+"
                r"(?:at least\s+|a minimum of\s+|no less than\s+)?(?:£|GBP\b)\s?\d"
                r"|\b(?:at least|minimum|target|no less than)\b[^.]{0,60}\b(?:valued|calculated|measured) "
                r"(?:using|with|by|through) (?:the )?(?:national )?(?:toms\b|proxy values?|financial proxies)"
                r"|\bsocial value (?:delivery|contribution|commitments?|offer|benefits?) of\s+\d+(?:\.\d+)?\s*"
                r"(?:%|per ?cent)(?:\s*[.,;:)]|\s*$|\s+(?:is|are|will|must|should|shall|expected|required|on|for|across|over)\b)"
                r"|\bsocial value (?:return|ratio) of\b[^.]{0,20}£")
# (the same patterns as VER003/VER006's &free_box in rules/verifiable.yaml)
FREE_BOX = rx(r"\b(?:box|space|free[- ]text)\b[^.]{0,80}\b(?:added|additional|further|extra|wider) "
              r"(?:social )?value\b|\b(?:added|additional|further|extra|wider) (?:social )?value\b"
              r"[^.]{0,80}\b(?:box|optional|tell us)\b|\btell us about any\b[^.]{0,40}(?:social value|"
              r"(?:added|additional|further|extra|wider) (?:value|benefits?))")
OUTCOME_STATED = rx(r"\b(?:to (?:reduce|improve|tackle|increase|address)|in order to|so as to)\b"
                    # a purpose phrase and a change in other words (data: purpose_openers,
                    # outcome_changes): "to help tackle", "in support of tackling", "helping to combat"
                    r"|\b(?:" + _words("purpose_openers") + r")\s+(?:" + _words("outcome_changes") + r")\b")
OUTPUT_MEASURE = rx(r"\bvolunteer(?:ing)? hours\b|\bhours of (?:staff )?volunteering\b|"
                    r"\bstaff volunteering hours\b")
AWARD = rx(r"\b(?:bidders?|tenderers?|applicants?|you|your)\b[^.]{0,40}\b(?:must|should|are asked|"
           r"will be (?:scored|asked|assessed|evaluated))\b[^.]{0,40}\b(?:describe|demonstrate|"
           r"explain|set out|outline|address|provide|propose|respond|detail|show|include)|"
           r"\b(?:scored|points? (?:will be )?awarded|award question|scored question|method statement|"
           r"will be (?:evaluated|scored|assessed)|evaluation|tender response|question\s+\w*\d|"
           r"please (?:use|describe|explain|provide)|tell us|weighting)\b|^\s*(?:describe|explain|"
           r"set out|outline|propose|select|respond)\b")
# An award criterion whose object is a social value theme ("bidders will be assessed on their
# commitment to the environment"): a social value criterion though it has no outcome verb.
AWARDED_THEME = rx(r"\b(?:(?:assessed|evaluated|scored|marked|judged)\s+on|"
                   # or asked to set it out ("Tenderers must outline their commitment to
                   # environmental sustainability")
                   r"(?:outline|describe|demonstrate|set out|explain|evidence|show|detail)\w*)\s+(?:their|its|your|the)\s+"
                   r"(?:\w+\s+)?(?:commitment|contribution|approach|plans?|proposals?|offer)\s+(?:to|for|on)\s+"
                   r"(?:the\s+)?(?:[\w-]+\s+(?:and\s+)?){0,2}?(?:environment\w*|sustainab\w*|communit\w*|social value|net zero|carbon|"
                   r"climate|local economy|well-?being|equality|diversity|inclusion|fair work)")
KPI_KIND = rx(r"\bkpi\b|\btarget\s*[:/]|\breported\b|\bconsequence of breach\b")

# Proportionality: measurement burdens and how often reporting falls due.
BURDEN = (
    ("sroi", rx(r"\bSROI\b|social return on investment")),
    ("cost_benefit", rx(r"cost[- ]benefit analysis|green book|net present value")),
    ("independent_verification", rx(r"independent\w*\s+(?:verif\w+|audit\w*|assur\w+|social audit)|"
                                     r"externally assured|third[- ]party (?:verif|audit|assur)\w*|"
                                     r"accredited third party|audited by|social audit")),
    ("impact_evaluation", rx(r"longitudinal|randomised control|control group|deadweight|"
                             r"attribution,? displacement|drop-off")),
    ("dedicated_staff", rx(r"dedicated full-?time|full-time social value manager")),
    ("paid_software", rx(r"software\b[^.]{0,60}(?:licen[cs]e|£)|payable by the provider")),
    ("proxy_reporting", rx(r"financial proxy values? for every|full national toms calculation")),
)
AUTHORITY_PAYS = rx(r"\b(?:authority|council|trust|commissioner)s?\b[^.]{0,30}\b(?:will|shall)\b"
                    r"[^.]{0,30}\b(?:pay|commission and pay|fund|arrange)\b"
                    r"|\b(?:paid for|funded|met|borne|commissioned)\b[^.]{0,20}\bby the "
                    r"(?:authority|council|trust|commissioners?|department|buyer)\b")
FREQ_PER_YEAR = (
    (rx(r"\bsix-?monthly\b|\bhalf-?yearly\b|\bbi-?annual\w*|\bevery six months\b"), 2),
    (rx(r"\bdaily\b|\bevery day\b"), 365),
    (rx(r"\bweekly\b|\bevery week\b|\b(?:every|each) " + _WEEKDAY + r"|\bon (?:mon|tues|wednes|thurs|fri|satur|sun)days\b"
        r"|\b(?:for|covering|in respect of) the (?:preceding|previous|past|prior|last) (?:calendar |working )?week\b"
        r"|\bfor the week (?:just )?(?:ended|ending)\b"), 52),
    (rx(r"\bfortnight\w*|\bevery two weeks\b|\bevery other week\b|\balternate weeks\b|"
        r"\b(?:every|each) other " + _WEEKDAY), 26),
    (rx(r"\bmonthly\b|\bevery month\b|\beach month\b|\bper month\b"), 12),
    (rx(r"\bquarter\w*\b|\bevery three months\b"), 4),
    (rx(r"\bsix-?monthly\b|\bhalf-?yearly\b|\bbi-?annual\w*|\bevery six months\b"), 2),
    (rx(r"\bannual\w*\b|\byearly\b|\beach year\b|\bevery year\b"), 1),
)
COUNT_TARGET = rx(r"\b(" + NUMBER + r")\s+(?:(?:" + _words("count_qualifiers") + r")\s+)*"
                  r"(?:apprenticeships?|apprenticeship starts|jobs?|job outcomes|work placements|"
                  r"placements|qualifications|traineeships|apprentices|trainees|posts|roles|positions|"
                  r"diplomas|nvqs|svqs|"
                  r"(?:apprenticeship|training|trainee|work experience|placement) places|"
                  r"(?:apprenticeship|trainee|training) (?:posts|positions|opportunities))\b"
                  # people counted into work: "twelve local people are to be recruited into new jobs"
                  r"|\b(" + NUMBER + r")\s+(?:local\s+|unemployed\s+|long-term\s+|young\s+|new\s+)*"
                  r"(?:people|residents|individuals|persons|adults|jobseekers|job seekers|participants|"
                  r"care leavers|school leavers)\s+(?:[\w-]+\s+){0,8}?"
                  r"(?:into|in|to)\s+(?:new\s+|paid\s+|sustained\s+|full-time\s+)*(?:jobs?|employment|"
                  r"work|apprenticeships?)\b"
                  # people counted into qualifications: "support 6 learners to achieve a Level 2 qualification"
                  r"|\b(" + NUMBER + r")\s+(?:local\s+|unemployed\s+|young\s+|new\s+)*(?:people|residents|learners|"
                  r"participants|trainees|students|individuals|apprentices|employees|staff|operatives)\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:achieve|achieving|gain|gaining|attain|attaining|obtain|obtaining|complete|completing)\s+"
                  r"(?:[\w-]+\s+){0,4}?(?:qualifications?|nvqs?|certificates?|certifications?|diplomas?)\b"
                  # a KPI row's target cell after the unit's cell: "| New FTE jobs ... | 20 over the term |"
                  r"|(?:apprenticeships?|apprenticeship starts|jobs?|placements|qualifications|traineeships)\b[^|]{0,60}"
                  r"\|\s*(\d{1,3})\s*(?:(?:over|across|during|in|within|for)\s+(?:the\s+)?(?:whole\s+|full\s+)?"
                  r"(?:contract\s+)?(?:term|period|life|duration|contract)|in total|total|"
                  # or a rate a year ("| 4 per year |"): PER_YEAR below reads it
                  r"(?:per|a|each|every)\s+(?:contract\s+|financial\s+)?year|annually|per annum)?\s*(?:\||$)"
                  # a qualification named by its type in the unit's cell ("| Care staff achieving a
                  # Level 2 Diploma in Care | 16 |", "| Staff gaining an NVQ Level 3 | 12 |")
                  r"|(?:\blevel\s+\d\w*\s+(?:[\w-]+\s+)?(?:diplomas?|certificates?|awards?|qualifications?)|"
                  r"\b(?:diplomas?|nvqs?|svqs?|btecs?))\b[^|]{0,60}"
                  r"\|\s*(\d{1,3})\s*(?:(?:over|across|during|in|within|for)\s+(?:the\s+)?(?:whole\s+|full\s+)?"
                  r"(?:contract\s+)?(?:term|period|life|duration|contract)|in total|total|"
                  r"(?:per|a|each|every)\s+(?:contract\s+|financial\s+)?year|annually|per annum)?\s*(?:\||$)")
# A count made per year ("four apprenticeship starts in each Contract Year", "3 per year"): the
# outcomes over the term are the count times the term. Read just after the count's unit.
PER_YEAR = rx(r"^[^.;,]{0,40}?\b(?:(?:each|every|per|a) (?:contract |financial |calendar |full |academic |school )?year|"
              r"(?:each|every) of the (?:[\w-]+ )?years|annually|per annum|yearly)\b")
# the rate stated first ("In each contract year the Supplier shall create 3 new jobs")
PER_YEAR_BEFORE = rx(r"\b(?:in|during|for)\s+(?:each|every)\s+(?:contract |financial |full )?year\b[^.;]{0,60}$")
# "a year" that is a length, not a rate ("placements lasting a year", "for a year")
NOT_PER_YEAR = rx(r"\b(?:for|of|lasting|least|than|within|over|after|in|half|last) a year\b")
# The total over the term, stated beside the count ("sixteen in total", "a total of 20",
# "twenty over the term"): when stated it is the count.
TOTAL_COUNT = rx(r"\b(" + NUMBER + r")\s+(?:in total|in all|altogether|overall|over (?:the )?(?:whole |full |entire )?"
                 r"(?:[\w-]+-year )?(?:term|contract(?: period| term)?|life of the contract))\b"
                 r"|\ba total of\s+(" + NUMBER + r")\b")
# "one qualification for every £250,000", "2 work placements per £1 million": the number must
# count outcomes (not "£3 of social value for every £1 spent").
PER_SPEND = rx(r"(?:^|[^£\d,.])\b(" + NUMBER + r")\s+(?:\(\d+\)\s+)?(?:[\w-]+\s+){0,7}?(?:apprenticeships?|"
               r"apprenticeship starts?|jobs?|job outcomes?|qualifications?|placements?|nvqs?|"
               r"traineeships?|starts?|outcomes?)\b[^.£|]{0,40}?\b(?:for every|per|for each)\s+"
               r"£\s?([\d,.]+)\s*(k|m|million)?\b"
               # a KPI row whose target cell is the rate, after the outcome's cell
               # ("| NVQ Level 2 achieved by staff | 1 per £40,000 of contract value |")
               r"|(?:apprenticeships?|jobs?|qualifications?|placements?|nvqs?|traineeships?|starts?)\b"
               r"[^£]{0,120}?\|\s*(" + NUMBER + r")\s+(?:[\w-]+\s+)?(?:for every|per|for each)\s+"
               r"£\s?([\d,.]+)\s*(k|m|million)?\b")

OUTSIDE_AREA = rx(r"\b(?:abroad|overseas|developing (?:countries|country|world)|international "
                  r"development|in (?:Africa|Asia|Europe|South America|Latin America)|"
                  r"(?:another|other) countr(?:y|ies)|home (?:town|country) in \w+|global south|"
                  r"in (?:Malawi|Kenya|Uganda|Ghana|Nigeria|India|Bangladesh|Nepal|Ethiopia|Tanzania|"
                  r"Zambia|Sierra Leone|Romania|Ukraine|Haiti)|outside the (?:county|borough|district|"
                  r"city|region|council's area|authority's area|relevant area)|home towns\b[^.]{0,30}\b"
                  r"anywhere|anywhere in (?:great britain|the country|england and wales))\b")
CORPORATE = rx(r"\bacross (?:its|their|the) (?:group|organisation|business|company)\b|"
               r"\bacross all (?:its|their|your) (?:uk )?contracts\b|\ball (?:their|its|your) (?:uk )?"
               r"contracts\b|\bnational charity partnerships\b|\bin the last \w+ years\b|"
               r"\bhead office functions\b|\bcharity of the \w+ choice\b|\bnational charity partnerships?\b|"
               r"\b(?:become a )?signatory to\b|\brequired for all contracts\b|"
               r"\beach of the (?:council's|authority's|trust's) [\w ]*priorities\b|"
               r"\brespond to each of the following priorities\b|\bcorporate social value priorities\b|"
               r"\bno involvement in this contract\b|"
               # the supplier's corporate programmes counted as the contract's social value
               r"\bthrough (?:its|your|their) (?:existing )?(?:corporate|csr|company-wide|group)\b|"
               r"\b(?:group|company-wide|corporate)(?:'s)? (?:charitable )?foundation\b|"
               r"\bdelivered nationally\b|\bover the (?:past|last) \w+ years\b|"
               r"\b(?:your|their|its) other (?:public sector |uk )?contracts\b|"
               # a list of the authority's priorities each bidder must contribute to in full
               r"\bevery one of the\b[^.]{0,60}\b(?:priorities|outcomes|themes|objectives)\b|"
               r"\ball (?:\w+ )?of the (?:council|authority|borough|trust|county)(?:'s)? (?:[\w-]+ ){0,2}"
               r"(?:priorities|outcomes|themes|objectives)\b|"
               r"\beach (?:priority|outcome|theme|objective) of the\b|"
               r"\beach of the (?:\w+ )?(?:priorities|outcomes|themes|objectives) (?:of|in) the "
               r"(?:council|authority|borough|trust|county)\b|"
               r"\b(?:every|each|all) (?:suppliers?|bidders?|tenderers?|contractors?)\b[^.]{0,60}\b"
               r"(?:council|authority)'s (?:corporate )?(?:[\w-]+ )?(?:priorities|objectives|outcomes)\b")
# "Social value delivered on other contracts will not be counted": the corporate words are
# there to exclude the activity, which is the right approach.
NOT_COUNTED = rx(r"\b(?:will|shall|must|does|do|is|are) not (?:be )?(?:counted|count|taken into "
                 r"account|considered|included|scored)\b|\bexcluded\b")
LINK_STATED = rx(r"\bbecause\b|\bsince\b|\bon this contract\b|\bthis contract\b|"
                 r"\b(?:engaged|involved) (?:on|in) (?:delivering )?the services\b|"
                 r"\barising from\b|\brelevant to this contract\b|\bexplain the link\b|"
                 r"\bunder this contract\b|\bwithin the service\b|\bdelivering the services\b|"
                 r"\bduring construction\b|\bon the contract\b")


@dataclass(frozen=True)
class Clause:
    """One social value requirement with the elements read from it (see module docstring)."""

    block: int
    start: int                 # the anchoring sentence, as offsets into the block's text
    end: int
    match_start: int
    match_end: int
    text: str
    theme: str
    strength: str              # firm | soft
    kind: str                  # award | specification | kpi
    elements: dict = field(default_factory=dict)   # element name -> words that supply it
    flags: frozenset = frozenset()
    burden: str = "none"
    frequency_per_year: Optional[int] = None
    outcome_count: Optional[float] = None       # e.g. 10 apprenticeships
    outcome_per_year: Optional[float] = None    # e.g. 4 apprenticeship starts each year
    spend_per_outcome: Optional[float] = None   # stated "one per £250,000" ratios
    relevance: str = "unknown"                  # yes | no | unknown (see extract.relevance)
    table_row: bool = False

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(e for e in ELEMENTS if e not in self.elements)

    @property
    def unverifiable(self) -> tuple[str, ...]:
        """The elements without which the requirement cannot be checked at all (VER001)."""
        return tuple(e for e in VERIFIABILITY if e not in self.elements)

    @property
    def unmonitored(self) -> tuple[str, ...]:
        """The monitoring and enforcement elements not stated for it (VER007)."""
        return tuple(e for e in MONITORING if e not in self.elements)

    def has(self, element: str) -> bool:
        return element in self.elements


def _first(pattern, text: str) -> Optional[tuple[int, int]]:
    m = pattern.search(text)
    return (m.start(), m.end()) if m else None


@_per_text
def _theme(text: str) -> tuple[str, Optional[tuple[int, int]]]:
    if not _ANY_THEME.search(text):
        return "general", None
    for name, pattern in _THEME_RX:
        m = pattern.search(text)
        if m:
            return name, (m.start(), m.end())
    return "general", None


# The authority's own goal quoted with the ask ("support the Council in achieving its target
# of net zero by 2030", "help the Council deliver its aim of creating 500 jobs"): its number or
# date is the authority's, and sets no level for this supplier's part.
AUTHORITY_GOAL = rx(r"\b(?:the (?:council|authority|trust|board|city|borough|county|region|government|"
                    r"department|icb|nhs|partnership|combined authority)(?:'s|s'|’s)|(?:the )?"
                    r"(?:council|authority|trust|board|icb)(?:'s|’s)?\s+(?:own\s+)?|"
                    r"(?:support|help|assist|enable)\w*\s+(?:the\s+)?(?:council|authority|trust|board|"
                    r"department|icb|city|borough)\b[^.;]{0,30}?\b(?:its|their))\s+(?:own\s+)?"
                    r"(?:[\w-]+\s+){0,3}?(?:aims?|targets?|ambitions?|goals?|commitments?|pledges?|"
                    r"vision|objectives?)\s+(?:of|to|for|that)\b[^.;,]{0,80}")
# where the quoted goal ends: the supplier's own part starts ("... by 2030 by reducing its fleet
# emissions by 50%")
GOAL_END = rx(r"\b(?:by|through|via) \w+ing\b|\band (?:the (?:contractor|supplier|provider)|will|"
              r"shall|must)\b|\bwith (?:a|an|the) (?:target|minimum)\b")


def _goal_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in AUTHORITY_GOAL.finditer(text):
        end = m.end()
        cut = GOAL_END.search(text[m.start():end])
        if cut and cut.start() > 0:
            end = m.start() + cut.start()
        spans.append((m.start(), end))
    return spans


# A length of time the contract or the service runs for ("will run for three years from 1 April
# 2026", "an initial term of two years"): the contract's term, not a level to reach.
DURATION_BEFORE = rx(r"(?i)\b(?:for|run(?:s|ning)? for|period of|term of|duration of|lasts?|lasting|"
                     r"initial|extension of|extended by|further)\s+(?:an?\s+|the\s+)?(?:initial\s+)?$")
DURATION_AFTER = rx(r"(?i)^[\s-]*(?:\(\d+\)\s*)?(?:years?|months?)\b")


# The number of a clause, paragraph or question, not a level to reach: fused to a letter
# prefix ("Q7.2", "B3.2", "KPI4.1"), or a dotted number opening the text before a capital
# ("11.6 The Contractor shall ...", "4. The Provider will ...").
LABEL_PREFIX = rx(r"(?:^|[\s(\[])[A-Za-z]{1,4}\d+(?:\.\d+)*\.$|^[A-Za-z]{1,4}$")
LABEL_OPENING = rx(r"^\s*(?:[-*•(]\s*)?$")
LABEL_DOTTED = rx(r"^\d+(?:\.\d+)+[a-z]?\.?$|^\d+\.$")
LABEL_FOLLOWS = rx(r"^\.?\)?\s+[A-Z]")


def _label_number(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start]
    if " " not in before[-1:] and LABEL_PREFIX.search(before):
        return True                       # "Q7.2": the "2" after "Q7."
    if LABEL_OPENING.search(text[:start]):
        token = text[start:end].strip()
        rest = text[end:end + 4]
        dotted = LABEL_DOTTED.search(token) or (rest[:1] == "." and LABEL_DOTTED.search(token + "."))
        return bool(dotted and LABEL_FOLLOWS.search(text[end:end + 4] if not token.endswith(".")
                                                    else " " + text[end:end + 3]))
    return False


@_per_text
def _target(text: str) -> Optional[str]:
    goals = _goal_spans(text) if AUTHORITY_GOAL.search(text) else ()
    for m in TARGET.finditer(text):
        word = text[m.start():m.end()]
        stripped = word.strip()
        if YEAR_LIKE.search(stripped):
            continue
        if any(start <= m.start() < end for start, end in goals):
            continue
        if DURATION_BEFORE.search(text[max(0, m.start() - 24):m.start()]) \
                and DURATION_AFTER.search(text[m.end():m.end() + 12]):
            continue
        if NOT_TARGET_BEFORE.search(text[max(0, m.start() - 14):m.start()].lower()):
            continue
        if _label_number(text, m.start(), m.end()):
            continue
        if BRACKET_OPEN.search(text[max(0, m.start() - 3):m.start()]) \
                and BRACKETED_MARKS.search(text[m.end():m.end() + 12]):
            continue                      # "Q6 Social Value (10 marks).": the question's weight
        if NOT_TARGET_AFTER.search(text[m.end():m.end() + 20]):
            continue
        if "%" in stripped and (WEIGHT_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                                or WEIGHT_AFTER.search(text[m.end():m.end() + 40])
                                or (BRACKET_OPEN.search(text[max(0, m.start() - 3):m.start()])
                                    and BRACKETED_WEIGHT.search(text[m.end():m.end() + 4]))):
            continue
        if not _is_level(text, m.start(), m.end(), stripped):
            continue
        return stripped
    m = HELD_STANDARD.search(text)
    return text[m.start():m.end()] if m else None


# A "Target:" label, and what follows it up to the next cell or sentence.
TARGET_LABEL = rx(r"(?i)^target\s*(?:[:/]|of)")
LABEL_VALUE = rx(r"(?i)^\s*target\s*(?:[:/]|of)\s*([^|;]*)")
CEILING = rx(r"(?i)^(?:" + _words("ceilings") + r")\b")
LIMITED = rx(r"\b(?:" + _words("limited") + r")\b")


def _is_level(text: str, start: int, end: int, word: str) -> bool:
    """Is this match a level to reach? A "Target:" label only when what it labels is one (not
    "TBC", "Good" or "ongoing"); a ceiling ("up to 10 placements") only for what the requirement
    limits (waste, emissions, miles), since a ceiling on a deliverable is met by none."""
    if TARGET_LABEL.search(word):
        m = LABEL_VALUE.search(text[start:])
        value = m.group(1).strip() if m else ""
        return bool(value) and _target(value) is not None
    if CEILING.search(word):
        return bool(LIMITED.search(text))
    if BARE_BOUND.search(word):
        # "all reasonable steps", "at all times", "as a minimum, the Contractor shall ...":
        # words of effort or emphasis that bound no quantity
        return not (NOT_LEVEL_AFTER.search(text[end:end + 24])
                    or NOT_LEVEL_BEFORE.search(text[max(0, start - 12):start]))
    return True


BARE_BOUND = rx(r"(?i)^(?:all|a minimum|at least|not less than|no fewer than|minimum of)$")
NOT_LEVEL_AFTER = rx(r"(?i)^\s*(?:,|reasonable|practicable|possible|times|aspects|relevant|applicable|"
                     r"necessary|appropriate|such|other|parties|stakeholders|efforts|steps|endeavou?rs|"
                     r"the time|round|in all|requirement|"
                     # "a minimum number of points appropriate to ...": how many is not said
                     r"(?:number|level|amount|quantity|proportion|percentage) of|"
                     # a level left to be agreed or judged later ("at least such number as may be
                     # agreed", "not less than a reasonable number", "the number agreed from time to time")
                     r"an? (?:reasonable|appropriate|suitable|sufficient|agreed|adequate|acceptable|"
                     r"proportionate) (?:number|level|amount|quantity)|the (?:number|level|amount|quantity) "
                     r"(?:agreed|to be agreed|as agreed|that (?:is|may be) agreed|determined|required|requested|set by))\b|^\s*,")
# "at all times", "as all"; "across all sites", "throughout all of its centres": where, not a level
NOT_LEVEL_BEFORE = rx(r"(?i)\b(?:at|as|across|throughout)\s+$")


def _number(word: str) -> Optional[float]:
    word = word.strip().lower().replace(",", "")
    if word in CLAUSE_NUMBERS:
        return float(CLAUSE_NUMBERS[word])
    try:
        return float(word)
    except ValueError:
        return None


def is_sv_text(text: str, section: str) -> bool:
    """Does this text talk about a social value outcome (not just staff training or waste)?"""
    return _is_sv(_tests(text), section)


def _is_sv(test, section: str) -> bool:
    # `_ANY_THEME` is the union of the themes: where it does not match, `_theme` finds none
    if test(_BARE_PLEDGE) or (test(_BARE_LEVEL) and _sv_section(section)) or test(_GREEN):
        return True
    return test(_STRONG) or (test(_THEME) and (_sv_section(section) or test(_OUTCOME)
                                               or (test(_SOFT) and test(_SOFT_THEMED))
                                               or test(_COMMITTED)
                                               # a number of people or places counted into
                                               # jobs, apprenticeships or qualifications ("Five
                                               # people ... will be helped into employment")
                                               or test(_COUNTED)
                                               # a theme that an award criterion assesses
                                               or test(_AWARDED)))


# A bid's own voice ("Our team will donate ...", "Our staff will give ..."): the bidder's
# commitment, though no supplier is named.
BIDDER_VOICE = rx(r"^\s*our (?:[\w-]+ )?(?:team|teams|staff|employees|workforce|organisation|company|"
                  r"firm|colleagues|people|apprentices|engineers|drivers|operatives)\s+(?:will|shall|"
                  r"commit|pledge|undertake)\b")


def _is_requirement(test, section: str, text: str = "") -> bool:
    """A social value requirement: an outcome, a duty, not a definition, and not only the
    authority acting ("The Council will evaluate ..."); not background, a declaration or portal
    boilerplate; and not only about the subject matter (an ISO certificate, an EPC rating)."""
    # an instruction with no subject ("Take on and train people who ...") is a duty only when
    # its words are plainly social value ones (STRONG), not staff training or recruitment
    duty = test(_DUTY) or (test(_ORDERED) and test(_STRONG))
    if not (_is_sv(test, section) and duty and not test(_DEFINITION)
            and not (test(_AUTHORITY_ACTS) and not test(_SUPPLIER) and not test(_BY_REFERENCE))):
        return False
    if not text:
        return True
    background = BACKGROUND.search(text) and not OBLIGES.search(text) and not (
        SUPPLIER_NAMED.search(text) and SUPPLIER_WILL.search(text))
    if NOT_A_CLAUSE.search(text) or background or COMPLIANCE.search(text) or (
            BUYER_OWN.search(text) and not SUPPLIER_OBLIGED.search(text)):
        return False
    if BACKGROUND_SECTION.search(section) and not OBLIGES.search(text) \
            and not SUPPLIER_NAMED.search(text):
        return False                     # a list of aims under "Objectives" or "Background"
    if not _sv_section(section) and not test(_SUPPLIER) and not STRONG_DUTY.search(text) \
            and not ASKS.search(text) and not IMPERATIVE.search(text) \
            and not BIDDER_VOICE.search(text):
        # "The evidence obtained will contribute to ...": a description of what is bought,
        # outside a social value section, with no supplier and no duty ("shall", "must",
        # "required") on anyone
        return False
    if SUBJECT_MATTER.search(text):
        rest = SUBJECT_MATTER.sub(" ", text)
        return _is_sv(_tests(rest), section)
    return True


def _tests(text: str):
    """A function telling, for one of the patterns in `_TESTS`, whether it matches in `text`:
    from one pass of their RE2 set, or by searching if the set cannot answer."""
    found = _test_set().matching(text.encode("utf-8"))
    if found is None:
        return lambda i: _TESTS[i].search(text) is not None
    return found.__contains__


@lru_cache(maxsize=1)
def _test_set() -> PatternSet:
    return PatternSet(_TESTS)


@lru_cache(maxsize=256)
def _sv_section(section: str) -> bool:
    """Is this heading path a social value one? (Asked for every sentence of its blocks.)"""
    return bool(SV_SECTION.search(section))


VAGUE_COUNT = rx(r"(?i)\b(?:a|any)\s+number of$")
# a score that is the evaluators' mark, not an outcome measure ("receives a score of 1-5",
# "a score out of 10")
SCORE_METHOD = rx(r"(?i)^scores?\s+(?:of\s+|from\s+|between\s+)?(?:\d+\s*(?:-|–|—|to|and)\s*\d|out of\b)")
# the top of a scoring scale ("scored 0-5 using the descriptors", "marked out of 10 against")
SCALE_BEFORE = rx(r"(?i)\b0\s*(?:-|–|—|to)\s*$|\bout of\s*$|\b(?:scored|marked|rated)\s+(?:from\s+)?$"
                  r"|\b(?:scale|score|scores|scored|marked|rated|mark|grade)\s+(?:of\s+|from\s+|between\s+)?\d\s*(?:-|–|—|to|and)\s*$")


@_per_text
def _elements(text: str) -> dict:
    found: dict[str, str] = {}
    target = _target(text)
    if target:
        found["target"] = target
    for name, pattern in (("measure", MEASURE), ("frequency", FREQUENCY),
                          ("evidence", EVIDENCE), ("remedy", REMEDY)):
        m = pattern.search(text)
        if m and name == "measure" and VAGUE_COUNT.search(text[max(0, m.start() - 4):m.end()]):
            m = pattern.search(text, m.end())      # "a number of themes": several, not a count
        while m and name == "measure" and SCORE_METHOD.search(text[m.start():m.end() + 16]):
            m = pattern.search(text, m.end())      # "a score of 1-5": how answers are marked
        if m:
            found[name] = text[m.start():m.end()]
    if "measure" not in found:
        for m in COUNTED.finditer(text):
            words = m.group(1).lower().split()
            if NOT_TARGET_BEFORE.search(text[max(0, m.start() - 14):m.start()].lower()):
                continue                  # "Section 4.2 explains": a part of the document
            if SCALE_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
                continue                  # "scored 0-4 against the descriptors": the scale
            if words[0] not in ("of", "in", "per") and not NOT_COUNTED_UNIT.search(words[-1]):
                found["measure"] = text[m.start():m.end()]
                break
    if BY_REFERENCE.search(text):
        for name in ELEMENTS:
            found.setdefault(name, "by reference to the KPI schedule")
    for name, pattern in BIDDER_STATES.items():
        if pattern.search(text):
            found.setdefault(name, "stated by the bidder")
    return found


@_per_text
def _flags(text: str, soft: bool) -> set[str]:
    flags = {name for name, pattern in (
        ("not_in_contract", NOT_IN_CONTRACT), ("proxy_goal", PROXY_GOAL), ("free_box", FREE_BOX),
        ("outside_area", OUTSIDE_AREA), ("corporate", CORPORATE), ("link_stated", LINK_STATED),
    ) if pattern.search(text)}
    if "corporate" in flags and NOT_COUNTED.search(text):
        flags.discard("corporate")
    if soft:
        flags.add("vague")
    if REPORTING_DUTY.search(text) and not TARGET_WORDS.search(text):
        flags.add("reporting_duty")          # how the commitments are reported: VER007's matter
    if OUTPUT_MEASURE.search(text) and OUTCOME_STATED.search(text):
        flags.add("output_only")
    if PAY_VAGUE.search(text) and not PAY_STANDARD.search(text):
        flags.add("pay_unstated")            # "paid fairly": no rate or named standard
    return flags


COUNT_WORD = rx(r"\d|\b(?:" + "|".join(sorted(CLAUSE_NUMBERS, key=len, reverse=True)) + r")\b")


def _apply_flags(elements: dict, flags: set[str]) -> dict:
    """Forms that look complete but are not: the seeds' own examples of unverifiable asks."""
    out = dict(elements)
    if "proxy_goal" in flags or "output_only" in flags:      # 004 principles 2 and 12
        out.pop("target", None)
        out.pop("measure", None)
        if "proxy_goal" in flags:
            out.pop("remedy", None)
    if "pay_unstated" in flags and not COUNT_WORD.search(out.get("target", "")):
        out.pop("target", None)          # "all staff ... paid fairly": the share of staff is
        out.pop("measure", None)         # no pay level, and fairness is not counted (a count,
                                         # as in "5 fairly paid jobs", is the target)
    if "free_box" in flags:                                  # 003 Q6: nothing to score against
        out = {}
    if "not_in_contract" in flags:                           # 004: never reaches the contract
        for name in ("frequency", "evidence", "remedy"):
            out.pop(name, None)
    return out


@_per_text
def _proportion(text: str) -> dict:
    burden = "none"
    if not AUTHORITY_PAYS.search(text):
        for name, pattern in BURDEN:
            if pattern.search(text):
                burden = name
                break
    frequency = None
    for pattern, n in FREQ_PER_YEAR:
        if pattern.search(text):
            frequency = n
            break
    count = None
    per_year = None                       # outcomes a year (times the term in facts.py)
    for m in COUNT_TARGET.finditer(text):
        g = next(i for i in (1, 2, 3, 4, 5) if m.group(i))
        n = _number(m.group(g))
        if n is None:
            continue
        after = text[m.end(g):m.end() + 40] if g >= 4 else text[m.end():m.end() + 40]
        rate = PER_YEAR.search(after)
        if (rate and not NOT_PER_YEAR.search(after[max(0, rate.start() - 10):rate.end()])) \
                or PER_YEAR_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
            per_year = (per_year or 0) + n
        else:
            count = (count or 0) + n
    if count is not None or per_year is not None:
        for total in TOTAL_COUNT.finditer(text):
            if text[max(0, total.start() - 1):total.start()] in ("£", "$"):
                continue                  # "£880,000 over the term": the value, not a count
            n = _number(total.group(1) or total.group(2))
            if n:
                count, per_year = n, None
                break
    ratio = None
    m = PER_SPEND.search(text)
    if m:
        g = (1, 2, 3) if m.group(1) else (4, 5, 6)
        n = _number(m.group(g[0])) or 1.0
        amount = _number(m.group(g[1])) or 0.0
        scale = {"k": 1e3, "m": 1e6, "million": 1e6}.get((m.group(g[2]) or "").lower(), 1.0)
        if n and amount:
            ratio = amount * scale / n
            count = None                  # a ratio, not an absolute count
            per_year = None
    return {"burden": burden, "frequency_per_year": frequency, "outcome_count": count,
            "outcome_per_year": per_year, "spend_per_outcome": ratio}


AWARD_SECTION = rx(r"award|evaluation|\bitt\b|invitation to (?:tender|negotiate|submit)|method statement|quality")


@_per_text_in_section
def _kind(text: str, section: str, table_row: bool) -> str:
    if table_row or KPI_KIND.search(text) or "kpi" in section.lower():
        return "kpi"
    if AWARD.search(text) or AWARD_SECTION.search(section):
        return "award"
    return "specification"


# --------------------------------------------------------------------------- KPI tables

HEADER_ROLES = (
    ("target", rx(r"target|threshold|level|standard|minimum")),
    ("frequency", rx(r"frequen|reporting|how often")),
    ("remedy", rx(r"consequence|breach|remed|service credit|failure")),
    ("evidence", rx(r"evidence|data source|source|verification")),
    ("measure", rx(r"kpi|measure|indicator|metric|category|outcome|description")),
)


@_per_text
def _header_roles(cells: Sequence[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for i, cell in enumerate(cells):
        for role, pattern in HEADER_ROLES:
            if pattern.search(cell) and role not in roles.values():
                roles[i] = role
                break
    return roles


TARGET_COLUMN = rx(r"\b(?:targets?|threshold|minimum)\b")
LABEL_VALUE_CELL = rx(r"\d|:")


def _is_kpi_header(roles: dict[int, str], cells: Sequence[str] = ()) -> bool:
    """A KPI table's header: a target column and a frequency or consequence column, or (a
    table of measures and their targets only) a column headed "Target" beside a KPI, measure
    or outcome column."""
    have = set(roles.values())
    if "target" not in have:
        return False
    if have & {"frequency", "remedy"}:
        return True
    # labels, not values: a first row with a number or a "Target: TBC" cell is a KPI row
    # of a table with no header
    if any(LABEL_VALUE_CELL.search(cell) for cell in cells):
        return False
    return "measure" in have and any(role == "target" and i < len(cells) and
                                     TARGET_COLUMN.search(cells[i]) for i, role in roles.items())


def _row_elements(cells: Sequence[str], roles: dict[int, str]) -> dict:
    found: dict[str, str] = {}
    for i, cell in enumerate(cells):
        role = roles.get(i)
        value = cell.strip()
        if role is None or not value or value in ("-", "–", "n/a", "N/A", "tbc", "TBC"):
            continue
        if role == "target" and not _target(value):
            continue
        found[role] = value
    return found


# --------------------------------------------------------------------------- the extractor

def _sentence_of(block: Block, offset: int) -> tuple[int, int]:
    from .matcher import sentence_spans
    if block.kind in (BlockKind.table_row, BlockKind.table_cell, BlockKind.heading):
        return 0, len(block.text)
    for start, end in sentence_spans(block.text):
        if start <= offset < end:
            return start, end
    return 0, len(block.text)


# A duty to report on the social value commitments (a monitoring report, evidence uploaded to a
# portal): not a requirement of its own, but a statement of how all of them are monitored.
REPORTING_DUTY = rx(r"^\s*(?:the\s+|all\s+|any\s+)?(?:social value|community benefits?)\s*(?:commitments?\s+|"
                    r"kpis?\s+|outcomes?\s+|delivery\s+|performance\s+|activit(?:y|ies)\s+)?[^.]{0,50}\b(?:will be|"
                    r"is|are|shall be)\s+(?:monitored|reported|reviewed|tracked|measured|evidenced)\b|"
                    r"\breport\w*\s+(?:on\s+)?(?:its|their|the|all|your)?\s*(?:social value|community "
                    r"benefits?)(?:\s+(?:delivery|performance|outcomes|commitments|activity|activities|progress))?"
                    r"\s+(?:through|via|on|using|to|in|at)\b|"
                    r"\b(?:submit|provide|upload|complete|produce|send)\b[^.]{0,60}\b(?:monitoring|social "
                    r"value|progress|community benefits?) (?:reports?|returns?|evidence|information|data)\b|"
                    r"\bmonitoring report\b|\bevidence of progress\b|\b(?:delivery|commitments|performance)"
                    r" (?:will be |is |are )?(?:monitored|reviewed|tracked) (?:through|at|via|by)\b"
                    # the commitments as the subject of the reporting, in the passive ("Progress
                    # against every social value commitment will be reported each quarter")
                    r"|\b(?:progress|delivery|performance)\s+(?:against|on|of)\s+(?:all |each |every |the )?"
                    r"(?:social value |community benefits? )?(?:commitments?|kpis?|targets?|outcomes?)\b[^.]{0,40}"
                    r"\b(?:will be|is|are|shall be)\s+(?:reported|monitored|reviewed|tracked|evidenced)\b"
                    r"|\b(?:each|every|all)\s+(?:social value |community benefits? )?(?:commitments?|kpis?)\b"
                    r"[^.]{0,20}\b(?:is|are|will be|shall be)\s+(?:reported|monitored|reviewed|tracked)\b")
GENERAL_STATEMENT = rx(r"\bmonitoring report\b|\bevidence of progress\b|\btracked through\b|"
                       r"\b(?:each|every) (?:social value |community benefits? )?(?:kpi|commitment|requirement|"
                       r"outcome|target|initiative|benefit)\b|"
                       r"\b(?:all|each|every|these|the) (?:social value |community benefits? )?"
                       r"(?:kpis?|commitments|requirements|outcomes|targets|initiatives|benefits)\b"
                       r"|\b(?:social value|community benefits?) (?:commitments|kpis|outcomes|delivery|"
                       r"performance|plan|report(?:ing)?)\b[^.]{0,60}\b(?:monitored|reported|reviewed|"
                       r"managed)\b")
SV_OR_KPI = rx(r"social value|kpi")
# A paragraph is a clause only through `is_sv_text`, which needs one of these, and REQUIREMENT
# (extract.index); a KPI table's rows are read whatever they say.
SV_TEXT_GATE = (STRONG, _ANY_THEME, BARE_PLEDGE, BARE_LEVEL)


def _general_statements(index: DocumentIndex) -> dict:
    """Elements stated once for all social value commitments ("All social value KPIs are
    reported quarterly with evidence ... and are subject to the service credits in Schedule 5")."""
    found: dict[str, str] = {}
    for block in index.blocks_with(GENERAL_STATEMENT):
        if block.kind is BlockKind.comment or not GENERAL_STATEMENT.search(block.text):
            continue
        if not SV_OR_KPI.search(block.text + " " + " / ".join(block.section)):
            continue
        for name, value in _elements(block.text).items():
            if name != "target":
                found.setdefault(name, f"{value} (stated for all commitments)")
    return found


def _stems(text: str) -> frozenset:
    return frozenset(w[:6].lower() for w in WORD.findall(text) if len(w) >= 4)


WORD = rx(r"[A-Za-z][A-Za-z-]+")
SV_EXPLICIT = rx(r"\bsocial value\b|\bcommunity benefits?\b|\bsocial,? economic\b")


def extract_clauses(blocks: Sequence[Block], relevance=None,
                    index: DocumentIndex | None = None, subject: str = "") -> list[Clause]:
    """Every social value requirement clause in `blocks`, in document order.

    `subject`, the contract's subject (its title): a clause whose theme word is the subject
    itself ("skills" in a skills-mapping study, "energy" in an energy-efficiency DPS) describes
    what is bought, and is flagged `subject_matter`.
    `relevance`, when given, is a callable (clause theme, clause text, flags) -> yes|no|unknown
    judging the clause against the contract's subject (see `extract.relevance`). `index` (see
    extract.index) limits the reading to table rows and the blocks with social value wording.
    """
    if index is None:
        index = DocumentIndex(blocks)
    clauses: list[Clause] = []
    header: dict[int, dict[int, str]] = {}           # table index -> column roles
    general = _general_statements(index)
    scoring = index.any_block(METHOD_WORDS) or index.any_block(SCORING)
    subject_stems = _stems(subject)
    rows = [i for i, block in enumerate(blocks) if block.kind is BlockKind.table_row]
    led = _lead_ins(blocks, index)                   # list item -> the lead-in it completes
    requirements = set(index.positions_with(*SV_TEXT_GATE))
    requirements.intersection_update(index.positions_with(REQUIREMENT, IMPERATIVE))
    requirements.difference_update(led.values())     # judged through its items
    requirements.update(led)
    weights = set(index.positions_with(PAIR))          # where a weighting may be stated
    for position in sorted(requirements.union(rows)):
        block = blocks[position]
        text = block.text
        if not text or block.kind in (BlockKind.comment, BlockKind.heading):
            continue
        section = " / ".join(block.section)
        table = block.location.table
        if block.kind is BlockKind.table_row and table is not None:
            if block.location.row == 0:
                roles = _header_roles(block.cells)
                if _is_kpi_header(roles, block.cells):
                    header[table] = roles
                    continue
                if not _kpi_row(text, section, block.cells):
                    continue
            elif table in header:
                clauses.append(_make(block, header[table], section, general, relevance,
                                   scoring=scoring, subject=subject_stems))
                continue
            if _kpi_row(text, section, block.cells):
                clauses.append(_make(block, None, section, general, relevance,
                                     scoring=scoring, subject=subject_stems))
                continue
        if position in led:
            lead = blocks[led[position]].text
            joined = lead.rstrip(" :–—-") + " " + text    # one sentence: the duty and the item
            if not _is_clause_text(joined, section) or _requirement_span(joined, section) is None:
                continue
            clauses.append(_make(block, None, section, general, relevance, (0, len(text)),
                                 scoring, subject_stems, lead=lead))
            continue
        if not _is_clause_text(text, section):
            continue
        if position in weights and _weight_pairs(text) >= 2:   # an award weighting
            continue                                                # statement: weightings.py
        focus = _requirement_sentence(block, section)
        if focus is None:
            continue
        clauses.append(_make(block, None, section, general, relevance, focus, scoring,
                             subject_stems))
    return clauses



@lru_cache(maxsize=1024)
def _weight_pairs(text: str) -> int:
    """How many weighting pairs (`PAIR`) the text holds (asked per clause candidate)."""
    return len(PAIR.findall(text))

# A paragraph that introduces a list of asks ("The Contractor shall deliver the following
# community benefits:", "The successful contractor will be expected to deliver:"): the duty is in
# the lead-in and what is delivered, with any number, in each item, so each item is read as a
# requirement carrying the lead-in's duty and elements, and the lead-in is not read on its own.
LEAD_IN_END = rx(r"[:–—-]\s*$")


def _lead_ins(blocks: Sequence[Block], index: DocumentIndex) -> dict[int, int]:
    led: dict[int, int] = {}
    for position in index.positions_with(REQUIREMENT, IMPERATIVE):
        block = blocks[position]
        if block.kind is not BlockKind.paragraph or not LEAD_IN_END.search(block.text) \
                or not (REQUIREMENT.search(block.text) or IMPERATIVE.search(block.text)):
            continue
        item = position + 1
        while item < len(blocks) and blocks[item].kind is BlockKind.list_item:
            led[item] = position
            item += 1
    return led


ROW_LABELS = rx(r"\btarget\s*[:/]|\bkpi\b|^\s*sv\s*\d")
# A row's reference in its first cell ("4", "2.1", "CB2", "SV-04", "KPI 3"): it numbers the
# row, it is not a level to reach.
ROW_ID = rx(r"^\s*(?:[A-Za-z]{1,4}\s*[-.]?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?\.?\s*$")


def _row_id(cells: Sequence[str]) -> bool:
    return len(cells) >= 4 and bool(ROW_ID.search(cells[0]))   # not a 2-3 cell weighting row


def _kpi_row(text: str, section: str, cells: Sequence[str] = ()) -> bool:
    """A table row of a KPI or social value section with no KPI header row above it (a row on
    its own, or a table whose header names no target column): a KPI when it names a theme and
    a reporting frequency, a target or KPI label, or a row reference, whatever modal it lacks."""
    return (_sv_section(section) and bool(FREQUENCY.search(text) or ROW_LABELS.search(text)
                                          or _row_id(cells)
                                          # a target cell stating a rate of outcomes to spend
                                          # ("| 1 per £40,000 of contract value |")
                                          or PER_SPEND.search(text))
            and _is_sv(_tests(text), section))


def _requirement_sentence(block: Block, section: str) -> Optional[tuple[int, int]]:
    """The first sentence of a paragraph that is itself a social value requirement.

    A paragraph can pass the tests as a whole because one sentence names an outcome and another
    imposes a duty ("Health and safety incidents must be reported ... The Contractor will
    support ..."): the clause must be one sentence that does both, or it is not a clause.
    Elements (frequency, evidence, remedy) are still read from the whole paragraph.
    """
    return _requirement_span(block.text, section)


@_per_text_in_section
def _is_clause_text(text: str, section: str) -> bool:
    return _is_requirement(_tests(text), section)


# A label that opens a clause and ends at a colon ("KPI 9:", "SV3:", "Apprenticeships:"): the
# sentence splitter ends a sentence there, but the label belongs to what follows it.
LABEL = rx(r"^\s*(?:[\w()'’&/-]+\s+){0,3}[\w()'’&/-]+\s*[:–-]\s*$")
# A criterion's name and weight standing before its question ("Q4 Social Value (15%).",
# "Social Value (5%):", "Section 5 Community Benefits (10%)."): the label carries the theme, so it
# belongs to the question that follows it.
WEIGHTED_LABEL = rx(r"^\s*(?:[\w()'’&/.-]+\s+){0,5}?\(\s*\d+(?:\.\d+)?\s*(?:%|marks?|points?)\s*\)\s*[.:–—-]?\s*$")

# What a sentence LABEL matches ends with, before its trailing white space: a cheap test run
# first, so LABEL is searched only in the sentences that can be labels.
_LABEL_ENDS = frozenset(":–-")


def _with_labels(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry: Optional[int] = None
    for start, end in spans:
        if carry is not None:
            start, carry = carry, None
        if (text[start:end].rstrip()[-1:] in _LABEL_ENDS and LABEL.search(text[start:end])) \
                or WEIGHTED_LABEL.search(text[start:end]):
            carry = start
            continue
        out.append((start, end))
    if carry is not None:
        out.append((carry, len(text)))
    return out


@_per_text_in_section
def _requirement_span(text: str, section: str) -> Optional[tuple[int, int]]:
    from .matcher import sentence_spans
    spans = _with_labels(text, sentence_spans(text))
    if len(spans) == 1:
        return spans[0] if _is_requirement(_tests(text), section, text) else None
    for start, end in spans:
        sentence = text[start:end]
        if _is_requirement(_tests(sentence), section, sentence):
            return start, end
        # a label carried into the sentence: the question after it may be one on its own
        # ("Q7 Social value (5%). Describe your social value offer ...")
        head = LABEL_HEAD.search(sentence)
        if head and head.end() < len(sentence):
            rest = sentence[head.end():]
            if _is_requirement(_tests(rest), section, rest):
                return start, end
    return None


LABEL_HEAD = rx(r"^\s*(?:[\w()'’&/.%-]+\s+){0,5}?(?:\(\s*\d+(?:\.\d+)?\s*(?:%|marks?|points?)\s*\)\s*[.:–—-]?|"
                r"[\w()'’&/%-]+\s*[:–-])\s+")


def _per_clause(fn):
    """`_make`, answered once per distinct reading: the block's text, kind and cells, the
    heading path's section tests (`_as_section`) and the other arguments, without the
    relevance judge, whose answer (kept per document by its caller) is asked for each clause.
    A clause repeated across paragraphs, lots and tenders is read once; what differs between
    the repeats (the block's position) is put back. Bounded, so memory stays flat.
    tests/extract/test_clause_caches.py checks that `_make` reads no other part of the block
    and the heading path only through the section tests, and that cached and uncached readings
    agree."""
    kept: dict[tuple, Clause] = {}

    def frozen(value):
        if isinstance(value, dict):
            return ("dict", tuple(value.items()))
        if isinstance(value, (set, list)):
            return (type(value).__name__, tuple(value))
        return value

    def make(block, roles, section, general, relevance, *rest, **named):
        if len(block.text) > _CLAUSE_TEXT_KEPT:       # a long block: read, not kept
            return fn(block, roles, section, general, relevance, *rest, **named)
        key = (block.text, block.kind, tuple(block.cells), frozen(roles), _as_section(section),
               frozen(general), tuple(map(frozen, rest)),
               tuple((k, frozen(v)) for k, v in sorted(named.items())))
        clause = kept.get(key)
        if clause is None:
            if len(kept) >= _CLAUSES_KEPT:
                kept.clear()
            clause = kept[key] = fn(block, roles, section, general, None, *rest, **named)
        rel = relevance(clause.theme, clause.text, clause.flags) if relevance is not None \
            else "unknown"
        copy = object.__new__(Clause)         # `dataclasses.replace`, without its checks
        copy.__dict__.update(clause.__dict__, block=block.index, elements=dict(clause.elements),
                             relevance=rel)
        return copy
    make.__doc__, make.__name__, make.uncached, make.cache_clear = \
        fn.__doc__, fn.__name__, fn, kept.clear
    return make


_CLAUSES_KEPT = 4096
_CLAUSE_TEXT_KEPT = 4000        # the longest block text whose clause reading is kept


@_per_clause
def _make(block: Block, roles: Optional[dict[int, str]], section: str, general: dict,
          relevance, focus: Optional[tuple[int, int]] = None, scoring: bool = False,
          subject: frozenset = frozenset(), lead: str = "") -> Clause:
    text = block.text
    if focus is not None:
        theme, where = _theme(text[focus[0]:focus[1]])
        if where is None and lead:
            theme = _theme(lead)[0]          # a bare item takes the theme of its lead-in
        where = (where[0] + focus[0], where[1] + focus[0]) if where else (focus[0], focus[0] + 1)
    else:
        theme, where = _theme(text)
    anchor = where or (0, min(len(text), 1))
    start, end = _sentence_of(block, anchor[0])
    soft = bool(SOFT.search(text))
    if roles is not None:
        elements = _row_elements(block.cells, roles)
        for name, value in _elements(text).items():
            if name in ("evidence", "measure"):
                elements.setdefault(name, value)
    elif block.kind is BlockKind.table_row and _row_id(block.cells):
        elements = _elements(" | ".join(block.cells[1:]))   # the row's number is no target
    else:
        elements = _elements(text)
    flags = _flags(text, soft)
    if lead:                                  # what the lead-in states holds for each item
        soft = soft or bool(SOFT.search(lead))
        for name, value in _elements(lead).items():
            elements.setdefault(name, value)
        flags |= _flags(lead, soft)
    if where and subject and text[where[0]:where[1]][:6].lower() in subject \
            and not SV_EXPLICIT.search(text[start:end]):
        flags.add("subject_matter")
    elements = _apply_flags(elements, flags)
    if "free_box" not in flags and "not_in_contract" not in flags:
        for name, value in general.items():
            elements.setdefault(name, value)
    extra = _proportion(text)
    kind = _kind(text, section, roles is not None)
    if kind == "award" and elements.get("target") == "stated by the bidder" \
            and not (scoring or SCORING.search(text) or BID_CARRIED.search(text)):
        # an award question asking the bidder for a number ("State the number of apprenticeship
        # starts you will create") says what is counted, not how the answers are scored
        elements.pop("target")
    if kind == "award" and "free_box" not in flags and (scoring or SCORING.search(text)):
        # an award criterion's "target" is how it will be scored
        elements.setdefault("target", "the scoring method stated for it")
    rel = relevance(theme, text, flags) if relevance is not None else "unknown"
    return Clause(block=block.index, start=start, end=end, match_start=anchor[0],
                  match_end=anchor[1], text=text, theme=theme,
                  strength="soft" if soft else "firm", kind=kind, elements=elements,
                  flags=frozenset(flags), relevance=rel, table_row=roles is not None, **extra)

# A scoring method stated anywhere in the document (for the evaluation rules).
METHOD_WORDS = rx(r"\b(?:scored|marked)\b[^.]{0,60}\b(?:0\s*-\s*\d+|descriptors?|matrix|"
                  r"formula|methodology|guidance|pro rata)\b|\bscoring methodology\b|"
                  r"\bevaluation methodology\b")

# What `extract_clauses` and the evaluation facts ask the document index about.
GATE_PATTERNS = (*SV_TEXT_GATE, REQUIREMENT, IMPERATIVE, GENERAL_STATEMENT, METHOD_WORDS, SCORING,
                 PAIR)

# The tests a paragraph or sentence must pass to be a clause, in one RE2 set (`_tests`).
_TESTS = (STRONG, _ANY_THEME, OUTCOME_VERB, SOFT, REQUIREMENT, NOT_REQUIREMENT, AUTHORITY_ACTOR,
          SUPPLIER_NAMED, BY_REFERENCE, COMMITS, AWARDED_THEME, IMPERATIVE, SOFT_THEME, COUNT_TARGET,
          BARE_PLEDGE, BARE_LEVEL, GREEN_PROGRAMME)
(_STRONG, _THEME, _OUTCOME, _SOFT, _DUTY, _DEFINITION, _AUTHORITY_ACTS, _SUPPLIER,
 _BY_REFERENCE, _COMMITTED, _AWARDED, _ORDERED, _SOFT_THEMED, _COUNTED,
 _BARE_PLEDGE, _BARE_LEVEL, _GREEN) = range(len(_TESTS))


register("clauses", produces="clause", gates=GATE_PATTERNS, read=extract_clauses)
