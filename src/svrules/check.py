"""The pipeline for one document: load, extract, decide, match, build findings.

`Checker` holds what is built once per process (the rule pack, its compiled form, the engine,
the law data) so that each document costs only its own work.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
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
from .extract.normalise import MatchingView, matching_view
from .extract.release import READERS as OCDS_READERS
from .extract.tender_facts import TextFact, extract_tender_facts, summarise
from .facts import Anchor, Extracted, doc_fact, eof_fact, extract_rule_facts, hit_facts
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


@dataclass(frozen=True)
class Reading:
    """The extract stage's view of one document: the text as rules and readers see it, which
    blocks hold which patterns, and the tender's facts read from the text."""

    view: MatchingView              # how offsets in `seen` go back to the original text
    seen: Document                  # the document as readers see it (extract.normalise)
    index: DocumentIndex
    text_facts: list[TextFact]


@dataclass
class Analysis:
    """Everything known about one document after extraction and the verdict."""

    document: Document
    inputs: Inputs
    verdict: Applicability
    text_facts: list[TextFact]
    hits: list[Hit]                 # the rules' text patterns matched, in rule order
    extracted: Extracted | None = None
    anchors: list[Anchor] = field(default_factory=list)    # where each extracted fact is

    @property
    def refs(self) -> list[Hit]:
        """What a fact's `ref` indexes: the text hits, then the extracted facts' anchors
        (whose refs start at `extracted.first_anchor`, the number of hits)."""
        return [*self.hits, *self.anchors]


class Checker:
    def __init__(self, pack: RulePack, config: Config, engine: str = "durable",
                 lawbook: Optional[LawBook] = None, prefilter: bool = True,
                 start_engine: bool = True) -> None:
        """`prefilter=False` reads every block with every reader (extract.index): slower, the
        same result; the reference that tests compare the ordinary checker with.
        `start_engine=False` leaves the engine to `start_engine()` (or the first document):
        `--jobs` builds the checker, forks its workers from it, and only then starts each
        process's durable-rules host, whose C state must not be shared across a fork."""
        self.pack = pack
        self.config = config
        self.compiled: CompiledPack = compile_pack(pack)
        self._engine_kind = engine
        self.engine = make_engine(engine, self.compiled) if start_engine else None
        self.lawbook = lawbook or load_lawbook()
        self.absent_ids = tuple(pid for pid, _ in self.compiled.patterns if pid.endswith(".absent"))
        # The readers' gate patterns and every rule's patterns, in one RE2 set that each
        # document's blocks are put through once (extract.index): `any` says which blocks a
        # rule reads, the others which of its patterns need running in such a block.
        self.gates = reader_gates().plus(
            compile_pattern(p) for _, spec in self.compiled.patterns
            for p in (*spec.any, *spec.all, *spec.unless, *spec.unless_sentence,
                      *spec.block_all, *spec.block_asks, *spec.block_unless))
        self.prefilter = prefilter
        self._sid = 0
        # Rules that read the text alike (the same patterns, kinds, sections and view; several
        # location rules differ only in where they apply) share one scan: its hits are the
        # same, under each rule's own id.
        self._scan_keys = [spec.model_dump_json() for _, spec in self.compiled.patterns]
        # and each such scan remembers what a (short) block text gave it (matcher.scan)
        self._scan_memos: dict[str, dict] = {key: {} for key in self._scan_keys}

    def start_engine(self) -> None:
        if self.engine is None:
            self.engine = make_engine(self._engine_kind, self.compiled)

    # ------------------------------------------------------------------ stages
    def analyse(self, doc: Document) -> Analysis:
        """One pass over the stages, each output typed: read, decide, scan, extract."""
        reading = self._read(doc)
        inputs = gather(reading.seen, summarise(reading.text_facts),
                        self.config.defaults_for_verdict(), self.config.source or "configuration")
        verdict = decide(inputs, self.lawbook, self.config.apply_to_all_contracts)
        hits = self._scan(doc, reading)
        extracted, anchors = self._extract(reading, inputs, first_ref=len(hits))
        forget_encodings()
        return Analysis(doc, inputs, verdict, reading.text_facts, hits, extracted, anchors)

    def _read(self, doc: Document) -> Reading:
        # Rules and readers see the text as a reader does (extract.normalise: markup, invisible
        # characters, odd spaces, compatibility forms and look-alike letters undone); every
        # hit is moved back to its place in the original before findings are built.
        view = matching_view(doc)
        seen = view.document
        # Which patterns occur in which blocks, from one pass per block: every reader
        # and every rule below looks only at the blocks where its patterns occur.
        index = DocumentIndex(seen.blocks, self.gates, self.prefilter)
        return Reading(view, seen, index, extract_tender_facts(seen.blocks, index))

    def _scan(self, doc: Document, reading: Reading) -> list[Hit]:
        """Every rule's text patterns, in rule order, at their places in the original text."""
        hits: list[Hit] = []
        texts: dict = {}
        raw: dict = {}
        limit = self.config.load_limits().max_hits
        alike: dict[str, list[Hit]] = {}        # scan key -> the hits of its first rule
        for (pattern_id, spec), key in zip(self.compiled.patterns, self._scan_keys):
            found = alike.get(key)                           # hits stay in rule order
            if found is not None:
                hits.extend(Hit(pattern_id, h.block, h.start, h.end, h.match_start,
                                h.match_end) for h in found)
            elif spec.view == "original":   # how it is written (e.g. a word mixing scripts)
                found = alike[key] = scan(non_ascii_blocks(doc.blocks, raw), pattern_id, spec)
                hits.extend(found)
            else:
                found = alike[key] = reading.view.to_original(
                    scan(candidates(reading.index, spec, texts), pattern_id, spec,
                         self._scan_memos.setdefault(key, {})))
                hits.extend(found)
            if len(hits) > limit:       # refused before the engine and findings cost more
                raise LoadError("too-large", f"more than {limit:,} rule-pattern matches in one "
                                "document (the max-hits limit; raise it with --limit "
                                "max-hits=N)")
        return hits

    def _extract(self, reading: Reading, inputs: Inputs,
                 first_ref: int) -> tuple[Extracted, list[Anchor]]:
        """Clauses, weightings and plug-in readings, and their anchors in the original text.
        The facts' refs continue after the `first_ref` text hits (Analysis.refs)."""
        anchors: list[Anchor] = []
        extracted = extract_rule_facts(reading.seen, inputs, anchors, reading.index)
        return (dataclasses.replace(extracted, first_anchor=first_ref),
                reading.view.to_original(anchors))

    def match(self, analysis: Analysis) -> list[Finding]:
        self._sid += 1
        sid = f"d{self._sid}"
        extracted = analysis.extracted
        facts = [doc_fact(sid, analysis.verdict, analysis.inputs, extracted),
                 *hit_facts(sid, analysis.hits, self.absent_ids),
                 *(extracted.facts(sid) if extracted else ()), eof_fact(sid)]
        if self.engine is None:
            self.start_engine()
        matches = self.engine.run(sid, facts)
        builder = FindingBuilder(self.pack, analysis.document.blocks, analysis.refs,
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

    def load(self, path: Path, display: Optional[str] = None) -> Document:
        """Load one file for this checker: its configured limits, and an OCDS sidecar's buyer
        and CPV codes read with the extract stage's tables (extract.release)."""
        return load_document(path, display, limits=self.config.load_limits(),
                             ocds_readers=OCDS_READERS)

    def _check_target(self, target: Target) -> FileResult:
        try:
            doc = self.load(target.path, target.display)
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
