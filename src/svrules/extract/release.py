"""The readings of an OCDS release that need the extract stage's tables: the buyer's kind from
its name and where the release places it (its address, the portal its OCID names), and the
nature of a CPV code by its division.

Loading reads the release (load/ocds.py) but must not import this stage, so the programs that
run the pipeline hand these readers to `load_document`; they are the same readers the text of
a notice is read with, so a buyer named in a sidecar and in the prose reads the same.
"""
from __future__ import annotations

from typing import Optional

from ..load.ocds import OcdsReaders
from .buyers import ocds_territory
from .nature import cpv_nature
from .parties import authority_kind


def release_authority_kind(name: str, ocid: str, addresses: list[dict]) -> Optional[str]:
    """The buyer's AuthorityKind value: its name, placed by the release when the name does not
    place it itself."""
    return authority_kind(name, ocds_territory(ocid, addresses))


READERS = OcdsReaders(authority_kind=release_authority_kind, cpv_nature=cpv_nature)
