"""Kinds of phrasing in a notice's subject that say who buys, what the notice is, or name a
product whose category the word alone does not settle. Every phrasing here is written for these
tests (none is copied from a notice)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from facts_helpers import summary_of
from svrules.extract.nature import after_the_buyer, is_notice_business, subject_nature


def _nature(*places, cpvs=()):
    reading = subject_nature(list(places), cpvs)
    return reading.nature if reading else None


# -- who buys comes before the verb of wanting; only what follows it is the subject ----------

@pytest.mark.parametrize("sentence,nature", [
    # the body's own words ("Research", "Services", "Care") name who buys
    ("Ambridge Research Services had a requirement for office furniture", "goods"),
    ("The Borsetshire Care Partnership is seeking to procure replacement laptops", "goods"),
    ("Felpersham Supplies Ltd wishes to appoint a provider of cleaning services", "services"),
    ("The Equipment Team were looking to purchase consultancy support", "services"),
    ("The Vehicle Services Unit requires a contractor for roofing works", "works"),
    # the subject named before "required" is kept
    ("Roof repairs required at the Care Services depot", "works"),
])
def test_the_words_before_the_verb_of_wanting_name_the_buyer(sentence, nature):
    assert _nature((sentence, 1)) == nature


def test_after_the_buyer_keeps_a_text_without_a_verb_of_wanting():
    assert after_the_buyer("Supply of road salt") == "Supply of road salt"
    assert after_the_buyer("The Council has a requirement for road salt") == "road salt"
    assert after_the_buyer("Ambridge College is looking to appoint a caterer") == "a caterer"


@given(st.lists(st.sampled_from(
    ["The Trust ", "requires ", "is seeking to procure ", "had a requirement for ", "salt ",
     "care ", "x", " "]), max_size=12).map("".join))
def test_after_the_buyer_is_always_a_tail_of_the_text(text):
    tail = after_the_buyer(text)
    assert text.endswith(tail)


# -- software: the word alone does not settle goods or services; licences bought are goods ---
# CPV division 48 (software packages) is supplies, 72 (software services) services: what is done
# with the software ("support", "development", "as a service") decides, not the word.

@pytest.mark.parametrize("places,nature", [
    ([("Timetabling Software", 2)], None),
    ([("Timetabling Software", 2), ("The school is looking to procure timetabling licences", 1)],
     "goods"),
    ([("Software support and maintenance", 2)], "services"),
    ([("Timetabling software as a service", 2)], "services"),
])
def test_software_is_decided_by_what_is_done_with_it(places, nature):
    assert _nature(*places) == nature


# -- the first sentence is the first one about the contract, not about the notice -----------

@pytest.mark.parametrize("sentence", [
    "***Award notice***",
    "***** THIS IS AN AWARD NOTICE, NOT A CALL FOR COMPETITION *****",
    "Contract Variation 2 has extended the contract term to 31 May",
    "The final date for the submission of tenders is 3 March at noon",
    "Do not apply directly to the buyer.",
    "All tender documents must be submitted through the e-tendering portal",
    "Brief description of requirement",
    "Text to be corrected in the original notice:",
])
def test_sentences_about_the_notice(sentence):
    assert is_notice_business(sentence)


@pytest.mark.parametrize("sentence", [
    "The contract is for the supply of road salt",
    "Award criteria are set out in the invitation to tender",
    "A description of the cleaning services is attached",
    "***Award notice*** The Council had a requirement for road salt",
])
def test_sentences_about_the_contract(sentence):
    assert not is_notice_business(sentence)


def test_the_subject_is_read_past_banners_modifications_and_instructions():
    text = ("# Project Orion\n\nContracting authority: Ambridge Council\n\n## Description\n\n"
            "***Award notice***\nVariation 2 has extended the contract term to 31 May.\n\n"
            "DO NOT apply directly to the buyer.\n\nBrief description of requirement\n\n"
            "The aim of this work is an assessment of the council's grounds data.")
    entry = summary_of(text)["nature"]
    assert entry["value"] == "services"
    assert entry["fact"].rank == 4 and "assessment" in entry["fact"].detail


def test_the_subject_is_not_read_past_the_end_of_the_description():
    text = ("# Project Orion\n\nContracting authority: Ambridge Council\n\n## Description\n\n"
            "This contract award notice records a direct award.\n\n## Value and dates\n\n"
            "Roofing works are not part of this notice.")
    assert all(f.rank != 4 for f in summary_of(text).get("nature", {}).get("evidence", {})
               .get("works", []))


# -- a system bought is a product (CPV 2008 names supplies by "system"); what is done with it
# (maintenance, migration, as a service) is services and outweighs the bare word -------------

@pytest.mark.parametrize("places,nature", [
    ([("Spectrometry Systems", 2)], "goods"),
    ([("The Institute had a requirement for two imaging systems", 1)], "goods"),
    ([("Fire Alarm Systems Maintenance", 2)], "services"),
    ([("Case Management System", 2), ("A hosted solution for the case team", 1)], "services"),
])
def test_a_system_is_a_product_unless_something_is_done_with_it(places, nature):
    assert _nature(*places) == nature


# -- procedures and government departments are named, not bought -------------------------------

@pytest.mark.parametrize("places,nature", [
    # the procedure's name is no subject: childcare only
    ([("Dynamic Purchasing System for childcare", 2)], "services"),
    ([("System Brynu Dynamig Gofal Plant / Dynamic Purchasing System for childcare", 2)],
     "services"),
    # the department served is no subject: an unknown acronym after "supply of" says nothing
    ([("The supply of ABCD to the Department for Education", 2)], None),
    ([("Supply of SRMA to the Ministry of Health and Social Care", 2)], None),
])
def test_procedure_and_department_names_do_not_count(places, nature):
    assert _nature(*places) == nature
    assert (subject_nature(list(places)).scores["goods"] == 0) if nature == "services" else True


def test_department_names_are_blanked_only_when_written_as_names():
    from svrules.extract.nature import without_procedures
    assert "Education" not in without_procedures("Advisers to the Department for Education")
    text = "an office for the provision of care"
    assert without_procedures(text) == text


@given(st.lists(st.sampled_from(
    ["Department ", "for ", "Education ", "Dynamic ", "Purchasing ", "System ", "and ", "x",
     "Office ", "of "]), max_size=10).map("".join))
def test_blanking_names_keeps_the_length(text):
    from svrules.extract.nature import without_procedures
    out = without_procedures(text)
    assert len(out) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, out))


# -- "supply of" an acronym the vocabulary does not know says nothing of what is bought --------

@pytest.mark.parametrize("title,nature", [
    ("The supply of QRSA to the regional schools", None),    # advisers? products? unsaid
    ("Supply of QRSA units to the regional schools", "goods"),   # units are products
    ("Supply of ANPR cameras", "goods"),
])
def test_supply_of_an_unknown_acronym(title, nature):
    assert _nature((title, 2)) == nature


def test_supply_of_an_unknown_acronym_is_no_goods_wording():
    text = "# The supply of QRSA to the regional schools\n\nThe supply of QRSA to the schools."
    assert "nature" not in summary_of(text)


# -- the verb of a purpose clause after the head says what the thing is for, not what is bought

@pytest.mark.parametrize("title,nature", [
    ("Case Management System to Support the Housing Team", "goods"),
    ("Stock Control System to support stores staff", "goods"),
    # "support" as a noun, or the purpose as the subject itself, still counts
    ("Access to support for carers", "services"),
    ("To support the council's business case", "services"),
    ("Contract to support the data project", "services"),
    ("Provision of Camera Support to the Force", "services"),
    # a person hired to support is hired for the support
    ("Appointment of an experienced specialist to support the finance team", "services"),
])
def test_the_verb_of_a_purpose_clause_is_not_bought(title, nature):
    assert _nature((title, 2)) == nature


@given(st.lists(st.sampled_from(
    ["System ", "to ", "Support ", "for ", "the ", "Team ", "Monitor ", "x"]), max_size=10)
    .map("".join))
def test_a_purpose_verb_span_lies_after_the_head_and_is_a_verb(text):
    from svrules.extract.nature import _purpose_verb, head_and_complement, load_vocabulary
    head, _ = head_and_complement(text)
    start = text.find(head) if head else 0
    end = start + len(head)
    for a, b in _purpose_verb(load_vocabulary(), text, start, end):
        assert end <= a < b <= len(text)
        assert text[a:b].lower() in {"support", "monitor"}


# -- rental, lease and hire of products are supplies (PCR 2015 reg 2(1)); with a driver or of
# premises they are not ------------------------------------------------------------------------

@pytest.mark.parametrize("title,nature", [
    ("Lease of photocopiers", "goods"),
    ("Scaffold rental", "goods"),
    ("Minibus rental with drivers", None),
    ("Hire of coaches with drivers", None),
    ("Hire of marquees for the summer show", "goods"),
    ("Hire of compact excavators without operator", "goods"),
    ("Rental of office space in the town centre", None),
])
def test_rental_and_lease_of_products(title, nature):
    assert _nature((title, 2)) == nature


# -- a quantity noun before "of" is not the head: what follows it is ---------------------------

@pytest.mark.parametrize("sentence,nature", [
    ("The Housing Services Team requires a programme of roofing works", "works"),
    ("A range of specialist vehicles for the fleet depot", "goods"),
    ("A programme of training for school staff", "services"),
])
def test_a_quantity_noun_before_of_is_not_the_head(sentence, nature):
    assert _nature((sentence, 2)) == nature


# -- what the subject says it is without is not bought -----------------------------------------

@pytest.mark.parametrize("title,nature", [
    ("Road vehicles without operator", "goods"),
    ("Office furniture excluding installation services", "goods"),
    ("Cleaning services, not including equipment", "services"),
])
def test_what_a_subject_is_without_does_not_count(title, nature):
    assert _nature((title, 2)) == nature


@given(st.lists(st.sampled_from(
    ["***Award notice*** ", "Do not apply directly to the buyer. ", "The Council requires ",
     "road salt", ". ", "\n", "Brief description of requirement\n", "x", " "]), max_size=10)
    .map("".join))
def test_the_first_sentence_is_a_part_of_the_block_about_the_contract(text):
    from svrules.extract.tender_facts import _first_sentence
    sentence = _first_sentence(text)
    if sentence is not None:
        assert sentence in text and sentence.strip()
        assert not is_notice_business(sentence)


# -- a field of clinical care names what products are for, not care bought; the lots the
# description lists then name what is bought ---------------------------------------------------

@pytest.mark.parametrize("places,nature", [
    ([("Wound Care", 2)], None),
    ([("Continence Care and Urology", 2)], None),
    ([("Pressure Area Care and Patient Handling", 2)], None),
    ([("Wound Care Services", 2)], "services"),           # the service is said
    ([("Domiciliary Care", 2)], "services"),              # care bought
    ([("Supply of Wound Care Dressings", 2)], "goods"),
])
def test_a_field_of_clinical_care_is_no_care_service(places, nature):
    assert _nature(*places) == nature


def _lots_text(title, lots):
    return (f"# {title}\n\nContracting authority: Ambridge Trust\n\n## Description\n\n"
            f"The Trust seeks to establish a Framework Agreement for {title}.\n\n"
            "The requirement is divided into Lots:\n" + "\n".join(lots) + "\n")


def test_the_lots_name_what_is_bought_when_the_title_names_a_field():
    entry = summary_of(_lots_text("Wound Care", [
        "Lot 1: Dressings, bandages and associated products",
        "Lot 2: Compression hosiery and garments",
        "Lot 3: Negative pressure equipment rental"]))["nature"]
    assert entry["value"] == "goods" and "lots" in entry["fact"].detail


def test_service_lots_read_as_services():
    entry = summary_of(_lots_text("Continence Care", [
        "Lot 1: Home delivery service for continence products",
        "Lot 2: Continence assessment and advisory service"]))["nature"]
    assert entry["value"] == "services"


def test_the_lots_are_not_read_when_the_title_settles_it():
    entry = summary_of(_lots_text("Cleaning services", [
        "Lot 1: Cleaning materials and consumables", "Lot 2: Cleaning equipment"]))["nature"]
    assert entry["value"] == "services" and "lots" not in entry["fact"].detail
