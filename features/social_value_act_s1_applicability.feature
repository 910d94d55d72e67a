Feature: Public Services (Social Value) Act 2012 s.1: does the duty apply to this procurement?
  The verdict names its regime and threshold and gives its reasons with citations. Nothing is
  guessed: a missing fact the verdict turns on leaves it unknown and names the fact to add.

  Rule: s.1(1) - mixed contracts: services with goods by value, services with works by main subject-matter

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

    Scenario Outline: services and goods: the part of higher value decides (PCR 2015 reg 4(1)(b)(ii))
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: mixed
        parts: {services: <services>, goods: <goods>}
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a citation is "<rule>"

      Examples:
        | start      | services | goods  | applies | rule             |
        | 2024-06-03 | 600000   | 300000 | true    | reg 4(1)(b)(ii)  |
        | 2024-06-03 | 450000   | 450000 | false   | reg 4(1)(b)(ii)  |
        | 2026-03-02 | 300000   | 600000 | false   | s.1(1)           |

    Scenario Outline: services and works: the main subject-matter decides, not the value of each part
      PCR 2015 reg 4(1)(a): a mixed contract is awarded under "the provisions applicable to the
      type of procurement that characterises the main subject-matter"; PA 2023 Sch 1 para 4: a
      contract is a works contract "if its main purpose is" works.
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: mixed
        parts: {services: <services>, works: <works>}
        <main>
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a citation is "<rule>"
      And the missing facts are "<missing>"

      Examples:
        | start      | services | works  | main                    | applies | rule         | missing      |
        | 2024-06-03 | 600000   | 300000 | main_subject: null      | null    | reg 4(1)(a)  | main_subject |
        | 2024-06-03 | 300000   | 600000 | main_subject: services  | true    | reg 4(1)(a)  | none         |
        | 2024-06-03 | 600000   | 300000 | main_subject: works     | false   | reg 4(1)(a)  | none         |
        | 2026-03-02 | 300000   | 600000 | main_subject: services  | true    | Sch 1 para 4 | none         |
        | 2026-03-02 | 600000   | 300000 | main_subject: works     | false   | Sch 1 para 4 | none         |

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

  Rule: s.1(11)-(12) - devolved Welsh authorities; the Wales Act 2023 s.24 duty from its commencement

    Scenario Outline: a devolved Welsh authority is outside s.1, and the Welsh duty binds only once in force
      SPPP(W)A 2023 s.24(1): a contracting authority "must seek to improve the economic, social,
      environmental and cultural well-being of its area by carrying out public procurement in a
      socially responsible way", in force from 25 March 2026 (SI 2025/1353 (W. 220) art 2(b)).
      Given the tender metadata:
        """
        authority_kind: devolved_welsh
        procurement_start: <start>
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.1(11)-(12)"
      And a reason says "<words>"
      And the verdict says duty is "<duty>"

      Examples:
        | start      | words                                           | duty               |
        | 2026-03-02 | is not yet in force on 2026-03-02               | null               |
        | 2026-04-01 | socially responsible procurement duty binds it instead | SPPP(W)A 2023 s.24 |

  Rule: SVA 2012 s.4(4) - the Act extends to England and Wales; Scotland has its own regime

    Scenario Outline: a Scottish authority: the Procurement Reform (Scotland) Act 2014, not PA 2023
      PR(S)A 2014 s.9(1)(a): before carrying out a regulated procurement (s.3: £50,000 or more,
      £2,000,000 for works, net of VAT, s.5(1)) the authority must consider how it can improve
      the economic, social and environmental wellbeing of its area; s.25: community benefit
      requirements from £4,000,000. PA 2023 s.2(5)(a): a devolved Scottish authority is an
      excluded authority.
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
      And a citation is "s.4(4)"
      And a citation is "<section>"
      And a reason says "<words>"
      And the verdict says procurement_law is "PRSA2014"
      And the verdict says duty is "<duty>"
      And the verdict says below_threshold is "<below>"

      Examples:
        | value   | section      | words                                                  | duty            | below |
        | 5000000 | s.25(1)-(3)  | the s.25 community benefit duty applies as well        | PR(S)A 2014 s.9 | false |
        | 900000  | ss.8(2) and 9(1) | the sustainable procurement duty applies           | PR(S)A 2014 s.9 | false |
        | 900000  | s.25(1)-(3)  | The s.25 community benefit duty applies from £4,000,000 | PR(S)A 2014 s.9 | false |
        | 40000   | s.3(1)-(2)   | is below the £50,000 threshold of a regulated procurement | null         | true  |

    Scenario: a location requirement by a Scottish authority cites the Scottish Act, not PA 2023
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
        # Specification

        The Contractor must be a local business based within 20 miles of the Council offices.
        """
      When it is checked
      Then there is no "LOCAL001" finding
      And there is a "SCOT001" finding of severity "error"
      And the message of the "SCOT001" finding says "PR(S)A 2014 s.8(1)(a)"

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
      And a citation is "s.4(4)"

  Rule: the authority kind picks the threshold column; listed NHS bodies are central government

    Scenario Outline: threshold column by authority kind
      PR 2024 reg 44 and Sch 2 list NHS Trusts, NHS Foundation Trusts, NHS England and the NHS
      Business Services Authority as central government authorities; a body not listed (an
      integrated care board) is a sub-central government authority (PA 2023 Sch 1 para 5(1)).
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
        | nhs_central        | 135018    | true    |
        | sub_central        | 207720    | false   |
        | nhs_other          | 207720    | false   |
        | other              | 207720    | false   |

    Scenario Outline: an NHS body's name settles its column where the law data does
      Given the tender metadata:
        """
        authority: <name>
        authority_kind: nhs
        procurement_start: <start>
        nature: services
        value: 150000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the city}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And the threshold is <threshold>
      And a citation is "<section>"

      Examples: a Foundation Trust services contract of £150,000 net in 2026 is above the central government threshold
        | name                                           | start      | applies | threshold | section   |
        | Leeds Teaching Hospitals NHS Foundation Trust  | 2026-03-02 | true    | 135018    | Sch 2     |
        | NHS England                                    | 2026-03-02 | true    | 135018    | Sch 2     |
        | NHS West Yorkshire Integrated Care Board       | 2026-03-02 | false   | 207720    | para 5(1) |
        | Leeds Teaching Hospitals NHS Foundation Trust  | 2019-03-04 | false   | 181302    | Sch 1     |
        | Barts Health NHS Trust                         | 2019-03-04 | true    | 118133    | Sch 1     |

    Scenario Outline: an NHS body whose listing the sources do not settle: the verdict names the fact to add
      Given the tender metadata:
        """
        authority: <name>
        authority_kind: nhs
        procurement_start: <start>
        nature: services
        value: 150000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "null"
      And the missing facts are "authority_kind"
      And a reason says "<words>"
      And a reason says "`nhs_central` for a listed body"

      Examples:
        | name                                          | start      | words                          |
        | Leeds Teaching Hospitals NHS Foundation Trust | 2023-06-05 | is not settled by the sources  |
        | NHS Shared Care Services                      | 2026-03-02 | does not say whether it is listed |

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

    Scenario: a buyer that is not a contracting authority is outside s.1
      Given the tender metadata:
        """
        authority: Example Housing Developments Ltd
        authority_kind: not_contracting_authority
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.1(15)"

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

  Rule: light-touch services are in scope at the ordinary services threshold (s.1(16)-(17))

    Scenario: PCR era: a light-touch care contract, compared net of VAT (s.1(16)(c))
      SVA 2012 s.1(16)(c) as substituted by SI 2016/275: a Schedule 3 services contract "the
      value of which (net of value-added tax) is estimated to be equal to or greater than the
      threshold mentioned in regulation 5(1)(c)".
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
      And a citation is "s.1(16)(c)"
      And the verdict says value_basis is "exclusive"

    Scenario: PCR era from 2022: £200,000 net of VAT light-touch services are below £213,477
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2023-06-05
        nature: services
        light_touch: true
        value: 200000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a reason says "£200,000 net of VAT is below the threshold of £213,477"

    Scenario Outline: PA era: the Act reaches light-touch services at the ordinary threshold, below the light-touch threshold of procurement law
      SVA 2012 s.1(16)(b) and (17) as substituted by SI 2025/163 reg 7(2)(f): a light touch
      contract "estimated to be of a value equal to or greater than the threshold amount
      mentioned in row 12"; PA 2023 Sch 1 row 8: light touch contracts £663,540.
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        light_touch: true
        value: <value>
        vat: inclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then the Act applies is "<applies>"
      And the threshold is 207720
      And a citation is "s.1(16)(b) and (17)"
      And the verdict says contract_type is "light_touch"
      And the verdict says procurement_threshold_gbp is "663540"
      And the verdict says below_threshold is "<below>"

      Examples:
        | value  | applies | below |
        | 150000 | false   | true  |
        | 400000 | true    | true  |
        | 700000 | true    | false |

  Rule: VAT - net of VAT until 2021, including VAT from 1 January 2022 (PCR 2015) and under PA 2023

    Scenario Outline: a value on the other basis is converted and the report says so
      PCR 2015 reg 6(1) as held: "based on the total amount payable, net of VAT"; from 1 January
      2022 the PCR thresholds and values include VAT (SI 2021/1245, not held); PA 2023 values
      include VAT. SVA 2012 s.1(16)(a) follows the Regulations; only the light-touch limbs
      (b)-(c) say "net of value-added tax".
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
        | 2026-03-02 | 180000 | inclusive | false   | £180,000 including VAT is below the threshold |
        | 2023-06-05 | 200000 | exclusive | true    | read as £240,000 by adding VAT     |
        | 2024-06-03 | 200000 | inclusive | false   | £200,000 including VAT is below the threshold of £214,904 |
        | 2021-06-01 | 200000 | inclusive | false   | read as £166,667 by removing VAT   |
        | 2021-06-01 | 240000 | exclusive | true    | £240,000 net of VAT is at or above |

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

    Scenario: findings compare like with like: the figure compared, with its VAT basis
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 6400000
        vat: exclusive
        lots: true
        social_value: {consultation_considered: true, relevant_area: the borough}
        """
      And the tender text:
        """
        # Home care

        The Council invites tenders for home care.
        """
      When it is checked
      Then the message of the "PROC001" finding says "£7,680,000 including VAT against a threshold of £207,720 including VAT"

  Rule: s.1(8)-(9) - urgency lets the authority disregard s.1(3), (6) and (7) only to the extent compliance is impractical

    Scenario Outline: an urgency claim downgrades the record findings to warnings, it does not delete them
      SVA 2012 s.1(8): the authority "may disregard the requirements to the extent that it is not
      practical to comply with them"; s.1(9): not "to the extent that the time available is
      reduced by undue delay on the part of the authority".
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
      And a citation is "s.1(9)"
      And there is no "PROC001" finding
      And there is a "URG001" finding of severity "warning"
      And there is a "URG002" finding of severity "warning"
      And the message of the "URG001" finding says "s.1(9)"

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
      And a warning says "s.1(9)"

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
