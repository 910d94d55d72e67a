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
