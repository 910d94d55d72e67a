"""The command line: click commands that only wire the stages together.

Exit codes are a contract: 0 no findings at or above --fail-on, 1 findings, 2 usage, config or
input error (a file that could not be checked), 3 internal error. Heavy modules (the engine,
pydantic models of the pipeline) are imported inside the commands that need them, so that
`svrules --version` and `svrules --help` start instantly.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .options import SEVERITIES, CheckOptions, check_options, use_color

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Group(click.Group):
    """Turns any unexpected exception into exit 3 with a one-line message, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("svrules: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("SVRULES_DEBUG"):
                raise
            click.echo(f"svrules: internal error: {type(exc).__name__}: {exc} "
                       "(set SVRULES_DEBUG=1 for the traceback; please report it)", err=True)
            sys.exit(EXIT_INTERNAL)


def _fail(message: str) -> None:
    click.echo(f"svrules: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _load_pack(extra: tuple[str, ...] = ()):
    from .cache import cached
    from .rulepack import RulePackError, default_rules_dir, load_pack
    folders = [Path(p) for p in extra]
    try:
        return cached("pack", [default_rules_dir(), *folders], lambda: load_pack(folders))
    except RulePackError as exc:
        _fail(f"rule pack error: {exc}")


def _load_lawbook():
    from .cache import cached
    from .law.data import load_lawbook
    from .rulepack import RulePackError, default_rules_dir
    try:
        return cached("lawbook", [default_rules_dir() / "law"], load_lawbook)
    except RulePackError as exc:
        _fail(f"law data error: {exc}")


def _load_config(config_path: str | None, first_path: str | None):
    from .config import ConfigError, find_config, load_config
    try:
        path = Path(config_path) if config_path else find_config(Path(first_path or "."))
        return load_config(path)
    except ConfigError as exc:
        _fail(f"configuration error: {exc}")


def _require_engine(engine: str) -> None:
    """durable-rules is the engine; when it cannot be imported, say how to build it and stop,
    rather than fall back silently to the Python evaluator."""
    if engine == "durable":
        from .engine import durable_problem
        problem = durable_problem()
        if problem:
            _fail(problem)


def _show_version(ctx, _param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"svrules, version {__version__}")
    _require_engine("durable")
    ctx.exit(EXIT_CLEAN)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-V", "--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version (and whether the engine loads).")
def main() -> None:
    """Lint UK public-sector tender documents against the Public Services (Social Value)
    Act 2012 and the procurement law around it. Every finding cites its source."""


def _rule_ids(pack) -> list[tuple[str, str]]:
    """(id, category) of every rule a selector may name: the pack's and svrules' own."""
    from .suppress import META_RULES
    return [(r.id, r.category.value) for r in pack.rules] + \
        [(i, info.category) for i, info in META_RULES.items()]


def _check_selectors(config, pack, overrides) -> None:
    """An unknown rule id, prefix or category is a usage error (exit 2), never 0 findings."""
    from .config import unknown_selectors
    known = _rule_ids(pack)
    for option in ("select", "ignore"):
        if option in overrides:
            bad = unknown_selectors(overrides[option][0], known)
            if bad:
                _fail(f"--{option}: no rule, prefix or category {', '.join(map(repr, bad))}; "
                      "`svrules rules` lists them")
    cli_keys = {k for k in overrides if k in ("select", "ignore")}
    file_patterns = [p for name in ("select", "extend_select", "ignore")
                     if name not in cli_keys for p in getattr(config, name)]
    file_patterns += [p for ids in config.per_file_ignores.values() for p in ids]
    bad = unknown_selectors(file_patterns, known)
    bad += [k for k in config.severity if k.upper() not in {i for i, _ in known}]
    if bad:
        _fail(f"configuration error: {config.source}: no rule, prefix or category "
              f"{', '.join(map(repr, bad))}; `svrules rules` lists them")


class CheckRun:
    """One `svrules check`: the options merged over the configuration, then the pipeline.

    Other commands that check documents the same way (a reviewed copy, a web page) build one
    of these from the same options and call `results()`.
    """

    def __init__(self, opts: CheckOptions) -> None:
        self.opts = opts
        config = _load_config(opts.config_path, opts.config_start)
        self.overrides = opts.overrides(config)
        config = config.model_copy(update={k: v for k, (v, _) in self.overrides.items()})
        self.config = _with_limits(config, opts.max_file_mb, opts.limit_settings)
        self.base = Path(self.config.source).parent if self.config.source else Path(".")
        self.pack = _load_pack(tuple(str(self.base / p) for p in self.config.rule_packs)
                               + tuple(opts.rule_dirs))
        _check_selectors(self.config, self.pack, self.overrides)
        self.baseline_used = False

    def settings(self, fmt: str = "text") -> str:
        from .options import config_files, settings_json, settings_rows, settings_text
        from .suppress import find_waivers
        waivers = Path(self.opts.waivers_path) if self.opts.waivers_path else \
            find_waivers(self.config, self.opts.config_start)
        baseline = self.opts.baseline_path or (
            str(self.base / self.config.baseline) if self.config.baseline else None)
        rows = settings_rows(self.config, self.overrides)
        files = config_files(self.config, waivers, baseline)
        return settings_json(rows, files) if fmt == "json" else settings_text(rows, files)

    def results(self):
        """The checked, reviewed results (a compressed store), in the order given."""
        from .discover import discover
        from .model import FileError, FileResult
        from .parallel import check_targets
        from .store import ResultStore      # results kept compressed until reported
        opts, config = self.opts, self.config
        with _stdin_target(opts) as stdin_target:
            if stdin_target is not None:
                targets, problems, jobs = [stdin_target], [], 1
            else:
                targets, problems = discover(list(opts.paths), config.exclude,
                                             opts.follow_links)
                jobs = opts.jobs
            _refuse_overwrite(targets, opts.outputs, opts.write_baseline_path)
            results = ResultStore(
                FileResult(path=p.display, errors=(FileError(kind=p.kind, message=p.message),))
                for p in problems)
            _require_engine(config.engine)
            results.extend(check_targets(targets, self.pack, config, config.engine,
                                         _load_lawbook(), jobs))
        if not targets and not problems:
            _fail("no tender documents found in " + ", ".join(opts.paths))
        results, self.baseline_used = _review(
            results, config, opts.config_start, opts.waivers_path, opts.baseline_path,
            opts.write_baseline_path, opts.today)
        return results

    def context(self, color: bool = False):
        from .report import ReportContext
        return ReportContext(pack=self.pack, version=__version__,
                             statistics=self.opts.statistics, color=color,
                             enabled=self.config.rule_enabled, baseline_used=self.baseline_used,
                             fail_on=self.config.fail_on.value, docs_url=self.config.docs_url,
                             show_fingerprints=self.opts.show_fingerprints)


class _StdinTarget:
    """`svrules check -`: standard input saved to a private temporary folder under the name
    --stdin-filename gives (its suffix picks the reader), reported under that name."""

    def __init__(self, opts: CheckOptions) -> None:
        self.opts = opts
        self.folder = None

    def __enter__(self):
        if not self.opts.reads_stdin:
            return None
        import shutil
        import tempfile
        from .discover import Target
        from .load.meta import sidecar_for
        named = Path(self.opts.stdin_filename) if self.opts.stdin_filename else None
        self.folder = tempfile.TemporaryDirectory(prefix="svrules-stdin-")
        path = Path(self.folder.name) / (named.name if named is not None else "stdin.md")
        data = sys.stdin.buffer.read()
        path.write_bytes(data)
        sidecar = sidecar_for(named) if named is not None else None
        if sidecar is not None:       # the named file's metadata sidecar, when it has one
            shutil.copyfile(sidecar, path.parent / sidecar.name)
        return Target(path, self.opts.stdin_filename or "-")

    def __exit__(self, *exc) -> None:
        if self.folder is not None:
            self.folder.cleanup()


def _stdin_target(opts: CheckOptions) -> _StdinTarget:
    if "-" in opts.paths and not opts.reads_stdin:
        _fail("`-` (standard input) cannot be mixed with other paths")
    if opts.stdin_filename and not opts.reads_stdin:
        _fail("--stdin-filename needs `-` as the path")
    return _StdinTarget(opts)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@check_options
def check(**kwargs):
    """Check tender documents (files or folders; `-` reads standard input)."""
    from .report import formatter
    opts = CheckOptions.from_click(kwargs)
    run = CheckRun(opts)
    if opts.show_settings:
        click.echo(run.settings(), nl=False)
        return
    targets_out = _parse_outputs(opts.outputs, opts.paths)
    results = run.results()
    _emit(results, run.context(), targets_out)
    fmt = opts.fmt
    if fmt == "auto":
        from .report import auto_format
        fmt = auto_format()
    color = fmt in ("text", "concise") and use_color(opts.color, sys.stdout)
    click.echo(formatter(fmt)(results, run.context(color)), nl=False, color=color)
    status = exit_status(results, run.config.fail_on)
    if status == EXIT_INTERNAL:         # also on stderr: a report on stdout may be a file
        for r in results:
            for e in r.errors:
                if e.kind == "internal":
                    click.echo(f"svrules: {r.path}: {e.message}", err=True)
    sys.exit(status)


@main.command("config")
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest svrules.toml or pyproject.toml).")
def config_command(path, fmt, config_path):
    """Print the settings a check of PATH would use, each with the file it came from."""
    run = CheckRun(CheckOptions(paths=(path,), config_path=config_path))
    click.echo(run.settings(fmt), nl=False)


def _with_limits(config, max_file_mb, settings):
    """Command-line limits over the configuration's, checked like the file's (a bad one is exit 2)."""
    from .load.limits import limits_from
    extra: dict[str, float] = {}
    for item in settings:
        key, sep, value = item.partition("=")
        try:
            extra[key.strip()] = float(value)
        except ValueError:
            _fail(f"--limit {item!r}: expected KEY=NUMBER, e.g. max-pdf-pages=200")
        if not sep:
            _fail(f"--limit {item!r}: expected KEY=NUMBER, e.g. max-pdf-pages=200")
    if max_file_mb is not None:
        extra["max-file-mb"] = max_file_mb
    if not extra:
        return config
    merged = {**{k.replace("_", "-"): v for k, v in config.limits.items()}, **extra}
    try:
        limits_from(merged)
    except ValueError as exc:
        _fail(f"--limit: {exc}")
    return config.model_copy(update={"limits": merged})


def _refuse_overwrite(targets, outputs, baseline) -> None:
    """No report or baseline is written over a tender, sidecar or OCDS file being checked."""
    from .io_safe import UnsafeOutput, refuse_inputs
    from .load import ocds_sidecar_for
    from .load.meta import sidecar_for
    inputs = [t.path for t in targets]
    inputs += [p for t in targets for p in (sidecar_for(t.path), ocds_sidecar_for(t.path)) if p]
    written = [Path(o.partition(":")[2]) for o in outputs if ":" in o]
    try:
        refuse_inputs(written + ([Path(baseline)] if baseline else []), inputs)
    except UnsafeOutput as exc:
        _fail(str(exc))


def _parse_outputs(outputs, paths) -> list[tuple[str, Path]]:
    """`FORMAT:FILE` pairs; a FILE inside a checked folder is allowed but warned about."""
    from .load import supported
    from .report import FORMATS
    parsed = []
    for item in outputs:
        name, sep, file = item.partition(":")
        if not sep or not file or name not in FORMATS:
            _fail(f"--output {item!r}: expected FORMAT:FILE with FORMAT one of "
                  f"{', '.join(FORMATS)}")
        target = Path(file)
        for given in paths:
            folder = Path(given).resolve()
            if folder.is_dir() and folder in target.resolve().parents and supported(target):
                click.echo(f"svrules: warning: {file} is inside the checked folder {given}: "
                           "exclude it, or the next run will check the report", err=True)
        parsed.append((name, target))
    return parsed


def _review(results, config, first_path, waivers_path, baseline_path, write_baseline_path, today):
    """Waivers, then the baseline (suppress.py); returns the results and whether a baseline ran."""
    from .suppress import (SuppressError, find_waivers, load_baseline, load_waivers, review,
                           write_baseline)
    base = Path(config.source).parent if config.source else Path(".")
    try:
        wpath = Path(waivers_path) if waivers_path else find_waivers(config, first_path)
        waivers = load_waivers(wpath) if wpath is not None else None
        results = review(results, waivers, None, today.date() if today else None)
        bpath = baseline_path or (str(base / config.baseline) if config.baseline else None)
        if write_baseline_path:
            write_baseline(Path(write_baseline_path), results)
            bpath = write_baseline_path
        if bpath is None:
            return results, False
        return review(results, None, load_baseline(Path(bpath))), True
    except SuppressError as exc:
        _fail(str(exc))


def _emit(results, ctx, targets) -> None:
    """The --output files: whole reports (--statistics, counts only, is for the terminal)."""
    import dataclasses
    from .report import formatter
    from .io_safe import atomic_write
    for name, target in targets:
        wanted = dataclasses.replace(ctx, statistics=False) if name in ("text", "concise") else ctx
        try:
            atomic_write(target, formatter(name)(results, wanted))
        except OSError as exc:
            _fail(f"cannot write {target}: {exc.strerror or exc}")


def exit_status(results, fail_on) -> int:
    """3 for an internal error, else 2 for any file error, else 1 for a finding at or above
    `fail_on`, else 0 (one pass: the results may be a compressed store)."""
    from .store import status_of
    statuses = getattr(results, "statuses", None)       # a store keeps them: nothing unpacked
    status = EXIT_CLEAN
    for internal, errors, worst in (statuses if statuses is not None
                                    else map(status_of, results)):
        if internal:
            return EXIT_INTERNAL
        if errors:
            status = EXIT_USAGE
        elif status == EXIT_CLEAN and worst >= fail_on.rank:
            status = EXIT_FINDINGS
    return status


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--category", multiple=True, help="Only rules of these categories.")
@click.option("--severity", multiple=True, type=click.Choice(SEVERITIES))
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def rules(fmt, category, severity, rule_dirs):
    """List the rules with their citations."""
    from .rulepack import rule_as_dict
    pack = _load_pack(rule_dirs)
    chosen = [r for r in pack.rules
              if (not category or r.category.value in category)
              and (not severity or r.severity.value in severity)]
    if fmt == "json":
        data = {"tool": "svrules", "version": __version__,
                "rules": [rule_as_dict(r, pack.sources) for r in chosen]}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        from .docs import rules_markdown
        click.echo(rules_markdown(pack, chosen, builtin=not category and not severity), nl=False)
    else:
        for r in chosen:
            click.echo(f"{r.id:9s} {r.severity.value:8s} {r.category.value:16s} {r.name}: {r.summary}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def law(fmt):
    """List the dated law (regimes, thresholds, provisions) with their citations."""
    from .law.listing import law_entries, law_text
    entries = law_entries(_load_lawbook(), _load_pack().sources)
    if fmt == "json":
        # the list is named "rules", as in `svrules rules --format json`, so that
        # ../shared/tools/verify-citations checks the law data's quotes the same way
        click.echo(json.dumps({"tool": "svrules", "version": __version__, "rules": entries},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(law_text(entries), nl=False)


@main.command()
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False))
def explain(rule_id, rule_dirs):
    """Explain a rule: what it finds, why, its citations and examples."""
    from .docs import explain_text
    pack = _load_pack(rule_dirs)
    rule = pack.by_id.get(rule_id.upper()) or next(
        (r for r in pack.rules if r.name == rule_id), None)
    if rule is None:
        from .docs import builtin_text
        text = builtin_text(rule_id)
        if text is None:
            _fail(f"no rule {rule_id!r}; `svrules rules` lists them")
        click.echo(text, nl=False)
        return
    click.echo(explain_text(pack, rule), nl=False)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def facts(path, fmt, config_path):
    """Show what svrules reads from a tender: metadata, extracted facts and the verdict."""
    from .facts_view import facts_json, facts_text
    from .extract.release import READERS
    from .load import LoadError, load_document
    config = _load_config(config_path, path)
    try:
        doc = load_document(Path(path), path, limits=config.load_limits(), ocds_readers=READERS)
    except LoadError as exc:
        _fail(f"{path}: [{exc.kind}] {exc.message}")
    from .check import Checker
    checker = Checker(_load_pack(), config, engine="python")
    analysis = checker.analyse(doc)
    out = facts_json(analysis) if fmt == "json" else facts_text(analysis)
    click.echo(out, nl=False)


@main.command()
@click.argument("what", type=click.Choice(["meta", "rule", "config"]))
def schema(what):
    """Print the JSON Schema of tender metadata, a rule file, or the configuration."""
    if what == "meta":
        from .model import TenderMeta as model
    elif what == "rule":
        from .rulepack import RuleSpec as model
    else:
        from .config import Config as model
    click.echo(json.dumps(model.model_json_schema(), indent=2, sort_keys=True))


# --------------------------------------------------------------------------- review workflow

@main.command()
@click.argument("target", metavar="FINGERPRINT|FILE:LINE:RULE")
@click.option("--rule", "rule_id", default=None,
              help="Rule id of the finding (e.g. LOCAL001); FILE:LINE:RULE names it already.")
@click.option("--reason", required=True, help="Why the finding is acceptable.")
@click.option("--by", "reviewer", required=True, help="Who reviewed it.")
@click.option("--path", "path", default=None,
              help="Only this file (relative to the waivers file); default: any file "
                   "(FILE:LINE:RULE: that file).")
@click.option("--expires", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date after which the waiver lapses and the finding fails again.")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False), default=None,
              help="Waivers file [default: svrules-waivers.yaml beside the configuration].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest svrules.toml or pyproject.toml).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True)
def waive(target, rule_id, reason, reviewer, path, expires, waivers_path, config_path, today):
    """Record a reviewed waiver for a finding, named by its fingerprint (text output shows it)
    or by FILE:LINE:RULE. The finding must exist: the files are checked first."""
    from pydantic import ValidationError
    from .suppress import WAIVERS_FILE, WaiverEntry, append_waiver, today as today_fn
    from .suppress import SuppressError
    from .waive import WaiveError, find_finding, parse_target
    try:
        wanted = parse_target(target, rule_id)
    except WaiveError as exc:
        _fail(str(exc))
    start = wanted.file or (path if path else ".")
    config = _load_config(config_path, start)
    base = Path(config.source).parent if config.source else Path(".")
    if waivers_path is None:
        waivers_path = str(base / (config.waivers or WAIVERS_FILE))
    waivers_file = Path(waivers_path)
    if path is not None and wanted.file is None:
        search = (str(waivers_file.resolve().parent / path),)
    else:
        search = (wanted.file or ".",)
    run = CheckRun(CheckOptions(paths=search, config_path=config_path, today=today,
                                waivers_path=waivers_path if waivers_file.is_file() else None))
    known = {i for i, _ in _rule_ids(run.pack)}
    if wanted.rule is not None and wanted.rule not in known:
        _fail(f"no rule {wanted.rule!r}; `svrules rules` lists them")
    try:
        path_shown, finding = find_finding(run.results(), wanted)
    except WaiveError as exc:
        _fail(str(exc))
    if wanted.file is not None and path is None:
        path = os.path.relpath(os.path.realpath(wanted.file), waivers_file.resolve().parent)
        path = Path(path).as_posix()
    try:
        entry = WaiverEntry(fingerprint=finding.fingerprint, rule=finding.rule, path=path,
                            reason=reason, reviewer=reviewer,
                            date=today.date() if today else today_fn(),
                            expires=expires.date() if expires else None)
    except ValidationError as exc:
        err = exc.errors()[0]
        _fail(f"waiver: {'.'.join(map(str, err['loc']))}: {err['msg']}")
    try:
        append_waiver(waivers_file, entry)
    except (SuppressError, OSError) as exc:
        _fail(str(exc))
    click.echo(f"waived {entry.rule} {entry.fingerprint} ({path_shown}: {finding.message}) "
               f"in {waivers_path}")


@main.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default=".",
              show_default=True, help="Folder to write svrules.toml and tender.svrules.yaml in.")
def init(folder):
    """Write a commented svrules.toml and a tender metadata template; never overwrites."""
    from .templates import CONFIG_TEMPLATE, META_TEMPLATE
    from .io_safe import atomic_write
    target = Path(folder)
    files = {target / "svrules.toml": CONFIG_TEMPLATE, target / "tender.svrules.yaml": META_TEMPLATE}
    existing = [str(p) for p in files if p.exists()]
    if existing:
        _fail(f"not overwriting {', '.join(existing)}: move it away or edit it")
    for path, text in files.items():
        atomic_write(path, text)
        click.echo(f"wrote {path}")


# --------------------------------------------------------------------------- Word and web routes

@main.command("review")
@click.argument("path", type=click.Path())
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the reviewed copy [default: NAME.reviewed.docx beside it].")
@click.option("--show-waived", is_flag=True,
              help="Also comment waived and suppressed findings, starting \"WAIVED: reason\".")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest svrules.toml or pyproject.toml).")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False),
              help="Waivers file [default: svrules-waivers.yaml beside the configuration].")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True)
