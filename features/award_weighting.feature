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
        | Social value will form part of the evaluation of tenders.                                       | a "EVAL006" finding of severity "error"  |
        | The award criteria are price, quality and social value.                                         | a "EVAL006" finding of severity "error"  |
        | Quality 70% (to include sustainability, net zero and social value) and Price 30%.               | a "EVAL006" finding of severity "error"  |

      Examples: not findings (a council may weight social value at 5%, or not at all)
        | clause                                                                                          | finding                                  |
        | Weightings: Quality 60%, Price 35%, Social Value 5%. Social value answers are scored 0-5 using the matrix in Annex 2. | no "EVAL003" finding |
        | Quality 600 points, Price 300 points, Social Value 100 points. Each question is marked 0-5 and converted pro rata. | no "EVAL001" finding |
        | Award criteria: Quality 40%, Price 60%.                                                         | no "EVAL006" finding                     |
        | Social value will form part of the evaluation; its weighting and method are set out in Section 5 of the ITT. | no "EVAL006" finding |
        | Quality 60% (covering method, staffing and mobilisation), Social Value 10%, Price 30%, each scored 0-5. | no "EVAL006" finding |

    Scenario: social value said to be evaluated, and weighted elsewhere in the document
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

        Social value will form part of the evaluation of tenders.

        ## Award criteria

        Quality 60%, Price 30%, Social Value 10%, each question scored 0-5.
        """
      When it is checked
      Then there is no "EVAL006" finding

    Scenario Outline: a parent's sub-weights listed, the other top-level criteria after the list
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

        Social Value 20%, assessed through three questions:

        - Q1 Tackling economic inequality: 10%
        - Q2 Fighting climate change: <q2>%
        - Q3 Equal opportunity: 5%

        Quality 40%; Price <price>%. Each question is scored 0-5.
        """
      When it is checked
      Then there is <finding>

      Examples:
        | q2 | price | finding                                 |
        | 5  | 40    | no "EVAL001" finding                    |
        | 5  | 40    | no "EVAL002" finding                    |
        | 5  | 30    | a "EVAL001" finding of severity "error" |
        | 3  | 40    | a "EVAL002" finding of severity "error" |

  Rule: a weighting range is lawful - PCR 2015 reg 67(10) "a range with an appropriate maximum spread"; PA 2023 s.23(3)(b)(iii) "describing it in another way"

    Scenario Outline: a social value weighting given as a range
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
      And there is no "EVAL001" finding

      Examples: a range is good-practice info, not an error; a range left "to be confirmed" still has no stated importance
        | clause                                                                                                | finding                                  |
        | Quality 50%, Price 35%, Social Value between 10% and 15%, scored 0-5 against the descriptors in Annex 2. | a "EVAL009" finding of severity "info"   |
        | Quality 50%, Price 35%, Social Value between 10% and 15%, scored 0-5 against the descriptors in Annex 2. | no "EVAL006" finding                     |
        | Social value weighting: between 5% and 15%, to be confirmed at evaluation.                            | a "EVAL006" finding of severity "error"  |

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
