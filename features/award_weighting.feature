Feature: PA 2023 s.23(3) and the policy notes: how social value is weighted at award
  The relative importance of the award criteria and the assessment method must be stated
  (PA 2023 s.23(3)). The Act sets no weighting (PHE 2015 §3.3), but central government must give
  social value at least 10%: PPN 06/20 from 1 January 2021, PPN 002 (mandatory) from 1 October
  2025, not for MoD defence and security contracts; NHS England from 1 April 2022. Social value
  scored at award must also be in the contract notice (PHE 2015 §3.3).

  Rule: weightings must add up, and social value must carry a stated weight of its own

    Scenario Outline: weighting statements of a council
      Given the tender metadata:
        """
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

      Examples: findings
        | clause                                                                                          | finding                                  |
        | Tenders will be evaluated as follows: Quality 60%, Price 30%, Social Value 15%.                | a "EVAL001" finding of severity "error"  |
        | Social Value 10%, made up of Climate 5%, Wellbeing 3% and Equal Opportunity 3%. Quality 50%, Price 40%. | a "EVAL002" finding of severity "error" |
        | Social value will be taken into account in the evaluation of tenders.                           | a "EVAL006" finding of severity "error"  |
        | Social value is assessed as a pass/fail question.                                               | a "EVAL006" finding of severity "error"  |
        | Quality 50%, Price 40%, Social Value 10%. Social value responses will be assessed by the evaluation panel. | a "EVAL007" finding of severity "warning" |

      Examples: not findings (a council may weight social value at 5%, or not at all)
        | clause                                                                                          | finding                                  |
        | Weightings: Quality 60%, Price 35%, Social Value 5%. Social value answers are scored 0-5 using the matrix in Annex 2. | no "EVAL003" finding |
        | Quality 600 points, Price 300 points, Social Value 100 points. Each question is marked 0-5 and converted pro rata. | no "EVAL001" finding |
        | Award criteria: Quality 40%, Price 60%.                                                         | no "EVAL006" finding                     |

  Rule: PPN 06/20, PPN 002 and NHS England - a 10% minimum, dated by the procurement's start

    Scenario Outline: minimum weightings by authority and start date
      Given the tender metadata:
        """
        title: <title>
        authority_kind: <kind>
        procurement_start: <start>
        nature: services
        value: <value>
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: United Kingdom}
        """
      And the tender text:
        """
        # Award criteria

        <weights> Each question is scored 0-100 against the published descriptors.
        """
      When it is checked
      Then there is <finding>

      Examples: findings
        | title            | kind               | start      | value   | weights                                   | finding                                 |
        | Research         | central_government | 2023-05-15 | 900000  | Quality 55%, Price 40%, Social Value 5%.  | a "EVAL003" finding of severity "warning" |
        | Research         | central_government | 2025-11-03 | 3500000 | Quality 70%, Price 30%.                    | a "EVAL004" finding of severity "warning" |
        | Patient services | nhs                | 2024-02-12 | 1200000 | Quality 60%, Price 35%, Social Value 5%.  | a "EVAL005" finding of severity "warning" |

      Examples: not findings
        | title            | kind               | start      | value    | weights                                  | finding              |
        | Research         | central_government | 2020-06-01 | 1500000  | Quality 60%, Price 40%.                  | no "EVAL003" finding |
        | Research         | central_government | 2025-11-17 | 90000    | Price 70%, Quality 30%.                  | no "EVAL004" finding |
        | Defence and security contract for vehicle spares | central_government | 2025-11-03 | 12000000 | Technical 60%, Price 40%. | no "EVAL004" finding |
        | Patient services | nhs                | 2022-03-01 | 1200000  | Quality 60%, Price 35%, Social Value 5%. | no "EVAL005" finding |
        | Care services    | sub_central        | 2025-11-03 | 3500000  | Quality 70%, Price 30%.                  | no "EVAL004" finding |

  Rule: PHE 2015 §3.3 - "If it's not in the contract notice, it's not in the procurement!"

    Scenario: social value weighted in the ITT but missing from the notice
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Invitation to tender

        Quality 55%, Price 35%, Social Value 10%, each question scored 0-5.

        ## Contract notice

        Award criteria: Quality 60%, Price 40%.
        """
      When it is checked
      Then there is a "EVAL008" finding of severity "error"
