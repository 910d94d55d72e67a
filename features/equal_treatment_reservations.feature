Feature: Supplier location: equal treatment above the threshold, stated reservations below it
  Above the threshold a requirement or award criterion that favours suppliers, sub-contractors or
  staff by location breaks equal treatment (PCR 2015 reg 18(1); PA 2023 s.12(2), s.90) on any
  contract, goods and works included; as a pass/fail condition it also fails PA 2023 s.22(1).
  Staff proximity to the recipients of light-touch services is part of the subject-matter
  (PA 2023 s.23(6)(c)), not supplier discrimination. Below the threshold a reservation by location is lawful
  where PPN 005 (central government, from 17 February 2025: UK, or one county or London borough)
  or SI 2026/94 (English councils, from 4 February 2026: their area) allows it and the notice
  states it; before SI 2026/94 a council could not take location into account at all (LGA 1988
  s.17(5)(e)).

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      nature: services
      value: 900000
      vat: exclusive
      social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
      """

  Rule: PA 2023 s.12(2) - location requirements, scoring and workforce residence are errors

    Scenario Outline: location wording that restricts or favours suppliers or their staff
      Given the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then the findings are:
        | rule     | line | severity |
        | LOCAL001 | 3    | error    |
      And the exit status is 1

      Examples:
        | clause                                                                                                   |
        | The Contractor must operate a depot within 30 minutes' drive of the Council's highways office.           |
        | Bidders must have an established office in Norfolk at the date of tender submission.                     |
        | The Provider shall ensure that at least 75% of staff delivering the service live within the borough.     |
        | Framework suppliers must maintain a stockholding warehouse in Hampshire from which all orders are met.   |
        | The Supplier shall use a Derbyshire-based haulier for all deliveries under this contract.                |
        | The Supplier shall be a member of the Cornwall Chamber of Commerce throughout the term.                  |

    Scenario: a location restriction on a goods contract above the threshold is still an error
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
        # Supply of grit salt

        The Supplier must be a local business based in the county.
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"

  Rule: outcomes for the area, service locations and the word "local" in names are not findings

    Scenario Outline: lawful wording
      Given the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then there are no findings

      Examples:
        | clause                                                                                                         |
        | The service will be delivered from accessible premises within the London Borough of Hackney, open five days a week. |
        | Tenderers may be based anywhere but must be able to mobilise the service in the borough by 1 April 2026.       |
        | The Contractor shall attend all Category 1 highway defects within 2 hours of notification.                     |
        | The Provider must participate in the Local Safeguarding Children Partnership's training programme.             |
        | Staff transferring under TUPE may retain membership of the Local Government Pension Scheme.                    |

  Rule: SI 2026/94 - an English council's below-threshold reservation must be stated in the notice

    Scenario Outline: a council's below-threshold location restriction
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: <start>
        nature: services
        value: 45000
        vat: exclusive
        location_reservation: <stated>
        """
      And the tender text:
        """
        # Specification

        The Council reserves this contract to suppliers located in its area.
        """
      When it is checked
      Then there is no "LOCAL001" finding
      And there is <finding>

      Examples: from 4 February 2026, stated or not
        | start      | stated | finding                                    |
        | 2026-04-13 | false  | a "LOCAL003" finding of severity "warning" |
        | 2026-04-13 | true   | no "LOCAL003" finding                      |

      Examples: before 4 February 2026 a council may not consider location (LGA 1988 s.17(5)(e)), a breach actionable under s.19(7): an error
        | start      | stated | finding                                  |
        | 2025-09-01 | false  | a "LOCAL004" finding of severity "error" |
        | 2025-09-01 | true   | a "LOCAL004" finding of severity "error" |

    Scenario: a reservation stated in the document's text needs no metadata flag (SI 2026/94 art 3(3), (8))
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
        # Specification

        This contract is reserved under article 3(3) of the 2026 Order to suppliers based within Shropshire and the bordering counties, as stated in the below-threshold tender notice.
        """
      When it is checked
      Then there is no "LOCAL003" finding
      And there is no "LOCAL007" finding
      And there is no "LOCAL001" finding

    Scenario Outline: the local area is the council's area, with the bordering counties or London boroughs, or its county (SI 2026/94 art 3(5)-(6)); any other area stays a non-commercial matter (LGA 1988 s.17(5)(e), actionable under s.19(7))
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
        # Specification

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | clause                                                                                                       | finding                                  |
        | This contract is reserved to suppliers based in the North West region, as stated in the tender notice.       | a "LOCAL007" finding of severity "error" |
        | The contract is reserved to suppliers within 25 miles of the Civic Centre, as set out in the notice.         | a "LOCAL007" finding of severity "error" |
        | This contract is reserved to suppliers based within Kent, the county the Council lies in, as stated in the tender notice. | no "LOCAL007" finding       |

    Scenario: a Welsh council stays bound by LGA 1988 s.17 after 4 February 2026 (SI 2026/94 covers England only)
      Given the tender metadata:
        """
        authority_kind: sub_central
        jurisdiction: wales
        procurement_start: 2026-04-13
        nature: services
        value: 60000
        vat: exclusive
        """
      And the tender text:
        """
        # Specification

        This opportunity is open only to businesses based in Powys.
        """
      When it is checked
      Then there is a "LOCAL009" finding of severity "error"
      And the "LOCAL009" finding cites "s.17(5)(e)"
      And there is no "LOCAL003" finding

  Rule: PPN 005 - central government may reserve to the UK or one county, stated in the notice

    Scenario Outline: a central government below-threshold reservation
      Given the tender metadata:
        """
        authority_kind: central_government
        procurement_start: 2025-07-01
        nature: services
        value: 80000
        vat: exclusive
        location_reservation: <stated>
        """
      And the tender text:
        """
        # Notice

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | stated | clause                                                                         | finding                                    |
        | false  | This contract is reserved to suppliers located in the London Borough of Camden. | a "LOCAL002" finding of severity "warning" |
        | true   | This contract is reserved to suppliers located in the London Borough of Camden. | no "LOCAL002" finding                      |
        | true   | This below-threshold contract is reserved to suppliers located in Scotland.     | a "LOCAL005" finding of severity "warning" |
        | false  | This contract is reserved to suppliers located in Kent, as stated in the tender notice under PPN 005. | no "LOCAL002" finding  |
        | false  | This below-threshold contract is reserved to SMEs.                              | a "LOCAL008" finding of severity "warning" |
        | true   | This below-threshold contract is reserved to SMEs located in Kent, as stated in the tender notice. | no "LOCAL008" finding |

  Rule: PA 2023 s.23(6)(c) - for light-touch services, proximity between the supplier and service recipients is part of the subject-matter

    Scenario Outline: staff near the people a service is for
      Given the tender metadata:
        """
        authority_kind: <kind>
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        light_touch: <light_touch>
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Specification

        <clause>
        """
      When it is checked
      Then there is no "LOCAL001" finding
      And there is <finding>

      Examples:
        | kind               | light_touch | clause                                                                                          | finding                                    |
        | sub_central        | true        | Care workers should live close to the people they support, so that visits are on time.          | no "LOCAL006" finding                      |
        | central_government | true        | Therapists should live close to the people they support.                                        | no "LOCAL006" finding                      |
        | central_government | false       | Support engineers must live within 10 miles of the service users they support.                  | a "LOCAL006" finding of severity "warning" |

    Scenario: a council's light-touch contract: staff proximity is a workforce matter under LGA 1988 s.17(5)(a), unless needed for the s.1 duty (s.17(11))
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        light_touch: true
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Specification

        Care workers must live close to the people they support.
        """
      When it is checked
      Then there is a "LOCAL010" finding of severity "warning"
      And the "LOCAL010" finding cites "s.17(5)(a)"
      And there is no "LOCAL001" finding
      And there is no "LOCAL006" finding

  Rule: PA 2023 s.22(1) - a pass/fail location condition is not a condition of capacity or ability; LGA 1988 s.17(5)(e) and (a) for councils

    Scenario: a supplier location condition cites the conditions of participation and the council duty
      Given the tender text:
        """
        # Selection

        Bidders must have an established office in Norfolk at the date of tender submission.
        """
      When it is checked
      Then there is a "LOCAL001" finding of severity "error"
      And the "LOCAL001" finding cites "s.22(1)"
      And the "LOCAL001" finding cites "s.17(5)(e)"
      And the "LOCAL001" finding cites "s.17(5)(a)"
