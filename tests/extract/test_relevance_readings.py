"""The relevance judge's readings beyond the theme (PA 2023 s.23(2)(a); SVA 2012 s.1(6)):
the sector a clause names against the sectors the contract touches, and the corporate and
outside-the-area flags; money or goods given away and accreditations asked of every supplier
are text rules over word classes (REL004, REL005), checked here on the same phrasings.
Phrasings are general kinds, written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.check import Checker
from svrules.config import Config
from svrules.extract.clauses import extract_clauses
from svrules.load import document_from_text
from svrules.rulepack import load_pack
from svrules.extract.relevance import description_of, family_for, judge
from svrules.load.blocks import split_markdown


_CHECKER = Checker(load_pack(), Config(), engine="python")


def _rules(subject: str, text: str, heading: str = "Social value award criteria") -> set[str]:
    meta = {"nature": "services", "value": 900000, "vat": "exclusive", "title": subject,
            "procurement_start": "2026-03-02", "authority_kind": "sub_central"}
    doc = document_from_text(f"## {heading}\n\n{text}\n", meta, path="t.md")
    return {f.rule for f in _CHECKER.match(_CHECKER.analyse(doc))
            if f.severity.value in ("error", "warning")}


def _clause(subject: str, text: str, described: str = "", heading: str = "Social value award criteria"):
    rel = judge(family_for(subject), subject, described)
    found = extract_clauses(split_markdown(f"## {heading}\n\n{text}\n"), relevance=rel)
    assert found, f"not read as a social value clause: {text}"
    return found[0], rel


@pytest.mark.parametrize("subject, text, sector", [
    ("School catering services", "The Caterer shall provide two apprenticeships in highways maintenance.", "highways"),
    ("Domiciliary care services", "The Provider shall deliver five construction apprenticeships for residents.", "construction"),
    ("Grounds maintenance services", "The Contractor shall create nursing placements for young people.", "care"),
    ("Payroll advisory services", "Bidders should state how many HGV driver training places they will fund.", "driving"),
    ("Residential care home", "The Provider shall fund coding bootcamps for unemployed residents.", "software"),
])
def test_a_sector_the_contract_does_not_touch(subject, text, sector):
    clause, rel = _clause(subject, text)
    assert clause.relevance == "no"
    assert "asked of" in rel.reason(clause.theme, clause.text, clause.flags)
    assert subject in rel.reason(clause.theme, clause.text, clause.flags)


@pytest.mark.parametrize("subject, text", [
    ("Highways resurfacing works", "The Contractor shall deliver six apprenticeships in highways trades."),
    ("School catering services", "The Caterer shall create two apprenticeships in professional cookery."),
    ("Residential care home services", "The Provider will offer care worker placements to care leavers."),
    ("Grounds maintenance services", "The Contractor shall deliver 10 apprenticeships in horticulture."),
])
def test_the_contracts_own_sector(subject, text):
    assert _clause(subject, text)[0].relevance == "yes"


def test_the_description_names_the_sector_the_title_does_not():
    text = "The Contractor shall deliver six construction apprenticeships for unemployed residents."
    assert _clause("Frameworks North 3", text, "")[0].relevance == "no"
    assert _clause("Frameworks North 3", text,
                   "A framework for publicly funded construction projects.")[0].relevance == "yes"


@pytest.mark.parametrize("text", [
    "The Supplier shall donate £5,000 a year to a charity nominated by the Council.",
    "Bidders will be scored on the value of sponsorship they will provide for the summer festival.",
    "The Contractor shall pay 1% of the contract price into the Council's Social Value Fund.",
    "The Provider shall make an annual financial contribution to the community grants programme.",
    "The Provider will fund a bursary for a student at the college each year.",
])
def test_money_given_away(text):
    found = _rules("Office cleaning services", text)
    assert "REL004" in found and "REL001" not in found, found


@pytest.mark.parametrize("subject, text", [
    ("School catering services", "The Caterer shall give surplus food from the kitchens to food banks rather than send it to waste."),
    ("Supply of laptops", "The Supplier shall refurbish end-of-life laptops and donate 200 a year to residents."),
    ("Construction of a leisure centre", "The Contractor will donate topsoil excavated from the site to community gardens."),
    ("Office cleaning services", "The Supplier shall donate £500 to the food bank because its cleaning staff volunteer there."),
])
def test_giveaways_that_arise_from_the_contract_or_state_a_link(subject, text):
    assert _clause(subject, text)[0].relevance == "yes"
    assert not _rules(subject, text) & {"REL001", "REL004"}


@pytest.mark.parametrize("text, flagged", [
    ("All suppliers must hold Investors in People Gold accreditation.", True),
    ("Points will be awarded to bidders holding a Fair Tax Mark.", True),
    ("Suppliers must be certified B Corporations.", True),
    ("The Contractor shall hold ISO 14001 certification and Investors in People for the depot used.", False),
])
def test_accreditations_asked_of_every_supplier(text, flagged):
    assert ("REL005" in _rules("Office cleaning services", text, heading="Selection")) is flagged


@pytest.mark.parametrize("text, corporate", [
    ("Describe the social value your organisation delivers through its existing corporate programme.", True),
    ("Social value delivered on your other public sector contracts will be taken into account.", True),
    ("Tell us about the social value you have delivered nationally over the past three years.", True),
    ("Bidders must address all five of the Council's corporate priorities in their social value response.", True),
    ("Your response must show a contribution to each theme of the Borough's Social Value Framework.", True),
    ("Social value delivered on other contracts will not be counted.", False),
    ("Select the Council Plan priorities most relevant to this contract and explain the link.", False),
])
def test_corporate_asks_and_priority_lists(text, corporate):
    clause, _ = _clause("Pest control services", text)
    assert ("corporate" in clause.flags) is corporate


@pytest.mark.parametrize("text, outside", [
    ("The Provider's staff will support a clean water project in Malawi for social value.", True),
    ("The Supplier shall run community projects outside the county as its social value.", True),
    ("The Supplier shall deliver 10 careers talks a year at schools in the county.", False),
])
def test_benefits_outside_the_relevant_area(text, outside):
    clause, _ = _clause("Home care services", text)
    assert ("outside_area" in clause.flags) is outside


def test_a_clause_in_the_description_is_not_its_own_link():
    text = "The Caterer shall provide two apprenticeships in highways maintenance."
    clause, _ = _clause("School catering services", text, f"School meals for 40 schools. {text}")
    assert clause.relevance == "no"


def test_description_of_reads_the_description_heading_only():
    blocks = split_markdown("# Title\n\n## Description\n\nWorks to bridges.\n\n## Award criteria\n\n"
                            "Apprenticeships in catering.\n")
    assert description_of(blocks) == "Works to bridges."
    assert description_of(split_markdown("## Award criteria\n\nApprenticeships.\n")) == ""


SUBJECTS = st.sampled_from(["School catering services", "Supply of office furniture",
                            "Highways maintenance works", "Legal services", "Home care services"])
WORDS = st.lists(st.sampled_from(["the", "Supplier", "shall", "donate", "highways",
                                  "apprenticeships", "construction", "charity", "residents",
                                  "accreditation", "Investors in People", "care", "£500",
                                  "surplus", "sponsor", "social value", "across", "its group"]),
                 min_size=3, max_size=14)


@settings(max_examples=150, deadline=None)
@given(SUBJECTS, WORDS)
def test_the_judge_always_answers_and_a_stated_link_clears(subject, words):
    """Whatever the words, the verdict is yes or no for a known subject, a finding always has a
    reason, and a link stated in the clause always clears it, except a concrete ask (jobs,
    training, placements) of a family with its own words of a stated link (a goods supply),
    which only a reason given clears ("because ...")."""
    rel = judge(family_for(subject), subject)
    text = " ".join(words) + "."
    verdict = rel("community", text, frozenset())
    assert verdict in ("yes", "no")
    assert bool(rel.reason("community", text, frozenset())) is (verdict == "no")
    own = rel.family.stated is not None and rel.table.asks.search(text)
    assert rel("community", text, frozenset({"link_stated"})) == "yes" or own
    assert rel("community", text + " This is because the goods are delivered by its drivers.",
               frozenset({"link_stated"})) == "yes"


def test_an_environmental_theme_in_an_environmental_survey_is_its_subject():
    subject = "Wetland habitat survey framework"
    clause, _ = _clause(subject, "The Consultant shall supply survey data to support a "
                                 "biodiversity metric for restored sites, reported quarterly.")
    assert clause.relevance == "yes"


def test_cpv_codes_put_the_contract_in_a_sector_its_title_does_not_name():
    """A framework titled only by its name buys what its CPV division says: construction
    apprenticeships relate to a contract under CPV 45 (construction work)."""
    text = "The Contractor shall deliver six construction apprenticeships for unemployed residents."
    blocks = split_markdown(f"## Social value award criteria\n\n{text}\n")
    plain = extract_clauses(blocks, relevance=judge(family_for("Frameworks North 3"), "Frameworks North 3"))
    coded = extract_clauses(blocks, relevance=judge(family_for("Frameworks North 3", ["45000000"]),
                                                    "Frameworks North 3", cpv=["45000000"]))
    assert plain[0].relevance == "no" and coded[0].relevance == "yes"


@pytest.mark.parametrize("subject, text, rule", [
    ("IT support services", "Bidders are asked to sponsor the borough's summer fun run.", "REL004"),
    ("Office cleaning services", "All suppliers must hold Investors in People Gold accreditation.", "REL005"),
])
def test_one_relevance_finding_names_the_kind(subject, text, rule):
    """REL001 leaves a clause that another relevance rule reads by its words to that rule: one
    sentence, one relevance finding, naming its kind."""
    found = {r for r in _rules(subject, text) if r.startswith("REL")}
    assert found == {rule}, found


# Asks the clause reader does not take for requirements (no supplier and modal): the sector
# reading over their sentences (extract.relevance.sector_asks, REL006), and the text rules'
# reading of bare imperatives and passives as asks.

from svrules.extract.relevance import ASK_FORM, sector_asks  # noqa: E402


@pytest.mark.parametrize("sentence, asks", [
    ("Create two placements in residential care.", True),
    ("Please explain how you will run coding clubs.", True),
    ("A community garden shall be planted at a school.", True),
    ("The tenderer is invited to set out its training offer.", True),
    ("We would welcome proposals for coding clubs.", True),
    ("Credit will be given for placements in care.", True),
    ("The Council maintains three residential care homes.", False),
    ("Care homes in the county employ 4,000 people.", False),
])
def test_the_shape_of_an_ask(sentence, asks):
    assert bool(ASK_FORM.search(sentence)) is asks


def _asks(subject: str, text: str, heading: str = "Award criteria"):
    blocks = split_markdown(f"## {heading}\n\n{text}\n")
    return sector_asks(blocks, judge(family_for(subject), subject))


@pytest.mark.parametrize("subject, text, label", [
    ("Supply of road salt", "Create two placements in residential care for young people.", "health and social care"),
    ("Pension administration", "Support bricklaying taster days for pupils.", "construction and building trades"),
    ("Translation services", "A new skate park will be funded by the provider.", "play, sport and recreation"),
    ("Payroll services", "Offer HGV driver training to jobseekers.", "driving and logistics"),
])
def test_a_sector_ask_the_subject_does_not_touch(subject, text, label):
    found = _asks(subject, text)
    assert len(found) == 1 and found[0].reason.startswith(label), found
    assert subject in found[0].reason


@pytest.mark.parametrize("subject, text", [
    ("Home care services", "Create two placements in residential care for young people."),
    ("Courier services", "Offer HGV driver training to new drivers."),
    ("Payroll services", "Offer HGV driver training to drivers on this contract."),
    ("Payroll services", "Offer HGV driver training because the payroll team runs the fleet pay."),
    ("Payroll services", "HGV driver training is a national shortage area."),       # no ask
    ("Payroll services", "Sponsor HGV driver training at the college."),   # giving: REL004's
])
def test_no_sector_ask_where_the_link_is_there_or_nothing_is_asked(subject, text):
    assert _asks(subject, text) == []


def test_the_description_is_not_read_as_an_ask():
    """The contract's description says what is bought: a sector it names is not an ask."""
    assert _asks("Frameworks North 3", "The contractor will deliver construction training "
                 "centres for the college.", heading="Description of the contract") == []


