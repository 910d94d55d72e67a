Feature: Relevance to the subject matter and supplier location, however they are worded
  Award criteria and contract conditions must "relate to the subject-matter of the contract"
  (PA 2023 s.23(2)(a)) and the Social Value Act lets the authority consider only matters
  "relevant to what is proposed to be procured" (s.1(6)). A requirement is judged by the sector
  and beneficiary it names against the contract's subject (title, description): a sector the
  contract does not touch, money or goods given away, an accreditation demanded of every
  supplier, the supplier's corporate programmes or other contracts, or a list of the authority's
  priorities to be answered in full have no link to it. A link stated in the clause clears it.
  Suppliers must be treated the same (PA 2023 s.12(2); PCR 2015 reg 18(1)): a supplier attribute
  by place (premises, branch, presence, registered office, nearby firms, supply chain in the area)
  is reported whatever its word order; an operational need (haulage distance, travel time, where a
  vessel or plant is serviced) is a performance standard, reported at info only (LOCAL011).

  Rule: PA 2023 s.23(2)(a) - the sector, the beneficiary and the subject must meet

    Scenario Outline: the requirement's theme against the contract's subject
      Given the tender metadata:
        """
        title: <subject>
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Award criteria

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples: a sector the contract does not touch, money given away, awards, corporate asks
        | subject                  | clause                                                                                          | finding                                  |
        | School catering services | The Caterer shall provide four apprenticeships in highways maintenance and civil engineering.  | a "REL001" finding of severity "warning" |
        | Domiciliary care services | The Provider shall deliver five construction apprenticeships for young people in the borough. | a "REL001" finding of severity "warning" |
        | Office cleaning services | The Supplier shall donate £5,000 a year to a charity nominated by the Council.                 | a "REL004" finding of severity "warning" |
        | Waste collection services | Bidders will be scored on the value of sponsorship they will provide for the Mayor's festival. | a "REL004" finding of severity "warning" |
        | Office cleaning services | All suppliers must hold Investors in People Gold accreditation.                                | a "REL005" finding of severity "warning" |
        | Facilities management services | Describe the social value your organisation delivers through its existing corporate social responsibility programme. | a "REL003" finding of severity "warning" |
        | Pest control services    | Bidders are required to address all five of the Council's corporate priorities in their social value response. | a "REL003" finding of severity "warning" |
        | Domiciliary care services | The Provider's staff will support a clean water project in Malawi as part of the social value offer. | a "REL002" finding of severity "warning" |

      Examples: the theme arises from the contract, or the link is stated
        | subject                  | clause                                                                                          | finding              |
        | School catering services | The Caterer shall create two apprenticeships in professional cookery for school leavers.       | no "REL001" finding  |
        | School catering services | The Caterer shall give surplus food from the school kitchens to food banks, recording the weight each month. | no "REL001" finding |
        | Office cleaning services | All staff delivering the service shall be paid at least the Real Living Wage, reported quarterly. | no "REL001" finding |
        | Pest control services    | Bidders should choose at least two themes of the Social Value Framework that relate to the services and propose measurable commitments. | no "REL003" finding |
        | Grounds maintenance services | Social value delivered on other contracts will not be counted.                            | no "REL003" finding  |

    Scenario: the finding names the subject and the theme that do not meet
      Given the tender metadata:
        """
        title: School catering services
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Contract

        The Caterer shall provide four apprenticeships in highways maintenance and civil engineering.
        """
      When it is checked
      Then the message of the "REL001" finding says "highways and civil engineering asked of"
      And the message of the "REL001" finding says "School catering services"

    Scenario: the description decides the sector when the title does not name it
      Given the tender metadata:
        """
        title: Frameworks North 3
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: works
        value: 9000000
        vat: exclusive
        """
      And the tender text:
        """
        # Frameworks North 3

        ## Description

        A framework for the delivery of publicly funded construction and refurbishment projects.

        ## Social value

        The Contractor shall deliver six construction apprenticeships for unemployed residents, reported quarterly.
        """
      When it is checked
      Then there is no "REL001" finding

  Rule: PA 2023 s.12(2), PCR 2015 reg 18(1) - supplier location in any order and form

    Scenario Outline: supplier attributes by place
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

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples: location preferences and restrictions
        | clause                                                                                   | finding                                   |
        | Tenderers with a branch in the borough will receive an additional 5 marks.              | a "LOCAL001" finding of severity "error"  |
        | Suppliers will need to show a physical presence in Norfolk.                             | a "LOCAL001" finding of severity "error"  |
        | This opportunity is restricted to enterprises whose principal place of business is in Powys. | a "LOCAL001" finding of severity "error" |
        | Preference will be given to nearby suppliers.                                           | a "LOCAL001" finding of severity "error"  |
        | At least 40% of the supply chain must be businesses from within the county.             | a "LOCAL001" finding of severity "error"  |
        | Marks will be given for the number of employees who live in the city.                   | a "LOCAL001" finding of severity "error"  |

      Examples: operational needs are performance standards, at info
        | clause                                                                                   | finding                                   |
        | The licensed waste transfer facility must be within 20 miles by road of the collection site. | a "LOCAL011" finding of severity "info" |
        | The vessel must be serviced at a yard within 50 nautical miles of the harbour.          | a "LOCAL011" finding of severity "info"   |
        | Carers must be able to reach service users within 30 minutes' travel time.              | no "LOCAL001" finding                     |
        | The Contractor shall attend emergency call-outs within 2 hours, 24 hours a day.         | no "LOCAL011" finding                     |
        | Tenderers may be based anywhere in the UK or abroad.                                    | no "LOCAL001" finding                     |

  Rule: SI 2026/94 art 3(8) - a below-threshold reservation stated in the notice's own text counts

    Scenario Outline: a council's below-threshold reservation
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-06-01
        nature: services
        value: 55000
        vat: exclusive
        """
      And the tender text:
        """
        # Contract notice

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | clause                                                                                                                                                     | finding                                    |
        | This contract is reserved to suppliers based in Cumbria under article 3(3) of the Local Government (Exclusion of Non-commercial Considerations) (England) Order 2026. | no "LOCAL003" finding             |
        | Quotations will only be accepted from suppliers with premises in the district.                                                                            | a "LOCAL003" finding of severity "warning" |

  Rule: PA 2023 s.23(2)(a) - corporate asks name the subject they do not meet

    Scenario: a priority list answered in full
      Given the tender metadata:
        """
        title: Pest control services
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Award criteria

        Bidders are required to address all five of the Council's corporate priorities in their social value response.
        """
      When it is checked
      Then the message of the "REL003" finding says "not the performance of this contract"
      And the message of the "REL003" finding says "all five of the Council's corporate priorities"
