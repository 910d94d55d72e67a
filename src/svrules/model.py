"""The types every pipeline stage speaks.

They are small, frozen pydantic models so that a stage can hand its output to the next without
copies or surprises, and so that JSON Schemas can be exported from them (`svrules schema`).
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
from enum import Enum
from functools import lru_cache
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- vocabulary

class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(str, Enum):
    scope = "scope"
    threshold = "threshold"
    relevance = "relevance"
    proportionality = "proportionality"
    local = "local"
    verifiable = "verifiable"
    evaluation = "evaluation"
    process = "process"
    input = "input"


class AuthorityKind(str, Enum):
    central_government = "central_government"
    sub_central = "sub_central"
    nhs = "nhs"                  # an NHS body whose listing is not stated (the name may settle it)
    nhs_central = "nhs_central"  # listed as central government: NHS Trusts, Foundation Trusts, NHS England, NHSBSA
    nhs_other = "nhs_other"      # not listed (integrated care boards and others): sub-central thresholds
    devolved_welsh = "devolved_welsh"
    scottish = "scottish"
    other = "other"
    not_contracting_authority = "not_contracting_authority"  # e.g. a private company


class Jurisdiction(str, Enum):
    england = "england"
    wales = "wales"
    scotland = "scotland"
    northern_ireland = "northern_ireland"
    uk = "uk"


class Nature(str, Enum):
    services = "services"
    goods = "goods"
    works = "works"
    mixed = "mixed"


class Vat(str, Enum):
    inclusive = "inclusive"
    exclusive = "exclusive"


class FrameworkRole(str, Enum):
    none = "none"            # a stand-alone contract
    framework = "framework"  # concluding a framework
    call_off = "call_off"    # a contract based on an existing framework


# --------------------------------------------------------------------------- citations

class Citation(Frozen):
    """A place in a policy source that a finding or a reason rests on."""

    source: str = Field(description="key into rules/sources.yaml")
    section: str
    quote: Optional[str] = Field(None, description="verbatim text of the source")
    summary: Optional[str] = Field(None, description="a paraphrase of the source, where its "
                                   "wording is not held; reports never put it in quotation marks")
    url: Optional[str] = None

    @model_validator(mode="after")
    def _quote_or_summary(self):
        if self.quote and self.summary:
            raise ValueError("a citation has a verbatim quote or a summary, not both")
        return self

    def words(self) -> str:
        """How reports show the source's words: a quote in quotation marks, a summary marked as
        a paraphrase and never in quotation marks; empty when the citation has neither."""
        if self.quote:
            return f"\"{self.quote}\""
        return f"(paraphrase) {self.summary}" if self.summary else ""


# --------------------------------------------------------------------------- documents

class Location(Frozen):
    """Where a block sits in its file, in the terms a person would use to find it."""

    line: int = Field(ge=1, description="1-based line (text formats) or paragraph number")
    column: Optional[int] = Field(None, ge=1)
    page: Optional[int] = None
    paragraph: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    cell: Optional[int] = None
    part: Optional[str] = Field(None, description="body, header, footer, textbox ...; "
                                "`document` for a finding about the whole document")
    clause: Optional[str] = Field(None, description="the clause number the document gives "
                                  "the text, e.g. 4.2 (its own, or its numbered heading's)")


class BlockKind(str, Enum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    table_row = "table_row"
    table_cell = "table_cell"
    comment = "comment"


@lru_cache(maxsize=64)
def _line_offsets(text: str) -> list[int]:
    """Offsets where the lines of `text` start (a few recent blocks' are kept)."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


class Block(Frozen):
    """One unit of text: a heading, paragraph, list item or table row/cell.

    `text` keeps the block's own line breaks; `line_starts` gives the (line, column) where each of
    its lines begins, so that an offset into `text` maps back to the file.
    """

    index: int
    kind: BlockKind
    text: str
    location: Location
    section: tuple[str, ...] = ()
    level: Optional[int] = Field(None, description="heading level")
    cells: tuple[str, ...] = Field((), description="a table row's cells, in order")
    line_starts: tuple[tuple[int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, Optional[int]]:
        """(line, column) of a character offset into `text`: a binary search over the offsets
        where the block's lines start, computed once per block (linear, not per call)."""
        if not self.line_starts:
            return self.location.line, self.location.column
        starts = _line_offsets(self.text)
        newlines = bisect.bisect_right(starts, max(0, offset)) - 1   # "\n" in text[:offset]
        before = min(newlines, len(self.line_starts) - 1)
        line, col = self.line_starts[before]
        start_of_line = starts[newlines] if before else 0
        return line, col + (offset - start_of_line)


# --------------------------------------------------------------------------- tender metadata

#: What `svrules init` writes where a tender's own fact belongs: it fails validation until replaced,
#: so that no example value is ever applied to a real tender by mistake.
PLACEHOLDER = "FILL IN"


def refuse_placeholder(value):
    """A metadata value still reading FILL IN (alone, in a list, or as `FILL IN ...`) is an error."""
    items = value if isinstance(value, (list, tuple)) else [value]
    if any(isinstance(v, str) and re.match(r"FILL IN\b", v.strip()) for v in items):
        raise ValueError(f"still the placeholder {PLACEHOLDER!r} from `svrules init`: give the "
                         "tender's value, or delete the line")
    return value

class Parts(Frozen):
    """Estimated value of each part of a mixed contract, on the same VAT basis as `value`."""

    services: Optional[float] = Field(None, ge=0, allow_inf_nan=False)
    goods: Optional[float] = Field(None, ge=0, allow_inf_nan=False)
    works: Optional[float] = Field(None, ge=0, allow_inf_nan=False)

    _filled = field_validator("*", mode="before")(refuse_placeholder)


class Urgency(Frozen):
    claimed: bool = False
    reason: Optional[str] = None


class SocialValueMeta(Frozen):
    considered: Optional[bool] = Field(
        None, description="s.1(3) considered before the procurement started")
    considered_on: Optional[dt.date] = None
    consultation_considered: Optional[bool] = Field(None, description="s.1(7)")
    weighting_percent: Optional[float] = Field(None, ge=0, le=100, allow_inf_nan=False)
    relevant_area: Optional[str] = Field(None, description="s.1(4)-(5)")

    _filled = field_validator("*", mode="before")(refuse_placeholder)


class TenderMeta(BaseModel):
    """What the tender says about itself, from front matter, a sidecar file or OCDS."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Optional[str] = None
    authority: Optional[str] = None
    authority_kind: Optional[AuthorityKind] = None
    jurisdiction: Optional[Jurisdiction] = None
    procurement_start: Optional[dt.date] = None
    nature: Optional[Nature] = None
    parts: Optional[Parts] = None
    light_touch: Optional[bool] = Field(
        None, description="social, health, education or other Schedule 3 / light-touch services")
    value: Optional[float] = Field(None, ge=0, allow_inf_nan=False,
                                   description="estimated value in GBP")
    vat: Optional[Vat] = None
    term_years: Optional[float] = Field(None, gt=0, allow_inf_nan=False)
    framework: Optional[FrameworkRole] = None
    lots: Optional[bool] = Field(None, description="divided into lots")
    lots_reason: Optional[str] = None
    cpv: tuple[str, ...] = ()
    urgency: Optional[Urgency] = None
    social_value: Optional[SocialValueMeta] = None
    location_reservation: Optional[bool] = Field(
        None, description="a below-threshold reservation by location stated in the notice")
    main_subject: Optional[Literal["services", "works"]] = Field(
        None, description="main subject-matter of a contract mixing services and works (PCR 2015 "
                          "reg 4(1)(a); PA 2023 Sch 1 para 4: a works contract if its main purpose "
                          "is works)")
    concession: Optional[bool] = Field(
        None, description="a concession contract (PA 2023 s.8): paid at least partly by a right to "
                          "exploit the works or services, with a real operating risk")
    health_care_services: Optional[bool] = Field(
        None, description="relevant health care services for the health service in England "
                          "(Health Care Services (Provider Selection Regime) Regulations 2023)")
    notice_kind: Optional[Literal["market_engagement", "modification", "procurement"]] = Field(
        None, description="early market engagement (before the process of procurement starts, "
                          "SVA 2012 s.1(2)), a modification of an existing contract (PCR 2015 "
                          "reg 72; PA 2023 s.74), or a procurement of a new contract")
    defence_security: Optional[bool] = Field(
        None, description="a defence and security contract (DSPCR 2011; PA 2023 s.7), outside "
                          "SVA 2012 s.1 (s.1(13); s.1(16)(a))")

    _filled = field_validator("*", mode="before")(refuse_placeholder)

    @field_validator("cpv", mode="before")
    @classmethod
    def _cpv_list(cls, value):
        if isinstance(value, (str, int)):
            return (str(value),)
        if isinstance(value, list):
            return tuple(str(v) for v in value)
        return value

    @model_validator(mode="after")
    def _value_has_basis(self):
        if self.value is not None and self.vat is None:
            raise ValueError("value given without vat: say `vat: inclusive` or `vat: exclusive`")
        return self


class MetaField(Frozen):
    """A fact about the tender with where it came from (metadata or the document's words)."""

    name: str
    value: str | float | bool | None
    source: Literal["metadata", "text", "config", "ocds"]
    where: Optional[str] = Field(None, description="file:line of the value")


# --------------------------------------------------------------------------- verdicts and findings

class Applicability(Frozen):
    act_applies: Optional[bool]
    regime: Optional[Literal["PCR2015", "PA2023"]] = None
    threshold_gbp: Optional[float] = None
    reasons: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = Field((), description="metadata fields whose absence left it open")
    warnings: tuple[str, ...] = ()
    good_practice_only: bool = Field(
        False, description="the Act does not apply: social value findings are advice")
    procurement_law: Optional[Literal["PCR2015", "PA2023", "PRSA2014", "PSR2023",
                                      "DSPCR2011"]] = Field(
        None, description="the procurement law the award follows (Scottish devolved authorities: "
                          "the Procurement Reform (Scotland) Act 2014; NHS health care services in "
                          "England: the Provider Selection Regime)")
    duty: Optional[str] = Field(
        None, description="the social value duty that binds the authority, e.g. SVA 2012 s.1, "
                          "PR(S)A 2014 s.9, SPPP(W)A 2023 s.24")
    contract_type: Optional[Literal["services", "goods", "works", "light_touch",
                                    "concession"]] = Field(
        None, description="the type whose threshold the contract is compared with")
    procurement_threshold_gbp: Optional[float] = Field(
        None, description="threshold of the procurement law for this type of contract")
    below_threshold: Optional[bool] = Field(
        None, description="below the procurement law's threshold for its type (None: not known)")
    notifiable_below_threshold: Optional[bool] = Field(
        None, description="a below-threshold contract at or above PA 2023 s.87(4)")
    value_compared_gbp: Optional[float] = Field(
        None, description="the estimated value on the basis it was compared (value_basis)")
    value_basis: Optional[Literal["inclusive", "exclusive"]] = Field(
        None, description="VAT basis of value_compared_gbp and of the thresholds it was compared with")
    stage: Optional[Literal["pre_procurement", "modification"]] = Field(
        None, description="the notice comes before any process of procurement (early market "
                          "engagement) or modifies an existing contract: duties owed on starting "
                          "or awarding a procurement are not (yet) due")
    devolved_welsh: Optional[bool] = Field(
        None, description="the buyer is read as a devolved Welsh authority (SVA 2012 s.1(11)), "
                          "whatever threshold column its kind names; None: its kind is not known")


class Finding(Frozen):
    rule: str
    name: str
    category: Category
    severity: Severity
    line: int
    column: Optional[int] = None
    location: Optional[Location] = None
    message: str
    excerpt: str
    fix: str
    fingerprint: str
    citations: tuple[Citation, ...]
    downgraded_from: Optional[Severity] = None
    also_at: tuple[Location, ...] = Field(
        (), description="other places where the rule found the same sentence (lots, repeats)")
    section: tuple[str, ...] = Field((), description="heading path of the block (reports)")
    context: Optional[str] = Field(
        None, description="the whole block the excerpt comes from, so a reviewer reads it in place")


class Waiver(Frozen):
    """Why a finding is accepted: an inline suppression, a reviewed waiver or the baseline."""

    kind: Literal["inline", "waiver", "baseline"]
    reason: Optional[str] = None
    reviewer: Optional[str] = None
    date: Optional[dt.date] = None
    expires: Optional[dt.date] = None
    where: Optional[str] = Field(None, description="file:line of the suppression or waiver")


class WaivedFinding(Frozen):
    """A finding that was found but accepted: counted apart, never fails the run."""

    finding: Finding
    waiver: Waiver


class FileError(Frozen):
    kind: str
    message: str
    line: Optional[int] = None


class FileResult(Frozen):
    path: str
    applicability: Optional[Applicability] = None
    findings: tuple[Finding, ...] = ()
    errors: tuple[FileError, ...] = ()
    warnings: tuple[str, ...] = ()
    waived: tuple[WaivedFinding, ...] = Field(
        (), description="inline-suppressed and waived findings (kind inline or waiver)")
    baselined: tuple[WaivedFinding, ...] = Field((), description="findings in the baseline")


class Document(BaseModel):
    """A loaded tender: its blocks, its metadata and what loading noticed."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    path: str
    format: str
    blocks: tuple[Block, ...]
    meta: Optional[TenderMeta] = None
    meta_source: Optional[str] = None
    meta_lines: dict[str, int] = Field(default_factory=dict, description="metadata key -> line")
    ocds_source: Optional[str] = Field(None, description="OCDS release file the metadata drew on")
    ocds_keys: tuple[str, ...] = Field((), description="metadata keys taken from the OCDS release")
    warnings: tuple[str, ...] = ()
