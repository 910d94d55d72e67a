"""Word boundaries in the rules' text patterns: a stem must not match a longer, different word.

"consult\\w*" took "consultants" for a record of consultation, so PROC002 missed a real gap;
"reserv\\w*" took a water company's "reservoir" for a reservation. Two checks catch the class:
every open-ended stem (a word followed by \\w* or \\w+) is reviewed here with the words it is
meant to match, and no pattern of any rule matches, on its own, a word that only looks like
one of its stems.
"""
from __future__ import annotations

import re

import pytest

from svrules.extract.matcher import compile_pattern
from svrules.rulepack import load_pack

# Open stems kept on purpose, with the longer words they are meant to match.
REVIEWED_STEMS = {
    "sub-?contract": ["subcontract", "sub-contractor", "subcontracting", "subcontracted"],
    "justif": ["justify", "justified", "justification"],
    "urgen": ["urgent", "urgency", "urgently"],
    "advert": ["advertised", "advertisement", "advertising"],
    "acquir": ["acquire", "acquired", "acquiring"],
    "procur": ["procure", "procured", "procuring", "procurement"],
    "purchas": ["purchase", "purchased", "purchasing"],
    "regist": ["register", "registered", "registering", "registration"],
    "subscri": ["subscribe", "subscribed", "subscription", "subscriptions"],
    "orphan": ["orphans", "orphanage", "orphaned"],
    "address": ["address", "addressed", "addresses", "addressing"],
    "answer": ["answer", "answered", "answers", "answering"],
    "award": ["award", "awarded", "awards", "awarding"],
    "commit": ["commit", "commitment", "commitments", "committed"],
    "complet": ["complete", "completed", "completing", "completion"],
    "fundrais": ["fundraise", "fundraising", "fundraiser", "fundraisers"],
    "populat": ["populate", "populated", "population"],
    "provid": ["provide", "provided", "provider", "providing"],
    "respon": ["respond", "response", "responses", "responded"],
}

# Longer words that share a stem with a word some rule looks for, and mean something else.
FALSE_FRIENDS = [
    "consultant", "consultants", "consultancy", "consultancies",   # not consultation
    "reservoir", "reservoirs",                                     # not a reservation
    "scorn", "scorching",                                          # not scoring
    "favourite", "favourites",                                     # not favouring
    "evaluator", "evaluators",                                     # a person, not evaluation
    "lotion", "lottery", "lotteries",                              # not lots
    "localities", "locale",                                        # not local
    "considerate", "inconsiderate",                                # not considered
    "targeting",                                                   # (checked: targets only)
    "basement", "baseline",                                        # not based
    "pointless",                                                   # not points
    "link", "links", "thinking", "pink",                           # not ink (relevance links)
]


def _patterns():
    pack = load_pack()
    for rule in pack.rules:
        for where, text in (("when.text", rule.when.text),
                            ("when.absent.text", rule.when.absent.text if rule.when.absent else None)):
            if text is None:
                continue
            for field in ("any", "all"):
                for pattern in getattr(text, field):
                    yield f"{rule.id} {where}.{field}", pattern


def _relevance_links():
    """The words in rules/data/relevance.yaml that show a clause's link to the contract."""
    import yaml
    from svrules.rulepack import default_rules_dir
    table = yaml.safe_load((default_rules_dir() / "data" / "relevance.yaml").read_text())
    for family in table["families"]:
        for pattern in family.get("links", []):
            yield f"relevance.yaml {family['id']}.links", pattern


PATTERNS = list(_patterns()) + list(_relevance_links())
OPEN_STEM = re.compile(r"(?:\\[A-Za-z])?((?:[A-Za-z]|-\?|-)+)\\w[*+]")


def test_the_rules_have_patterns_to_check():
    assert len(PATTERNS) > 40


def test_every_open_ended_stem_is_reviewed():
    unreviewed = sorted({(where, m.group(1)) for where, p in PATTERNS
                         for m in OPEN_STEM.finditer(p) if m.group(1) not in REVIEWED_STEMS})
    assert not unreviewed, ("a stem followed by \\w* or \\w+ matches longer words: spell out "
                            f"its endings, or review it in REVIEWED_STEMS: {unreviewed}")


@pytest.mark.parametrize("stem, meant", sorted(REVIEWED_STEMS.items()))
def test_reviewed_stems_match_what_they_are_meant_to(stem, meant):
    rx = re.compile(rf"\b{stem}\w*\b", re.I)
    assert all(rx.fullmatch(word) for word in meant)
    assert not [w for w in FALSE_FRIENDS if rx.fullmatch(w)]


@pytest.mark.parametrize("word", FALSE_FRIENDS)
def test_no_rule_pattern_matches_a_false_friend_on_its_own(word):
    hits = [where for where, p in PATTERNS if compile_pattern(p).search(word)]
    assert not hits, f"{word!r} matches {hits}"


def test_the_false_friends_check_would_catch_an_open_stem():
    assert compile_pattern(r"\bconsult\w*").search("consultants")
    assert not compile_pattern(r"\bconsult(?:s|ed|ing|ation|ations|ative|ee|ees)?\b") \
        .search("consultants")
