"""The clause and weighting readers' caches change how often a reading is made,
never what it gives:

* a reading kept per (text, section tests) rather than per heading path is only right if the
  function reads the heading path through exactly the tests of its `_section_key`: checked on
  the source (a new use of `section` in a cached reading fails here until it is added to the
  key);
* `_make`, kept per distinct reading, may read of its block only the parts in its key;
* cached and uncached readings agree on the corpus, the examples and generated tenders;
* `any_search` gives what `any(p.search(text) ...)` gives, and the LABEL pre-test never skips a
  sentence LABEL matches.
"""
from __future__ import annotations

import ast
import inspect
import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from svrules.extract import _fastre2, clauses, weightings
from svrules.extract._rx import rx
from svrules.extract.clauses import LABEL, _LABEL_ENDS, extract_clauses
from svrules.extract.index import DocumentIndex
from svrules.extract.weightings import extract_weightings

ROOT = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- on the source

def _functions(module) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(module))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _key_tests(function: ast.FunctionDef) -> set[str]:
    """The tests a `_section_key` returns (a `bool(...)` unwrapped), as source."""
    returned = next(n for n in ast.walk(function) if isinstance(n, ast.Return)).value
    out = set()
    for element in returned.elts:
        if isinstance(element, ast.Call) and getattr(element.func, "id", "") == "bool":
            element = element.args[0]
        out.add(ast.unparse(element))
    return out


def _decorated(functions: dict, names: set[str]) -> list[str]:
    return [name for name, f in functions.items()
            if any(getattr(d, "id", None) in names for d in f.decorator_list)]


def _section_uses(module, roots: list[str]) -> tuple[set[str], set[str]]:
    """(the functions reached from `roots` by passing `section` on, the uses of `section` in
    them that are not passing it on to one of them: as source)."""
    functions = _functions(module)
    allowed = _key_tests(functions["_section_key"])
    reached, todo, uses = set(), list(roots), set()
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        parents = _parents(functions[name])
        for node in ast.walk(functions[name]):
            if not (isinstance(node, ast.Name) and node.id == "section"
                    and isinstance(node.ctx, ast.Load)):
                continue
            parent = parents[node]
            callee = getattr(getattr(parent, "func", None), "id", None)
            if ast.unparse(parent) in allowed:       # one of the key's own tests
                uses.add(ast.unparse(parent))
                continue
            if isinstance(parent, ast.Call) and node in parent.args and callee in functions \
                    and "section" in [a.arg for a in functions[callee].args.args]:
                todo.append(callee)          # passed on to a function that reads it
                continue
            uses.add(ast.unparse(_widest(node, parents, allowed)))
    return reached, uses


def _widest(node, parents, allowed: set[str]):
    """The expression around `node` that is one of `allowed`, or the statement holding it."""
    at = node
    while not isinstance(at, ast.stmt):
        if ast.unparse(at) in allowed:
            return at
        at = parents[at]
    return at


def test_cached_clause_readings_read_the_heading_path_only_through_the_section_key():
    functions = _functions(clauses)
    roots = _decorated(functions, {"_per_text_in_section", "_per_clause"})
    assert {"_kind", "_is_clause_text", "_requirement_span", "_make"} <= set(roots)
    reached, uses = _section_uses(clauses, roots)
    assert "_is_requirement" in reached and "_is_sv" in reached
    assert uses <= _key_tests(functions["_section_key"]), (
        "a cached clause reading tests the heading path in a way `_section_key` does not: "
        f"add it there ({sorted(uses - _key_tests(functions['_section_key']))})")


def test_weighting_statements_read_the_heading_path_only_through_the_section_key():
    functions = _functions(weightings)
    reached, uses = _section_uses(weightings, ["_read_block"])
    assert "_sv_alone" in reached
    assert uses <= _key_tests(functions["_section_key"]), sorted(uses)


def test_make_reads_of_its_block_only_what_its_cache_key_holds():
    functions = _functions(clauses)
    allowed = {"text", "kind", "cells", "index"}
    for name, param in (("_make", "block"), ("_sentence_of", "block")):
        parents = _parents(functions[name])
        for node in ast.walk(functions[name]):
            if isinstance(node, ast.Name) and node.id == param:
                parent = parents[node]
                if isinstance(parent, ast.Attribute):
                    assert parent.attr in allowed, f"{name} reads block.{parent.attr}"
                else:
                    assert isinstance(parent, ast.Call) and \
                        getattr(parent.func, "id", None) == "_sentence_of", ast.unparse(parent)
    # every argument but the block and the judge is in the key, whatever it is
    wrapper = ast.unparse(functions["_per_clause"])
    assert "*rest" in wrapper and "**named" in wrapper


# ----------------------------------------------------------------------------- on documents

def _documents():
    from tests.test_engines_corpus import _documents as corpus
    yield from corpus()
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from svrules.load.blocks import split_markdown

    class Generated:
        def __init__(self, text):
            self.blocks = split_markdown(text)
    rng = random.Random(15)
    for i in range(2):
        yield Generated(generate.to_markdown(generate.make_dense_tender(rng, i, 30_000)))
        yield Generated(generate.to_markdown(generate.make_tender(rng, i, 6)))


def _readings(documents):
    out = []
    for doc in documents:
        index = DocumentIndex(doc.blocks)
        out.append((extract_clauses(doc.blocks, lambda theme, text, flags: theme + str(
            sorted(flags)), index, subject="training services"),
                    extract_weightings(doc.blocks, index)))
    return out


def test_cached_and_uncached_readings_agree(monkeypatch):
    documents = list(_documents())
    assert len(documents) > 300
    cached = _readings(documents)
    again = _readings(documents)                 # now from the caches
    monkeypatch.setattr(clauses, "_as_section", lambda section: section)
    monkeypatch.setattr(weightings, "_as_section", lambda section: section)
    monkeypatch.setattr(clauses, "_make", clauses._make.uncached)
    for fn in (clauses._kind, clauses._is_clause_text, clauses._requirement_span):
        fn.cache_clear()
    weightings._remembered.cache_clear()
    plain = _readings(documents)
    assert cached == plain
    assert again == plain
    assert sum(len(c) for c, _ in plain) > 300


# ----------------------------------------------------------------------------- the helpers

PATTERNS = (rx(r"\blocal\b"), rx(r"^\s*kpi"), rx(r"miles$"), rx(r"a[^.]{0,10}b"),
            rx(r"Zebra", ignore_case=False), rx(r"\d{2,}%"))
WORDS = st.sampled_from(["local", "Local", "kpi", " KPI", "miles", "a", "b", ".", "zebra",
                         "Zebra", "12%", "5%", "\n", " ", "é", "–", ":"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30), st.integers(0, len(PATTERNS)))
def test_any_search_is_any_search(words, cut):
    text = "".join(words)
    for patterns in (PATTERNS, PATTERNS[:cut], PATTERNS[cut:]):
        assert _fastre2.any_search(patterns, text) == any(p.search(text) for p in patterns)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 :–-\t\n()&/'’\u00a0\u2003.")), max_size=24))
def test_the_label_pre_test_skips_no_label(sentence):
    if LABEL.search(sentence):
        assert sentence.rstrip()[-1:] in _LABEL_ENDS
