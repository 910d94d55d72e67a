"""The pipeline for one document: load, extract, decide, match, build findings.

`Checker` holds what is built once per process (the rule pack, its compiled form, the engine,
the law data) so that each document costs only its own work.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .config import Config
from .discover import Target
from .engine import EngineError, make_engine
from .engine.compile import CompiledPack, compile_pack
from .extract._fastre2 import forget as forget_encodings
from .extract.matcher import DocumentIndex, Hit, scan
from .extract.tender_facts import extract_tender_facts, summarise
from .facts import Extracted, doc_fact, eof_fact, extract_rule_facts, hit_facts
from .findings import FindingBuilder
from .law.applicability import decide
from .law.data import LawBook, load_lawbook
from .law.inputs import gather
from .load import LoadError, load_document
from .model import Document, FileError, FileResult, Finding
from .rulepack import RulePack
from .suppress import apply_inline


@dataclass
class Analysis:
    """Everything known about one document after extraction and the verdict."""

    document: Document
    inputs: object
    verdict: object
    text_facts: list
    hits: list[Hit]                 # the anchors: text hits, then extracted facts' anchors
    extracted: Extracted | None = None


class Checker:
    def __init__(self, pack: RulePack, config: Config, engine: str = "durable",
                 lawbook: Optional[LawBook] = None) -> None:
        self.pack = pack
        self.config = config
        self.compiled: CompiledPack = compile_pack(pack)
        self.engine = make_engine(engine, self.compiled)
        self.lawbook = lawbook or load_lawbook()
        self.absent_ids = tuple(pid for pid, _ in self.compiled.patterns if pid.endswith(".absent"))
        self._sid = 0

    # ------------------------------------------------------------------ stages
    def analyse(self, doc: Document) -> Analysis:
        text_facts = extract_tender_facts(doc.blocks)
        inputs = gather(doc, summarise(text_facts), self.config.defaults_for_verdict(),
                        self.config.source or "configuration")
        verdict = decide(inputs, self.lawbook, self.config.apply_to_all_contracts)
        # Each rule's patterns run once over the whole document to find candidate blocks
        # (issue 7); only those get the sentence-level scan. Hits stay in rule order.
        index = DocumentIndex(doc.blocks)
        hits: list[Hit] = []
        for pattern_id, spec in self.compiled.patterns:
            hits.extend(scan(index.candidates(spec), pattern_id, spec))
        # Clauses and weightings: their anchors are appended after the text hits (see facts.py).
        extracted = extract_rule_facts(doc, inputs, hits)
        forget_encodings()
        return Analysis(doc, inputs, verdict, text_facts, hits, extracted)

    def match(self, analysis: Analysis) -> list[Finding]:
        self._sid += 1
        sid = f"d{self._sid}"
        extracted = analysis.extracted
        facts = [doc_fact(sid, analysis.verdict, analysis.inputs, extracted),
                 *hit_facts(sid, analysis.hits[:extracted.first_anchor if extracted else None],
                            self.absent_ids),
                 *(extracted.facts(sid) if extracted else ()), eof_fact(sid)]
        matches = self.engine.run(sid, facts)
        builder = FindingBuilder(self.pack, analysis.document.blocks, analysis.hits,
                                 analysis.verdict, analysis.inputs, dict(self.config.severity))
        return self._filter(analysis.document.path, builder.build(matches))

    def _filter(self, path: str, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings
                if self.config.rule_enabled(path, f.rule, f.category.value)]

    # ------------------------------------------------------------------ whole files
    def check_document(self, doc: Document) -> FileResult:
        analysis = self.analyse(doc)
        findings = self.match(analysis)
        result = FileResult(path=doc.path, applicability=analysis.verdict,
                            findings=tuple(findings), warnings=doc.warnings)
        return apply_inline(result, doc, self.pack, self.config)   # suppress stage (inline)

    def check_target(self, target: Target) -> FileResult:
        try:
            doc = load_document(target.path, target.display, limits=self.config.load_limits())
        except LoadError as exc:
            return FileResult(path=target.display,
                              errors=(FileError(kind=exc.kind, message=exc.message, line=exc.line),))
        try:
            return self.check_document(doc)
        except EngineError as exc:
            return FileResult(path=target.display,
                              errors=(FileError(kind="engine", message=str(exc)),))

    def check_path(self, path: Path) -> FileResult:
        return self.check_target(Target(path, str(path)))
