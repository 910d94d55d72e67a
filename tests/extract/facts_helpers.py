"""Helpers for the extraction tests (a plain module: a second conftest.py would shadow others)."""
from svrules.extract import extract_tender_facts, summarise
from svrules.load.blocks import split_markdown


def facts_of(text):
    return extract_tender_facts(split_markdown(text))


def summary_of(text):
    return summarise(facts_of(text))
