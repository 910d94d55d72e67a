Feature: Verifiable is not enforceable; what is not a social value clause; flow-down; weightings per lot
  A social value requirement is verifiable when it states a target (a number, a share, a deadline)
  and what is counted; an award criterion is verifiable when the text also says how it will be
  scored (PA 2023 s.23(2)(b) "sufficiently clear, measurable and specific"; PCR 2015 reg 67(7)(b)).
  No law asks each requirement to carry its own reporting frequency, evidence and remedy: how the
  requirements are monitored and enforced is good practice, reported once per document (VER007),
  and one document-wide statement (a KPI schedule, a monitoring section) covers every
  requirement it governs. Requirements about the subject matter itself, background, objectives,
  compliance declarations and portal boilerplate are not social value clauses, and a reference
  to a schedule or annex of the tender pack supplies what the clause leaves out. Social value
  flows down to the supply chain only where the tender expects delivery through one (seed 001
  §3.3), and award weightings add up per lot and per table (PA 2023 s.23(3)(b)(i)).

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      nature: services
      value: 900000
      vat: exclusive
      social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
      """

  Rule: monitoring and enforcement are one good-practice note per document, not a warning per requirement

    Scenario: several verifiable requirements without their own monitoring get one note
      Given the tender text:
        """
        # Social value

        The Contractor will create 4 apprenticeship starts during the first two years of the contract.

        The Contractor shall deliver two employability workshops for pupils each term, with attendance recorded in the quarterly return.

        The Contractor will divert at least 90% of construction waste from landfill.
        """
      When it is checked
      Then there is 1 "VER007" finding
      And there is a "VER007" finding of severity "info"
      And the message of the "VER007" finding says "How 3 social value requirements will be monitored"
      And there is no "VER001" finding

    Scenario: a document-wide monitoring statement covers every requirement it governs
      Given the tender text:
        """
        # Social value

        The Contractor will create 4 apprenticeship starts during the first two years of the contract.

        The Contractor will divert at least 90% of construction waste from landfill.

        All social value commitments are reported quarterly in the Social Value Report, with payroll
        extracts and waste transfer notes as evidence, and any shortfall triggers a remedial action
        plan and the service credits in Schedule 5.
        """
      When it is checked
      Then there are no findings

    Scenario: an unverifiable requirement is still a warning, beside the one monitoring note
      Given the tender text:
        """
        # Social value

        The Contractor shall engage with local schools to raise pupils' aspirations.
        """
      When it is checked
      Then the findings are:
        | rule   | line | severity |
        | VER001 | 3    | warning  |
        | VER007 | 3    | info     |

  Rule: an award criterion is verifiable when it says what is assessed and how it is scored

    Scenario Outline: award questions with and without a scoring method
      Given the tender text:
        """
        # Award criteria

        <question>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | question                                                                                                                                                          | finding                                   |
        | Question SV2 (5%): describe how you will create training opportunities for young people who are NEET. Answers are scored 0-5 against the published descriptors. | no "VER001" finding                       |
        | Question 8 (10%): describe your approach to social value.                                                                                                        | a "VER001" finding of severity "warning"  |

  Rule: not social value clauses - the subject matter, background, declarations and portal boilerplate

    Scenario Outline: wording that obliges or scores no social value outcome
      Given the tender text:
        """
        # <section>

        <text>
        """
      When it is checked
      Then there is no "VER001" finding
      And there is no "VER007" finding

      Examples:
        | section        | text                                                                                                                                                       |
        | Specification  | The Contractor must hold ISO 14001 certification or an equivalent environmental management system.                                                        |
        | Specification  | All new homes must achieve an EPC rating of B or above.                                                                                                   |
        | Specification  | The vehicles supplied must meet the Euro 6 emissions standard.                                                                                            |
        | Contract notice | The Council is committed to maximising community benefits from its procurement activities.                                                               |
        | Contract notice | To have their tender considered, bidders must confirm that they comply with the community benefit clauses.                      |
        | Contract notice | Under the terms of this contract the successful supplier will be required to deliver community benefits in support of the authority's economic and social objectives. |
        | Contract notice | Community benefits are included in this requirement.                                                                                                     |
        | Contract notice | Community benefits are included in this requirement. Under the terms of this contract the successful bidder will be required to deliver community benefits. |
        | Specification  | The objectives of this contract are to reduce carbon emissions from the Council's estate and improve energy efficiency.                                   |
        | Specification  | The Consultant must demonstrate previous experience of delivering net zero feasibility studies.                                                           |

  Rule: a schedule, annex or document of the tender pack supplies what the clause leaves out

    Scenario Outline: requirements by reference
      Given the tender text:
        """
        # Social value

        <text>
        """
      When it is checked
      Then there are no findings

      Examples:
        | text                                                                                                                       |
        | The Contractor shall deliver the community benefits set out in the Community Benefits Schedule.                           |
        | The Contractor shall meet the social value commitments; see Annex C for the targets and measures.                         |
        | The successful supplier must provide community benefits from the menu contained within Appendix 1, Community Benefits Points System. |

  Rule: PROC006 - flow-down is asked only where the tender expects delivery through a supply chain and sets social value obligations

    Scenario Outline: sub-contracting wording that is not a supply-chain delivery model
      Given the tender text:
        """
        # Contract notice

        <text> The Contractor shall deliver the social value commitments in Schedule 6.
        """
      When it is checked
      Then there is no "PROC006" finding

      Examples:
        | text                                                                                                     |
        | The buyer considers that this contract is suitable for consortia.                                        |
        | Contracting authority: Northshire Procurement Consortium.                                                |
        | The Contractor shall make sub-contracting opportunities available to SMEs and supported businesses.      |
        | Where sub-contractors are to be used but their capability is not relied on, separate ESPDs may be asked for. |

    Scenario: a supply-chain delivery model with social value obligations and no flow-down
      Given the tender text:
        """
        # Contract

        The Provider will deliver the service through a network of VCSE delivery partners. The Provider will create 12 volunteering placements a year.
        """
      When it is checked
      Then there is a "PROC006" finding of severity "warning"

    Scenario: sub-contracting where the tender sets no social value obligations
      Given the tender text:
        """
        # Contract

        The Contractor may sub-contract up to 40% of the Services.
        """
      When it is checked
      Then there is no "PROC006" finding

  Rule: PA 2023 s.23(3)(b)(i) - weightings add up per lot and per table, never across lots

    Scenario Outline: lots and tables each weighted to 100%
      Given the tender text:
        """
        # Award criteria

        <weights>
        """
      When it is checked
      Then there is no "EVAL001" finding

      Examples:
        | weights                                                                  |
        | Lot 1: Quality 60%, Price 30%, Social Value 10%. Lot 2: Quality 70%, Price 30%. |
        | Lot 1: Price 100%. Lot 2: Quality 60%, Price 40%.                        |

    Scenario: one lot that does not add up is reported with its own total
      Given the tender text:
        """
        # Award criteria

        Lot 1: Quality 60%, Price 30%, Social Value 10%. Lot 2: Quality 70%, Price 40%.
        """
      When it is checked
      Then there is a "EVAL001" finding of severity "error"
      And the message of the "EVAL001" finding says "weights total 110"

    Scenario: a weighting table, one criterion per row, with a total row
      Given the tender text:
        """
        # Award criteria

        | Criterion | Weighting |
        |---|---|
        | Quality | 55% |
        | Price | 40% |
        | Social Value | 10% |
        """
      When it is checked
      Then there is a "EVAL001" finding of severity "error"
      And the message of the "EVAL001" finding says "weights total 105"

    Scenario: a column per lot, each adding up
      Given the tender text:
        """
        # Award criteria

        | Criterion | Lot 1 | Lot 2 |
        |---|---|---|
        | Quality | 60% | 50% |
        | Price | 30% | 40% |
        | Social Value | 10% | 10% |
        | Total | 100% | 100% |
        """
      When it is checked
      Then there is no "EVAL001" finding

    Scenario: a line break inside "Social Value" keeps its figure for the central government minimum
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        The award criteria are Quality 60%, Price 30% and Social
        Value 10%.
        """
      When it is checked
      Then there is no "EVAL004" finding
      And there is no "EVAL001" finding

  Rule: s.1(4)-(5) define the relevant area - it is asked of a record that exists, once

    Scenario: no record at all is one finding (PROC001), not a second for the area
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {consultation_considered: true}
        """
      And the tender text:
        """
        # Supported living

        The Council invites tenders for a supported living service.
        """
      When it is checked
      Then there is a "PROC001" finding of severity "warning"
      And there is no "PROC003" finding
      And there is no "PROC013" finding

    Scenario: a record in the text that names no area
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {consultation_considered: true}
        """
      And the tender text:
        """
        # Supported living

        The Council considered how the services might improve economic, social and environmental well-being before the procurement started.
        """
      When it is checked
      Then there is a "PROC003" finding of severity "warning"
      And there is no "PROC001" finding

    Scenario: a record kept in the front matter that names no area
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true}
        """
      And the tender text:
        """
        # Supported living

        The Council invites tenders for a supported living service.
        """
      When it is checked
      Then there is a "PROC013" finding of severity "warning"
      And there is no "PROC003" finding
