Feature: Severity follows the applicability verdict and the law each rule rests on
  Each rule declares the law it rests on (`depends_on` in rules/*.yaml): the Social Value Act
  s.1 duty, procurement law for a covered procurement (PA 2023 ss.12, 18, 23; PCR 2015 regs 18,
  46, 67), a policy note with its own scope, or good practice. Where that law applies the
  finding is as written; where it does not, it is good-practice info; where the verdict is
  unknown it is at most a warning worded "If ... applies", and the unknown verdict is itself a
  finding naming the facts that would decide it. Severity follows the law: error where the text
  is likely unlawful or breaches a duty that binds, warning for risk or policy, info for good
  practice.

  Rule: SVA 2012 s.1(1)-(2) - an unknown verdict is a finding, never a clean result

    Scenario: a tender without a start date
      Given the tender metadata:
        """
        authority_kind: sub_central
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Supported living

        The Council invites tenders for a supported living service.
        """
      When it is checked
      Then the Act applies is "null"
      And the findings are:
        | rule     | line         | severity |
        | SCOPE002 | front matter | warning  |
      And the message of the "SCOPE002" finding says "procurement_start not known"
      And the message of the "SCOPE002" finding says "the records of the s.1 duties (PROC001-PROC003) are not checked"
      And the fix of the "SCOPE002" finding says "procurement_start: set the Word custom property `procurement_start` or add to the front matter"
      And the exit status is 0

    Scenario: the unknown verdict is reported in every format
      Given the tender text:
        """
        # Home care services

        The Council invites tenders for home care services across the county.
        """
      When it is checked
      Then there is a "SCOPE002" finding of severity "warning"
      And the concise report names "SCOPE002 [warning] Whether the Social Value Act applies is unknown"
      And the sarif report names "Whether the Social Value Act applies is unknown: procurement_start"
      And the text report names "Whether the Social Value Act applies is unknown"

    Scenario: a Word tender without a start date is no longer "no findings"
      Given the tender text:
        """
        # Home care services

        The Council invites tenders for home care services across the county.
        """
      And the tender is a Word document
      When it is checked
      Then the Act applies is "null"
      And there is a "SCOPE002" finding of severity "warning"
      And the message of the "SCOPE002" finding says "procurement_start"
      And the exit status is 0

    Scenario: an error that rests on procurement law is a warning while the regime is unknown
      Given the tender metadata:
        """
        authority_kind: sub_central
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      And the tender text:
        """
        # Award criteria

        Question 7, Added Social Value (10%): please use the box below to tell us about any added social value your organisation could bring to this contract.
        """
      When it is checked
      Then there is a "VER003" finding of severity "warning"
      And the "VER003" finding was downgraded from "error"
      And the message of the "VER003" finding says "If this procurement is covered by PA 2023 s.23(2)(b) or PCR 2015 reg 67(7)(b):"

    Scenario: a known verdict needs no such finding
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      And the tender text:
        """
        # Supported living

        The Council invites tenders for a supported living service.
        """
      When it is checked
      Then there are no findings

    Scenario: a statement in the text that may record a breach of a duty that may not bind
      Given the tender metadata:
        """
        authority_kind: sub_central
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Procurement record

        Social value has not been considered for this procurement.
        """
      When it is checked
      Then there is a "PROC008" finding of severity "warning"
      And the "PROC008" finding was downgraded from "error"
      And the message of the "PROC008" finding says "If the Act applies: Records that"

  Rule: where the Act does not apply, its findings are good practice; procurement law stays

    Scenario: a below-threshold contract: good practice only
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 50000
        vat: exclusive
        """
      And the tender text:
        """
        # Befriending service

        The Provider shall endeavour to support community initiatives throughout the contract.
        """
      When it is checked
      Then the Act applies is "false"
      And there is a "VER001" finding of severity "info"
      And the message of the "VER001" finding says "(good practice only: this procurement is not covered by PA 2023 s.23(2)(b) or PCR 2015 reg 67(7)(b))"
      And there is no "PROC001" finding
      And there is no "SCOPE002" finding

    Scenario: a goods contract above the threshold keeps the rules of procurement law
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: goods
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Supply of office furniture

        Bidders must demonstrate that 30% of their supply chain is based in the borough.

        The Supplier may sub-contract delivery to its delivery partners.
        """
      When it is checked
      Then the Act applies is "false"
      And there is a "LOCAL001" finding of severity "error"
      And the message of the "LOCAL001" finding says "this rests on PA 2023 s.12(2) or PCR 2015 reg 18(1), whether or not the Social Value Act applies"
      And there is a "PROC006" finding of severity "info"
      And the message of the "PROC006" finding says "(good practice only: the Social Value Act does not apply to this procurement)"

    Scenario: a Scottish authority: PA 2023 does not extend to it
      Given the tender metadata:
        """
        authority_kind: scottish
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Award criteria

        Question 7, Added Social Value (10%): please use the box below to tell us about any added social value your organisation could bring to this contract.
        """
      When it is checked
      Then the Act applies is "false"
      And there is a "VER003" finding of severity "info"
      And the "VER003" finding was downgraded from "error"

  Rule: PPN 06/20, PPN 002 and NHS England's weighting are policy with their own scope

    Scenario Outline: a <kind> <nature> contract started <start> weighting social value at 0%
      Given the tender metadata:
        """
        authority_kind: <kind>
        procurement_start: <start>
        nature: <nature>
        value: <value>
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the UK}
        """
      And the tender text:
        """
        # Supply of laptops

        ## Award criteria

        Award criteria: Price 70%, Quality 30%.
        """
      When it is checked
      Then there is a "<rule>" finding of severity "warning"

      Examples:
        | kind               | nature   | start      | value   | rule    |
        | central_government | goods    | 2025-11-03 | 2400000 | EVAL004 |
        | central_government | works    | 2025-11-03 | 6000000 | EVAL004 |
        | central_government | services | 2025-11-03 | 2400000 | EVAL004 |
        | central_government | goods    | 2023-05-15 | 2400000 | EVAL003 |
        | nhs_central        | goods    | 2024-02-12 | 2400000 | EVAL005 |
        | nhs                | services | 2024-02-12 | 2400000 | EVAL005 |

    Scenario: PPN 06/20 covered PCR 2015 procurements only
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2025-06-02
        nature: services
        value: 2400000
        vat: exclusive
        """
      And the tender text:
        """
        ## Award criteria

        Award criteria: Price 70%, Quality 30%.
        """
      When it is checked
      Then there is no "EVAL003" finding
      And there is no "EVAL004" finding

  Rule: PCR 2015 reg 46 and PA 2023 s.18 - lots where that law asks for them

    Scenario Outline: a £40 million contract that says nothing of lots: <case>
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: services
        light_touch: <light>
        value: 40000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the county}
        """
      And the tender text:
        """
        # <title>

        <text>
        """
      When it is checked
      Then there are <count> "PROC004" findings

      Examples:
        | case                          | start      | light | title                 | text                                                                                   | count |
        | an ordinary contract          | 2026-03-02 | false | Home care             | The Council invites tenders for home care across the county.                           | 1     |
        | a dynamic purchasing system   | 2026-03-02 | false | Home care DPS         | The Council is establishing a dynamic purchasing system for home care providers.       | 0     |
        | light-touch under PCR 2015    | 2024-09-02 | true  | Supported living      | The Council invites tenders for supported living across the county.                    | 0     |
        | light-touch under PA 2023     | 2026-03-02 | true  | Supported living      | The Council invites tenders for supported living across the county.                    | 1     |
        | one strategic partner         | 2026-03-02 | false | Leisure management    | The Council seeks a single strategic partner to run its six leisure centres.           | 0     |
        | an integrated service         | 2026-03-02 | false | Facilities management | The Council requires an integrated service for hard and soft facilities management.    | 0     |

    Scenario: a single lot with the reason given elsewhere in the notice
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
        # Facilities management

        The contract will be let as a single lot.

        The Council requires one integrated service for hard and soft facilities management.
        """
      When it is checked
      Then there is no "PROC005" finding

  Rule: word boundaries - a stem is not a longer word

    Scenario: "consultants" is not a record that consultation was considered (s.1(7))
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, relevant_area: the borough}
        """
      And the tender text:
        """
        # Highways design services

        The Council invites tenders from engineering consultants for highways design services.
        """
      When it is checked
      Then there is a "PROC002" finding of severity "warning"

  Rule: one finding per rule per sentence, listing the other places

    Scenario: the same requirement repeated in each lot
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      And the tender text:
        """
        # Grounds maintenance

        ## Lot 1: parks

        The Provider shall endeavour to support community initiatives throughout the contract.

        ## Lot 2: cemeteries

        The Provider shall endeavour to support community initiatives throughout the contract.

        ## Lot 3: verges

        The Provider shall endeavour to support community initiatives throughout the contract.
        """
      When it is checked
      Then there is 1 "VER001" finding
      And the "VER001" finding is also at 2 other places
      And the message of the "VER001" finding says "(the same sentence also at line "
