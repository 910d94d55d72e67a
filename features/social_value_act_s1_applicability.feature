Feature: Public Services (Social Value) Act 2012 s.1: does the duty apply to this procurement?
  The verdict names its regime and threshold and gives its reasons with citations. Nothing is
  guessed: a missing fact the verdict turns on leaves it unknown and names the fact to add.

  Rule: s.1(1) - mixed contracts are covered only where services are the greater part by value

    Scenario: a mixed contract without the value of each part is unknown
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: mixed
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "null"
      And the missing facts are "parts"
      And a warning says "parts.services, parts.goods, parts.works"

    Scenario Outline: the split of a mixed contract decides
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: mixed
        parts: {services: <services>, works: <works>}
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a citation is "<rule>"

      Examples:
        | start      | services | works  | applies | rule      |
        | 2024-06-03 | 600000   | 300000 | true    | reg 4     |
        | 2024-06-03 | 450000   | 450000 | false   | reg 4     |
        | 2026-03-02 | 300000   | 600000 | false   | Sch 1 para 4 |

  Rule: s.1(1)(a)-(b) - frameworks are covered when concluded; call-offs are not

    Scenario Outline: framework role
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        framework: <role>
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a citation is "<section>"

      Examples:
        | role      | applies | section   |
        | framework | true    | s.1(1)(b) |
        | call_off  | false   | s.1(1)(a) |

  Rule: s.1(11)-(12) and extent - devolved Welsh authorities, Scotland and Northern Ireland

    Scenario: a devolved Welsh authority is outside s.1
      Given the tender metadata:
        """
        authority_kind: devolved_welsh
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.1(11)-(12)"
      And a reason says "Social Partnership and Public Procurement (Wales) Act 2023"

    Scenario Outline: a Scottish authority gets the community benefit duty instead
      Given the tender metadata:
        """
        authority_kind: scottish
        procurement_start: 2026-03-02
        nature: services
        value: <value>
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.25"
      And a reason says "<words>"

      Examples:
        | value   | words                                   |
        | 5000000 | the Procurement Reform (Scotland) Act 2014 s.25 community benefit duty applies instead: |
        | 900000  | applies instead where the estimated value is £4,000,000 or more |

    Scenario: Northern Ireland
      Given the tender metadata:
        """
        jurisdiction: northern_ireland
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a reason says "NI PPN 01/21"

  Rule: the authority kind picks the threshold column; NHS bodies are sub-central

    Scenario Outline: threshold column by authority kind
      Given the tender metadata:
        """
        authority_kind: <kind>
        procurement_start: 2026-03-02
        nature: services
        value: 150000
        vat: inclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the threshold is <threshold>
      And the Act applies is "<applies>"

      Examples:
        | kind               | threshold | applies |
        | central_government | 135018    | true    |
        | sub_central        | 207720    | false   |
        | nhs                | 207720    | false   |
        | other              | 207720    | false   |

    Scenario: an unknown kind of authority does not matter when the value clears both thresholds
      Given the tender metadata:
        """
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: inclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "true"

    Scenario: an unknown kind of authority matters between the two thresholds
      Given the tender metadata:
        """
        procurement_start: 2026-03-02
        nature: services
        value: 150000
        vat: inclusive
        """
      When it is checked
      Then the Act applies is "null"
      And the missing facts are "authority_kind"

  Rule: the procurement start date picks the regime and the threshold in force (s.1(2))

    Scenario Outline: regime and threshold by start date
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: services
        value: 5000000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the regime is "<regime>"
      And the threshold is <threshold>

      Examples:
        | start      | regime  | threshold |
        | 2014-06-01 | null    | 172514    |
        | 2021-06-01 | PCR2015 | 189330    |
        | 2023-12-31 | PCR2015 | 213477    |
        | 2024-01-01 | PCR2015 | 214904    |
        | 2025-02-23 | PCR2015 | 214904    |
        | 2025-02-24 | PA2023  | 214904    |
        | 2025-12-31 | PA2023  | 214904    |
        | 2026-01-01 | PA2023  | 207720    |

    Scenario: a procurement before the Act came into force
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2012-06-01
        nature: services
        value: 5000000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a reason says "before s.1 came into force on 2013-01-31"

  Rule: light-touch services are in scope at the ordinary services threshold (s.1(16), SI 2016/275)

    Scenario: a light-touch care contract above the ordinary threshold and below the light-touch one
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2024-06-03
        nature: services
        light_touch: true
        value: 400000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "true"
      And the threshold is 214904
      And a citation is "s.1(16)"

  Rule: VAT - PCR-era values are compared net of VAT, PA 2023 values including VAT

    Scenario Outline: a value on the other basis is converted and the report says so
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: services
        value: <value>
        vat: <vat>
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a reason says "<words>"

      Examples:
        | start      | value  | vat       | applies | words                              |
        | 2026-03-02 | 180000 | exclusive | true    | read as £216,000 by adding VAT     |
        | 2026-03-02 | 180000 | inclusive | false   | £180,000 is below the threshold    |
        | 2024-06-03 | 240000 | inclusive | false   | read as £200,000 by removing VAT   |
        | 2024-06-03 | 240000 | exclusive | true    | £240,000 is at or above            |

    Scenario: a value exactly at the threshold meets it
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 207720
        vat: inclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "true"

  Rule: s.1(8) - urgency lets the authority disregard s.1(3), (6) and (7)

    Scenario Outline: an urgency claim
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        urgency: <urgency>
        """
      When it is checked
      Then the Act applies is "true"
      And a citation is "s.1(8)"
      And there is no "PROC001" finding

      Examples:
        | urgency                                                   |
        | {claimed: true, reason: "provider failure on 1 March 2026"} |
        | {claimed: true}                                           |

    Scenario: an urgency claim without a reason is warned about
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        urgency: {claimed: true}
        """
      When it is checked
      Then a warning says "urgency is claimed but no reason is recorded"

  Rule: below the threshold or out of scope, social value findings are good practice

    Scenario: below threshold, findings are downgraded to info
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 90000
        vat: exclusive
        """
      And the tender text:
        """
        # Befriending

        The Provider shall endeavour to support community initiatives.
        """
      When it is checked
      Then the Act applies is "false"
      And social value findings are good practice only is "true"
      And there is a "VER001" finding of severity "info"

    Scenario: an organisation that applies social value to all contracts (as Kent does) keeps severities
      Given the configuration:
        """
        [tool.svrules]
        apply-to-all-contracts = true
        """
      And the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 90000
        vat: exclusive
        """
      And the tender text:
        """
        # Befriending

        The Provider shall endeavour to support community initiatives.
        """
      When it is checked
      Then the Act applies is "false"
      And social value findings are good practice only is "false"
      And there is a "VER001" finding of severity "warning"
      And a citation is "Foreword"

  Rule: missing facts are never guessed

    Scenario Outline: each missing fact is named with the metadata to add
      Given the tender metadata:
        """
        <meta>
        """
      And the tender text:
        """
        # Invitation to tender

        The authority invites tenders.
        """
      When it is checked
      Then the Act applies is "null"
      And the missing facts are "<missing>"
      And a reason says "to decide, set the Word custom property"

      Examples:
        | meta                                                                   | missing           |
        | {authority_kind: sub_central, nature: services, value: 900000, vat: exclusive} | procurement_start |
        | {authority_kind: sub_central, procurement_start: 2026-03-02, value: 900000, vat: exclusive} | nature |
        | {authority_kind: sub_central, procurement_start: 2026-03-02, nature: services} | value |

  Rule: s.1(3) - the authority must consider social value before the procurement starts; the Act does not require the tender to record it, so silence is an evidence gap (a warning)

    Scenario Outline: no record of the pre-procurement consideration is a warning, not an error
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: <considered>, consultation_considered: true, relevant_area: the county}
        """
      And the tender text:
        """
        # Domiciliary care

        The Council invites tenders for domiciliary care.
        """
      When it is checked
      Then the findings are:
        | rule    | line         | severity |
        | PROC001 | front matter | warning  |
      And the exit status is 0

      Examples:
        | considered |
        | null       |
        | false      |

    Scenario Outline: a record in the metadata or in the text satisfies s.1(3)
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: <considered>, consultation_considered: true, relevant_area: the county}
        """
      And the tender text:
        """
        # Domiciliary care

        <text>
        """
      When it is checked
      Then there are no findings

      Examples:
        | considered | text |
        | true       | The Council invites tenders for domiciliary care. |
        | null       | Before starting this procurement the Council considered how it might improve the economic, social and environmental well-being of the county. |
        | null       | Social value was considered at the pre-procurement stage, as section 1(3) of the Act requires. |

  Rule: metadata wins over the document's words, and a conflict between them is a warning

    Scenario: the metadata and the text give different values
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Invitation to tender

        The estimated total contract value is £1.5 million excluding VAT.
        """
      When it is checked
      Then the Act applies is "true"
      And a warning says "metadata says value is £900,000 (front matter line 5) but the text says £1,500,000 (line"
      And a reason says "£900,000"

    Scenario: without metadata the verdict comes from the text, with its places
      Given the tender text:
        """
        # Invitation to tender: cleaning services

        Issued by the Borough of Northfield Council.

        The estimated total contract value is £150,000 excluding VAT. The contract notice will be published on 2 March 2026.
        """
      When it is checked
      Then the Act applies is "false"
      And a reason says "(text, line"
      And the threshold is 207720
