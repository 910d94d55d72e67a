Feature: Equal treatment: no requirement or award criterion may favour suppliers by location
  PCR 2015 reg 18(1) and PA 2023 s.12(2) require suppliers to be treated the same. Requiring a
  supplier to be "local", based within a distance or headquartered in the area discriminates on
  location (PHE 2015 §3.3). Outcomes for residents of the relevant area are lawful.

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      nature: services
      value: 900000
      vat: exclusive
      social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
      """

  Rule: PA 2023 s.12(2) - a location requirement or preference is an error above the threshold

    Scenario Outline: location wording that restricts or favours suppliers
      Given the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"
      And the exit status is 1

      Examples:
        | clause                                                                              |
        | The Contractor must be a local business based within 20 miles of the Council offices. |
        | Preference will be given to suppliers with a head office in the county.            |
        | The supplier must be based within 30 miles of the Council's offices.               |
        | Bidders must show that 30% of their supply chain is based in the borough.          |
        | Additional points will be awarded to local suppliers.                              |
        | Bidders must sign up to Buy Kent First and use it for all purchasing.              |
        | Please confirm that your organisation has a physical presence in the North of Tyne area. |
        | Catering supplies will be ordered from the nearest available wholesaler to each campus. |
        | Tenderers must be a Glasgow-based supported business or social enterprise.          |
        | No fewer than 70% of the operatives engaged on the highways term contract are ordinarily resident in the county. |

    Scenario: a condition in a list's lead-in covers the list's items
      Given the tender text:
        """
        # Selection

        Conditions of participation. Tenderers will be asked to evidence:
        - a turnover of at least 400,000 pounds in each of the last two years;
        - an economic presence in the Liverpool City Region, such as a registered office.
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"

  Rule: outcomes for the relevant area and the words "local authority" are not findings

    Scenario Outline: lawful wording
      Given the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then there is no "LOCAL001" finding

      Examples:
        | clause                                                                                                |
        | The Contractor will create 3 apprenticeships for unemployed residents of the borough, reported quarterly. |
        | The local authority will monitor performance against the KPIs quarterly.                             |
        | The successful contractor must work with named local agencies that make the links to the targeted community. |
        | The Provider must offer work placements to care leavers and young people who are NEET.                |
        | Crews must be able to attend any collection point in the district within 40 minutes' drive of being called. |
        | Tenderers must have delivered at least two contracts of a similar value during the last three years. |

  Rule: SI 2026/94 - below the threshold an English council may reserve a contract by location if the notice says so

    Scenario: an unstated below-threshold location restriction is a check, not an error
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
        # Specification

        The provider must be a local organisation based in the district.
        """
      When it is checked
      Then the Act applies is "false"
      And the findings are:
        | rule     | line | severity |
        | BT002    | 3    | warning  |
        | LOCAL003 | 3    | warning  |
      And the exit status is 0

  Rule: PA 2023 s.12(2) - the same location condition in other words and shapes

    Scenario Outline: premises named together, area experience, softened sub-contracting, local schemes
      Given the tender text:
        """
        # Selection

        <clause>
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"

      Examples: premises named together inside a boundary or an administrative area
        | clause                                                                                                      |
        | Bidders shall confirm that they run a fleet yard and workshop within the boundaries of the Borough of Sefton. |
        | Applicants should hold a showroom, yard or branch within the CH or LL postcode areas.                         |
        | Providers must have an operational presence inside the geographical boundary of Barnsley.                    |

      Examples: experience of one named place, its communities or its residents
        | clause                                                                                                      |
        | Applicants must evidence at least two years' experience of delivering family support within Wakefield specifically. |
        | Bidders must demonstrate experience of working with Bradford's communities over the last three years.        |
        | Providers should evidence a track record of delivering debt advice across Lincolnshire.                       |

      Examples: local sub-contracting or sourcing as a softened duty
        | clause                                                                                                      |
        | The Contractor will use reasonable endeavours to place sub-contract packages with Leeds-based firms.          |
        | The Provider will endeavour to sub-contract window cleaning to firms from Oldham.                             |
        | The Supplier commits to using Norwich suppliers for all event catering.                                       |

      Examples: a local business scheme, directory or register as a condition
        | clause                                                                                                      |
        | Suppliers must be listed on the Wigan Business Directory before they can receive orders.                     |
        | The successful supplier will be required to register with the Buy Bolton scheme within one month of award.   |
        | Registration on the Council's local supplier register is a condition of appointment to the framework.         |

    Scenario: a distance from the supplier's premises scored on the line after the question
      Given the tender text:
        """
        # Award criteria

        Please give the drive time from your nearest branch to Shire Hall, Warwick.
        Scoring: up to 30 minutes = 3 marks; 30 to 60 minutes = 1 mark; over 60 minutes = 0 marks.
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"

    Scenario: a response time scored on the line after the question is an outcome
      Given the tender text:
        """
        # Award criteria

        State your average response time to emergency call-outs.
        Scoring: under 2 hours = 5; 2 to 4 hours = 3; over 4 hours = 0.
        """
      When it is checked
      Then there is no "LOCAL001" finding

    Scenario Outline: look-alikes that name no supplier location
      Given the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then there is no "LOCAL001" finding

      Examples:
        | clause                                                                                                      |
        | The contract manager based in the Leeds office of the Council will chair the monthly reviews, which the Supplier must attend. |
        | The Supplier must attend quarterly reviews with the commissioning team of the Council based in the Civic Centre, Oldham. |
        | The Council will use reasonable endeavours to publish a forward plan so that Sheffield companies can prepare for opportunities. |
        | Suppliers must be registered on the YORtender portal and on Constructionline before the closing date.         |
        | Bidders must be registered on the Approved Contractor Register held by the Council's housing team.            |
        | Applicants must evidence three years' experience of delivering outreach within a multi-agency partnership specifically. |
        | The Contractor may operate from a depot anywhere, provided crews reach the first gully in the borough by 08:00. |