def test_a_sentence_read_as_a_clause_is_left_to_rel001():
    text = "The Caterer shall provide four apprenticeships in highways maintenance."
    assert {r for r in _rules("School catering services", text) if r.startswith("REL")} == {"REL001"}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Create", "Support", "Deliver", "Offer", "Run"]),
       st.sampled_from(["residential care", "bricklaying", "HGV driver", "coding"]),
       st.sampled_from(["placements", "training", "taster days", "clubs"]),
       st.sampled_from(["on this contract", "for staff delivering the services", "because it is part of the contracted service"]))
def test_a_stated_link_always_clears_a_sector_ask(verb, sector, ask, link):
    text = f"{verb} {sector} {ask} {link}."
    assert _asks("Supply of road salt", text) == []
    assert len(_asks("Supply of road salt", f"{verb} {sector} {ask} for young people.")) == 1


@pytest.mark.parametrize("subject, text, rule", [
    ("Office cleaning services", "Donate unused printers to a charity the Council names.", "REL004"),
    ("Office cleaning services", "Three per cent of the annual price shall be paid into the Council's social value pot.", "REL004"),
    ("Office cleaning services", "Pay for a new village hall noticeboard.", "REL004"),
    ("Office cleaning services", "Join the Council's Anchor Network.", "REL005"),
    ("Office cleaning services", "Hold Disability Confident Leader status.", "REL005"),
    ("Office cleaning services", "Describe the social value you delivered under your previous contracts.", "REL003"),
    ("Office cleaning services", "Report the gender pay gap across all of your operations.", "REL003"),
    ("Office cleaning services", "Bidders must contribute to every priority in the Council's corporate plan.", "REL003"),
])
def test_imperative_and_passive_asks_of_each_kind(subject, text, rule):
    assert rule in _rules(subject, text)


