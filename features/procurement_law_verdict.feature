Feature: The procurement law around the Act: thresholds by type of contract, special regimes, and the duties that follow
  The verdict says which procurement law governs the award, the threshold for the contract's
  type and whether the contract is below it, so that rules can apply the below-threshold and
  contract-management duties of that law.

  Rule: goods and works contracts have thresholds of their own, so they can be below threshold

    Scenario: a lawful below-threshold location reservation on a £48,000 goods contract is not an error
      SI 2026/94 lets an English council reserve a below-threshold contract to suppliers in its
      area, stated in the notice; PA 2023 Sch 1 row 12 gives the goods and services threshold
      (£207,720 from 1 January 2026).
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: goods
        value: 48000
        vat: inclusive
        location_reservation: true
        """
      And the tender text:
        """
        # Supply of school uniforms

        As stated in the below-threshold tender notice, this contract is reserved to suppliers located in Shropshire.
        """
      When it is checked
      Then the Act applies is "false"
      And the verdict says below_threshold is "true"
      And the verdict says contract_type is "goods"
      And the verdict says procurement_threshold_gbp is "207720"
      And there is no "LOCAL001" finding
      And there is no "LOCAL003" finding

    Scenario Outline: works contracts are compared with the works threshold (PA 2023 Sch 1 row 10)
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: works
        value: <value>
        vat: inclusive
        """
      When it is checked
      Then the Act applies is "false"
      And the verdict says procurement_threshold_gbp is "5193000"
      And the verdict says below_threshold is "<below>"

      Examples:
        | value   | below |
        | 4000000 | true  |
        | 6000000 | false |

  Rule: concession contracts (PA 2023 s.8) are not public services contracts for the Act

    Scenario: a services concession under PA 2023
      SVA 2012 s.1(16)(a) as substituted by SI 2025/163: "a public contract for the supply of
      services to which the Procurement Act 2023 applies ..., other than a utilities contract,
      defence and security contract or concession contract".
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        concession: true
        value: 3000000
        vat: inclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.8(1)"
      And a citation is "s.1(16)(a) as substituted by SI 2025/163"
      And the verdict says contract_type is "concession"
      And the verdict says procurement_threshold_gbp is "5193000"
      And the verdict says below_threshold is "true"

  Rule: NHS health care services under the Provider Selection Regime: PA 2023 does not apply (PR 2024 reg 43)

    Scenario Outline: what follows for the Social Value Act
      PR 2024 reg 43: "The PA 2023 does not apply in relation to regulated health procurement",
      so SVA 2012 s.1(16)(a) (a public contract "to which the Procurement Act 2023 applies") does
      not reach the contract; s.1(16)(b) still does if it is a light touch contract, a term with
      its PA 2023 meaning "even though the Act does not apply" (s.1(15)), at or above the row 11
      or 12 threshold (s.1(17)).
      Given the tender metadata:
        """
        authority: Leeds Teaching Hospitals NHS Foundation Trust
        authority_kind: nhs
        procurement_start: 2026-04-13
        nature: services
        health_care_services: true
        <light>
        value: <value>
        vat: inclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the city}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And the verdict says procurement_law is "PSR2023"
      And a citation is "reg 43"
      And the missing facts are "<missing>"

      Examples:
        | light              | value   | applies | missing     |
        | light_touch: true  | 900000  | true    | none        |
        | light_touch: false | 900000  | false   | none        |
        | light_touch: null  | 900000  | null    | light_touch |
        | light_touch: null  | 100000  | false   | none        |

  Rule: PA 2023 s.52 - at least three KPIs for a public contract over £5 million

    Scenario Outline: KPIs
      PA 2023 s.52(1): "Before entering into a public contract with an estimated value of more
      than £5 million, a contracting authority must set at least three key performance
      indicators"; s.52(2) and (6) give the exceptions (frameworks, concessions, light touch).
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-04-13
        nature: goods
        value: <value>
        vat: exclusive
        framework: <framework>
        """
      And the tender text:
        """
        # Laptops

        <text>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | value   | framework | text                                                                 | finding                                   |
        | 4500000 | none      | The Department invites tenders for 4,000 laptops.                    | a "KPI001" finding of severity "warning"  |
        | 4000000 | none      | The Department invites tenders for 4,000 laptops.                    | no "KPI001" finding                       |
        | 4500000 | none      | Key performance indicators: delivery on time, failure rate, repair time. | no "KPI001" finding                   |
        | 4500000 | framework | The Department invites tenders for 4,000 laptops.                    | no "KPI001" finding                       |

  Rule: PA 2023 ss.85-88 - duties for regulated below-threshold contracts

    Scenario: s.85(1) - no restriction of tenders by an assessment of suitability
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        value: 60000
        vat: exclusive
        """
      And the tender text:
        """
        # Grounds maintenance

        Bidders must complete a selection questionnaire; only those that pass will be invited to tender.
        """
      When it is checked
      Then there is a "BT001" finding of severity "error"

    Scenario Outline: s.87(1) - a restriction on a notifiable below-threshold contract needs the below-threshold tender notice
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        value: <value>
        vat: exclusive
        location_reservation: true
        """
      And the tender text:
        """
        # Reserved contract

        <text>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | value | text                                                                                                   | finding                                  |
        | 45000 | The Council reserves this contract to suppliers located in its area.                                   | a "BT002" finding of severity "warning"  |
        | 45000 | As stated in the below-threshold tender notice, the Council reserves this contract to suppliers located in its area. | no "BT002" finding |
        | 20000 | The Council reserves this contract to suppliers located in its area.                                   | no "BT002" finding                       |

    Scenario: s.88 - payment within 30 days is implied, and a longer term is without effect
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        value: 45000
        vat: exclusive
        """
      And the tender text:
        """
        # Payment

        Invoices will be paid within 60 days of receipt.
        """
      When it is checked
      Then there is a "BT003" finding of severity "warning"

  Rule: a Welsh council's location preference is a matter for LGA 1988 s.17

    Scenario: a devolved Welsh authority restricts by location
      LGA 1988 s.17(5)(e): "the location in any country or territory of the business activities
      or interests of, contractors" is a non-commercial matter; SI 2026/94 reaches England only.
      Given the tender metadata:
        """
        authority_kind: devolved_welsh
        procurement_start: 2026-04-13
        nature: services
        value: 40000
        vat: exclusive
        """
      And the tender text:
        """
        # Quotation

        This opportunity is open only to businesses based in Powys.
        """
      When it is checked
      Then there is a "WALES001" finding of severity "warning"
      And there is no "LOCAL003" finding
      And the message of the "WALES001" finding says "LGA 1988 s.17(5)(e)"

  Rule: messages carry no placeholder words

    Scenario: a large contract with no start date: the lots finding names no regime rather than "(unknown)"
      Given the tender metadata:
        """
        authority_kind: sub_central
        nature: services
        value: 8000000
        vat: exclusive
        """
      And the tender text:
        """
        # Home care

        The Council invites tenders for home care across the county.
        """
      When it is checked
      Then the message of the "PROC004" finding says "A contract of £8,000,000 net of VAT with no decision on lots recorded."
