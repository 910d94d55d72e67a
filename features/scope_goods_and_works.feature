Feature: Public Services (Social Value) Act 2012 s.1(1): services contracts only
  The Act covers public services contracts: contracts for services, or where the greater part by
  value is for services. Contracts for goods alone or works alone are outside it (Explanatory
  Notes para 12; PHE 2015 §1.2, §1.4).

  Rule: s.1(1) - a goods-only or works-only contract does not engage the Act

    Scenario Outline: a <nature>-only contract is out of scope, reported as info
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: <nature>
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # <title>

        The Council invites tenders for <title>.
        """
      When it is checked
      Then the Act applies is "false"
      And the findings are:
        | rule     | line | severity |
        | SCOPE001 | front matter | info     |
      And the exit status is 0

      Examples:
        | nature | title                          |
        | goods  | the supply of 600 office desks |
        | works  | carriageway resurfacing works  |

    Scenario Outline: a services or services-led contract is not reported as out of scope
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: <nature>
        parts: {services: <services>, goods: <goods>}
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: the borough}
        """
      When it is checked
      Then there is no "SCOPE001" finding
      And the Act applies is "<applies>"

      Examples:
        | nature   | services | goods  | applies |
        | services | 900000   | 0      | true    |
        | mixed    | 600000   | 300000 | true    |
        | mixed    | 300000   | 600000 | false   |
