Feature: SVA 2012 s.1(6): social value matters relevant to the contract and proportionate to it
  The authority may consider only matters "relevant to what is proposed to be procured" and
  must consider whether taking them into account is proportionate (s.1(6)); award criteria must
  "relate to the subject-matter of the contract" and be "a proportionate means of assessing
  tenders" (PA 2023 s.23(2)(a), (d)). Relevance is judged from the contract's subject against the
  table in rules/data/relevance.yaml; benefits outside the relevant area do not count (s.1(4)-(5);
  Kent: donations abroad "cannot be counted as Social Value under the Act"). Measurement burdens
  and targets are judged against the contract's value and term.

  Rule: s.1(6), PA 2023 s.23(2)(a) - requirements unrelated to the subject of the contract

    Scenario Outline: the contract's subject decides
      Given the tender metadata:
        """
        title: <subject>
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: <nature>
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
        | subject                            | nature   | clause                                                                    | finding                                   |
        | Supply of office furniture         | goods    | Bidders will be scored on the number of apprenticeships they will create. | a "REL001" finding of severity "warning"  |
        | Supply of electricity              | goods    | The Supplier shall provide social care apprenticeships for young people.  | a "REL001" finding of severity "warning"  |
        | Domiciliary care services          | services | The Provider will donate its old IT equipment to schools in developing countries. | a "REL002" finding of severity "warning" |
        | External audit services            | services | The Contractor must pay the Real Living Wage to all employees across its group.   | a "REL003" finding of severity "warning" |

      Examples: not findings
        | subject                            | nature   | clause                                                                    | finding                                   |
        | Supply of office furniture         | goods    | The Supplier shall take back end-of-life furniture for reuse, at least 80% reused. | no "REL001" finding               |
        | Highways maintenance works         | works    | The Contractor shall deliver 12 apprenticeships in highways trades.       | no "REL001" finding                       |
        | IT managed service                 | services | The Supplier's staff will run monthly digital skills sessions for residents.      | no "REL001" finding               |
        | Security guarding services         | services | The Contractor shall pay all staff engaged in delivering the Services at least the Real Living Wage. | no "REL003" finding |

  Rule: s.1(6) proportionality - burdens and targets in scale with the contract

    Scenario Outline: measurement and targets against value and term
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: <value>
        vat: exclusive
        term_years: <term>
        social_value: {considered: true, consultation_considered: true, relevant_area: Northshire}
        """
      And the tender text:
        """
        # Contract

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples: disproportionate on small contracts (kept as warnings below the threshold)
        | value  | term | clause                                                                                             | finding                                   |
        | 60000  | 1    | The Provider must produce a full, externally assured SROI analysis at the end of each year.        | a "PROP001" finding of severity "warning" |
        | 120000 | 2    | All social value claims must be independently verified by an accredited third party at the Provider's expense. | a "PROP001" finding of severity "warning" |
        | 30000  | 1    | The Provider shall submit a detailed social value report every month.                              | a "PROP002" finding of severity "warning" |
        | 150000 | 1    | The Contractor shall create 10 new apprenticeships during the contract.                            | a "PROP003" finding of severity "warning" |

      Examples: proportionate
        | value    | term | clause                                                                                 | finding              |
        | 45000000 | 10   | The Provider shall produce an annual SROI report on the outcomes of the programme.     | no "PROP001" finding |
        | 20000000 | 5    | The Contractor shall report social value KPIs monthly through the Social Value Portal. | no "PROP002" finding |
        | 2000000  | 4    | The Contractor shall create three apprenticeships over the contract term.              | no "PROP003" finding |
        | 12000000 | 4    | The Provider shall achieve one care qualification for every £250,000 of contract spend. | no "PROP003" finding |
