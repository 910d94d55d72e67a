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
    from .rulepack import RulePackError, load_pack
    try:
        return load_pack([Path(p) for p in extra])
    except RulePackError as exc:
        _fail(f"rule pack error: {exc}")


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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
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
def check(paths, fmt, fail_on, exclude, select, ignore, rule_dirs, config_path, engine, statistics):
    """Check tender documents (files or folders)."""
    from .check import Checker
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
    base = Path(config.source).parent if config.source else Path(".")
    pack = _load_pack(tuple(str(base / p) for p in config.rule_packs) + tuple(rule_dirs))
    targets, problems = discover(list(paths), config.exclude)
    checker = Checker(pack, config, engine=config.engine)
    results = [FileResult(path=p.display, errors=(FileError(kind=p.kind, message=p.message),))
               for p in problems]
    results += [checker.check_target(t) for t in targets]
    if not targets and not problems:
        _fail("no tender documents found in " + ", ".join(paths))
    ctx = ReportContext(pack=pack, version=__version__, statistics=statistics)
    click.echo(formatter(fmt)(results, ctx), nl=False)
    sys.exit(exit_status(results, config.fail_on))


def exit_status(results, fail_on) -> int:
    if any(e.kind == "internal" for r in results for e in r.errors):
        return EXIT_INTERNAL
    if any(r.errors for r in results):
        return EXIT_USAGE
    if any(f.severity.rank >= fail_on.rank for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


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
        click.echo(rules_markdown(pack, chosen), nl=False)
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
        _fail(f"no rule {rule_id!r}; `svrules rules` lists them")
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
        doc = load_document(Path(path), path)
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


if __name__ == "__main__":  # pragma: no cover
    main()
