"""Parse the XML inside office documents without trusting it.

Word and OpenDocument parts never need a DTD, so any DOCTYPE, entity declaration or external
reference is refused outright (that is what "billion laughs" and XXE attacks are made of).
defusedxml does the refusing; this module adds a nesting-depth cap, because the walkers that
read the tree recurse, and maps every failure onto a `LoadError`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as DET

from .errors import LoadError
from .limits import DEFAULT_LIMITS, Limits


#: bytes handed to expat at a time. expat 2.5 rescans an unfinished token from its start on
#: every feed, so a 31 MB attribute fed 16 KB at a time (ElementTree.iterparse) cost ~2,000
#: rescans (16-24 s); 1 MB feeds cost ~30 (well under a second), and the depth cap is still
#: checked after every MB.
FEED_BYTES = 1024 * 1024


def parse_xml(data: bytes, what: str, limits: Limits = DEFAULT_LIMITS) -> ET.Element:
    """The root element of `data`; `what` names the part in error messages."""
    depth = 0
    root: ET.Element | None = None
    try:
        parser = ET.XMLPullParser(events=("start", "end"), _parser=DET.DefusedXMLParser(
            target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True,
            forbid_external=True))
        for at in range(0, len(data), FEED_BYTES):
            parser.feed(data[at:at + FEED_BYTES])
            for event, element in parser.read_events():
                if event == "start":
                    if root is None:
                        root = element
                    depth += 1
                    if depth > limits.max_xml_depth:
                        raise LoadError("hostile", f"{what}: XML nested more than "
                                        f"{limits.max_xml_depth} elements deep")
                else:
                    depth -= 1
        parser.close()
    except defusedxml.DTDForbidden:
        raise LoadError("hostile", f"{what}: XML with a DOCTYPE/DTD is refused "
                        "(entity expansion attacks hide there)") from None
    except defusedxml.EntitiesForbidden:
        raise LoadError("hostile", f"{what}: XML entity declarations are refused "
                        "(a 'billion laughs' expansion?)") from None
    except defusedxml.ExternalReferenceForbidden:
        raise LoadError("hostile", f"{what}: XML refers to an external resource; refused") from None
    except ET.ParseError as exc:
        raise LoadError("malformed", f"{what}: not well-formed XML ({exc})") from None
    except (LookupError, ValueError) as exc:
        # expat's answer to an encoding it does not know (`x-nonexistent`) or cannot stream
        # (`utf-7`, multi-byte codecs); Word and OpenDocument write UTF-8 or UTF-16 only.
        raise LoadError("malformed", f"{what}: declares an XML encoding that cannot be read "
                        f"({exc}); Word and OpenDocument parts are UTF-8") from None
    if root is None:
        raise LoadError("malformed", f"{what}: empty XML part")
    return root


def local_name(tag: object) -> str:
    """'p' for '{namespace}p'; comments and processing instructions give ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]



def attr(element, name: str):
    """An attribute by local name, whichever namespace prefix the writer used."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return value
    return None


def child(element, name: str):
    """The first child element with this local name, or None."""
    if element is None:
        return None
    return next((c for c in element if local_name(c.tag) == name), None)