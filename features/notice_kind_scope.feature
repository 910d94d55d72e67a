Feature: The notice's kind: market engagement, contract modifications and defence contracts
  Some notices are not the start of a procurement of a public services contract. Early market
  engagement comes before the process of procurement starts (SVA 2012 s.1(2)); a modification
  or extension of an existing contract procures nothing new (s.1(1)); a defence and security
  contract is outside s.1 (s.1(13) in the PCR era, s.1(16)(a) in the PA era). The verdict reads
  the kind from the notice's own words, and rules on both engines agree.

  Rule: early market engagement: the Act's duties are not yet due, so their findings are advice

    Scenario: a request for information that says it is not the start of a tender
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
        # Community transport: request for information

        The Council is undertaking a market engagement exercise to learn how providers could
        deliver the service. This is not the beginning of a tender exercise.
        """
      When it is checked
      Then the Act applies is "true"
      And the verdict says stage is "pre_procurement"
      And a reason says "process of procurement has not started"
      And a citation is "s.1(2)"
      And there is a "PROC001" finding of severity "info"
      And the message of the "PROC001" finding says "not yet due"

    Scenario: a tender that mentions the market engagement it held is a started procurement
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
        # Community transport

        The Council invites tenders for a community transport service. The specification was
        developed with input from preliminary market engagement held last year.
        """
      When it is checked
      Then the Act applies is "true"
      And the verdict says stage is "null"
      And there is a "PROC001" finding of severity "warning"

    Scenario: the lots duty of procurement law is not yet due either
      PA 2023 s.18 asks for the lots decision before the tender notice; a request for information
      comes before it, so the PROC004 finding is advice.
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 6000000
        vat: exclusive
        """
      And the tender text:
        """
        # Highways maintenance: request for information

        This request for information does not constitute a formal tender. The Council wants to
        understand the market before it designs the procurement.
        """
      When it is checked
      Then there is a "PROC004" finding of severity "info"
      And the "PROC004" finding was downgraded from "warning"

  Rule: a modification or extension of an existing contract is not a new procurement

    Scenario: an award notice for an extension under PCR 2015 reg 72(1)(b)
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2024-04-15
        nature: services
        value: 300000
        vat: exclusive
        """
      And the tender text:
        """
        # Extension award: data analysis services

        The existing contract is being extended by five months. The extension is made in
        accordance with Regulation 72(1)(b) of the Public Contracts Regulations 2015.
        """
      When it is checked
      Then the Act applies is "false"
      And the verdict says stage is "modification"
      And a reason says "no proposal to procure"
      And a citation is "s.1(1) (a proposal to procure by entering into a contract or concluding a framework)"
      And there is no "PROC001" finding
      And there is no "PROC002" finding

    Scenario: an option to extend is not a modification
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
        # Grounds maintenance

        The Council invites tenders for grounds maintenance. The contract runs for three years
        with the option of two further 12 month extensions.
        """
      When it is checked
      Then the Act applies is "true"
      And the verdict says stage is "null"

  Rule: a defence and security contract is outside s.1

    Scenario Outline: the Act's own words exclude it in both regimes
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: <start>
        nature: services
        value: 5000000
        vat: exclusive
        """
      And the tender text:
        """
        # In-service support for a radar system

        <words>
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "<section>"
      And the verdict says procurement_law is "<law>"
      And there is no "PROC001" finding

      Examples:
        | start      | words                                                                                  | section | law       |
        | 2024-06-03 | This procurement is subject to the Defence and Security Public Contracts Regulations 2011. | s.1(13) (as enacted; "the Regulations" are PCR 2015 as replacing the 2006 Regulations, s.1(15)) | DSPCR2011 |
        | 2026-03-02 | The contract is a defence and security contract within section 7 of the Procurement Act 2023. | SVA 2012 s.1(16)(a) as substituted by SI 2025/163 reg 7(2)(f) | PA2023 |

    Scenario: a Ministry of Defence buyer alone does not make a defence and security contract
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 5000000
        vat: exclusive
        """
      And the tender text:
        """
        # Catering services

        The Ministry of Defence invites tenders for catering services at its offices.
        """
      When it is checked
      Then the Act applies is "true"

    Scenario Outline: military equipment named for a defence buyer is a defence and security contract
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: <start>
        nature: services
        value: 39000000
        vat: exclusive
        """
      And the tender text:
        """
        # In-service support

        The Ministry of Defence has placed a contract for the in-service support of the aircraft infra-red counter-measure suite, including repair and spares.
        """
      When it is checked
      Then the Act applies is "false"
      And the verdict says procurement_law is "<law>"
      And there is no "PROC001" finding

      Examples:
        | start      | law       |
        | 2024-12-20 | DSPCR2011 |
        | 2026-03-02 | PA2023    |

  Rule: a call-off under someone's framework is outside s.1(1)(a); a DPS competition is not

    Scenario Outline: how the contract was awarded decides
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
        # Vehicle hire

        <words>
        """
      When it is checked
      Then the Act applies is "<applies>"

      Examples:
        | words                                                                                    | applies |
        | The contract was awarded after a further competition under Lot 2 of the ESPO 664 vehicle hire framework. | false   |
        | A mini-competition was held using the 2024 regional fleet framework agreement.         | false   |
        | A further competition was held under the YPO vehicle hire DPS framework.               | true    |
        | The contract was awarded against the Crown Commercial Service Vehicle Hire Panel.      | false   |
        | Vehicles were procured through the Fleet Solutions 3 framework.                        | false   |
        | The contract was awarded after review by the evaluation panel.                         | true    |

  Rule: metadata states the notice's kind and wins over the text

    Scenario: a notice the text reads as market engagement, stated to be a procurement
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        notice_kind: procurement
        """
      And the tender text:
        """
        # Community transport

        This is not a call for competition.
        """
      When it is checked
      Then the Act applies is "true"
      And the verdict says stage is "null"
      And there is a "PROC001" finding of severity "warning"

    Scenario: a defence and security contract stated in metadata
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2026-03-02
        nature: services
        value: 5000000
        vat: exclusive
        defence_security: true
        """
      When it is checked
      Then the Act applies is "false"
      And a reason says "defence and security contract (metadata"
