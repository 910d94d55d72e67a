"""The pipeline for one document: load, extract, decide, match, build findings.

`Checker` holds what is built once per process (the rule pack, its compiled form, the engine,
the law data) so that each document costs only its own work.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .config import Config
from .discover import Target
from .engine import EngineError, make_engine
from .engine.compile import CompiledPack, compile_pack
from .extract._fastre2 import forget as forget_encodings
from .extract import clauses as _clauses, weightings as _weightings  # noqa: F401
from .extract.index import DocumentIndex, Gates
from .extract.index import reader_gates as _registered_gates
from .extract.matcher import Hit, candidates, compile_pattern, non_ascii_blocks, scan
from .extract.normalise import matching_view
from .extract.tender_facts import TextFact, extract_tender_facts, summarise
from .facts import Extracted, doc_fact, eof_fact, extract_rule_facts, hit_facts
from .findings import FindingBuilder
from .law.applicability import decide
from .law.data import LawBook, load_lawbook
from .law.inputs import Inputs, gather
from .load import LoadError, load_document
from .model import Applicability, Document, FileError, FileResult, Finding
from .rulepack import RulePack
from .suppress import apply_inline


def reader_gates() -> Gates:
    """The gate patterns of every reader. Importing a reader's module registers it
    (`extract.readers`): this module imports them all (tender facts, clauses, weightings, the
    document fact's text fields) above, so the index gets every gate without importing them."""
    return _registered_gates()


@dataclass
class Analysis:
    """Everything known about one document after extraction and the verdict."""

    document: Document
    inputs: Inputs
    verdict: Applicability
    text_facts: list[TextFact]
    hits: list[Hit]                 # the anchors: text hits, then extracted facts' anchors
    extracted: Extracted | None = None


class Checker:
    def __init__(self, pack: RulePack, config: Config, engine: str = "durable",
                 lawbook: Optional[LawBook] = None, prefilter: bool = True) -> None:
        """`prefilter=False` reads every block with every reader (extract.index): slower, the
        same result; the reference that tests compare the ordinary checker with."""
        self.pack = pack
        self.config = config
        self.compiled: CompiledPack = compile_pack(pack)
        self.engine = make_engine(engine, self.compiled)
        self.lawbook = lawbook or load_lawbook()
        self.absent_ids = tuple(pid for pid, _ in self.compiled.patterns if pid.endswith(".absent"))
        # The readers' gate patterns and every rule's patterns, in one RE2 set that each
        # document's blocks are put through once (extract.index): `any` says which blocks a
        # rule reads, the others which of its patterns need running in such a block.
        self.gates = reader_gates().plus(
            compile_pattern(p) for _, spec in self.compiled.patterns
            for p in (*spec.any, *spec.all, *spec.unless, *spec.unless_sentence))
        self.prefilter = prefilter
        self._sid = 0

    # ------------------------------------------------------------------ stages
    def analyse(self, doc: Document) -> Analysis:
        # Rules and readers see the text as a reader does (extract.normalise: markup, invisible
        # characters, odd spaces, compatibility forms and look-alike letters undone); every
        # hit is moved back to its place in the original before findings are built.
        view = matching_view(doc)
        seen = view.document
        # Which patterns occur in which blocks, from one pass per block: every reader
        # and every rule below looks only at the blocks where its patterns occur.
        index = DocumentIndex(seen.blocks, self.gates, self.prefilter)
        text_facts = extract_tender_facts(seen.blocks, index)
        inputs = gather(seen, summarise(text_facts), self.config.defaults_for_verdict(),
                        self.config.source or "configuration")
        verdict = decide(inputs, self.lawbook, self.config.apply_to_all_contracts)
        hits: list[Hit] = []
        texts: dict = {}
        raw: dict = {}
        limit = self.config.load_limits().max_hits
        for pattern_id, spec in self.compiled.patterns:      # hits stay in rule order
            if spec.view == "original":     # how it is written (e.g. a word mixing scripts)
                hits.extend(scan(non_ascii_blocks(doc.blocks, raw), pattern_id, spec))
            else:
                hits.extend(view.to_original(scan(candidates(index, spec, texts), pattern_id,
                                                  spec)))
            if len(hits) > limit:       # refused before the engine and findings cost more
                raise LoadError("too-large", f"more than {limit:,} rule-pattern matches in one "
                                "document (the max-hits limit; raise it with --limit "
                                "max-hits=N)")
        # Clauses and weightings: their anchors are appended after the text hits (see facts.py).
        first_anchor = len(hits)
        extracted = extract_rule_facts(seen, inputs, hits, index)
        hits[first_anchor:] = view.to_original(hits[first_anchor:])
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
        """One file's result, whatever the file holds: a bad file is that file's error, never
        the end of the run. An exception no stage expected is this file's `internal` error
        (exit 3), so the files already checked, and those after, are still reported."""
        try:
            return self._check_target(target)
        except RecursionError:
            return _failed(target, "hostile", "nested too deeply to read (structures nested "
                           "hundreds of levels deep are refused)")
        except MemoryError:
            return _failed(target, "internal", "ran out of memory while checking it (a limit "
                           "that should have stopped it earlier is missing: please report it)")
        except Exception as exc:  # noqa: BLE001 - one file's bug must not hide the others
            if os.environ.get("SVRULES_DEBUG"):
                raise
            return _failed(target, "internal", f"internal error: {type(exc).__name__}: {exc} "
                           "(set SVRULES_DEBUG=1 for the traceback; please report it)")

    def _check_target(self, target: Target) -> FileResult:
        try:
            doc = load_document(target.path, target.display, limits=self.config.load_limits())
        except LoadError as exc:
            return FileResult(path=target.display,
                              errors=(FileError(kind=exc.kind, message=exc.message, line=exc.line),))
        try:
            return self.check_document(doc)
        except LoadError as exc:                 # a limit met while analysing it
            return FileResult(path=target.display,
                              errors=(FileError(kind=exc.kind, message=exc.message, line=exc.line),))
        except EngineError as exc:
            return FileResult(path=target.display,
                              errors=(FileError(kind="engine", message=str(exc)),))

    def check_path(self, path: Path) -> FileResult:
        return self.check_target(Target(path, str(path)))


def _failed(target: Target, kind: str, message: str) -> FileResult:
    return FileResult(path=target.display, errors=(FileError(kind=kind, message=message),))
