"""Extract stage: plain Python that turns a tender's text into located facts.

`tender_facts.extract_tender_facts` reads the facts that decide whether the Social Value Act
applies (contract value, nature, framework role, authority, dates, urgency, light touch) from the
document's own words when metadata is absent. Every fact carries the block and line it came from.
"""
from .tender_facts import TextFact, extract_tender_facts, summarise

__all__ = ["TextFact", "extract_tender_facts", "summarise"]
