Feature: Relevance of social value asks worded as imperatives, passives and invitations
  Award criteria and contract conditions must "relate to the subject-matter of the contract"
  (PA 2023 s.23(2)(a)); under PCR 2015 they are linked where they relate to the works, supplies
  or services "to be provided under that contract" (reg 67(5)). A tender asks for social value in
  many shapes besides "the Supplier shall": a bare imperative with no subject ("Create ...",
  "Sponsor ...", "Tell us about ..."), a passive ("shall be paid into", "will be funded"), an
  invitation ("the tenderer is invited to set out"). The ask is judged the same whatever its
  shape: a sector the contract does not touch (REL006 when the sentence is not read as a
  requirement clause, REL001 when it is), money or goods given away (REL004), an award or
  membership of every supplier (REL005), the supplier's organisation-wide activity or the
  authority's whole list of priorities (REL003). A link the ask states clears it.

  Rule: PA 2023 s.23(2)(a) - the ask, however worded, must relate to what is bought

    Scenario Outline: an ask with no link to the contract, in any shape
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

        <ask>
        """
      When it is checked
      Then there is <finding>

      Examples: imperatives, passives and invitations that the rules report
        | subject                    | ask                                                                                   | finding                                  |
        | Actuarial services         | Deliver forklift and HGV driver training for jobseekers in the district.              | a "REL006" finding of severity "warning" |
        | Interpreting services      | Create four placements in residential care for school leavers.                        | a "REL001" finding of severity "warning" |
        | Pension administration     | A new multi-use games area will be funded by the provider at a park of the Council's choosing. | a "REL006" finding of severity "warning" |
        | Pest control services      | Sponsor the county's annual food festival.                                            | a "REL004" finding of severity "warning" |
        | Pest control services      | Half a per cent of each invoice shall be paid into a community fund run by the Council. | a "REL004" finding of severity "warning" |
        | Courier services           | Be a certified B Corp before the contract starts.                                     | a "REL005" finding of severity "warning" |
        | Courier services           | Tell us how your group supports charities nationally through fundraising.             | a "REL003" finding of severity "warning" |
        | Courier services           | Answers must show a contribution to each of the Board's four strategic ambitions.     | a "REL003" finding of severity "warning" |

      Examples: the link is stated or natural, or the activity is excluded
        | subject                    | ask                                                                                   | finding              |
        | Home care services         | Create four placements in residential care for school leavers.                        | no "REL006" finding  |
        | Courier services           | Deliver HGV driver training for new drivers on this contract.                         | no "REL006" finding  |
        | Playground refurbishment works | Involve local children in designing the new play area.                            | no "REL006" finding  |
        | Pest control services      | Sponsorship of events will not be counted as social value.                            | no "REL004" finding  |
        | Courier services           | Choose the Board's ambitions that relate to the services and explain the link.        | no "REL003" finding  |

    Scenario: the finding names the sector and the subject that do not meet
      Given the tender metadata:
        """
        title: Actuarial services
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Award criteria

        Support nursing careers days at the local sixth form college.
        """
      When it is checked
      Then the message of the "REL006" finding says "health and social care asked of"
      And the message of the "REL006" finding says "Actuarial services"
