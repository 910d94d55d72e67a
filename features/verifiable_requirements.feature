Feature: Social value requirements that can be verified (award criteria: PA 2023 s.23(2)(b))
  Award criteria must be "sufficiently clear, measurable and specific" (PA 2023 s.23(2)(b); PCR
  2015 reg 67(7)(b)). No statute requires every social value requirement to carry a remedy: a
  missing target or measure leaves it unverifiable, and reporting frequency, evidence and a
  remedy are good practice ("unverifiable requirements are unlawful, as well as being
  ineffective!", PHE 2015 §3.4, quoting SEUK), so these are warnings that name what is missing;
  how delivery is monitored and enforced is reported once per document, as good practice.
  Outputs offered as outcomes, financial-proxy goals, "added social value" boxes (an error only
  when scored: PA 2023 s.23(2)(b), PCR 2015 reg 67(6)) and commitments that never reach the
  contract are findings of their own (Kent principles 2 and 12; Common Questions Q6; "All Social
  Value outcomes and measurements need to be included in the contract").

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

  Rule: a requirement with no target or no measure is a warning that names what is missing

    Scenario Outline: unverifiable social value requirements
      Given the tender text:
        """
        # Social value

        <clause>
        """
      When it is checked
      Then the findings are:
        | rule   | line | severity |
        | VER001 | 3    | warning  |
        | VER007 | 3    | info     |
      And the message of the "VER001" finding says "no <missing>"

      Examples:
        | clause                                                                        | missing           |
        | The Provider shall endeavour to support community initiatives.                | target or measure |
        | Where possible, the Contractor will offer apprenticeships.                    | target            |

  Rule: a target and a measure make a requirement verifiable; monitoring is one note per document

    Scenario Outline: verifiable requirements without their own reporting, evidence or remedy
      Given the tender text:
        """
        # Social value

        <clause>
        """
      When it is checked
      Then the findings are:
        | rule   | line | severity |
        | VER007 | 3    | info     |
      And the message of the "VER007" finding says "<missing>"

      Examples:
        | clause                                                                        | missing                                                                  |
        | The Contractor will create 12 apprenticeships during the contract.            | how often delivery is reported, the evidence, what follows a shortfall   |
        | The Supplier shall offer at least 40 weeks of work placements a year to young people who are NEET, reported quarterly. | the evidence, what follows a shortfall |
        | The Contractor shall deliver two employability workshops for pupils each term, with attendance recorded in the quarterly return. | what follows a shortfall |

  Rule: complete requirements, KPI schedules and clauses that are not about social value are not findings

    Scenario Outline: verifiable or unrelated wording
      Given the tender text:
        """
        # Social value

        <clause>
        """
      When it is checked
      Then there are no findings

      Examples:
        | clause |
        | KPI SV3: care leavers in paid employment for 26 weeks or more. Target: 4 by the end of Year 2. Reported quarterly. Evidence: payroll extract. Breach: remedial action plan and a service credit. |
        | The Provider shall report KPIs SV1 to SV6 quarterly; each KPI in Schedule 4 has a target, a data source and the service credit that applies on failure. |
        | The Supplier shall use reasonable endeavours to mitigate the effects of any Force Majeure Event.         |
        | Where possible, invoices should quote the purchase order number and the cost centre.                     |
        | The Council will publish an annual social value statement summarising the outcomes of its contracts.     |

    Scenario: every row of a KPI table is verified from its columns
      Given the tender text:
        """
        # Social value KPIs

        | No | Area | KPI | Target/threshold | Frequency of reporting | Evidence | Consequence of breach |
        |---|---|---|---|---|---|---|
        | 1 | Employment | Apprenticeship starts | 4 per year | Quarterly | Payroll extract | Service credit |
        | 2 | Environment | Fleet emissions (tCO2e) | | Annually | Telematics data | |
        """
      When it is checked
      Then the findings are:
        | rule   | line | severity |
        | VER001 | 6    | warning  |
        | VER007 | 6    | info     |
      And the message of the "VER001" finding says "no target"

  Rule: the seeds' own examples of unverifiable asks

    Scenario Outline: proxy goals, outputs, free boxes and commitments outside the contract
      Given the tender text:
        """
        # <section>

        <clause>
        """
      When it is checked
      Then there is a "<rule>" finding of severity "<severity>"
      And there is no "VER001" finding

      Examples:
        | section        | clause                                                                                                    | rule   | severity |
        | Contract       | The Supplier shall deliver social value worth at least 20% of the contract value, reported annually.     | VER002 | warning  |
        | Award criteria | Please use the box below to tell us about any added social value your organisation could bring.          | VER006 | warning  |
        | Award criteria | Question 7 (10%): please use the box below to tell us about any added social value your organisation could bring. | VER003 | error |
        | Specification  | To reduce loneliness, the Provider will deliver 1,500 staff volunteering hours a year, reported quarterly from timesheets; shortfalls go to a remedial plan. | VER004 | warning |
        | ITT            | Bidders' social value commitments will be evaluated but will not be incorporated into the Contract.      | VER005 | warning  |

  Rule: no law requires a remedy in every requirement - an unverifiable requirement is a warning, never an error

    Scenario: a requirement with no target or measure is a warning
      Given the tender text:
        """
        # Specification

        The Provider shall endeavour to support community initiatives throughout the life of the contract.
        """
      When it is checked
      Then there is a "VER001" finding of severity "warning"
      And the exit status is 0

  Rule: below the threshold the findings are good practice only

    Scenario: a vague requirement in a below-threshold tender is info
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
        # Social value

        The Provider shall endeavour to support community initiatives.
        """
      When it is checked
      Then there is a "VER001" finding of severity "info"
      And the exit status is 0
