Feature: Relevance of asks put as questions, standing menus, goods supplies and sectors named by their workplaces
  Award criteria and contract conditions must "relate to the subject-matter of the contract"
  (PA 2023 s.23(2)(a)). Five kinds of ask read alike whatever their words: apprenticeships asked
  of a goods-only supply, where "for the delivery of the furniture" or "under this contract" names
  no work the supply creates (seed 004: an equipment supply "would struggle to establish the
  relevance of requiring apprenticeships"), while delivery drivers, warehousing and installation
  are work it does create; a yes/no question about the bidder's status ("Is your organisation a
  certified B Corporation?") whose answer the block scores, unless the block says it is asked for
  information only; past corporate giving asked as a question ("What was the total value of
  donations ... in your last financial year?"); the authority's standing menu answered under
  every one of its headings, unless the bidder selects the headings that relate to the contract;
  and a sector the contract does not touch named by its workplaces (nurseries and after-school
  clubs, building sites, farms, hotels), unless the contract works there.

  Rule: PA 2023 s.23(2)(a) - the ask must relate to what is bought, however it is put

    Scenario Outline: a question, a menu, a goods supply or a workplace sector with no link to the contract
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

        <ask>
        """
      When it is checked
      Then there is <finding>

      Examples: asks the rules report
        | subject                                        | nature   | ask                                                                                                                                              | finding                                  |
        | Supply and delivery of loose office furniture  | goods    | State the number of apprenticeship starts your organisation will create over the term of this framework for the delivery of the furniture.       | a "REL001" finding of severity "warning" |
        | Supply of printer paper                        | goods    | The Supplier shall create two apprenticeships as a result of winning this contract.                                                              | a "REL001" finding of severity "warning" |
        | Printing and mailing of council tax bills      | services | Q6.3 Is your organisation a certified B Corporation? (Yes = 10 points / No = 0 points)                                                          | a "REL005" finding of severity "warning" |
        | Translation services                           | services | SV1: Is your organisation a Disability Confident Leader? Yes: 4 points. No: 0 points.                                                           | a "REL005" finding of severity "warning" |
        | Occupational health services                   | services | SV3 (2%): What was the total value of donations your organisation made to registered charities in your last financial year?                      | a "REL003" finding of severity "warning" |
        | Parking enforcement services                   | services | How much did your company donate to charitable causes in the previous financial year? (Answer in £)                                             | a "REL003" finding of severity "warning" |
        | Lift maintenance and repair                    | services | Our Community Investment Menu applies to every contract we let. Contractors are required to make a commitment under each of the twelve headings of the Menu. | a "REL003" finding of severity "warning" |
        | Window cleaning services                       | services | Contractors must make a pledge under all eight themes of the Group's Social Value Charter, which applies to every contract we award.            | a "REL003" finding of severity "warning" |
        | Pest control and treatment services            | services | Bidders should set out how they will offer work placements in early years nurseries and after-school clubs for residents entering childcare.     | a "REL001" finding of severity "warning" |
        | Legal services                                 | services | Support residents into jobs in hotels and restaurants in the city centre.                                                                        | a "REL006" finding of severity "warning" |
        | IT support services                            | services | Offer apprenticeships on local farms for care leavers.                                                                                           | a "REL001" finding of severity "warning" |

      Examples: the link is natural or stated, the question is not scored, the bidder selects, or the contract works there
        | subject                                        | nature   | ask                                                                                                                                              | finding              |
        | Supply and delivery of loose office furniture  | goods    | Offer apprenticeships for the delivery drivers and warehouse staff who bring the furniture to council sites.                                     | no "REL001" finding  |
        | Supply and installation of office furniture    | goods    | Create one apprenticeship in furniture assembly and installation for the delivery and installation of the desks.                                 | no "REL001" finding  |
        | Office cleaning services                       | services | Is your organisation a Living Wage accredited employer? This question is for information only and will not be scored.                            | no "REL005" finding  |
        | Waste collection services                      | services | Do you hold ISO 14001 certification for the depot used to deliver the services? (Pass/Fail)                                                      | no "REL005" finding  |
        | Internal audit services                        | services | What is your organisation's total number of employees?                                                                                           | no "REL003" finding  |
        | Lift maintenance and repair                    | services | Our Community Investment Menu applies to every contract we let. Contractors select the headings that relate to the lift works and explain the link. | no "REL003" finding  |
        | Children's centres and early years services    | services | Offer work placements in early years nurseries for residents entering the childcare profession.                                                  | no "REL006" finding  |
        | Pest control and treatment services            | services | Deliver careers talks in local schools about working in pest control.                                                                            | no "REL006" finding  |
        | Offshore wind farm maintenance                 | services | Create apprenticeships on the wind farm for local young people.                                                                                  | no "REL006" finding  |
