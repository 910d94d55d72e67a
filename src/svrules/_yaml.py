"""Safe YAML for the bundled data tables (rules/data, the law data): libyaml's loader when PyYAML
was built with it, the pure-Python one otherwise.

Both build the same objects from the same safe tags; libyaml parses about ten times faster, and
the tables are read in every process that checks a document (the relevance table alone took
about 0.07 s of CPU with the pure-Python parser). tests/test_yaml_loader.py checks that every
bundled YAML file gives equal data either way.
"""
from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load(text)`, parsed by libyaml where it is available."""
    return yaml.load(text, Loader=SAFE_LOADER)
