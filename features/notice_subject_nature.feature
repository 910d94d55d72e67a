Feature: Public Services (Social Value) Act 2012 s.1(1): what a notice buys, read from its subject
  The Act covers public services contracts only. When the metadata does not say the contract's
  nature, svrules reads it from the notice's subject: the title and the description's first
  sentence about the contract. Who buys, the notice's own business (award banners, modifications,
  submission instructions), procedure names and the departments served do not say what is bought.
  Rental, lease and hire of products are supplies (PCR 2015 reg 2(1), "public supply contracts");
  with a driver or an operator they are a service, and where the words do not settle it the
  nature is left unknown and named as missing rather than guessed.

  Background:
    Given the tender metadata:
      """
      authority_kind: sub_central
      procurement_start: 2026-03-02
      value: 900000
      vat: exclusive
      """

  Rule: s.1(1) - a subject read as goods takes the contract outside the Act

    Scenario Outline: the subject is what is bought, not who buys it or what the notice is
      Given the tender text:
        """
        # <title>

        Contracting authority: Ambridge Council

        ## Description

        <first>

        <second>
        """
      When it is checked
      Then the Act applies is "<applies>"
      And a reason says "<reason>"

      Examples:
        | title            | first                                                    | second                                                         | applies | reason             |
        | Project Orion    | The Ambridge Care Partnership had a requirement for replacement laptops. | The laptops are for its community teams.        | false   | for goods only     |
        | Scaffold rental  | Scaffold rental at the depot for twelve months.         | Erection is by the Council's own staff.                        | false   | for goods only     |
        | Project Orion    | ***Award notice***                                       | The aim of this work is an assessment of the council's parks.  | true    | Procurement Act 2023 |
        | Wound Care       | The Council seeks to establish a framework for Wound Care. | Lot 1: Dressings, bandages and associated products | false | for goods only |

  Rule: s.1(1) - where the subject does not settle the nature, the verdict names it as missing

    Scenario Outline: hire with a driver, or the supply of an acronym nobody explains
      Given the tender text:
        """
        # <title>

        Contracting authority: Ambridge Council

        ## Description

        <title> for the Council.
        """
      When it is checked
      Then the Act applies is "null"
      And the missing facts are "nature"

      Examples:
        | title                        |
        | Hire of coaches with drivers |
        | The supply of QRSA           |