def review_command(path, output, show_waived, config_path, waivers_path, today):
    """Write a reviewed copy of a tender as Word: each finding a comment on its words."""
    from .review import write_reviewed
    config = _load_config(config_path, path)
    message, result = write_reviewed(Path(path), Path(output) if output else None, config,
                                     _load_pack(), _load_lawbook(), waivers_path, today,
                                     show_waived, __version__)
    if result is None:
        _fail(message)
    click.echo(message)
    sys.exit(exit_status([result], config.fail_on))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; see docs/serve.md for a proxy).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: svrules.toml or pyproject.toml found from here).")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False), default=None,
              help="A folder of tenders offered on the page as examples.")
@click.option("--root-path", default="", help="Path prefix when served behind a reverse proxy "
              "under a sub-path, e.g. /svrules.")
def serve(host, port, config_path, examples_dir, root_path):
    """Start the local web page: upload a tender, give the facts, read the findings."""
    try:
        from .serve.app import run
    except ImportError as exc:
        _fail(f"the web page needs the serve extra: pip install 'svrules[serve]' ({exc})")
    run(host, port, _load_config(config_path, "."), _load_pack(), _load_lawbook(), examples_dir,
        root_path.rstrip("/"))


@main.command("validate-rules")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--examples/--no-examples", default=True, show_default=True,
              help="Also run each rule's examples: bad ones must be found, good ones not.")
def validate_rules(paths, examples):
    """Validate rule pack folders (or files in them): schema, citations, patterns, examples."""
    from .rulepack import RulePackError, default_rules_dir, load_pack
    from .validate import run_examples
    folders = sorted({str(Path(p) if Path(p).is_dir() else Path(p).parent) for p in paths})
    try:
        pack = load_pack([Path(f) for f in folders])
    except RulePackError as exc:
        _fail(f"rule pack error: {exc}")
    problems = run_examples(pack) if examples else []
    for problem in problems:
        click.echo(problem, err=True)
    n = len({default_rules_dir().resolve(), *(Path(f).resolve() for f in folders)})
    click.echo(f"{len(pack.rules)} rules in {n} pack folder{'s' if n != 1 else ''}: "
               f"{'ok' if not problems else f'{len(problems)} problems'}")
    sys.exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


if __name__ == "__main__":  # pragma: no cover
    main()
