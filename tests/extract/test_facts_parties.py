"""Authority, framework role, urgency, jurisdiction and dates."""
import datetime as dt

import pytest

from facts_helpers import summary_of

AUTHORITIES = [
    ("Contracting authority: Kent County Council", "Kent County Council", "sub_central"),
    ('The London Borough of Camden (the "Council") invites tenders.', "London Borough of Camden",
     "sub_central"),
    ("Leeds City Council is seeking suppliers.", "Leeds City Council", "sub_central"),
    ("West Midlands Combined Authority", "West Midlands Combined Authority", "sub_central"),
    ("Department for Education", "Department for Education", "central_government"),
    ("On behalf of the Ministry of Justice", "Ministry of Justice", "central_government"),
    ("Buyer: HM Revenue and Customs", "HM Revenue and Customs", "central_government"),
    ("The Cabinet Office invites tenders", "Cabinet Office", "central_government"),
    ("Leeds Teaching Hospitals NHS Trust", "Leeds Teaching Hospitals NHS Trust", "nhs_central"),
    ("NHS West Yorkshire Integrated Care Board", "NHS West Yorkshire Integrated Care Board",
     "nhs_other"),
    ("Sheffield Clinical Commissioning Group", "Sheffield Clinical Commissioning Group",
     "nhs_other"),
    ("NHS England", "NHS England", "nhs_central"),
    ("The Welsh Government is procuring", "Welsh Government", "devolved_welsh"),
    ("Cardiff Council wishes to procure", "Cardiff Council", "devolved_welsh"),
    ("Betsi Cadwaladr University Health Board", "Betsi Cadwaladr University Health Board",
     "devolved_welsh"),
    ("Rhondda Cynon Taf County Borough Council", "Rhondda Cynon Taf County Borough Council",
     "devolved_welsh"),
    ("Glasgow City Council", "Glasgow City Council", "scottish"),
    ("NHS Lothian", "NHS Lothian", "scottish"),
    ("The Scottish Government", "Scottish Government", "scottish"),
]


@pytest.mark.parametrize("text,name,kind", AUTHORITIES, ids=[a[1] for a in AUTHORITIES])
def test_authority(text, name, kind):
    found = summary_of(text)
    assert found["authority"]["value"] == name
    assert found["authority_kind"]["value"] == kind


def test_named_role_beats_passing_mention():
    text = ("The Council has regard to guidance from the Cabinet Office.\n\n"
            "Contracting authority: Leeds City Council\n")
    found = summary_of(text)
    assert found["authority"]["value"] == "Leeds City Council"
    assert found["authority_kind"]["conflicts"] == []


def test_bare_the_council_is_not_a_name():
    assert "authority" not in summary_of("The Council will evaluate tenders.")


FRAMEWORKS = [
    ("The Council intends to establish a multi-supplier framework agreement.", "framework"),
    ("This framework agreement will run for four years.", "framework"),
    ("The framework will be awarded to up to six suppliers. Call-off contracts under this "
     "framework will be awarded by mini-competition or direct award.", "framework"),
    ("Suppliers appointed to the framework may bid for call-offs.", "framework"),
    ("This is a call-off contract under the ESPO Facilities Management framework.", "call_off"),
    ("This is a further competition under the Crown Commercial Service Digital Outcomes "
     "framework.", "call_off"),
    ("The contract will be awarded via the YPO Energy framework (Lot 2).", "call_off"),
    ("Direct award under framework RM6187.", "call_off"),
    ("This mini-competition is run under Lot 3 of the NHS Shared Business Services framework.",
     "call_off"),
    ("The Authority is conducting a mini-competition.", "call_off"),
]


@pytest.mark.parametrize("text,role", FRAMEWORKS, ids=[f[0][:50] for f in FRAMEWORKS])
def test_framework_role(text, role):
    assert summary_of(text)["framework"]["value"] == role


def test_no_framework_wording():
    assert "framework" not in summary_of("A single contract for cleaning services.")


DATES = [
    ("The contract notice will be published on 3 March 2026.", "procurement_start",
     dt.date(2026, 3, 3)),
    ("Tender issue date: 12/01/2026", "procurement_start", dt.date(2026, 1, 12)),
    ("The procurement commenced on 2025-02-20.", "procurement_start", dt.date(2025, 2, 20)),
    ("Procurement started 3rd of February 2025.", "procurement_start", dt.date(2025, 2, 3)),
    ("ITT publication date | 1 Apr 2025", "procurement_start", dt.date(2025, 4, 1)),
    ("The tender notice was published on Find a Tender on March 3, 2026.", "procurement_start",
     dt.date(2026, 3, 3)),
    ("The contract will start on 1 October 2026.", "contract_start", dt.date(2026, 10, 1)),
    ("Contract start date | 01/04/2026", "contract_start", dt.date(2026, 4, 1)),
    ("Anticipated commencement date: 01.04.27", "contract_start", dt.date(2027, 4, 1)),
    ("Services are expected to commence on 2026-07-01.", "contract_start", dt.date(2026, 7, 1)),
]


@pytest.mark.parametrize("text,name,date", DATES, ids=[d[0][:50] for d in DATES])
def test_dates(text, name, date):
    assert summary_of(text)[name]["value"] == date


@pytest.mark.parametrize("text", [
    "Tender return deadline: 12/02/2026",
    "Clarification questions by 5 March 2026.",
    "The 2024 annual report was published.",
    "Contract notice published on 31/02/2026.",   # no such date
])
def test_dates_not_read(text):
    found = summary_of(text)
    assert "procurement_start" not in found and "contract_start" not in found


def test_day_first():
    assert summary_of("Tender issue date: 03/04/2026")["procurement_start"]["value"] == \
        dt.date(2026, 4, 3)


def test_both_dates_in_one_paragraph_with_lines():
    text = ("The contract notice will be published on 3 March 2026.\n"
            "The contract will start on 1 October 2026.\n")
    found = summary_of(text)
    assert found["procurement_start"]["fact"].line == 1
    assert found["contract_start"]["fact"].line == 2


@pytest.mark.parametrize("text,expected", [
    ("The Authority relies on reasons of extreme urgency.", True),
    ("There is an urgent need to procure replacement services.", True),
    ("This is an urgent procurement under the urgency provisions.", True),
    ("This procurement is not being run on grounds of urgency.", None),
    ("Urgent repairs must be attended within 2 hours.", None),
])
def test_urgency(text, expected):
    found = summary_of(text)
    assert (found["urgency"]["value"] if "urgency" in found else None) == expected


@pytest.mark.parametrize("text,expected", [
    ("This contract is governed by the laws of England and Wales.", "england"),
    ("The contract shall be governed by Scots law.", "scotland"),
    ("Subject to the exclusive jurisdiction of the courts of Northern Ireland.",
     "northern_ireland"),
])
def test_jurisdiction(text, expected):
    assert summary_of(text)["jurisdiction"]["value"] == expected


@pytest.mark.parametrize("text,years", [
    ("The contract will run for 3 years with an option to extend for a further 2 years.", 5),
    ("A 3+1+1 year contract.", 5),
    ("Initial term of 36 months with the option to extend by 2 x 12 months.", 5),
    ("The framework will last four years.", 4),
    ("The contract duration is 2 years.", 2),
])
def test_term_years(text, years):
    assert summary_of(text)["term_years"]["value"] == years


@pytest.mark.parametrize("text", [
    "Bidders must have 3 years experience of similar contracts.",
    "Provide accounts for the last 2 years of trading under the contract.",
    "Records must be retained for 6 years after the contract ends.",
])
def test_not_a_term(text):
    assert "term_years" not in summary_of(text)
