Feature: Relevance of goods handed out, trades named by their registration bodies, past social value elsewhere and company volunteering schemes
  Award criteria and contract conditions must "relate to the subject-matter of the contract"
  (PA 2023 s.23(2)(a)). Four kinds of ask read alike whatever their words: goods handed to
  families or children (hampers, selection boxes, vouchers, gift cards), even when bidders are
  only "encouraged" to give them, unless they arise from delivering the contract (surplus meals
  from its kitchens); a sector named by its registration body, card or licence (CITB, CSCS, Gas
  Safe, SIA), also in a criterion labelled only with its weight, unless the contract is in that
  trade; social value the bidder delivered for other clients or on previous contracts, scored in
  place of this contract's offer; and employees' volunteering through the company's own scheme,
  unless it is the contract's own staff.

  Rule: PA 2023 s.23(2)(a) - the ask must relate to what is bought

    Scenario Outline: gifts, trades, track records and company schemes with no link to the contract
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

      Examples: asks the rules report
        | subject                                  | ask                                                                                                                               | finding                                  |
        | Payroll software licence and support     | Suppliers are encouraged to provide festive food hampers to families referred by the Council's family support team.              | a "REL004" finding of severity "warning" |
        | Grounds maintenance services             | The Contractor will supply supermarket vouchers to households struggling with the cost of living.                                 | a "REL004" finding of severity "warning" |
        | External audit and accountancy services  | Social value sub-criterion (3%): the number of CITB-registered work placements offered to local college students.                | a "REL006" finding of severity "warning" |
        | Website design and hosting               | The Supplier shall offer two Gas Safe traineeships a year to local young people.                                                  | a "REL001" finding of severity "warning" |
        | Facilities management services           | Please give three examples of social value you have delivered for other public sector clients in the past 24 months. Responses will be scored 0-5. | a "REL003" finding of severity "warning" |
        | Domiciliary care services                | Bidders will be scored on their track record of delivering social value for other local authorities.                              | a "REL003" finding of severity "warning" |
        | Hospital linen and laundry service       | Tenderers will be evaluated on the number of hours their employees volunteer with charities anywhere in the UK through the company's Give Back scheme. | a "REL003" finding of severity "warning" |

      Examples: the giving arises from delivery, the contract is in the trade, the offer is this contract's, or the staff are the contract's
        | subject                                  | ask                                                                                                                               | finding              |
        | School catering services                 | The caterer is encouraged to give surplus meals from the school kitchens to the local food bank rather than discard them.        | no "REL004" finding  |
        | Gas servicing and repairs to council homes | Bidders should state how many of their engineers will complete Gas Safe training during the contract.                           | no "REL001" finding  |
        | Cleaning services                        | Describe the social value you will deliver on this contract; you may refer to examples from previous contracts to show how you will deliver it. | no "REL003" finding  |
        | Street cleansing services                | Staff delivering the contract will volunteer at food banks in the borough through the company's volunteering scheme.             | no "REL003" finding  |
