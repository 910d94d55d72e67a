Feature: SVA 2012 s.1(11)-(12): a buyer in Wales is outside s.1 only if its functions are devolved
  s.1(11)(e): "a relevant authority whose functions are wholly or mainly Welsh devolved
  functions" is not required to comply with s.1; s.1(12): a function is a Welsh devolved function
  if the provision conferring it is within the Senedd's legislative competence or is made by the
  Welsh Ministers. A kind such as sub_central or nhs_other says which threshold column a buyer
  takes, not whether its functions are devolved: svrules reads that from what the body is.
  Policing and UK government departments are not devolved. SI 2025/163 reg 7 leaves
  s.1(11)-(12) as enacted.

  Rule: a devolved body tagged by its threshold column is outside s.1

    Scenario Outline: a Welsh council, health board, fire or national park authority tagged <kind>
      Given the tender metadata:
        """
        authority: <authority>
        authority_kind: <kind>
        <territory>
        procurement_start: 2026-04-13
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.1(11)-(12)"
      And a citation is "s.1(12)(a)-(b)"
      And a reason says "wholly or mainly Welsh devolved functions"
      And the verdict says duty is "SPPP(W)A 2023 s.24"
      And social value findings are good practice only is "true"

      Examples:
        | authority                                      | kind        | territory           |
        | Cyngor Sir Ddinbych                            | sub_central | jurisdiction: null  |
        | Bro Taf County Borough Council                 | sub_central | jurisdiction: null  |
        | Eryri National Park Authority                  | sub_central | jurisdiction: wales |
        | Mid and West Wales Fire and Rescue Authority   | sub_central | jurisdiction: null  |
        | Swansea Bay University Health Board            | nhs_other   | jurisdiction: null  |
        | Welsh Ambulance Services NHS Trust             | nhs_central | jurisdiction: null  |

    Scenario: a sub-central authority in Wales with no name is presumed devolved, and says so
      Given the tender metadata:
        """
        authority_kind: sub_central
        jurisdiction: wales
        procurement_start: 2026-04-13
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a warning says "presumed devolved"
      And a warning says "policing is not devolved"

    Scenario: a body whose status is arguable says so
      Given the tender metadata:
        """
        authority: Cartrefi Gwynedd Cyf
        authority_kind: other
        procurement_start: 2026-04-13
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a warning says "is arguable"

  Rule: policing and UK departments are not devolved: s.1 still applies

    Scenario Outline: <authority> in Wales
      Given the tender metadata:
        """
        authority: <authority>
        authority_kind: <kind>
        jurisdiction: wales
        procurement_start: 2026-04-13
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the force area}
        """
      When it is checked
      Then the Act applies is "true"
      And the verdict says duty is "SVA 2012 s.1"
      And a reason says "<words>"

      Examples:
        | authority                                 | kind               | words                                       |
        | Police and Crime Commissioner for Gwent   | sub_central        | policing is not devolved                     |
        | Chief Constable of North Wales Police     | sub_central        | policing is not devolved                     |
        | Department for Work and Pensions (Wales)  | sub_central        | not wholly or mainly Welsh devolved functions |
        | HM Revenue and Customs, Cardiff           | central_government | central government services threshold        |

  Rule: the Welsh Ministers are named in s.1(11)(a), whatever their tag

    Scenario: the Welsh Government tagged as central government
      Given the tender metadata:
        """
        authority: Llywodraeth Cymru / Welsh Government
        authority_kind: central_government
        procurement_start: 2025-06-02
        nature: services
        value: 900000
        vat: exclusive
        """
      When it is checked
      Then the Act applies is "false"
      And a citation is "s.1(11)(a)-(d)"
      And a reason says "SI 2025/163 reg 7"
      And the verdict says duty is "null"

  Rule: an English border body stays English

    Scenario: an English council given the territory Wales
      Given the tender metadata:
        """
        authority: Shropshire Council
        authority_kind: sub_central
        jurisdiction: wales
        procurement_start: 2026-04-13
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the county}
        """
      When it is checked
      Then the Act applies is "true"
      And a reason says "its name places it in England"
      And a warning says "check `jurisdiction`"

    Scenario: an English council whose notice is on the Sell2Wales portal
      Given the tender text:
        """
        # Grounds maintenance services

        Contracting authority: Herefordshire Council

        This opportunity is published on Sell2Wales as well as Find a Tender. The services are
        for the council's parks. Estimated value: £900,000 excluding VAT. This notice was
        published on 13 April 2026.
        """
      When it is checked
      Then the Act applies is "true"

  Rule: a buyer whose name places it in Wales is in Wales for the location rules too

    Scenario: a Welsh council tagged sub_central restricts by location: LGA 1988 s.17, not SI 2026/94
      SI 2026/94 lets English councils reserve below-threshold contracts by location; a Welsh
      council stays bound by LGA 1988 s.17(5)(e), whatever threshold column it is tagged with.
      Given the tender metadata:
        """
        authority: Cyngor Sir Ddinbych
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        value: 60000
        vat: exclusive
        """
      And the tender text:
        """
        # Specification

        This opportunity is open only to businesses based in Denbighshire.
        """
      When it is checked
      Then there is a "LOCAL009" finding of severity "error"
      And there is no "LOCAL003" finding

  Rule: PA 2023 s.85(5)(a): the below-threshold suitability bar does not bind a devolved Welsh authority

    Scenario Outline: a selection questionnaire on a below-threshold contract, by <authority>
      Given the tender metadata:
        """
        authority: <authority>
        authority_kind: sub_central
        procurement_start: 2026-04-13
        nature: services
        value: 60000
        vat: exclusive
        """
      And the tender text:
        """
        # Instructions

        Bidders must complete a selection questionnaire; only those that pass will be invited to tender.
        """
      When it is checked
      Then there is <finding>

      Examples:
        | authority                                 | finding                                   |
        | Cyngor Sir Ddinbych                       | no "BT001" finding                        |
        | Police and Crime Commissioner for Gwent   | a "BT001" finding of severity "error"     |
        | Borsetshire County Council                | a "BT001" finding of severity "error"     |
