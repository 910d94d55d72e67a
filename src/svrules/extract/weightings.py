"""Award weightings: "Quality 60%, Price 30%, Social Value 10%" and what they say about social value.

PA 2023 s.23(3) requires the assessment methodology and the relative importance of the award
criteria to be stated; PPN 06/20, PPN 002 and NHS England set a 10% minimum for social value.
A weighting statement is one block (or sentence) with two or more "criterion N%" (or "N points")
pairs. From it: the total of the top-level weights, the social value weight (0 when social value
is not among them), sub-weights in brackets and whether they add up to their parent, and
whether a scoring method is stated. Sentences that score social value with no weight ("social
value will be taken into account", "pass/fail", "within quality", "to be confirmed") are read
as statements with `sv_weight_stated: no`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from ..model import Block, BlockKind
from ._rx import rx
from .index import DocumentIndex
from .readers import register

# Between the words of a criterion's name: a space, or the line break (or the "/" a PDF or a
# table cell shows for it) of "Social\nValue 10%", which must not lose the figure.
_ = r"(?:\s|/)+"
CRITERION = (r"(?:quality|price|cost|commercial|technical|social" + _ + "value|net" + _ + "zero" + _
             + "and" + _ + "social" + _ + "value|social" + _ + "and" + _ + "environmental" + _
             + "value|sustainability|added" + _ + "value|community" + _ + r"benefits?|"
             r"innovation|delivery|interview|presentation|financial)")
# Weights in words ("quality sixty per cent"), as some councils and trusts write them.
_TENS = {w: 10 * (i + 1) for i, w in enumerate("ten twenty thirty forty fifty sixty seventy eighty "
                                               "ninety".split())}
_UNITS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine".split())}
WORD_WEIGHTS = {**_UNITS, **_TENS, "fifteen": 15, "one hundred": 100, "a hundred": 100,
                **{f"{t}{sep}{u}": _TENS[t] + _UNITS[u] for t in _TENS if t != "ten"
                   for u in _UNITS for sep in ("-", " ")}}
_WORD_WEIGHT = "|".join(sorted(WORD_WEIGHTS, key=len, reverse=True))
_FIGURE = r"(\d{1,3}(?:\.\d+)?|\b(?:" + _WORD_WEIGHT + r"))\s*(%|per ?cent|points|marks)"
# Between a figure and the criterion it weights: "a 5% weighting will be applied to social value",
# "4% of the total evaluation score is allocated to social value", "7.5% will be attached to ...".
_LINK = (r"(?:weight(?:ing)?\s+)?(?:of\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:evaluation\s+)?(?:score|marks|weighting)\s+)?"
         r"(?:(?:will|shall|is|are|has been|have been|would)\s+(?:be\s+)?(?:applied|allocated|assigned|attributed|"
         r"apportioned|given|attached|awarded|devoted|reserved)\s+(?:for|on|to)\s+)?")
# A criterion and its weight, in either order: "Quality 60%" (groups 1-3) or "60% quality",
# "10% for social value" (groups 4-6, the figure first as many notices write it).
PAIR = rx(r"\b(" + CRITERION + r")\b[^\d(;,.%]{0,28}?\(?\s*" + _FIGURE
          + r"|(?:^|[^\w.£])" + _FIGURE + r"\s+" + _LINK + r"(?:(?:allocated|assigned|attributed|apportioned|given)\s+)?"
          r"(?:(?:for|on|to)\s+)?(?:the\s+)?(" + CRITERION + r")\b")
SUBPAIRS = rx(r"\(([^()]*?\d[^()]*?)\)")
# A sub-criterion and its weight; the name may carry a number ("Theme 1 5%", "Question 2 3%").
SUB_ITEM = rx(r"([A-Za-z][\w ,&'-]{2,60}?)(?:\s+|\s*[-–—:]\s*)(\d{1,3}(?:\.\d+)?)\s*%")
SV_NAME = rx(r"social" + _ + "value|net" + _ + "zero|social" + _ + "and" + _ + "environmental|added"
             + _ + "value|community" + _ + "benefit")
METHOD = rx(r"\bscored\b|\bdescriptors?\b|\bmatrix\b|\b0\s*-\s*\d+\b|\bformula\b|\bmethodology\b|"
            r"\bpro rata\b|\bguidance\b|\bmultiplied\b|\bscaled\b|\bx\s*\d+|\bmarked\b|"
            r"\bevaluation criteria\b|\bas set out in\b|\bin accordance with\b|\bscoring\b")
# Social value folded into another criterion, with no weight of its own: "assessed as part of
# the technical evaluation", "will form part of the quality score", "within the method statement".
FOLDED = (r"\bsocial value\b[^.]{0,80}\b(?:as part of|within|under|(?:forms?|form|is|are) (?:a )?part of|"
          r"folded into|included in|incorporated (?:in|into)|absorbed (?:in|into)) (?:the )?(?:overall |wider )?"
          r"(?:quality|technical|method statements?|service delivery|delivery)\b"
          # "Quality 70% (including social value)": the weight is quality's, not social value's
          r"|\b(?:quality|technical)\b[^.]{0,30}(?:\s|\()(?:including|incl\.?|inclusive of|incorporating|encompassing|which includes)\s+"
          r"(?:the\s+)?social value(?:\s+(?:questions?|responses?|elements?|criteria))?\s*(?:\)|,|;|\.|$|\band\b)"
          # ... or last in a list of the topics quality covers, with no figure of its own: "Quality
          # 70% (to include sustainability, net zero and social value)", "Technical 65% (covering
          # delivery, mobilisation and social value)"
          r"|\b(?:quality|technical|qualitative)\b[^.]{0,30}(?:\s|\()(?:including|incl\.?|inclusive of|incorporating|"
          r"encompassing|which (?:will )?includes?|to include|covering|comprising)\s+[^.()%\d;]{0,100}?\b"
          r"social value(?:\s+(?:questions?|responses?|elements?|criteria|considerations|commitments|proposals|"
          r"offers?))?\s*(?:\)|;|\.|$)"
          # ... or one of the topics of a question weighted as quality: "Question 4 (Quality, 20%):
          # Describe your approach to mobilisation, sustainability and social value"
          r"|(?:\b(?:quality|technical)\s+(?:question|q)\s*(?:no\.?\s*)?[a-z]{0,3}\d+(?:\.\d+)*[a-z]?\b[^.:]{0,30}"
          r"|\b(?:question|q)\s*(?:no\.?\s*)?[a-z]{0,3}\d+(?:\.\d+)*[a-z]?\s*\(\s*(?:quality|technical)\b[^():]{0,30}\)\s*)"
          r":\s*(?:please\s+)?(?:describe|explain|set out|outline|detail|provide|demonstrate|tell us)\b[^.?:]{0,150}?"
          r"(?:(?:,|\band\b|&)\s+(?:[a-z-]+\s+){0,2}?social value\b|\bsocial value\s*(?:,|\band\b|&))")
# Weights left open to change ("may be changed following clarification", "which may be revised
# after bids are opened", "reserves the right to amend the weightings"): not stated in advance.
VARIABLE = (r"\bweightings?\b[^.]{0,80}\b(?:may|might|could|can)\s+(?:\w+\s+)?(?:be\s+)?(?:changed|varied|"
            r"adjusted|revised|amended|altered|reviewed|refined|updated|modified)\b|\b(?:may|might|could|can) be (?:changed|varied|adjusted|"
            r"revised|amended|altered)\b[^.]{0,30}\b(?:after|once|following|when|on receipt of)\b[^.]{0,20}\b(?:tenders?|"
            r"bids?|submissions?|responses?|clarifications?|evaluation|opening)\b|\breserves? the right to (?:vary|change|"
            r"adjust|revise|amend|alter)\b[^.]{0,40}\bweight"
            r"|\bor such other (?:weighting|weight|percentage)\b|\bweight\w*\b[^.]{0,40}\bas the (?:authority|council|"
            r"buyer|trust|department|board) (?:may|shall|will) (?:determine|decide|see fit)\b"
            # "a weighting of between 10% and 20%, depending on ... the responses received"
            r"|\bweight\w*\b[^.]{0,100}?\b(?:depend\w*\s+(?:up)?on|according to|vary with|in (?:the )?light of|"
            r"reflect\w*|based on|determined by)\b[^.]{0,60}?\b(?:responses?|tenders?|bids?|submissions?|offers?|"
            r"proposals?)\s+(?:received|submitted|returned|made)\b"
            r"|\b(?:depend\w*\s+(?:up)?on|according to|in (?:the )?light of)\b[^.]{0,40}?\b(?:responses?|tenders?|"
            r"bids?|submissions?|offers?) (?:received|submitted)\b[^.]{0,60}\bweight")
# A range or ceiling of the score left to the responses, worded without "weight": "Social value
# will account for between 10% and 20% of the total score, depending on the quality of the
# responses received", "(10 to 20 per cent) will be decided once the bids have been opened".
VARIABLE += (r"|(?:\bbetween \d{1,3}(?:\.\d+)?\s*(?:%|per ?cent)? and \d{1,3}(?:\.\d+)?\s*(?:%|per ?cent)|"
             r"\b\d{1,3}(?:\.\d+)?\s*(?:%|per ?cent)?\s*(?:-|–|to)\s*\d{1,3}(?:\.\d+)?\s*(?:%|per ?cent)|\bup to \d{1,3}"
             r"(?:\.\d+)?\s*(?:%|per ?cent))[^.]{0,100}?\b(?:depend\w*\s+(?:up)?on|according to|vary(?:ing)? with|"
             r"in (?:the )?light of|(?:decided|set|fixed|determined|confirmed|agreed|finalised|chosen)\s+(?:once|after|"
             r"following|when|on receipt of))\b[^.]{0,60}?\b(?:responses?|tenders?|bids?|submissions?|offers?|proposals?)"
             r"\s+(?:received|submitted|returned|made|(?:have been|has been|are|were|is) (?:received|opened|evaluated|"
             r"assessed|submitted|in))\b")
# The weight fixed later ("the final figure will be confirmed in the ITT").
LATER = (r"\b(?:final|exact|actual|precise)\s+(?:figure|weighting|weight|percentage|split)\b[^.]{0,30}\b"
         r"(?:will be|to be|is to be)\s+(?:confirmed|set|decided|determined|finalised|fixed|agreed)\b"
         # fixed at the evaluation stage, after tenders arrive
         r"|\b(?:confirmed|set|decided|determined|finalised|fixed|agreed)\s+(?:before|at|during|prior to|"
         r"at the start of)\s+(?:the\s+)?evaluation\b"
         # "will be confirmed to bidders at the clarification stage", "finalised at a later date"
         r"|\b(?:weightings?|weights?|split|percentages?)\b[^.]{0,60}\b(?:will|shall|is to|are to) be\s+"
         r"(?:\w+\s+)?(?:confirmed|notified|decided|determined|finalised|fixed|agreed|advised)\b[^.]{0,50}?"
         r"\b(?:(?:at|in|during|following|after)\s+(?:the\s+|a\s+)?(?:later|subsequent|next|clarification|itt|"
         r"invitation to tender|tender|second|final|dialogue|negotiation)\s+(?:stage|date|phase|round|point)|"
         r"in due course)\b")
# A method fixed after tenders arrive ("the method ... will be determined by the panel after the
# deadline", "how answers are marked will be decided following the tender deadline").
METHOD_LATER = (r"(?:\b(?:method|methodology|scoring|marking|scheme|descriptors)\b|\bhow\b[^.]{0,60}\b(?:scored|"
                r"marked|assessed|evaluated)\b)[^.]{0,60}\b(?:will|shall|is to|are to) be\s+(?:\w+\s+)?(?:determined|"
                r"decided|agreed|confirmed|set|developed|finalised|fixed|devised|settled)\b[^.]{0,60}?\b(?:after|once|"
                r"following|when|on)\b[^.]{0,30}\b(?:deadline|tenders?|bids?|submissions?|responses?|closing date|"
                r"opened|opening)\b")
# A method kept for a later stage of the procurement ("a scoring methodology that will be issued
# to shortlisted bidders at the invitation to negotiate stage", "released at a later stage"): not
# described in the tender documents bidders answer (PA 2023 s.23(3)(a)). The ITT of a two-stage
# procedure setting out the method is the tender documents doing so, and is not this.
METHOD_DEFERRED = (r"(?:\b(?:method|methodology|scoring|marking|scheme|descriptors|evaluation criteria)\b|\bhow\b"
                   r"[^.]{0,60}\b(?:scored|marked|assessed|evaluated)\b)[^.]{0,80}\b(?:will|shall|is to|are to|to) be\s+"
                   r"(?:\w+\s+)?(?:issued|provided|published|released|shared|circulated|made available|notified|sent|"
                   r"given|supplied|confirmed|determined|decided|developed|finalised|set out)\b[^.]{0,80}?(?:\b(?:at|in|"
                   r"during|with|for|as part of)\s+(?:the\s+|a\s+)?(?:later|subsequent|next|second|third|final|further|"
                   r"dialogue|negotiation|shortlist\w*|invitation to negotiate|itn|invitation to submit (?:final|detailed) "
                   r"(?:tenders?|solutions?)|isft|isds|bafo|best and final offer)\b|\bto (?:the )?(?:shortlisted|"
                   r"successful|selected) (?:bidders?|suppliers?|tenderers?|applicants?|providers?)\b|"
                   r"\b(?:bidders?|suppliers?|tenderers?|applicants?) (?:invited|shortlisted|selected) to\b|"
                   r"\bin due course\b|\bat a (?:later|future) (?:date|stage|point)\b)")
METHOD_DEFERRED_RX = rx(METHOD_DEFERRED)
_NO_WEIGHT = (r"\bsocial value\b[^.]{0,80}\b(?:taken into account|considered within|"
               r"pass\s*(?:/|or|-|–|and)\s*fail|assessed as a pass|to be confirmed|tbc|"
               r"scored out of \d+ and added|added to the total)|\b(?:including|includes) the social "
               r"value questions?\b|\bevaluated on quality, price and social value\b|"
               r"\bsocial value\b[^.]{0,40}\bwill be (?:taken into account|considered)\b|"
               r"\bvary the weightings?\b|\bweighting to be confirmed\b|"
               r"\bweightings?\b[^.]{0,60}\b(?:confirmed|decided|determined|agreed|set|finalised|fixed|"
               r"adjusted|varied|changed|amended|revised)\b[^.]{0,30}\b(?:after|once|following|when|"
               r"on receipt of)\b[^.]{0,30}\b(?:tenders?|bids?|submissions?|responses?|deadline|"
               r"closing date|evaluation)\b|\b(?:adjust|vary|change|amend|alter|revise)\w*\s+(?:the\s+)?"
               r"(?:\w+\s+){0,2}?weightings?\b|\bweightings?\b[^.]{0,20}\bto be (?:confirmed|"
               r"determined|decided|agreed|advised|set)\b|"
               # "Weightings for the Community Investment questions are to be confirmed and will be
               # issued by way of clarification"
               r"\bweightings?\b[^.]{0,60}\b(?:is|are) (?:still )?to be (?:confirmed|determined|decided|agreed|"
               r"advised|set|issued|published|notified|finalised)\b|"
               r"\bnot (?:be )?weighted separately\b|"
               # "the Council may adjust these percentages"
               r"\b(?:may|might|could|can|right to)\s+(?:\w+\s+){0,2}?(?:adjust|vary|change|amend|alter|revise)\s+"
               r"(?:the\s+|these\s+|those\s+|its\s+)?(?:evaluation\s+|award\s+)?(?:percentages|weights|weighting split)\b|"
               # the weighting kept from bidders
               r"\bweightings?\b[^.]{0,40}\b(?:will|shall|is|are|would) not (?:be )?(?:disclosed|published|made "
               r"available|shared|revealed)\b|\bweightings?\b[^.]{0,30}\b(?:confidential|withheld|undisclosed)\b|"
               # "not separately weighted", "unweighted", "carries no separate weighting"
               r"\bsocial value\b[^.]{0,60}\b(?:not (?:be )?(?:separately|individually|specifically) weighted|"
               r"unweighted|(?:carries|carry|has|have|attracts?|is given) no (?:separate |specific |individual )?"
               r"weight(?:ing)?)\b|"
               # points added on top of the 100%: "up to 5 bonus points for social value"
               r"\bsocial value\b[^.]{0,80}\badded to (?:the |each [\w'’]+ |(?:the )?(?:tenderer|bidder)s?(?:'s?|’s?) )?"
               r"(?:total|overall)\b|\bbonus (?:points|marks|score)\b[^.]{0,40}\bsocial value\b|"
               r"\bsocial value\b[^.]{0,40}\bbonus (?:points|marks)\b|" + VARIABLE + "|" + LATER)
# Social value said to be evaluated and nothing more: "Social value will form part of the
# evaluation of tenders", "will be included in the evaluation", "The award criteria are price,
# quality and social value". With no figure, no method and no pointer to where they are stated,
# its relative importance is not stated (PA 2023 s.23(3)(b)); a weight stated elsewhere in the
# document answers it (`extract_weightings`), as does a figure or pointer in the same text.
_EVAL_NOUN = r"(?:(?:tender|bid)\s+)?(?:evaluation|assessment|award)(?:\s+(?:process|criteria|stage))?"
MENTION = rx(r"\bsocial value\b[^.%\d]{0,60}?\b(?:forms?|is|are|be|being)\s+(?:an?\s+|the\s+)?(?:(?:important|key|"
             r"integral|core|significant|essential|central)\s+)?(?:part|element|component|feature|aspect)\s+of\s+"
             r"(?:the\s+|our\s+|its\s+)?" + _EVAL_NOUN + r"\b"
             # "will be a key consideration in the evaluation", "will count towards the overall score"
             r"|\bsocial value\b[^.%\d]{0,60}?\b(?:is|are|be)\s+an?\s+(?:(?:important|key|significant|major|central)\s+)?"
             r"(?:consideration|factor)\s+(?:in|at|during|for)\s+(?:the\s+)?" + _EVAL_NOUN + r"\b"
             r"|\bsocial value\b[^.%\d]{0,60}?\b(?:will|shall|would)\s+(?:also\s+)?(?:count|contribute)\s+(?:towards?|to)\s+"
             r"(?:the\s+|each\s+)?(?:(?:overall|total|final)\s+)?(?:(?:evaluation|tender|bid)\s+)?(?:score|marks|evaluation)\b"
             r"|\bsocial value\b[^.%\d]{0,60}?\b(?:will|shall|would|is to|are to)\s+(?:also\s+)?be\s+(?:included|"
             r"considered|assessed|evaluated|scored|reflected|factored|taken into account)\s+(?:in|into|as part of|"
             r"during|within|at)\s+(?:the\s+)?(?:(?:evaluation|assessment)\s+of\s+(?:the\s+)?(?:tenders?|bids?|"
             r"submissions?)|" + _EVAL_NOUN + r")\b"
             r"|\bsocial value\b[^.%\d]{0,30}?\b(?:is|will be|forms?)\s+(?:one|part)\s+of\s+the\s+(?:award|evaluation|"
             r"tender)\s+criteria\b"
             r"|\b(?:award|evaluation)\s+criteria\s+(?:are|will be|comprise|include|includes|consist of)\s+"
             r"[^.%\d]{0,60}?\bsocial value\b"
             r"|\b(?:evaluated|assessed|scored|judged|awarded)\s+(?:on|against)\s+(?:the\s+basis\s+of\s+)?"
             r"[^.%\d]{0,50}?\bsocial value\b")
MENTION_NOT = rx(r"\b(?:not|never|no longer|n[o']t)\b")
# A figure, or a pointer to where the weighting and method are stated ("set out in Section 5").
MENTION_ANSWERED = rx(r"\d{1,3}(?:\.\d+)?\s*(?:%|per ?cent|points|marks)|\b(?:set out|detailed|described|specified|"
                      r"explained|stated|given|provided|published|found|shown)\s+(?:in|at|within)\b|\bsee\s+"
                      r"(?:section|annex|appendix|schedule|part|paragraph|table|the\s+itt)\b|\b(?:annex|appendix|"
                      r"schedule|attachment)\s+[a-z0-9]{1,3}\b|\bscored\b|\bdescriptors?\b|\b0\s*-\s*\d+\b")


def _mention_only(text: str) -> bool:
    """Social value said to be evaluated, with no figure, method or pointer in the text."""
    m = MENTION.search(text)
    if m is None or MENTION_NOT.search(text[m.start():m.end()]):
        return False
    return MENTION_ANSWERED.search(text) is None


NO_WEIGHT_CORE = rx(_NO_WEIGHT)
FOLDED_RX = rx(FOLDED)
NO_WEIGHT = rx(_NO_WEIGHT + "|" + FOLDED)
METHOD_LATER_RX = rx(METHOD_LATER)
# Social value scored in a numbered question: "assessed within quality question Q6, which carries
# 5% of the total score" (the question is social value's, its weight social value's own) against
# "evaluated as part of Question 4 (Service Delivery and Mobilisation), which carries 30%" (folded
# into a question about something else: the weight is that question's). Groups: 1 the link word,
# 2 the letters of its number ("SV1"), 3 the question's name in brackets, 4 the question's weight.
QUESTION = rx(r"\b(?:social" + _ + r"value|net" + _ + r"zero)\b[^.]{0,60}?\b(as part of|(?:forms?|is|are) (?:a )?part of|"
              r"included in|incorporated (?:in|into)|folded into|within|in|under|through|by|via)\s+(?:the\s+)?"
              r"(?:(?:quality|technical)\s+)?(?:question|q)\s*(?:no\.?\s*)?([a-z]{0,3})\d+(?:\.\d+)*[a-z]?\b"
              r"\s*(?:\(([^()]{1,80})\))?(?:[^.\d%]{0,40}?\b(?:carries|carrying|carry|weighted(?: at)?|worth|"
              r"attracts|accounts for|weighting of)\b[^.\d]{0,30}?(\d{1,3}(?:\.\d+)?)\s*%)?")
_PART_OF = ("as part of", "part of", "included in", "incorporated", "folded into")
# A question's name that is social value's own: the Social Value Model's themes and outcomes.
SV_QUESTION = rx(r"social" + _ + r"value|net" + _ + r"zero|community" + _ + r"benefits?|economic inequality|"
                 r"climate change|equal opportunit|well-?being|covid|\bmac\b|\btoms\b|\bthemes?\b")


def _question(text: str) -> tuple[bool, Optional[float]]:
    """(folded into another question, social value's own weight) from a numbered question."""
    m = QUESTION.search(text)
    if m is None:
        return False, None
    letters, name = m.group(2).lower(), m.group(3)
    own = letters.startswith("sv") or (name and SV_QUESTION.search(name)) or \
        (not name and not any(w in m.group(1).lower() for w in _PART_OF))
    if not own:
        return True, None
    return False, float(m.group(4)) if m.group(4) else None
# Social value asked for but not scored at award ("for information only", "will not be scored"):
# no weight (0%), which the minimum-weighting policies see; not "unweighted", since a criterion
# that is not scored needs no stated importance.
NOT_SCORED = rx(r"\bsocial value\b[^.]{0,80}\b(?:for information (?:purposes )?only|(?:will|shall|is|are) not "
                r"(?:be )?(?:scored|evaluated|assessed|marked)|does not (?:form part of|count towards) the "
                r"(?:evaluation|award|score))\b")
# A range of weights is lawful with an appropriate maximum spread (PCR 2015 reg 67(10)): a stated
# weight of sorts, not "no weighting"; it is read (and gated) on its own.
WEIGHT_RANGE = rx(r"\bsocial value\b[^.]{0,60}\bbetween (\d+(?:\.\d+)?)\s*%? and (\d+(?:\.\d+)?)\s*%")
RANGE = rx(VARIABLE + "|" + LATER + r"|\bbetween \d+\s*%? and \d+\s*%|\bto be confirmed\b|\btbc\b|\bvary the weightings?\b|"
           r"\bweightings?\b[^.]{0,60}\b(?:confirmed|decided|determined|agreed|set|finalised|fixed|"
               r"adjusted|varied|changed|amended|revised)\b[^.]{0,30}\b(?:after|once|following|when|"
               r"on receipt of)\b[^.]{0,30}\b(?:tenders?|bids?|submissions?|responses?|deadline|"
               r"closing date|evaluation)\b|\b(?:adjust|vary|change|amend|alter|revise)\w*\s+(?:the\s+)?"
               r"(?:\w+\s+){0,2}?weightings?\b|\bweightings?\b[^.]{0,20}\bto be (?:confirmed|"
               r"determined|decided|agreed|advised|set)\b")
# The text says how social value answers are assessed (so the method should be there too).
ASSESSMENT = rx(r"\bsocial value (?:responses|answers|questions?|proposals?)\b[^.]{0,40}\b(?:assessed|"
                r"evaluated|judged|considered|reviewed)\b"
                # the verb first: "the evaluation panel will judge the social value proposals"
                r"|\b(?:assess|evaluate|judge|review|consider|mark)(?:s|es)?\s+(?:the\s+|each\s+|all\s+)?"
                r"(?:(?:bidders?|tenderers?|suppliers?)(?:'s?|’s?)?\s+)?social value (?:responses|answers|"
                r"submissions|proposals|offers|commitments)\b"
                # "Social value accounts for 10% of the marks; bidders' responses will be evaluated"
                r"|\bsocial value\b[^.]{0,80}[;,][^.]{0,30}\b(?:responses|answers|submissions|proposals)\b"
                r"[^.]{0,20}\b(?:will be|are|shall be) (?:assessed|evaluated|judged|reviewed|considered)\b")
SV_MENTION = rx(r"\bsocial" + _ + r"value\b|\bnet" + _ + r"zero\b")
_MADE_UP = (r"made up of|comprising|comprises?|comprised of|consisting of|consists? of|"
            r"(?:is |are )?(?:split|divided|broken down) (?:as follows|as|into)|breaks? down (?:as|into)")
MADE_UP_OF = rx(r"\b(?:" + _MADE_UP + r")\b(.*?)(?:\.(?:\D|$)|$)")
MADE_UP = rx(r"\b(?:" + _MADE_UP + r")\b")
NO_FULL_STOP = rx(r"^(?:[^.]|\.\d)*$")         # a question number's point ("Q8.1") is none
LOTS = rx(r"\blot \d+\b")
LOT_COLON = rx(r"\blot \d+\s*:")
LOT_MARK = rx(r"\b(?i:lots?)\s*(?:\d+\b|[A-H]\b)", ignore_case=False)   # "Lot 2", "Lot B"


@dataclass(frozen=True)
class Weighting:
    block: int
    start: int
    end: int
    match_start: int
    match_end: int
    total: Optional[float]          # sum of the top-level weights (percent or points)
    points: bool                    # weights given in points, not percent
    sv_weight: Optional[float]      # percent of the total; 0 when social value has none
    sv_mentioned: bool
    sub_total_ok: Optional[bool]    # sub-weights in brackets add up to their parent
    method_stated: bool
    unweighted: bool                # scored with no weight of its own (pass/fail, within quality)
    range_or_tbc: bool
    weight_range: bool = False      # social value weighted as a range ("between 5% and 15%")
    assessment_described: bool = False
    range_spread: float = 0.0       # the range's upper end less its lower (counted in `total`)
    lot: str = ""                   # the lot whose weights `total` adds up, where there are lots
    stated_total: Optional[float] = None   # a total of points the text states ("total available: 100 marks")
    method_deferred: bool = False   # the social value method kept for a later stage (METHOD_DEFERRED)
    mention_only: bool = False      # unweighted only because social value is said to be evaluated (MENTION)

    @property
    def total_ok(self) -> Optional[bool]:
        if self.total is not None and self.points and self.stated_total:
            return abs(self.total - self.stated_total) < 0.01   # marks against the stated total
        if self.total is None or self.points:
            return None
        return self.total - 0.01 <= 100.0 <= self.total + self.range_spread + 0.01


# Criteria and their weights as two slashed lists: "Quality/Price/Social Value: 60/35/5",
# "price/quality split of 40:60".
_SEP = r"\s*[/:]\s*"
SLASHED = rx(r"\b((?:" + CRITERION + r")(?:\s*/\s*(?:" + CRITERION + r"))+)\b[^\d.;]{0,30}?"
             r"(\d{1,3}(?:\.\d+)?(?:" + _SEP + r"\d{1,3}(?:\.\d+)?)+)\s*(%|per ?cent)?")
SLASH_NAME = rx(r"(" + CRITERION + r")")
SLASH_FIGURE = rx(r"\d{1,3}(?:\.\d+)?")


# A figure that is a pass mark or threshold ("bidders scoring below 40% on quality").
THRESHOLD_BEFORE = rx(r"\b(?:below|under|above|over|less than|more than|(?:minimum|min\.?) (?:score|mark|threshold)"
                      r"(?: of)?|threshold of|pass mark of|score of|scor\w* (?:below|under|of|at least|a minimum of|"
                      r"less than|more than)|achieve (?:at least|a minimum of))\s*$")
CHANGE_AFTER = rx(r"^\s*(?:increases?|reductions?|discounts?|savings?|uplifts?|rises?|changes?|"
                  r"improvements?|variations?|adjustments?|inflation|index|cuts?|decreases?)\b")


def _slashed(text: str) -> list[tuple[str, float, str, int, int]]:
    out = []
    for m in SLASHED.finditer(text):
        names = [n.group(1).lower() for n in SLASH_NAME.finditer(m.group(1))]
        figures = [float(f.group(0)) for f in SLASH_FIGURE.finditer(m.group(2))]
        if len(names) == len(figures) and len(names) >= 2:
            out.extend((n, f, "%", m.start(), m.end()) for n, f in zip(names, figures))
    return out


# The award criteria fields of a Find a Tender, Public Contracts Scotland or Sell2Wales notice,
# one criterion a line or paragraph: "Quality criterion - Name: Technical / Weighting: 60",
# "Price - Weighting: 40".
FIELD = rx(r"(?i)\bname\s*:\s*([^/\n|]{1,80}?)\s*/\s*weighting\s*:\s*(\d{1,3}(?:\.\d+)?)"
           r"|\b(price|cost)\s*[-–]\s*weighting\s*:\s*(\d{1,3}(?:\.\d+)?)")


def _fields(blocks: Sequence[Block], index: DocumentIndex) -> list[Weighting]:
    """One weighting per run of consecutive blocks that state notice award-criteria fields."""
    runs: list[list[tuple[str, float, Block]]] = []
    last = None
    for block in index.blocks_with(FIELD):
        items = [((m.group(1) or m.group(3)).strip().lower(), float(m.group(2) or m.group(4)), block)
                 for m in FIELD.finditer(block.text)]
        if not items:
            continue
        if last is not None and block.index == last + 1 and runs:
            runs[-1].extend(items)
        else:
            runs.append(items)
        last = block.index
    out = []
    for items in runs:
        if len(items) < 2:
            continue
        total = sum(w for _, w, _ in items)
        sv = [w for n, w, _ in items if SV_NAME.search(n)]
        first = items[0][2]
        out.append(Weighting(
            block=first.index, start=0, end=len(first.text), match_start=0,
            match_end=len(first.text), total=total, points=False,
            sv_weight=(sv[0] / total * 100.0 if total and total != 100.0 else sv[0]) if sv else 0.0,
            sv_mentioned=bool(sv), sub_total_ok=None,
            method_stated=any(METHOD.search(b.text) for _, _, b in items), unweighted=False,
            range_or_tbc=False))
    return out


# A criterion of the list named by its question ("Method statement 40%, Staffing 20%, Price 30%"):
# counted beside the known criteria of its sentence when it stands as a list item.
LIST_ITEM = rx(r"([A-Z][A-Za-z&'-]*(?: [A-Za-z&'-]+){0,3})\s*(?:[-–—:]\s*)?\(?(\d{1,3}(?:\.\d+)?)\s*%\)?",
               ignore_case=False)
ITEM_BEFORE = rx(r"(?:^|[,;:]|\band)\s*$")
ITEM_AFTER = rx(r"^\s*(?:[,;.]|and\b|$)")


def _list_items(text: str, pairs) -> list[tuple[str, float, str, int, int]]:
    out = []
    for m in LIST_ITEM.finditer(text):
        if any(p[3] < m.end() and m.start() < p[4] for p in pairs):
            continue
        if not (ITEM_BEFORE.search(text[max(0, m.start() - 6):m.start()])
                and ITEM_AFTER.search(text[m.end():m.end() + 6])):
            continue
        sentence = (text.rfind(".", 0, m.start()) + 1, (text.find(".", m.end()) + 1) or len(text))
        if any(sentence[0] <= p[3] < sentence[1] for p in pairs):
            out.append((m.group(1).lower(), float(m.group(2)), "%", m.start(), m.end()))
    return out


# Criteria and bare weights on one line, as a flattened table row or a list: "Technical | 60 |
# Commercial | 35 | Social Value | 5", "Quality: 60 / Price: 35 / Social value: 5". With no unit
# the figures are read as percentages only when the line holds nothing else and they add up to
# 100 (question or section numbers do not).
BARE_PAIR = rx(r"\b(" + CRITERION + r")\b(?:\s+(?:criterion|score|element|weighting))?\s*(?:\||:|-|–|=)\s*"
               r"(\d{1,3}(?:\.\d+)?)\s*(?:\||/|,|;|\.?\s*$)")
BARE_REST = rx(r"^(?:[\s|/,;:.–=-]|\b(?:award|evaluation|criteri(?:a|on)|weightings?|weights?|and)\b)*$")


def _bare_pairs(text: str) -> list[tuple[str, float, str, int, int]]:
    if "%" in text or len(text) > 300:
        return []
    matches = list(BARE_PAIR.finditer(text))
    if len(matches) < 2:
        return []
    gaps = [text[:matches[0].start()]] + [text[a.end():b.start()] for a, b in zip(matches, matches[1:])] \
        + [text[matches[-1].end():]]
    if not all(BARE_REST.search(g) for g in gaps):
        return []
    out = [(m.group(1).lower(), float(m.group(2)), "%", m.start(), m.end()) for m in matches]
    if abs(sum(p[1] for p in out) - 100.0) > 0.01:
        return []
    return out


def _pairs(text: str) -> list[tuple[str, float, str, int, int]]:
    slashed = _slashed(text) or _bare_pairs(text)
    if slashed:
        return slashed
    out = _known_pairs(text)
    if out and all(p[2] == "%" for p in out):
        out = sorted(out + _list_items(text, out), key=lambda p: p[3])
    return out


# A criterion's weight in a relative clause: "the Quality criterion, which is 60% overall".
CLAUSE_PAIR = rx(r"\b(" + CRITERION + r")\s+(?:criterion|element|section|score|weighting)\s*,?\s*(?:which|that)\s+"
                 r"(?:is|carries|accounts for|represents|is weighted at|has a weighting of)\s+" + _FIGURE)
# The share of a parent that sub-weights make up: "(together 10% of the Quality criterion ...)"
SHARE_BEFORE = rx(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%\s+of\s+(?:the\s+)?$")


CRITERION_RX = rx(r"\b(?:" + CRITERION + r")\b")


def _pair_matches(text: str):
    """PAIR's matches, except that a criterion does not take a figure across a closing bracket and
    another criterion's name: in "Quality 70% (to include net zero and social value) and Price
    30%" the 30% is price's, not social value's (RE2 has no look-ahead to say so in the pattern)."""
    pos = 0
    while pos <= len(text):
        m = PAIR.search(text, pos)
        if m is None:
            return
        before = text[:m.start(1)] if m.group(1) else ""
        if m.group(1) and (")" in text[m.end(1):m.start(2)] or before.count("(") > before.count(")")):
            # past the bracket the criterion was named in ("(... social value) and Price 30%"), or
            # in a bracket's list of topics ("(to include delivery and social value at 10%)"): the
            # nearer criterion takes the figure; "Quality and Social Value 70%" at the top level
            # is one criterion named by two words, and keeps it
            inner = CRITERION_RX.search(text, m.end(1), m.start(2))
            if inner is not None:
                pos = inner.start()      # read again from the nearer criterion
                continue
        yield m
        pos = max(m.end(), pos + 1)


def _known_pairs(text: str) -> list[tuple[str, float, str, int, int]]:
    out = []
    for m in CLAUSE_PAIR.finditer(text):
        figure = m.group(2).lower()
        weight = float(WORD_WEIGHTS[figure]) if figure in WORD_WEIGHTS else float(figure)
        out.append((m.group(1).lower(), weight, m.group(3).lower(), m.start(), m.end()))
    clauses = list(out)
    for m in _pair_matches(text):
        if any(c[3] <= m.start() < c[4] or m.start() <= c[3] < m.end() for c in clauses):
            continue                     # read as a relative clause above
        name, figure, unit = (m.group(1), m.group(2), m.group(3)) if m.group(1) else \
            (m.group(6), m.group(4), m.group(5))
        if not m.group(1) and CHANGE_AFTER.search(text[m.end():m.end() + 20]):
            continue                     # "a 10% price discount": a change, not a weight
        if not m.group(1) and THRESHOLD_BEFORE.search(text[max(0, m.start(4) - 30):m.start(4)]):
            continue                     # "scoring below 40% on quality": a pass mark, not a weight
        figure = figure.lower()
        weight = float(WORD_WEIGHTS[figure]) if figure in WORD_WEIGHTS else float(figure)
        out.append((name.lower(), weight, unit.lower(), m.start(), m.end()))
    return sorted(out, key=lambda p: p[3])


# A qualifier inside the parent's bracket: "Social Value (10% overall):", "(15% of total):".
_PARENT_QUALIFIER = (r"(?:(?:of (?:the )?(?:total|overall)(?: score| marks| weighting| evaluation)?|overall|in total|total|"
                     r"weighting|weighted|of the marks|of the score)\s*)?")
# A parent criterion with its weight and a colon, its sub-criteria after it to the full stop:
# "Social Value (10%): SV1 Local employment 50%, SV2 Carbon reduction 50%."
# The colon may follow a short lead-in: "Community Benefits (10%) will be scored as follows: ...",
# "Buddion Cymunedol (Community Benefits) 10% is broken down as follows: ...".
PARENT_LIST = rx(r"\b(" + CRITERION + r")\s*\)?\s*\(?\s*(\d{1,3}(?:\.\d+)?)\s*%\s*" + _PARENT_QUALIFIER + r"\)?\s*(?:[^.:;%\d()]{0,60}?)?:\s*([^.]*)")


# Sub-weights named before the parent they make up: "Fighting Climate Change 5% and Wellbeing 5%
# (together the 10% Social Value criterion)", "..., together making up Social Value at 10%".
JOINT = rx(r"\b(?:together|combined|jointly|between them|in total|making up|make up|makes up|forming|"
           r"form|forms|comprising|constitut\w+|totall?ing|amounting to|adding up to)\b")


def _joints(text: str, pairs) -> list[tuple[tuple, int, int, list[float], float]]:
    """(parent pair, start and end of its sub-weights, the sub-weights) for each criterion named
    after a joining word ("together", "making up") that follows two or more weights in the same
    clause (back to the last semicolon or full stop); last, the weight they must add up to: the
    parent's, or the share of it the text names ("together 10% of the Quality criterion")."""
    out = []
    for p in pairs:
        start = p[3]
        while start < p[4] and not text[start].isalnum():
            start += 1
        near = text[max(0, start - 40):start]
        found = list(JOINT.finditer(near))
        if not found:
            continue
        joint = max(0, start - 40) + found[-1].start()
        if any(c in text[joint:start] for c in ";.)"):
            continue        # the joining word belongs to an earlier clause or bracket
        clause = max(text.rfind(";", 0, joint), text.rfind(".", 0, joint)) + 1
        end = text.rfind("(", clause, joint)
        end = joint if end < 0 or text.find(")", end, joint) >= 0 else end
        head = text[clause:end]
        items = [float(m.group(2)) for m in SUB_ITEM.finditer(head)]
        if len(items) >= 2:
            share = SHARE_BEFORE.search(text[joint + len(found[-1].group(0)):start])
            out.append((p, clause, end, items, float(share.group(1)) if share else p[1]))
    return out


def _adds_up(items: Sequence[float], parent: float) -> bool:
    """Sub-weights add up when they total the parent weight (shares of the whole: "Quality 60%
    (Method 30%, Staffing 30%)") or 100% (shares of the parent: "Social Value 10%: SV1 50%,
    SV2 50%")."""
    return abs(sum(items) - parent) < 0.01 or abs(sum(items) - 100.0) < 0.01


def _sub_ok(text: str, pairs) -> Optional[bool]:
    joints = _joints(text, pairs)
    if joints:
        return all(_adds_up(items, whole) for _, _, _, items, whole in joints)
    for m in SUBPAIRS.finditer(text):
        items = [float(s.group(2)) for s in SUB_ITEM.finditer(m.group(1))]
        if len(items) < 2:
            continue
        before = text[:m.start()]
        parent = None
        for name, weight, unit, s, e in pairs:
            if e <= m.start() and s >= len(before) - 60:
                parent = weight
        if parent is None:
            continue
        return _adds_up(items, parent)
    for m in PARENT_LIST.finditer(text):
        items = [float(s.group(2)) for s in SUB_ITEM.finditer(m.group(3))]
        if len(items) >= 2:
            return _adds_up(items, float(m.group(2)))
    # "Social Value 10%, made up of A 5%, B 3% and C 3%"
    m = MADE_UP_OF.search(text)
    if m:
        items = [float(s.group(2)) for s in SUB_ITEM.finditer(m.group(1))]
        # the parent is the criterion just before "made up of" ("Quality (60%) is made up of: ...")
        before = [w for n, w, u, s, e in pairs if s < m.start()]
        parent = before[-1] if before else None
        if parent is not None and len(items) >= 2:
            return _adds_up(items, parent)
    return None


# A social value weight stated on its own ("Social Value 8% (of which Net Zero 4%)", "Net zero
# and social value will carry 5% of the total score"): a weighting statement when the words or
# the heading are about evaluation, and not a share of the contract's value (a proxy goal).
WEIGHT_CONTEXT = rx(r"\bweight|\bscor(?:e|es|ed|ing)\b|\bmarks?\b|\bpoints\b|\bevaluat|\baward\b|"
                    r"\bcriteri|\bassess")
VALUE_SHARE = rx(r"%\s*of\s+(?:the\s+)?(?:total\s+|annual\s+)?(?:contract|tender|project)\s+(?:value|price|sum|spend)"
                 r"|\bworth\b|\bproxy\b")


OUT_OF = rx(r"\bout of (?:a (?:total|maximum) of )?(\d{2,4})\b|\bof (?:the |a total of )?(\d{2,4}) "
            r"(?:available )?(?:points|marks)\b")


def _sv_alone(text: str, section: Sequence[str], pairs) -> Optional[float]:
    """The social value weight of a statement that names social value as its only criterion;
    as points, its share of the total they are out of ("Social value: 5 points out of 100")."""
    if len(pairs) != 1 or not SV_NAME.search(pairs[0][0]):
        return None
    if pairs[0][2] in ("points", "marks"):          # "per cent" is a percentage like "%"
        m = OUT_OF.search(text[pairs[0][4]:])
        total = float(m.group(1) or m.group(2)) if m else 0.0
        if not total or pairs[0][1] > total:
            return None
        return pairs[0][1] / total * 100.0
    if VALUE_SHARE.search(text):
        return None
    if not (WEIGHT_CONTEXT.search(text) or WEIGHT_CONTEXT.search(" / ".join(section))):
        return None
    return pairs[0][1]


def _segments(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` that belong to one lot each ("Lot 1: Quality 60%, Price 40%.
    Lot 2: Price 100%"), and the stretch before the first lot: each is totalled on its own,
    because two lots each weighted to 100% are not one weighting of 200%."""
    marks = [m.start() for m in LOT_MARK.finditer(text)]
    bounds = [0] + marks + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _top(text: str, pairs, offset: int = 0):
    """The top-level pairs of one stretch: not inside brackets, not the items of "made up of"."""
    inside = [(m.start() + offset, m.end() + offset) for m in SUBPAIRS.finditer(text)]
    joints = _joints(text, [(*p[:3], p[3] - offset, p[4] - offset) for p in pairs])
    parents = {(j[0][3] + offset) for j in joints}
    subs = [(a + offset, b + offset) for _, a, b, _, _ in joints]
    top = [p for p in pairs if p[3] in parents or not (any(s < p[3] < e for s, e in inside)
                                                        or any(a <= p[3] < b for a, b in subs))]
    for m in PARENT_LIST.finditer(text):
        if len(SUB_ITEM.findall(m.group(3))) >= 2:
            top = [p for p in top if not m.start(3) + offset <= p[3] < m.end(3) + offset]
    made_up = MADE_UP.search(text)
    if made_up:
        start = made_up.start() + offset
        top = [p for p in top if p[3] < start or
               not NO_FULL_STOP.search(text[made_up.start():p[3] - offset])]
    return top


SHARE_OF = rx(r"^\s*(?:of|within)\s+(?:the\s+)?(quality|technical)\s+(?:score|marks|weighting|element|"
              r"section|criteria|criterion|evaluation)")


def _shares_of_parent(text: str, pairs):
    """Pairs that are a share of another criterion ("Social value makes up 10% of the quality
    score"), taken out of the top level; with the social value one's weight of the whole."""
    out, share = [], None
    for p in pairs:
        m = SHARE_OF.search(text[p[4]:p[4] + 40])
        parent = next((q for q in pairs if m and q is not p and q[0] == m.group(1).lower()), None)
        if parent is None:
            out.append(p)
            continue
        if SV_NAME.search(p[0]):
            share = p[1] * parent[1] / 100.0
    return out, share


def _inner_sv(text: str, pairs) -> Optional[float]:
    """Social value's own weight stated inside another criterion: "Quality 70% (including 10%
    social value)", "Quality 60% (of which Social Value 10%)", or in a parent's colon list;
    a share of the parent when the list adds up to 100% ("Quality (60%): Method 50%, Social
    value 50%")."""
    spans = [(m.start(1), m.end(1), m.group(1)) for m in SUBPAIRS.finditer(text)]
    spans += [(m.start(3), m.end(3), m.group(3)) for m in PARENT_LIST.finditer(text)]
    for a, b, inner in spans:
        sv = [p for p in pairs if a <= p[3] < b and SV_NAME.search(p[0]) and p[2] == "%"]
        if not sv:
            continue
        parent = [p for p in pairs if p[4] <= a and p[3] >= a - 60 and not SV_NAME.search(p[0])]
        items = [float(m.group(2)) for m in SUB_ITEM.finditer(inner)]
        if parent and len(items) >= 2 and abs(sum(items) - 100.0) < 0.01 and parent[-1][1] != 100.0:
            return sv[0][1] * parent[-1][1] / 100.0
        return sv[0][1]
    return None


def _family(name: str) -> str:
    """Price, cost, commercial and financial name one criterion; other names stand for themselves."""
    name = " ".join(name.replace("/", " ").split())
    return "price" if name in ("price", "cost", "commercial", "financial") else name


def _once(top):
    """Each criterion counted once: a second mention ("Price is 35% of the total because ...")
    restates its weight rather than adding another."""
    seen, out = set(), []
    for p in top:
        family = _family(p[0])
        if family not in seen:
            seen.add(family)
            out.append(p)
    return out


# The total of marks or points a weighting statement declares ("(total available: 100 marks)",
# "100 points in total", "out of a total of 1,000 points").
STATED_TOTAL = rx(r"\b(?:total (?:available|possible|marks|points|score)|maximum (?:available|possible|score)|"
                  r"(?:a )?total of)\s*[:=]?\s*(\d[\d,]*)\s*(?:marks|points)\b"
                  r"|\b(\d[\d,]*)\s*(?:marks|points)\s+(?:in total|available in total|overall)\b")


# The same total in other orders: "Total marks available: 100", "Maximum score: 100", "(100 points
# available)", "The total available is 200 marks". A figure under 20 is a question's scale
# ("maximum score 5"), not the total of the weights.
STATED_TOTAL_MORE = rx(r"\b(?:total|maximum) (?:number of )?(?:score|marks|points)(?: available| possible| achievable)?"
                       r"\s*(?:is|are|of|=|:)?\s*(\d[\d,]*)(?:\s*(%|per ?cent)|\.\d)?"
                       r"|\b(\d[\d,]*)\s*(?:marks|points) (?:are |is )?(?:available|possible)\b"
                       r"|\btotal (?:available|possible) (?:is|are|=|:)\s*(\d[\d,]*)\s*(?:marks|points)\b"
                       # "The evaluation is out of 1,000 points" (not a question "scored out of 5")
                       r"|\b(?:evaluation|evaluated|tenders?|bids?|submissions?|overall|marked|assessed)\b[^.\d]{0,20}\bout of "
                       r"(?:a (?:total|maximum) of )?(\d[\d,]*)\s*(?:marks|points)\b")


def _stated_total(text: str) -> Optional[float]:
    m = STATED_TOTAL.search(text)
    if m is None:
        m = STATED_TOTAL_MORE.search(text)
        if m is None:
            return None
        if m.group(2):
            return None                  # "maximum score 60%": a weight, not a total of marks
        figure = float(next(g for g in m.groups() if g).replace(",", ""))
        return figure if figure >= 20 else None
    return float((m.group(1) or m.group(2)).replace(",", ""))


def _figures(top) -> tuple[Optional[float], bool, Optional[float]]:
    """(total, in points, social value weight as a percent) of one lot's top-level pairs."""
    top = _once(top)
    only_price = len(top) == 1 and top[0][1] == 100.0 and top[0][0] in ("price", "cost")
    if len(top) < 2 and not only_price:
        return None, False, None
    points = any(p[2] in ("points", "marks") for p in top)
    total = sum(p[1] for p in top)
    # "Quality (inclusive of Social Value) 70%": quality's weight, not social value's
    sv = [p for p in top if SV_NAME.search(p[0]) and not FOLDED_RX.search(p[0])]
    if points and total:
        return total, True, (sv[0][1] / total * 100.0) if sv else 0.0
    return total, points, sv[0][1] if sv else 0.0


# A block is a weighting statement only if one of these matches in it (see extract.index).
GATE = (PAIR, BARE_PAIR, NO_WEIGHT, WEIGHT_RANGE, SLASHED, FIELD, NOT_SCORED, QUESTION, METHOD_DEFERRED_RX, MENTION)


def _block_weighting(text: str, kind: BlockKind, section: tuple) -> Optional[Weighting]:
    """The weighting statement of one block (its `block` left -1 for the caller to set), or
    None: a function of the block's text, kind and heading path alone, so a short paragraph
    repeated across lots and tenders is read once (`_remembered`)."""
    if len(text) <= 4000:
        return _remembered(text, kind, _as_section(section))
    return _read_block(text, kind, section)


_SECTIONS: dict[tuple, tuple] = {}      # the answers of `_section_key` -> a path that has them


def _section_key(section: Sequence[str]) -> tuple:
    """Every test `_read_block` makes of a heading path (and no other); numbered headings make
    nearly every path distinct, and these tests few (tests/extract/test_clause_caches.py)."""
    return (bool(WEIGHT_CONTEXT.search(" / ".join(section))),)


@lru_cache(maxsize=4096)
def _as_section(section: tuple) -> tuple:
    """The first heading path seen with the same answers to `_section_key` as `section`."""
    return _SECTIONS.setdefault(_section_key(section), section)


def _read_block(text: str, kind: BlockKind, section: tuple) -> Optional[Weighting]:
    pairs, share = _shares_of_parent(text, _pairs(text))
    for fm in FOLDED_RX.finditer(text):
        # "Quality (inclusive of Social Value) 70%": the figure after the bracket is quality's
        pairs = [(fm.group(0).split()[0].lower(), *p[1:]) if SV_NAME.search(p[0])
                 and fm.start() <= p[3] < fm.end() else p for p in pairs]
    folded_q, own_q = _question(text)
    if any(SV_NAME.search(p[0]) for p in pairs):
        folded_q = False           # social value weighted among the criteria: the question adds nothing
    unweighted = bool(NO_WEIGHT_CORE.search(text)) or folded_q or \
        (own_q is None and bool(FOLDED_RX.search(text)))
    mention = not unweighted and not pairs and own_q is None and _mention_only(text)
    unweighted = unweighted or mention
    method_later = bool(METHOD_LATER_RX.search(text))
    # a deferred method counts only in a text about social value (or community benefits)
    deferred = bool(METHOD_DEFERRED_RX.search(text)) and bool(SV_NAME.search(text))
    not_scored = not unweighted and bool(NOT_SCORED.search(text))
    in_range = WEIGHT_RANGE.search(text)
    weight_range = in_range is not None
    spread = abs(float(in_range.group(2)) - float(in_range.group(1))) if in_range else 0.0
    only_price = len(pairs) == 1 and pairs[0][1] == 100.0 and pairs[0][0] in ("price", "cost")
    alone = None if kind in (BlockKind.table_row, BlockKind.table_cell) else \
        _sv_alone(text, section, pairs)         # a table is read whole (_tables)
    sub_ok = _sub_ok(text, pairs)
    if len(pairs) < 2 and not unweighted and not only_price and not weight_range \
            and alone is None and sub_ok is None and not not_scored and own_q is None \
            and not deferred:
        return None
    # One total per lot: the first lot whose weights do not add up is the one reported,
    # and the lowest social value weight of any lot is the one the minimum rules see.
    lots = []
    for a, b in _segments(text):
        seg_pairs = [p for p in pairs if a <= p[3] < b]
        figures = _figures(_top(text[a:b], seg_pairs, a))
        if figures[0] is not None:
            label = text[a:b].split(":")[0].strip()[:12] if LOT_MARK.search(text[a:a + 12]) else ""
            lots.append((*figures, label))
    if not lots and only_price:                     # "lowest price (Price 100%)"
        lots.append((100.0, False, 0.0, ""))
    lot = ""
    if lots:
        wrong = [f for f in lots if not f[1] and abs(f[0] - 100.0) > 0.01]
        total, points, _sv, lot = (wrong or lots)[0]
        points = any(f[1] for f in lots)
        sv_weight: Optional[float] = min(f[2] for f in lots)
    else:
        total, points, sv_weight = None, False, None
    if sv_weight is None and alone is not None:
        sv_weight = alone
    if share is not None:                  # "10% of the quality score": 10% of quality's 60%
        sv_weight = share
    elif sv_weight == 0.0 and not points and not unweighted:
        inner = _inner_sv(text, pairs)     # "Quality 70% (including 10% social value)"
        if inner is not None:
            sv_weight = inner
    if own_q is not None and not sv_weight and not points:
        sv_weight = own_q          # its own question's weight ("question Q6, which carries 5%")
        if total is not None and abs(total + own_q - 100.0) < 0.01:
            total += own_q         # beside the other criteria, not inside one of them
    if (unweighted or not_scored) and sv_weight is None:
        sv_weight = 0.0
    anchor = pairs[0] if pairs else None
    m = SV_MENTION.search(text) if anchor is None else None
    ms, me = (anchor[3], anchor[4]) if anchor else ((m.start(), m.end()) if m else (0, len(text)))
    return Weighting(
        block=-1, start=0, end=len(text), match_start=ms, match_end=me,
        total=total, points=points, sv_weight=sv_weight,
        sv_mentioned=bool(SV_MENTION.search(text)), sub_total_ok=sub_ok,
        method_stated=bool(METHOD.search(text)) and not method_later and not deferred,
        unweighted=unweighted,
        range_or_tbc=bool(RANGE.search(text)), weight_range=weight_range, range_spread=spread,
        assessment_described=bool(ASSESSMENT.search(text)) or method_later, lot=lot if len(lots) > 1 else "",
        stated_total=_stated_total(text) if points else None, method_deferred=deferred,
        mention_only=mention)


_remembered = lru_cache(maxsize=2048)(_read_block)


def extract_weightings(blocks: Sequence[Block],
                       index: DocumentIndex | None = None) -> list[Weighting]:
    """Every weighting statement in `blocks`, in document order (`index`: see extract.index):
    each block (a paragraph, or a table row that states two or more weights), and each table
    whose rows state one weight each ("| Quality | 60% |"), read per lot."""
    if index is None:
        index = DocumentIndex(blocks)
    out: list[Weighting] = []
    taken: set[int] = set()
    for block in index.blocks_with(*GATE):
        text = block.text
        if not text or block.kind in (BlockKind.comment, BlockKind.heading):
            continue
        if block.index in taken:
            continue                 # read with the lead-in whose list it completes
        found = _block_weighting(text, block.kind, block.section)
        led = _with_its_list(blocks, block, found)
        if led is not None:
            found, took = led
            taken |= took
        if found is not None:
            out.append(replace(found, block=block.index))
    out = [w for w in out if w.block not in taken]
    out.extend(_tables(blocks, {w.block for w in out}))
    seen = {w.block for w in out}
    out.extend(w for w in _fields(blocks, index) if w.block not in seen)
    out.sort(key=lambda w: w.block)
    if any(w.mention_only for w in out) and any(w.sv_weight or w.weight_range for w in out):
        # "Social value will form part of the evaluation" where the document weights it
        # elsewhere: a restatement, not a criterion left without its importance
        out = [replace(w, unweighted=False, sv_weight=None) if w.mention_only else w for w in out]
    return out


# A parent's weight as a lead-in, its sub-weights as the list items after it ("Section D Social
# Value (10% overall):" then "- D1 Employment and skills: 4%", ...): read together, as one
# statement, so the sub-weights are checked against the parent.
LEAD_IN_PARENT = rx(r"\b(?:" + CRITERION + r")\b[^:]{0,40}?\d{1,3}(?:\.\d+)?\s*%[^:%]{0,40}:\s*$")


def _with_its_list(blocks: Sequence[Block], block: Block, found: Optional[Weighting]
                   ) -> Optional[tuple[Weighting, set[int]]]:
    """The weighting of a lead-in paragraph read with the list items that complete it, and the
    blocks it took in; None when the block is no such lead-in or its items carry fewer than two
    weights. The other top-level criteria may stand after the list ("Social Value 20%, assessed
    through:" / "- Q1 ...: 10%" / ... / "Quality 40%; Price 40%.", as a paragraph of its own or a
    line run on to the last item) or in the paragraph before the lead-in: a paragraph that names
    none of the lead-in's criteria and whose weights do not add up to 100 on their own is read as
    the rest of the same statement, so that the parent is counted beside them once."""
    if block.kind is not BlockKind.paragraph or not LEAD_IN_PARENT.search(block.text) \
            or (found is not None and found.sub_total_ok is not None):
        return None
    position = block.index if 0 <= block.index < len(blocks) and blocks[block.index] is block else \
        next((n for n, b in enumerate(blocks) if b is block), None)
    if position is None:
        return None
    items, taken, after = [], set(), ""
    for b in blocks[position + 1:]:
        if b.kind is not BlockKind.list_item:
            if not after and _sibling(b, block):
                after = b.text.strip()
                taken.add(b.index)
            break
        first, _, rest = b.text.strip().partition("\n")
        items.append(first.strip().rstrip(".;,"))
        taken.add(b.index)
        if rest.strip() and PAIR.search(rest):       # a line run on to the item: the siblings
            after = rest.strip()
            break
    if sum(1 for i in items if SUB_ITEM.search(i)) < 2:
        return None
    before = ""
    if position > 0 and _sibling(blocks[position - 1], block):
        before = blocks[position - 1].text.strip()
        taken.add(blocks[position - 1].index)
    joined = block.text.rstrip() + " " + "; ".join(items) + "."
    joined = (before.rstrip(".;, ") + ". " if before else "") + joined + (" " + after if after else "")
    led = _block_weighting(joined, block.kind, block.section)
    if led is None or led.sub_total_ok is None:
        return None
    end = len(block.text)
    if before:
        return replace(led, end=end, match_start=0, match_end=end), taken
    return replace(led, end=end, match_start=min(led.match_start, end),
                   match_end=min(led.match_end, end)), taken


def _sibling(other: Block, lead_in: Block) -> bool:
    """Whether paragraph `other` holds the rest of the top-level criteria of `lead_in`'s
    statement: weights of criteria the lead-in does not name, not adding up to 100 alone."""
    if other.kind is not BlockKind.paragraph or LEAD_IN_PARENT.search(other.text) \
            or LOT_MARK.search(other.text) or LOT_MARK.search(lead_in.text):
        return False
    theirs = _known_pairs(other.text)
    if not theirs or any(p[2] != "%" for p in theirs):
        return False
    ours = {_family(p[0]) for p in _known_pairs(lead_in.text)}
    if not ours or any(_family(p[0]) in ours for p in theirs):
        return False
    return abs(sum(p[1] for p in _once(theirs)) - 100.0) > 0.01


LOT_HEADER = rx(r"^\s*lots?\s*\d+\b")
ROW_CRITERION = rx(r"^\s*(?:\d+(?:\.\d+)*\s*)?(" + CRITERION + r")\b")
ROW_WEIGHT = rx(r"^\s*\(?\s*(\d{1,3}(?:\.\d+)?)\s*(%|per ?cent|points|marks)\s*\)?\s*$")
# A bare number in a column whose header says it holds percentages ("Weighting (%)", "Weight %").
BARE_WEIGHT = rx(r"^\s*(\d{1,3}(?:\.\d+)?)\s*$")
PERCENT_HEADER = rx(r"%|per ?cent|percentage|weight")
TOTAL_ROW = rx(r"^\s*(?:total|overall)\b")
SUB_ROW = rx(r"^\s*(?:\d+\.\d+|[-–•]|of which\b|\(?[a-z]\)\s)")


def _lot_rows(rows: Sequence[Block], header, crit_cols, seen: set[int]) -> Optional[Weighting]:
    """A table with a criterion in each column and a lot in each row ("| Lot | Quality | Price |
    Social value |", "| Lot 1 | 60% | 30% | 10% |"): each row totalled on its own."""
    lots = []
    for row in rows[1:]:
        if row.index in seen or not row.cells or TOTAL_ROW.search(row.cells[0]):
            continue
        items = []
        for i in crit_cols:
            cell = row.cells[i] if i < len(row.cells) else ""
            w = ROW_WEIGHT.search(cell)
            bare = None if w else BARE_WEIGHT.search(cell)
            if bare and not PERCENT_HEADER.search(header[i]):
                bare = None
            if w or bare:
                name = ROW_CRITERION.search(header[i]).group(1).lower()
                items.append((name, float((w or bare).group(1)), w.group(2).lower() if w else "%", 0, 0))
        total, points, sv = _figures(items)
        if total is not None:
            lots.append((total, points, sv, row, row.cells[0].strip()))
    if not lots:
        return None
    wrong = [f for f in lots if not f[1] and abs(f[0] - 100.0) > 0.01]
    total, points, _sv, first, lot = (wrong or lots)[0]
    return Weighting(
        block=first.index, start=0, end=len(first.text), match_start=0, match_end=len(first.text),
        total=total, points=any(f[1] for f in lots), sv_weight=min(f[2] for f in lots),
        sv_mentioned=any(SV_MENTION.search(c) for c in header), sub_total_ok=None,
        method_stated=any(METHOD.search(r.text) for r in rows), unweighted=False,
        range_or_tbc=any(RANGE.search(r.text) for r in rows), lot=lot if len(lots) > 1 else "")


def _tables(blocks: Sequence[Block], seen: set[int]) -> list[Weighting]:
    """Weightings read from tables whose rows give one criterion and its weight each, with a
    column per lot where the header names lots. A row whose weight is stated counts whatever
    its criterion is called, once one row names a known criterion; a total row and numbered or
    bulleted sub-criteria rows ("2.1", "- of which") are not top-level criteria."""
    tables: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind is BlockKind.table_row and block.location.table is not None:
            tables.setdefault(block.location.table, []).append(block)
    out = []
    for rows in tables.values():
        header = rows[0].cells or ()
        lot_cols = [i for i, c in enumerate(header) if LOT_HEADER.search(c)]
        crit_cols = [i for i, c in enumerate(header) if i and ROW_CRITERION.search(c)]
        if len(crit_cols) >= 2 and not lot_cols:
            found = _lot_rows(rows, header, crit_cols, seen)
            if found is not None:
                out.append(found)
                continue
        columns: dict[int, list[tuple[str, float, str, Block, int]]] = {}
        subs: dict[int, list[float]] = {}     # a top row's index -> its numbered sub-rows' weights
        parent_row: Optional[int] = None
        known = False                    # a row names an award criterion: a weighting table
        for row in rows[1:] if lot_cols else rows:
            if row.index in seen or not row.cells:
                continue
            name = row.cells[0].strip()
            if name and SUB_ROW.search(name) and not lot_cols and parent_row is not None:
                w = next((ROW_WEIGHT.search(c) for c in row.cells[1:] if ROW_WEIGHT.search(c)), None)
                if w and not w.group(2).lower().startswith(("point", "mark")):
                    subs.setdefault(parent_row, []).append(float(w.group(1)))
                continue
            if not name or TOTAL_ROW.search(name) or SUB_ROW.search(name):
                continue
            parent_row = None
            m = ROW_CRITERION.search(name)
            known = known or m is not None
            for i, cell in enumerate(row.cells[1:], 1):
                if lot_cols and i not in lot_cols:
                    continue
                w = ROW_WEIGHT.search(cell)
                bare = None if w else BARE_WEIGHT.search(cell)
                if bare and not (i < len(header) and PERCENT_HEADER.search(header[i])):
                    bare = None                  # a bare number counts only under "Weighting (%)"
                if w or bare:
                    columns.setdefault(i if lot_cols else 0, []).append(
                        ((m.group(1) if m else name).lower(), float((w or bare).group(1)),
                         w.group(2).lower() if w else "%", row, i))
                    if not lot_cols:
                        parent_row = len(columns[0]) - 1      # the row its sub-rows divide
                        break
        lots = []
        for col in sorted(columns) if known else ():
            items = columns[col]
            if len(items) < 2 and not (len(items) == 1 and items[0][1] == 100.0):
                continue
            top = [(n, v, u, 0, 0) for n, v, u, _, _ in items]
            total, points, sv = _figures(top)
            if total is not None:
                lots.append((total, points, sv, items[0][3], header[col].strip() if lot_cols else ""))
        if not lots:
            continue
        wrong = [f for f in lots if not f[1] and abs(f[0] - 100.0) > 0.01]
        total, points, _sv, first, lot = (wrong or lots)[0]
        text = first.text
        sv_rows = [r for r in rows if SV_MENTION.search(r.text)]
        parents = columns.get(0, [])
        checks = [_adds_up(v, parents[i][1]) for i, v in subs.items() if len(v) >= 2 and i < len(parents)]
        out.append(Weighting(
            block=first.index, start=0, end=len(text), match_start=0, match_end=len(text),
            total=total, points=any(f[1] for f in lots), sv_weight=min(f[2] for f in lots),
            sv_mentioned=bool(sv_rows), sub_total_ok=all(checks) if checks else None,
            method_stated=any(METHOD.search(r.text) for r in rows), unweighted=False,
            range_or_tbc=any(RANGE.search(r.text) for r in rows), lot=lot if len(lots) > 1 else ""))
    return out


register("weightings", produces="weighting", gates=GATE, read=extract_weightings)
