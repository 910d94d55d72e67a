"""The options of `svrules check`, as one object: parsed once, merged over the configuration.

Commands that run the pipeline as `check` does (and `svrules config`, which shows what a check
would use) take the same options through `check_options`, so a new command registers with one
decorator and gets the same selectors, limits and configuration handling.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Optional

import click

SEVERITIES = ("info", "warning", "error")
COLOR_CHOICES = ("auto", "always", "never")


def _format_choices() -> list[str]:
    from .report import FORMATS
    return [*FORMATS, "auto"]


class LazyChoice(click.Choice):
    """A Choice whose values are asked for only when an option is used: listing the report
    formats imports the report package and pydantic, which `--version` must not."""

    def __init__(self, values) -> None:
        self._values = values
        super().__init__([])

    @property
    def choices(self):
        return self._values()

    @choices.setter
    def choices(self, _ignored) -> None:
        pass


@dataclass
class CheckOptions:
    """What the command line said; None (or empty) where it said nothing."""

    paths: tuple[str, ...] = ()
    fmt: str = "text"
    fail_on: Optional[str] = None
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    config_path: Optional[str] = None
    engine: Optional[str] = None
    statistics: bool = False
    outputs: tuple[str, ...] = ()
    waivers_path: Optional[str] = None
    baseline_path: Optional[str] = None
    write_baseline_path: Optional[str] = None
    today: Optional[dt.datetime] = None
    max_file_mb: Optional[float] = None
    limit_settings: tuple[str, ...] = ()
    jobs: Optional[int] = None
    follow_links: bool = False
    stdin_filename: Optional[str] = None
    color: str = "auto"
    show_fingerprints: bool = False
    show_settings: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_click(cls, kwargs: dict) -> "CheckOptions":
        names = {f.name for f in fields(cls)}
        known = {k: v for k, v in kwargs.items() if k in names}
        return cls(**known, extra={k: v for k, v in kwargs.items() if k not in names})

    @property
    def reads_stdin(self) -> bool:
        return self.paths == ("-",)

    @property
    def config_start(self) -> str:
        """Where the configuration is looked for: the (stdin-named) first path."""
        if self.reads_stdin:
            return self.stdin_filename or "."
        return self.paths[0] if self.paths else "."

    def overrides(self, config) -> dict[str, tuple[object, str]]:
        """Configuration keys the command line sets: key -> (value, the option that set it)."""
        from .config import split_selectors
        from .model import Severity
        out: dict[str, tuple[object, str]] = {}
        if self.fail_on:
            out["fail_on"] = (Severity(self.fail_on), "--fail-on")
        if self.exclude:
            out["exclude"] = (config.exclude + tuple(self.exclude), "--exclude")
        if self.select:
            out["select"] = (split_selectors(self.select), "--select")
        if self.ignore:
            out["ignore"] = (config.ignore + split_selectors(self.ignore), "--ignore")
        if self.engine:
            out["engine"] = (self.engine, "--engine")
        return out


def check_options(command: Callable) -> Callable:
    """The options of `svrules check` (and of commands that run a check the same way)."""
    options = [
        click.option("--format", "--output-format", "fmt", type=LazyChoice(_format_choices),
                     default="text", show_default=True,
                     help="Output format (--output-format is ruff's name); auto is github under "
                          "GitHub Actions, else text."),
        click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                     help="Lowest severity that makes the exit status 1 [default: error]."),
        click.option("--exclude", multiple=True,
                     help="Glob of files or folders to skip (repeatable)."),
        click.option("--select", multiple=True, metavar="RULES",
                     help="Only these rules: ids, prefixes (PROC), categories (local) or globs; "
                          "comma lists and repeats. An unknown one is a usage error."),
        click.option("--ignore", multiple=True, metavar="RULES",
                     help="Skip these rules (as --select)."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="Extra rule pack folder (repeatable)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Configuration file (default: nearest svrules.toml or pyproject.toml)."),
        click.option("--engine", type=click.Choice(["durable", "python"]), default=None,
                     help="Rule engine: durable-rules or the plain-Python evaluator."),
        click.option("--statistics", is_flag=True,
                     help="Only counts per rule (as ruff): no findings listed."),
        click.option("--output", "outputs", multiple=True, metavar="FORMAT:FILE",
                     help="Also write a report in FORMAT to FILE (repeatable; atomic)."),
        click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False),
                     help="Waivers file [default: svrules-waivers.yaml beside the configuration]."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                     help="Only findings not in this baseline fail the run."),
        click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
                     help="Write the current findings to FILE as the baseline (then use it)."),
        click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
                     help="Date that waiver expiry is judged on (tests, audits)."),
        click.option("--max-file-mb", type=click.FloatRange(min=0, min_open=True), default=None,
                     help="Largest input file read, in MB [default: 64]."),
        click.option("--limit", "limit_settings", multiple=True, metavar="KEY=VALUE",
                     help="Set an input limit, e.g. max-pdf-pages=200 (repeatable; "
                          "docs/robustness.md)."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                     help="Worker processes [default: the number of cores; small inputs are "
                          "checked in-process]. 1 checks in this process."),
        click.option("--follow-links", is_flag=True, default=False,
                     help="Also walk symlinked folders that point outside the folders given."),
        click.option("--stdin-filename", default=None, metavar="PATH",
                     help="With `-` as the path: the name the standard input is reported under; "
                          "its suffix says the format [default: Markdown]."),
        click.option("--color", "--colour", "color", type=click.Choice(COLOR_CHOICES),
                     default="auto", show_default=True,
                     help="Colour in text and concise output; auto: on a terminal, unless "
                          "NO_COLOR is set (FORCE_COLOR forces it)."),
        click.option("--show-fingerprints", is_flag=True,
                     help="Show each finding's fingerprint in concise output (text always does)."),
        click.option("--show-settings", is_flag=True,
                     help="Print the settings this check would use, and their files; check nothing."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def use_color(choice: str, stream=None, environ: Optional[dict] = None) -> bool:
    """--color always/never win; else NO_COLOR (any value) turns colour off, FORCE_COLOR on,
    and otherwise colour is used on a terminal (the no-color.org and force-color conventions)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") not in (None, "", "0", "false"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:          # a closed stream
        return False


