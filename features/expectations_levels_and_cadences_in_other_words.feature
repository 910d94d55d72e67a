Feature: Asks, levels and reporting cadences, however they are worded
  A buyer's expectation of the supplier it will appoint ("We expect the successful bidder to ...",
  "The Council anticipates the appointed provider ...") asks for something as plainly as "shall".
  A level left to later agreement or judgement ("a reasonable number", "such number as may be
  agreed", "as agreed from time to time") and pay described by its manner ("paid fairly", "a fair
  wage") fix nothing to check, so the requirement is not verifiable (PA 2023 s.23(2)(b)); a named
  standard ("at least the Real Living Wage") or a number is. Measurement asked in a list under a
  lead-in that carries the duty, and reporting due on a weekday ("every Friday") or for the
  preceding week, are the same burden and cadence as when written in one sentence (SVA 2012
  s.1(6); seed 004 principles 4 and 5).

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

  Rule: PA 2023 s.23(2)(b) - an expectation is an ask, and an indeterminate level is no target

    Scenario Outline: expectations, levels left to be agreed and pay with no rate
      Given the tender text:
        """
        # Contract

        <text>
        """
      When it is checked
      Then there is a "VER001" finding of severity "warning"

      Examples:
        | text                                                                                                  |
        | We expect the appointed contractor to offer work experience to students from local colleges.         |
        | The Council anticipates the successful provider supporting community groups in the district.          |
        | The Contractor shall host a reasonable number of site visits for pupils, as agreed with the Employer from time to time. |
        | The Supplier shall offer such number of work placements as may be agreed with the Council.            |
        | The Contractor shall deliver not less than such number of apprenticeships as the Employer may reasonably require. |
        | The Provider shall ensure that all staff engaged on the contract are paid fairly.                     |
        | The Supplier shall pay its workforce a fair and equitable wage.                                       |

    Scenario Outline: the same asks with a level and what is counted
      Given the tender text:
        """
        # Contract

        <text>
        """
      When it is checked
      Then there is no "VER001" finding

      Examples:
        | text                                                                                                  |
        | We expect the successful bidder to deliver 4 apprenticeship starts by the end of Year 2.              |
        | The Contractor shall host at least three site visits for pupils each year, on dates agreed with the Employer from time to time. |
        | The Provider shall ensure that all staff engaged on the contract are paid at least the Real Living Wage. |
        | The Supplier shall pay its staff fairly, and in any event no less than the Real Living Wage.          |

  Rule: SVA 2012 s.1(6) - a burden in a list, and weekly reporting named by its weekday

    Scenario: an impact calculation asked item by item under a lead-in
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 150000
        vat: exclusive
        term_years: 3
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Social value KPIs

        Each quarterly social value return must show, for every outcome claimed:

        - the gross outcome;
        - the deductions made for deadweight and attribution; and
        - the net additional value.
        """
      When it is checked
      Then there is a "PROP001" finding of severity "warning"

    Scenario: the same list where the authority makes the calculation
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 150000
        vat: exclusive
        term_years: 3
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Social value KPIs

        The Council will carry out its own evaluation, which will cover:

        - the deductions made for deadweight and attribution; and
        - the net additional value.
        """
      When it is checked
      Then there is no "PROP001" finding

    Scenario Outline: reporting due on a weekday or for the week before
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: <value>
        vat: exclusive
        term_years: 1
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Social value KPIs

        <text>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | value   | text                                                                                       | finding                                   |
        | 45000   | A social value return is to be submitted every Friday by noon for the preceding week.     | a "PROP002" finding of severity "warning" |
        | 60000   | Social value figures shall be reported every other week at the progress meeting.          | a "PROP002" finding of severity "warning" |
        | 9000000 | A social value return is to be submitted every Friday by noon for the preceding week.     | no "PROP002" finding                      |
        | 60000   | Social value returns are due on the last Friday of each quarter.                          | no "PROP002" finding                      |
        | 60000   | Staff will volunteer each Wednesday at the food bank; social value is reported annually.  | no "PROP002" finding                      |
