Feature: SVA 2012 s.1(1)-(8): the duties before the procurement starts, and what follows from them
  Before starting the procurement the authority must consider the s.1(3) matters for the
  relevant area (s.1(4)-(5)) and whether to consult (s.1(7)); urgency of its own making does not
  lift the duties (s.1(9)). Large contracts not divided into lots need reasons (PCR 2015 reg 46;
  PA 2023 s.18), and where a lead provider sub-contracts, social value must be a requirement of
  the supply chain (PHE 2015 §3.3). A recorded decision not to consult, or not to include social
  value criteria, satisfies the duty to consider.

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      nature: services
      value: 900000
      vat: exclusive
      """

  Rule: s.1(3), (4)-(5), (7) - the record of what was considered; s.1(1) requires the consideration, not a record of it in the tender, so silence is a warning (an evidence gap)

    Scenario: a tender that records none of the duties has warnings, not errors
      Given the tender text:
        """
        # Supported living

        The Council invites tenders for a supported living service.
        """
      When it is checked
      Then the findings are:
        | rule    | line         | severity |
        | PROC001 | front matter | warning  |
        | PROC002 | front matter | warning  |
      And the exit status is 0

    Scenario: a tender that records them all
      Given the tender text:
        """
        # Supported living

        Before starting this procurement the Council considered how it might improve the economic,
        social and environmental well-being of the relevant area, the area of Northshire County
        Council, and how the process could secure that improvement (s.1(3)). It considered whether
        to consult under s.1(7) and decided that consultation was not needed.
        """
      When it is checked
      Then there are no findings

    Scenario Outline: statements that record a breach
      Given the tender metadata:
        """
        authority_kind: <kind>
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the area}
        """
      And the tender text:
        """
        # Procurement record

        <clause>
        """
      When it is checked
      Then there is a "<rule>" finding of severity "<severity>"

      Examples:
        | kind               | clause                                                                                         | rule    | severity |
        | sub_central        | Social value has not been considered for this procurement.                                      | PROC008 | error    |
        | sub_central        | Social value will be considered by the evaluation panel once tenders have been received.       | PROC009 | error    |
        | sub_central        | Because of delays in preparing the specification, the Council relies on the urgency provision in s.1(8). | PROC010 | error |
        | central_government | The Department considered the well-being of Sheffield, where its headquarters is located.      | PROC011 | warning  |
        | sub_central        | The Council considered how the contract might support economic growth in the borough.           | PROC012 | warning  |

  Rule: PCR 2015 reg 46 and PA 2023 s.18 - lots for large contracts

    Scenario Outline: a £40 million contract
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 40000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the county}
        """
      And the tender text:
        """
        # School catering

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | clause                                                                                               | finding                                   |
        | The Council invites tenders for catering in 300 schools.                                             | a "PROC004" finding of severity "warning" |
        | The framework will be let as one lot covering all 300 schools. Lots have not been considered.        | a "PROC005" finding of severity "warning" |
        | The service is divided into five lots by area; bidders may bid for up to three lots.                 | no "PROC004" finding                      |
        | The contract has not been divided into lots because one kitchen network serves every school.        | no "PROC005" finding                      |

  Rule: PHE 2015 §3.3 - social value flows down to the supply chain of a lead provider

    Scenario Outline: sub-contracting with and without flow-down
      Given the tender text:
        """
        # Contract

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | clause                                                                                                      | finding                                   |
        | The Contractor may sub-contract up to 60% of the Services to delivery partners. The Contractor shall deliver the social value KPIs in Schedule 6. | a "PROC006" finding of severity "warning" |
        | Social value obligations apply to the Contractor only and shall not be passed down to sub-contractors.      | a "PROC007" finding of severity "warning" |
        | The Contractor may sub-contract; it shall include equivalent social value provisions in every Sub-contract. | no "PROC006" finding                      |
        | Sub-contracting is not permitted under this Contract, and none is anticipated.                              | no "PROC006" finding                      |
