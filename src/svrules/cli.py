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

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
SEVERITIES = ("info", "warning", "error")


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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="svrules")
def main() -> None:
    """Lint UK public-sector tender documents against the Public Services (Social Value)
    Act 2012 and the procurement law around it. Every finding cites its source."""


def _format_choices() -> list[str]:
    from .report import FORMATS
    return [*FORMATS, "auto"]


class _LazyChoice(click.Choice):
    """A Choice whose values are asked for only when an option is used (issue 7: listing the
    report formats imports the report package and pydantic, which `--version` must not)."""

    def __init__(self, values) -> None:
        self._values = values
        super().__init__([])

    @property
    def choices(self):
        return self._values()

    @choices.setter
    def choices(self, _ignored) -> None:
        pass


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=_LazyChoice(_format_choices), default="text",
              show_default=True, help="Output format; auto is github under GitHub Actions, "
              "else text.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@click.option("--select", multiple=True, help="Only these rule ids, categories or globs.")
@click.option("--ignore", multiple=True, help="Skip these rule ids, categories or globs.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Extra rule pack folder (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest svrules.toml or pyproject.toml).")
@click.option("--engine", type=click.Choice(["durable", "python"]), default=None,
              help="Rule engine: durable-rules or the plain-Python evaluator.")
@click.option("--statistics", is_flag=True, help="Counts per rule and category.")
# -- reports and review (issue 6): extra outputs, waivers, baseline
@click.option("--output", "outputs", multiple=True, metavar="FORMAT:FILE",
              help="Also write a report in FORMAT to FILE (repeatable; written atomically).")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False),
              help="Waivers file [default: svrules-waivers.yaml beside the configuration].")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Only findings not in this baseline fail the run.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Write the current findings to FILE as the baseline (then use it).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
              help="Date that waiver expiry is judged on (tests, audits).")
# -- issue 5: input limits (svrules/load/limits.py, docs/robustness.md)
@click.option("--max-file-mb", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Largest input file read, in MB [default: 64].")
@click.option("--limit", "limit_settings", multiple=True, metavar="KEY=VALUE",
              help="Set an input limit, e.g. max-pdf-pages=200 (repeatable; docs/robustness.md).")
# -- issue 7: parallel checking
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: the number of cores; small inputs are checked "
                   "in-process]. 1 checks in this process.")
@click.option("--follow-links", is_flag=True, default=False,
              help="Also walk symlinked folders that point outside the folders given.")
def check(paths, fmt, fail_on, exclude, select, ignore, rule_dirs, config_path, engine, statistics,
          outputs, waivers_path, baseline_path, write_baseline_path, today, max_file_mb,
          limit_settings, jobs, follow_links):
    """Check tender documents (files or folders)."""
    from .discover import discover
    from .model import FileError, FileResult, Severity
    from .report import ReportContext, formatter

    config = _load_config(config_path, paths[0])
    updates = {k: v for k, v in {
        "fail_on": Severity(fail_on) if fail_on else None,
        "exclude": config.exclude + tuple(exclude) if exclude else None,
        "select": tuple(select) or None, "ignore": config.ignore + tuple(ignore) if ignore else None,
        "engine": engine,
    }.items() if v is not None}
    config = config.model_copy(update=updates)
    config = _with_limits(config, max_file_mb, limit_settings)
    base = Path(config.source).parent if config.source else Path(".")
    pack = _load_pack(tuple(str(base / p) for p in config.rule_packs) + tuple(rule_dirs))
    targets, problems = discover(list(paths), config.exclude, follow_links)
    _refuse_overwrite(targets, outputs, write_baseline_path)
    from .store import ResultStore      # results kept compressed until reported (issue 7)
    results = ResultStore(FileResult(path=p.display, errors=(FileError(kind=p.kind,
                                                                      message=p.message),))
                          for p in problems)
    # --- issue 7: parallel checking (svrules/parallel.py); jobs=1 is the in-process path
    from .parallel import check_targets
    results.extend(check_targets(targets, pack, config, config.engine, _load_lawbook(), jobs))
    # ---
    if not targets and not problems:
        _fail("no tender documents found in " + ", ".join(paths))
    # -- suppress stage (waivers, baseline) and extra outputs: see suppress.py and _emit
    targets_out = _parse_outputs(outputs, paths)
    results, baseline_used = _review(results, config, paths[0], waivers_path, baseline_path,
                                     write_baseline_path, today)
    ctx = ReportContext(pack=pack, version=__version__, statistics=statistics,
                        enabled=config.rule_enabled, baseline_used=baseline_used)
    _emit(results, ctx, targets_out)
    if fmt == "auto":
        from .report import auto_format
        fmt = auto_format()
    click.echo(formatter(fmt)(results, ctx), nl=False)
    status = exit_status(results, config.fail_on)
    if status == EXIT_INTERNAL:         # also on stderr: a report on stdout may be a file
        for r in results:
            for e in r.errors:
                if e.kind == "internal":
                    click.echo(f"svrules: {r.path}: {e.message}", err=True)
    sys.exit(status)


