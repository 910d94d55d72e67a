"""`svrules validate-rules`: run every rule's examples through the real pipeline.

Loading a pack already checks the schema, citations and patterns; examples are the part only a
run can check: each `bad` example must produce a finding of its rule and each `good` one must
not. Pack authors (and the pre-commit hook) get this without the svrules test suite. The
plain-Python engine is used: it gives the same matches and needs no rule-set registration.
"""
from __future__ import annotations

from .config import Config
from .load.blocks import split_markdown
from .model import Document, TenderMeta
from .rulepack import RulePack


def run_examples(pack: RulePack) -> list[str]:
    """Problems found, one line each (empty when every example behaves)."""
    from .check import Checker
    checkers: dict[str, Checker] = {}
    problems = []
    for rule in pack.rules:
        for kind, items in (("bad", rule.examples.bad), ("good", rule.examples.good)):
            for n, example in enumerate(items, 1):
                where = f"{rule.id} examples.{kind}[{n}]"
                try:
                    config = Config.model_validate(example.config)
                    meta = TenderMeta.model_validate(example.meta) if example.meta else None
                except ValueError as exc:
                    problems.append(f"{where}: invalid meta or config: {exc}")
                    continue
                key = config.model_dump_json()
                checker = checkers.get(key) or checkers.setdefault(
                    key, Checker(pack, config, engine="python"))
                doc = Document(path=f"<{where}>", format="markdown",
                               blocks=tuple(split_markdown(example.text)), meta=meta)
                found = any(f.rule == rule.id for f in checker.check_document(doc).findings)
                if kind == "bad" and not found:
                    problems.append(f"{where}: expected a {rule.id} finding, got none: "
                                    f"{example.text[:80]!r}")
                elif kind == "good" and found:
                    problems.append(f"{where}: expected no {rule.id} finding, got one: "
                                    f"{example.text[:80]!r}")
    return problems