# Sectors the table's list does not name, read by the ask's structure ("<X> apprenticeships",
# "in the <X> industry", "placements in <X>") and compared with the subject's words and kindred
# groups (extract.relevance.Structure; rules/data/relevance.yaml `structure`).
@pytest.mark.parametrize("subject, text, sector", [
    ("Office cleaning services", "The Contractor shall offer apprenticeships in the aviation industry.", "aviation"),
    ("School catering services", "The Caterer shall provide work placements in accountancy.", "accountancy"),
    ("Highways maintenance works", "The Contractor shall create two retail apprenticeships.", "retail"),
    ("Waste collection services", "The Contractor will mentor young people seeking careers in the creative industries.", "creative"),
    ("Library management software", "The Supplier will create apprenticeships within the energy sector.", "energy"),
])
def test_a_sector_read_by_structure(subject, text, sector):
    clause, rel = _clause(subject, text)
    assert clause.relevance == "no"
    assert sector in rel.reason(clause.theme, clause.text, clause.flags)


@pytest.mark.parametrize("subject, text", [
    ("External audit services", "The Supplier shall provide work placements in accountancy."),
    ("Home to school transport services", "The Supplier shall provide apprenticeships in the logistics industry."),
    ("Integrated facilities management", "The Contractor shall offer placements in the cleaning sector."),
    ("Community dental services", "The Provider shall offer work placements in dentistry to school leavers."),
    ("Legal services", "The Supplier shall offer placements in the public sector to unemployed residents."),
    ("Housing repairs and maintenance", "The Contractor shall provide four trade apprenticeships for tenants."),
    ("Animal welfare services", "The Provider shall offer traineeships in veterinary nursing."),
])
def test_a_sector_read_by_structure_that_the_contract_touches(subject, text):
    assert _clause(subject, text)[0].relevance == "yes"


def test_an_imperative_after_an_opening_phrase_is_read_as_an_ask():
    text = ("Our priorities are in the Council Plan. In your response, offer placements in the "
            "veterinary profession for local students.")
    assert "REL006" in _rules("Supply of office stationery", text)
