Feature: Verifiable requirements and stated weightings, however they are worded
  A social value requirement is verifiable when it binds a level to what is counted, or fixes a
  deadline (PA 2023 s.23(2)(b) "sufficiently clear, measurable and specific"; PCR 2015 reg
  67(7)(b)). The level may be a number in words, a bound ("a minimum of 30 per cent"), a share
  ("by a quarter") or a date; a hedge in any form ("aspires to", "commits to exploring", "as far
  as reasonably possible", "make every effort") supplies none of it, and a buyer's request with
  no modal ("We would welcome proposals ...") is still an ask. Award criteria must state the
  relative importance of each criterion in advance (PA 2023 s.23(3)(b)): a figure written before
  its criterion counts, and social value folded into another criterion or left open to change
  after tenders arrive has no stated weight.

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

  Rule: PA 2023 s.23(2)(b) - a hedge or a request supplies no target

    Scenario Outline: soft commitments and requests in many forms
      Given the tender text:
        """
        # Specification

        <text>
        """
      When it is checked
      Then there is a "VER001" finding of severity "warning"

      Examples:
        | text                                                                                              |
        | The Supplier aspires to reduce the carbon footprint of its operations over the life of the contract. |
        | The Contractor will commit to exploring opportunities for apprenticeships during the contract.    |
        | The Provider will, as far as reasonably possible, engage voluntary and community sector organisations in delivering the service. |
        | The Contractor will make every effort to employ people facing barriers to work.                   |
        | We would welcome proposals that promote equality, diversity and inclusion across the workforce.   |
        | The Supplier will try to offer up to 10 work placements, depending on demand.                     |

    Scenario: a KPI row whose target is a placeholder or a quality word sets no level
      Given the tender text:
        """
        # Social value KPIs

        KPI 7 | Community engagement | Target: TBC | Frequency: quarterly | Evidence: case studies

        KPI 8 | Fleet emissions | Target: ongoing | Frequency: quarterly | Evidence: fuel card data
        """
      When it is checked
      Then there are 2 "VER001" findings

  Rule: PA 2023 s.23(2)(b) - a level bound to what is counted is verifiable, however it is written

    Scenario Outline: bounds, shares in words and dates
      Given the tender text:
        """
        # Social value

        <text>
        """
      When it is checked
      Then there is no "VER001" finding
      And there is a "VER007" finding of severity "info"

      Examples:
        | text                                                                                                 |
        | The Contractor shall spend a minimum of 30 per cent of the contract value with SMEs and VCSEs.       |
        | The Supplier will reduce the contract's fleet emissions by a quarter against the 2025 baseline by March 2029. |
        | No less than a fifth of the workforce on the contract will be recruited from people who have been unemployed for six months or more. |
        | The Contractor will send no more than 5% of construction waste to landfill.                          |

  Rule: PA 2023 s.23(3)(b) - each criterion's weight is stated, in whatever order

    Scenario: a figure before its criterion, below the central government minimum
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 3000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        Tenders will be evaluated on the basis of 65% quality, 30% price and 5% social value.
        """
      When it is checked
      Then there is a "EVAL004" finding of severity "warning"
      And there is no "EVAL001" finding

    Scenario: a figure before its criterion, adding up to more than 100%
      Given the tender text:
        """
        # Award criteria

        The evaluation will be 60% quality, 30% price and 20% social value.
        """
      When it is checked
      Then there is a "EVAL001" finding of severity "error"

    Scenario Outline: social value with no weight of its own
      Given the tender text:
        """
        # Award criteria

        <text>
        """
      When it is checked
      Then there is a "EVAL006" finding of severity "error"

      Examples:
        | text                                                                                                   |
        | Social value will be assessed as part of the technical evaluation.                                    |
        | Quality 70% (including social value), Price 30%.                                                      |
        | Weightings will be published at the invitation to tender stage and may be changed following clarification. |
        | Social value: 10% or such other weighting as the Authority may determine.                             |

  Rule: the minimum weightings read a social value weight stated on its own

    Scenario: an NHS net zero and social value weight below 10%, stated alone
      Given the tender metadata:
        """
        authority_kind: nhs
        procurement_start: 2025-07-14
        nature: services
        value: 1500000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Award criteria

        Net zero and social value will carry 5% of the total score.
        """
      When it is checked
      Then there is a "EVAL005" finding of severity "warning"

    Scenario: quality sub-weights that do not add up to their parent
      Given the tender text:
        """
        # Award criteria

        Quality (60%) is made up of: Methodology 30%, Staffing and resources 20%, Mobilisation 15%. Price 40%.
        """
      When it is checked
      Then there is a "EVAL002" finding of severity "error"

  Rule: weights read from a notice's award-criteria fields, slashed lists and bare-number tables

    Scenario: notice award-criteria fields below the PPN 002 minimum
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 3000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        Quality criterion - Name: Technical / Weighting: 65

        Quality criterion - Name: Social Value / Weighting: 5

        Price - Weighting: 30
        """
      When it is checked
      Then there is a "EVAL004" finding of severity "warning"
      And there is no "EVAL001" finding

    Scenario Outline: criteria and bare weights on one line, below the PPN 002 minimum
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 3000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        <weights>
        """
      When it is checked
      Then there is a "EVAL004" finding of severity "warning"

      Examples:
        | weights                                                     |
        | Quality: 65 / Price: 30 / Social value: 5                    |
        | Award criteria: Technical - 60, Commercial - 35, Social Value - 5. |

    Scenario: social value among the topics of a weighted quality question has no weight of its own
      Given the tender metadata:
        """
        authority_kind: nhs
        procurement_start: 2026-03-02
        nature: services
        value: 1500000
        vat: exclusive
        """
      And the tender text:
        """
        # Award criteria

        Question 3 (Quality, 25%): Explain your approach to staffing, training and social value.

        Question 4 (Price, 75%): Complete the pricing schedule.
        """
      When it is checked
      Then there is a "EVAL005" finding of severity "warning"
      And there is a "EVAL006" finding of severity "error"

    Scenario: a flattened table row of criteria and bare weights
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 3000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        Technical | 60 | Commercial | 35 | Social Value | 5
        """
      When it is checked
      Then there is a "EVAL004" finding of severity "warning"

    Scenario Outline: weights that do not add up, however they are laid out
      Given the tender text:
        """
        # Award criteria

        <weights>
        """
      When it is checked
      Then there is a "EVAL001" finding of severity "error"

      Examples:
        | weights                                 |
        | Quality/Price/Social Value: 60/35/15.   |
        | Cost criterion - Name: Price / Weighting: 50 Quality criterion - Name: Quality / Weighting: 40 |

  Rule: one document-wide monitoring statement covers every requirement, however it is worded

    Scenario Outline: monitoring for all commitments in other words
      Given the tender text:
        """
        # Social value

        The Contractor will create 4 apprenticeship starts during the contract.

        The Contractor will divert at least 90% of construction waste from landfill.

        <statement>
        """
      When it is checked
      Then there are no findings

      Examples:
        | statement |
        | Progress against every social value commitment will be reported to the Council each quarter through the Social Value Portal, with supporting evidence, and any shortfall will be subject to a remediation plan. |
        | All commitments above are monitored through the contract's performance framework (Schedule 6), which sets reporting periods, evidence and remedies. |
        | Monitoring: each commitment is reported six-monthly with evidence; unmet commitments are carried forward and a financial remedy applies. |

  Rule: PA 2023 s.23(2)(b) - requirements with no supplier named and no modal are still requirements

    Scenario Outline: an instruction, a passive deliverable, a KPI row with no header
      Given the tender text:
        """
        # <section>

        <text>
        """
      When it is checked
      Then there is a "VER001" finding of severity "warning"

      Examples:
        | section           | text                                                                                          |
        | Contract          | Take on and train people who have been long-term unemployed within the team delivering the Services. |
        | Specification     | Community initiatives will be delivered in the area, such as volunteering days and support for youth groups. |
        | Social value KPIs | \| SV2 \| Supporting the community \| 95% \| Quarterly \| Supplier report \|                     |

    Scenario: a list of aims under an objectives heading is not a requirement
      Given the tender text:
        """
        # Objectives

        - Improve the health and wellbeing of residents.
        - Provide opportunities for young people to thrive.
        """
      When it is checked
      Then there is no "VER001" finding

  Rule: PA 2023 s.23(3) - a weight fixed at evaluation is not stated in advance

    Scenario: a range fixed before evaluation begins
      Given the tender text:
        """
        # Invitation to tender

        The social value weighting will lie between 10% and 20% and will be fixed before evaluation begins.
        """
      When it is checked
      Then there is a "EVAL006" finding of severity "error"

  Rule: seed 004 - outcomes left to be settled after award cannot be verified

    Scenario: social value to be discussed with the successful supplier
      Given the tender text:
        """
        # Specification

        Social value: to be discussed with the successful supplier at the kick-off meeting.
        """
      When it is checked
      Then there is a "VER005" finding of severity "warning"
