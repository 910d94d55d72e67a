Feature: Location, relevance and proportionality read by kind of phrasing, not by list of phrasings
  The rules name classes of words (suppliers, premises, people, places, requirement words,
  hedges, giveaways, accreditations, measurement burdens) and combine them by structure, so a
  requirement is found however a tender written elsewhere words it. Suppliers must be treated
  the same (PA 2023 s.12(2); PCR 2015 reg 18(1)); award criteria and conditions must relate to
  the subject-matter of the contract (PA 2023 s.23(2)(a)); measurement must be proportionate
  (SVA 2012 s.1(6); PA 2023 s.23(2)(d)). Every scenario runs on both engines.

  Rule: PA 2023 s.12(2) - a supplier, where it is, and a place, in any order and form

    Scenario Outline: supplier attributes by place, in words no list held
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: 900000
        vat: exclusive
        """
      And the tender text:
        """
        # Invitation to tender

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples: location requirements, preferences and their proxies
        | clause                                                                                        | finding                                  |
        | Entry to the approved list is conditional on membership of the Barnsley Traders Alliance.    | a "LOCAL001" finding of severity "error" |
        | Bidders must show two similar schemes completed within the district over the last five years. | a "LOCAL001" finding of severity "error" |
        | Not less than half of the cleaners assigned to the contract are to live at a DN postcode.     | a "LOCAL001" finding of severity "error" |
        | Where possible, the contractor is to buy timber from merchants located in Cumbria.            | a "LOCAL001" finding of severity "error" |
        | Tenders from firms that pay business rates to the Council will be looked on favourably.       | a "LOCAL001" finding of severity "error" |
        | Only enterprises whose trading activity is wholly within Rutland may apply.                    | a "LOCAL001" finding of severity "error" |
        | Ideally the contractor's yard will be in the district.                                        | a "LOCAL001" finding of severity "error" |
        | Quotations will be invited from the three nearest suppliers.                                  | a "LOCAL001" finding of severity "error" |
        | Preference will be given to British companies.                                                | a "LOCAL001" finding of severity "error" |
        | Bidders must have a base no more than one hour's drive from County Hall.                      | a "LOCAL001" finding of severity "error" |
        | Tenders will only be accepted from suppliers who have traded in Wiltshire for two years.      | a "LOCAL001" finding of severity "error" |
        | The caterer should source fresh produce from farms in the county.                             | a "LOCAL001" finding of severity "error" |

      Examples: the buyer's own place, the place of work and the people served are not the supplier's location
        | clause                                                                                        | finding                                  |
        | Return your quotation to the Civic Centre, which is located in the middle of Hartlepool.     | no "LOCAL001" finding                    |
        | The site welfare compound must be located within the site boundary.                            | no "LOCAL001" finding                    |
        | The Provider will support families living in temporary accommodation in the district.          | no "LOCAL001" finding                    |
        | Bidders should note that the Council is a member of the Chamber of Commerce.                   | no "LOCAL001" finding                    |
        | The supplier must be registered with UK Companies House.                                       | no "LOCAL001" finding                    |
        | The Bidder must have its registered office within the boundary of Wigan Council, shown by a Companies House extract. | a "LOCAL001" finding of severity "error" |
        | The supplier must deliver to sites located in the district.                                    | no "LOCAL001" finding                    |
        | Staff must be based at the Council's depot in Ashford during the contract.                     | no "LOCAL001" finding                    |
        | Bidders should register on the supplier portal, which is based in the cloud.                   | no "LOCAL001" finding                    |
        | The contractor shall procure all aggregates from quarries in Derbyshire.                       | a "LOCAL001" finding of severity "error" |
        | The Provider shall recruit two care workers from people who are long-term unemployed and live in the borough. | no "LOCAL001" finding     |
        | Green waste must be tipped at a reception point within a 10-mile haul of the depot.            | a "LOCAL011" finding of severity "info"  |

  Rule: PA 2023 s.23(2)(a) - asks that need no comparison with the subject

    Scenario Outline: giving, accreditations, benefits abroad and organisation-wide asks
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

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples: not delivered through the contract
        | subject                  | clause                                                                                     | finding                                  |
        | Waste collection services | The contractor is to make an annual donation of £2,000 to the Mayor's charity.            | a "REL004" finding of severity "warning" |
        | Printing services        | The supplier should offer free use of its print room to local charities.                  | a "REL004" finding of severity "warning" |
        | Grounds maintenance      | Tenderers must be members of the Council's Green Business Network.                        | a "REL005" finding of severity "warning" |
        | Legal services           | Our offer is to fund a scholarship each year for a student at a university overseas.      | a "REL002" finding of severity "warning" |
        | Audit services           | Confirm that every company in your group pays its employees the Real Living Wage.         | a "REL003" finding of severity "warning" |

      Examples: giving that arises from delivery, standards for performing it, choices and exclusions
        | subject                  | clause                                                                                     | finding                                  |
        | School meals             | The caterer will donate surplus food from the kitchens to food banks.                     | no "REL004" finding                      |
        | Home care services       | The provider will signpost clients to the Council's community fund for small grants.      | no "REL004" finding                      |
        | Security services        | The supplier must hold SIA licences for all guards.                                       | no "REL005" finding                      |
        | Catering services        | Bidders may choose to sign the Council's Social Value Pledge; it is not scored.           | no "REL005" finding                      |
        | Cleaning services        | Social value delivered overseas will not be counted.                                      | no "REL002" finding                      |
        | Highways works           | Bidders must describe three projects of similar scope delivered in the last three years.  | no "REL003" finding                      |
        | Waste collection services | The contractor will return recyclable materials to reprocessors in Europe.               | no "REL002" finding                      |
        | Cleaning services        | Describe the charitable activities your organisation has supported in the last three years. | a "REL003" finding of severity "warning" |
        | Occupational health services | The provider will offer health checks to council staff as part of the contracted service. | no "REL001" finding               |

  Rule: SVA 2012 s.1(6) - measurement in scale with a small contract, however the duty is worded

    Scenario Outline: burdens and cadences in the passive or as a cost
      Given the tender metadata:
        """
        authority_kind: sub_central
        procurement_start: 2026-03-02
        nature: services
        value: <value>
        vat: exclusive
        term_years: 1
        """
      And the tender text:
        """
        # Contract

        <clause>
        """
      When it is checked
      Then there is <finding>

      Examples:
        | value   | clause                                                                                          | finding                                   |
        | 70000   | Outcomes are to be adjusted for deadweight and displacement before they are reported.          | a "PROP001" finding of severity "warning" |
        | 70000   | Commitments must be logged on the social value platform at the supplier's own subscription cost. | a "PROP001" finding of severity "warning" |
        | 70000   | A social value progress return is to be submitted every week.                                   | a "PROP002" finding of severity "warning" |
        | 70000   | Social value progress will be reported six-monthly on a one-page template.                      | no "PROP002" finding                      |
        | 70000   | The supplier shall invoice the Council monthly for social value events held.                    | no "PROP002" finding                      |
        | 70000   | The contractor shall attend monthly progress meetings on service performance.                   | no "PROP002" finding                      |
        | 70000   | Outcomes for clients must be recorded at each weekly session.                                   | no "PROP002" finding                      |
        | 70000   | Carbon emissions from the contract vehicles must be reported monthly.                           | a "PROP002" finding of severity "warning" |
        | 70000   | The Council will commission and pay for an independent evaluation of the outcomes.              | no "PROP001" finding                      |
        | 9000000 | Outcomes are to be adjusted for deadweight and displacement before they are reported.          | no "PROP001" finding                      |
