"""Clause and weighting extraction: the elements a social value requirement needs, KPI table
rows, the unverifiable forms the seeds name, relevance from the data table, and the facts the
engine sees (with anchors that point back at the right block)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.extract.clauses import extract_clauses
from svrules.extract.relevance import family_for, judge
from svrules.extract.weightings import extract_weightings
from svrules.load import document_from_text
from svrules.load.blocks import split_markdown
from svrules.rulepack import load_pack


def clauses(text: str, subject: str = ""):
    fam = family_for(subject) if subject else None
    return extract_clauses(split_markdown(text), relevance=judge(fam) if subject else None)


def test_complete_kpi_has_every_element():
    (c,) = clauses("KPI SV3: care leavers in paid employment for 26 weeks or more. Target: 4 by "
                   "the end of Year 2. Reported quarterly. Evidence: payroll extract. Breach: "
                   "remedial action plan and a service credit of 2%.")
    assert c.missing == ()
    assert c.kind == "kpi" and c.theme == "employment_skills"


def test_vague_requirement_misses_what_it_lacks():
    (c,) = clauses("Where possible, the Contractor will offer apprenticeships.")
    assert c.strength == "soft"
    assert c.missing == ("target", "frequency", "evidence", "remedy")


def test_non_social_value_clauses_are_not_clauses():
    assert clauses("The Supplier shall use reasonable endeavours to mitigate the effects of any "
                   "Force Majeure Event.") == []
    assert clauses("Where possible, invoices should quote the purchase order number.") == []
    assert clauses("The Council will publish an annual social value statement.") == []


def test_kpi_table_rows_read_from_columns():
    text = ("| No | Area | KPI | Target/threshold | Frequency of reporting | Consequence of breach |\n"
            "|---|---|---|---|---|---|\n"
            "| 1 | Employment | Apprenticeship starts | 4 per year | Quarterly | Service credit |\n"
            "| 2 | Environment | Fleet emissions | | Annually | |\n")
    rows = clauses(text)
    assert len(rows) == 2 and all(r.table_row for r in rows)
    assert rows[0].missing == ("evidence",)
    assert set(rows[1].missing) == {"target", "evidence", "remedy"}


def test_seed_forms_of_unverifiable_asks():
    (proxy,) = clauses("The Supplier shall deliver social value worth at least 20% of the contract "
                       "value, reported annually with supporting evidence.")
    assert "proxy_goal" in proxy.flags and {"target", "measure"} <= set(proxy.missing)
    (box,) = clauses("Please use the box below to tell us about any added social value your "
                     "organisation could bring.")
    assert "free_box" in box.flags and len(box.missing) == 5
    (late,) = clauses("Bidders' social value commitments will be evaluated but will not be "
                      "incorporated into the Contract.")
    assert "not_in_contract" in late.flags


def test_relevance_from_the_data_table():
    (goods,) = clauses("The Supplier shall create two apprenticeships during the contract.",
                       "Supply of office furniture")
    assert goods.relevance == "no"
    (takeback,) = clauses("The Supplier shall take back end-of-life furniture for reuse, at least "
                          "80% of items reused.", "Supply of office furniture")
    assert takeback.relevance == "yes"
    (care,) = clauses("The Provider shall create six apprenticeships.", "Domiciliary care services")
    assert care.relevance == "yes"


def test_proportionality_fields():
    (c,) = clauses("The Provider must produce an SROI analysis and report monthly on it.")
    assert c.burden == "sroi" and c.frequency_per_year == 12
    (n,) = clauses("The Contractor shall create 10 new apprenticeships during the contract.")
    assert n.outcome_count == 10
    (r,) = clauses("The Provider shall achieve one qualification for every £250,000 of contract spend.")
    assert r.spend_per_outcome == 250000


def test_weightings():
    (w,) = extract_weightings(split_markdown("Quality 60%, Price 30%, Social Value 15%."))
    assert w.total == 105 and w.total_ok is False and w.sv_weight == 15
    (w,) = extract_weightings(split_markdown(
        "Social Value 10%, made up of Climate 5%, Wellbeing 3% and Equal Opportunity 3%. "
        "Quality 50%, Price 40%."))
    assert w.total_ok is True and w.sub_total_ok is False
    (w,) = extract_weightings(split_markdown("Quality 600 points, Price 300 points, Social Value "
                                             "100 points."))
    assert w.points and w.sv_weight == 10 and w.total_ok is None
    (w,) = extract_weightings(split_markdown("Social value is assessed as a pass/fail question."))
    assert w.unweighted and w.sv_weight == 0
    (w,) = extract_weightings(split_markdown(
        "Quality 45%, Price 45%, Social Value 10% (Lot 1 only). Lot 2: Quality 50%, Price 50%."))
    assert w.sv_weight == 0


def test_clause_facts_and_anchors_reach_the_engine():
    checker = Checker(load_pack(), Config(), engine="python")
    doc = document_from_text("# Care\n\nIntro.\n\n## Social value\n\n"
                             "The Provider shall endeavour to support community initiatives.\n")
    analysis = checker.analyse(doc)
    ex = analysis.extracted
    (fact,) = [f for f in ex.facts("d") if f["kind"] == "clause"]
    assert fact["has_target"] == "no" and fact["vague"] == "yes"
    anchor = analysis.refs[fact["ref"]]
    assert doc.blocks[anchor.block].text.startswith("The Provider shall endeavour")
    (finding,) = [f for f in checker.match(analysis) if f.rule == "VER001"]
    assert finding.line == 7
    # verifiable is a target and a measure; monitoring elements are VER007, once per document
    assert "no target or measure" in finding.message


def test_spend_ratios_count_outcomes_not_money():
    (c,) = clauses("The Provider shall achieve one Level 2 or Level 3 care qualification for every "
                   "£250,000 of contract spend.")
    assert c.spend_per_outcome == 250000
    (money,) = clauses("The Supplier shall deliver £3 of social value for every £1 spent.")
    assert money.spend_per_outcome is None and money.outcome_count is None


def test_weighting_statements_are_not_requirement_clauses():
    assert clauses("Quality 60%, Price 30%, Social Value 10%.") == []


def test_a_paragraph_is_a_clause_only_through_a_sentence_that_is_one():
    """Ordinary duties beside a social value mention are not social value requirements."""
    from svrules.extract.clauses import extract_clauses
    from svrules.load.blocks import split_markdown
    text = ("## 1. Service requirements\n\n"
            "The Contractor shall maintain a business continuity plan. The Council will evaluate "
            "tenders using the quality, price and social value criteria published with this "
            "invitation. Health and safety incidents must be reported to the Council within "
            "twenty-four hours.\n\n"
            "The Contractor shall keep the grounds tidy. The Contractor will create 3 "
            "apprenticeships for unemployed residents of the borough, reported quarterly.\n")
    blocks = split_markdown(text)
    clauses = extract_clauses(blocks)
    assert len(clauses) == 1
    c = clauses[0]
    assert blocks[c.block].text[c.start:c.end].startswith("The Contractor will create 3 apprenticeships")
    assert c.theme == "employment_skills"


CLAUSE_WORDS = st.sampled_from([
    "The Contractor shall", "The Council will evaluate", "must", "create", "apprenticeships",
    "reduce carbon emissions", "for every £1m", "where possible", "is defined in", "means",
    "KPI", "Schedule 4", "health", "training", "supply chain", "Social value is a", "é", "ſ",
    "Please describe", "tenders", ".", ";", "\n", "community", "the", "and"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CLAUSE_WORDS, max_size=25), st.booleans())
def test_the_clause_tests_set_answers_as_searching_would(words, sv_section):
    from svrules.extract import clauses as C
    text = " ".join(words)
    section = "Social value" if sv_section else "Scope of services"
    by_set = C._tests(text)

    def searched(i):
        return C._TESTS[i].search(text) is not None

    assert [by_set(i) for i in range(len(C._TESTS))] == [searched(i) for i in range(len(C._TESTS))]
    assert C._is_requirement(by_set, section) == C._is_requirement(searched, section)
