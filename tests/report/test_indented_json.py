"""The fast indented JSON writer gives exactly what `json.dumps(indent=2)` gives."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.report.indented_json import dumps

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=40)


@settings(max_examples=500, deadline=None)
@given(VALUES)
def test_same_text_as_the_standard_library(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_other_types_fall_back_to_the_standard_library():
    from enum import Enum

    class Colour(str, Enum):
        red = "red"

    value = {"colour": Colour.red, 1: "int key", "nested": [{"x": Colour.red}]}
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