# --------------------------------------------------------------------------- settings report

def settings_rows(config, overrides: dict[str, tuple[object, str]]) -> list[tuple[str, object, str]]:
    """(key as written in svrules.toml, value, where it came from) for every setting."""
    from .config import Config
    from_file = set(config.model_fields_set) - {"source"}
    rows = []
    for name, spec in Config.model_fields.items():
        if name == "source":
            continue
        value = getattr(config, name)
        if name in overrides:
            origin = overrides[name][1]
        elif name in from_file:
            origin = config.source or "configuration"
        else:
            origin = "default"
        rows.append((spec.alias or name, _plain(value), origin))
    return rows


def _plain(value):
    from enum import Enum
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def settings_text(rows, files: dict[str, Optional[str]]) -> str:
    import json
    lines = ["# svrules settings (svrules.toml keys), each with where it came from"]
    for what, path in files.items():
        lines.append(f"# {what}: {path or 'none'}")
    for key, value, origin in rows:
        shown = "null" if value is None else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key} = {shown}".ljust(48) + f"  # {origin}")
    return "\n".join(lines) + "\n"


def settings_json(rows, files: dict[str, Optional[str]]) -> str:
    import json
    return json.dumps({"files": files,
                       "settings": {k: {"value": v, "from": o} for k, v, o in rows}},
                      indent=2, ensure_ascii=False) + "\n"


def config_files(config, waivers: Optional[Path], baseline: Optional[str]) -> dict[str, Optional[str]]:
    return {"configuration": config.source,
            "waivers": str(waivers) if waivers is not None else None,
            "baseline": baseline}
