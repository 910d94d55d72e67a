Feature: Social Value Act process duties, however the record words them
  The s.1(3) consideration must come "before starting the process of procurement" (s.1(1)) and
  cover the economic, social and environmental well-being of the relevant area together
  (s.1(3)(a)); the s.1(8) urgency exception does not reach an urgency of the authority's own
  making (s.1(9)); and where the tender expects delivery through a supply chain its social
  value obligations should not be kept from it (seed 001 §3.3). Each is read by its structure
  (a consideration verb and a time point after the start; named dimensions of well-being; an
  urgency and its cause; obligations and who they rest with), not by one sentence.

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      nature: services
      value: 900000
      vat: exclusive
      """

  Rule: s.1(1) - the consideration comes before the start

    Scenario Outline: social value considered after the procurement has started
      Given the tender text:
        """
        # Procurement record

        <text>
        """
      When it is checked
      Then there is a "PROC009" finding of severity "error"

      Examples:
        | text                                                                          |
        | Social value will be looked at once the preferred bidder has been identified. |
        | Social value will be taken into account after contract award.                 |

  Rule: s.1(3)(a) - economic, social and environmental well-being together

    Scenario: a record of only environmental well-being
      Given the tender text:
        """
        # Procurement record

        Before the procurement began, officers considered how the contract could improve the environmental well-being of the district.
        """
      When it is checked
      Then there is a "PROC012" finding of severity "warning"

    Scenario: a record of all three is not that finding
      Given the tender text:
        """
        # Procurement record

        Before the procurement began, officers considered how the contract could improve the social, economic and environmental well-being of the district.
        """
      When it is checked
      Then there is no "PROC012" finding

  Rule: s.1(9) - urgency of the authority's own making

    Scenario: urgency put down to the authority's late start
      Given the tender text:
        """
        # Procurement record

        The urgency arises because the previous procurement was not started in time by the Council.
        """
      When it is checked
      Then there is a "PROC010" finding of severity "error"

  Rule: obligations kept from the supply chain

    Scenario: the obligations rest with the lead provider alone
      Given the tender text:
        """
        # Contract

        The Provider will deliver the service through a consortium of delivery partners and must create 10 placements for care leavers; these obligations rest with the Provider alone and are not passed to its partners.
        """
      When it is checked
      Then there is a "PROC007" finding of severity "warning"