def _with_limits(config, max_file_mb, settings):
    """Command-line limits over the configuration's (issue 5), checked like the file's."""
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
    from .report import formatter
    from .suppress import atomic_write
    for name, target in targets:
        try:
            atomic_write(target, formatter(name)(results, ctx))
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
    from .load import LoadError, load_document
    config = _load_config(config_path, path)
    try:
        doc = load_document(Path(path), path, limits=config.load_limits())
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


# --------------------------------------------------------------------------- review workflow (issue 6)

@main.command()
@click.argument("fingerprint")
@click.option("--rule", "rule_id", required=True, help="Rule id of the finding (e.g. LOCAL001).")
@click.option("--reason", required=True, help="Why the finding is acceptable.")
@click.option("--by", "reviewer", required=True, help="Who reviewed it.")
@click.option("--path", "path", default=None,
              help="Only this file (relative to the waivers file); default: any file.")
@click.option("--expires", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date after which the waiver lapses and the finding fails again.")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False), default=None,
              help="Waivers file [default: svrules-waivers.yaml beside the configuration].")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True)
def waive(fingerprint, rule_id, reason, reviewer, path, expires, waivers_path, today):
    """Record a reviewed waiver for the finding with FINGERPRINT (appended atomically)."""
    from pydantic import ValidationError
    from .suppress import (WAIVERS_FILE, SuppressError, WaiverEntry, append_waiver,
                           today as today_fn)
    if waivers_path is None:
        config = _load_config(None, ".")
        base = Path(config.source).parent if config.source else Path(".")
        waivers_path = str(base / (config.waivers or WAIVERS_FILE))
    try:
        entry = WaiverEntry(fingerprint=fingerprint.strip().lower(), rule=rule_id.upper(),
                            path=path, reason=reason, reviewer=reviewer,
                            date=today.date() if today else today_fn(),
                            expires=expires.date() if expires else None)
    except ValidationError as exc:
        err = exc.errors()[0]
        _fail(f"waiver: {'.'.join(map(str, err['loc']))}: {err['msg']}")
    try:
        append_waiver(Path(waivers_path), entry)
    except (SuppressError, OSError) as exc:
        _fail(str(exc))
    click.echo(f"waived {entry.rule} {entry.fingerprint} in {waivers_path}")


@main.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default=".",
              show_default=True, help="Folder to write svrules.toml and tender.svrules.yaml in.")
def init(folder):
    """Write a commented svrules.toml and a tender metadata template; never overwrites."""
    from .templates import CONFIG_TEMPLATE, META_TEMPLATE
    from .suppress import atomic_write
    target = Path(folder)
    files = {target / "svrules.toml": CONFIG_TEMPLATE, target / "tender.svrules.yaml": META_TEMPLATE}
    existing = [str(p) for p in files if p.exists()]
    if existing:
        _fail(f"not overwriting {', '.join(existing)}: move it away or edit it")
    for path, text in files.items():
        atomic_write(path, text)
        click.echo(f"wrote {path}")


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
