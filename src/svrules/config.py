"""Configuration: `[tool.svrules]` in pyproject.toml or a `svrules.toml`, found upward.

Unknown keys are errors that name the key, so a typo never silently turns a check off.
Command-line options override the file.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .model import AuthorityKind, Jurisdiction, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ConfigError(Exception):
    pass


def split_selectors(values) -> tuple[str, ...]:
    """`--select A,B --select C` and `select = ["A,B", "C"]` alike: comma lists and repeats."""
    if isinstance(values, str):
        values = [values]
    return tuple(part.strip() for value in values for part in str(value).split(",")
                 if part.strip())


def selector_matches(pattern: str, rule_id: str, category: str) -> bool:
    """A category (`local`), a rule id or its prefix (`PROC` selects PROC001..., as ruff's `E`),
    a glob (`PROC00?`), or `ALL`. Ids are matched without regard to case."""
    if pattern == category:
        return True
    upper = pattern.upper()
    if upper == "ALL":
        return True
    if upper.isalnum():
        return rule_id.startswith(upper)
    return fnmatch.fnmatchcase(rule_id, upper)


def unknown_selectors(patterns, rules: list[tuple[str, str]]) -> list[str]:
    """The patterns that select none of RULES ((id, category) pairs): a typo is a usage error,
    never a silent "0 findings"."""
    return [p for p in patterns if not any(selector_matches(p, rid, cat) for rid, cat in rules)]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    select: tuple[str, ...] = Field((), description="rule ids, categories or globs to run")
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field((), alias="extend-select")
    severity: dict[str, Severity] = Field({}, description="rule id -> severity override")
    per_file_ignores: dict[str, tuple[str, ...]] = Field({}, alias="per-file-ignores")
    fail_on: Severity = Field(Severity.error, alias="fail-on")
    exclude: tuple[str, ...] = ()
    rule_packs: tuple[str, ...] = Field((), alias="rule-packs")
    engine: Literal["durable", "python"] = "durable"
    authority_kind: Optional[AuthorityKind] = Field(None, alias="authority-kind")
    jurisdiction: Optional[Jurisdiction] = None
    apply_to_all_contracts: bool = Field(
        False, alias="apply-to-all-contracts",
        description="the organisation applies social value to every contract (as Kent does)")
    waivers: Optional[str] = Field(
        None, description="waivers file, relative to this file [default: svrules-waivers.yaml "
        "beside it]")
    baseline: Optional[str] = Field(
        None, description="baseline file (from --write-baseline), relative to this file")
    docs_url: Optional[str] = Field(
        None, alias="docs-url", pattern=r"^https?://\S+$",
        description="where your organisation publishes svrules' docs/rules.md: SARIF links "
        "(helpUri, informationUri) and the HTML and Markdown reports point there")
    source: Optional[str] = Field(None, exclude=True, description="file the config came from")
    # -- input limits ([tool.svrules.limits]; see svrules.load.limits.SETTINGS): what one
    # untrusted file may cost before it is refused
    limits: dict[str, float] = Field(
        {}, description="input limits: max-file-mb, max-zip-entries ... (docs/robustness.md)")

    @field_validator("select", "ignore", "extend_select", mode="before")
    @classmethod
    def _comma_lists(cls, value):
        return split_selectors(value) if isinstance(value, (str, list, tuple)) else value

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _comma_lists_per_file(cls, value):
        if isinstance(value, dict):
            return {k: split_selectors(v) if isinstance(v, (str, list, tuple)) else v
                    for k, v in value.items()}
        return value

    def selectors(self) -> list[str]:
        """Every rule pattern this configuration names, for checking against the rule pack."""
        out = [*self.select, *self.extend_select, *self.ignore]
        for ids in self.per_file_ignores.values():
            out += ids
        return out

    @field_validator("limits", mode="before")
    @classmethod
    def _known_limits(cls, value):
        """Unknown or misspelt limits are errors, like every other key."""
        from .load.limits import limits_from
        if isinstance(value, dict):
            limits_from(value)
        return value

    def load_limits(self):
        """The `Limits` the loaders get: the defaults with this configuration's settings."""
        from .load.limits import limits_from
        return limits_from(self.limits)

    def defaults_for_verdict(self) -> dict[str, object]:
        return {"authority_kind": self.authority_kind, "jurisdiction": self.jurisdiction}

    def rule_enabled(self, path: str, rule_id: str, category: str) -> bool:
        """Whether RULE runs on PATH: select (+ extend-select), ignore, per-file-ignores.

        One place for this decision so that the pipeline's filter, unused-suppression checks
        and JUnit's skipped testcases agree.
        """
        def hit(patterns) -> bool:
            return any(selector_matches(p, rule_id, category) for p in patterns)
        if self.select and not hit(self.select + self.extend_select):
            return False
        if self.ignore and hit(self.ignore):
            return False
        return not any(fnmatch.fnmatch(path, glob) and hit(tuple(ids))
                       for glob, ids in self.per_file_ignores.items())


def _parse(path: Path, table: dict) -> Config:
    data = {k.replace("_", "-") if k.replace("_", "-") in _ALIASES else k: v
            for k, v in table.items()}
    try:
        return Config.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"{path}: unknown key '{key}' in svrules configuration") from None
        raise ConfigError(f"{path}: key '{key}': {err['msg'].removeprefix('Value error, ')}") from None


_ALIASES = {f.alias for f in Config.model_fields.values() if f.alias}


def find_config(start: Path) -> Optional[Path]:
    """The nearest svrules.toml, or pyproject.toml with a [tool.svrules] table, upward."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "svrules.toml"
        if candidate.is_file():
            return candidate
        if os.path.lexists(candidate):      # a FIFO, device or folder: never silently skipped
            raise ConfigError(f"{candidate}: is not a regular file")
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            from .untrusted import UntrustedInput, read_text
            try:
                tool = tomllib.loads(read_text(pyproject)).get("tool")
            except (UntrustedInput, ValueError, RecursionError):   # TOMLDecodeError too
                continue
            if isinstance(tool, dict) and "svrules" in tool:
                return pyproject
    return None


def load_config(path: Optional[Path]) -> Config:
    if path is None:
        return Config()
    from .untrusted import UntrustedInput, check_tree, read_text, value_error_reason
    try:
        data = tomllib.loads(read_text(path))
        check_tree(data)
    except UntrustedInput as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except ValueError as exc:           # an integer of thousands of digits, a bad date
        raise ConfigError(f"{path}: invalid TOML: {value_error_reason(exc)}") from None
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    table = tool.get("svrules", {}) if path.name == "pyproject.toml" else data
    if path.name != "pyproject.toml" and "svrules" in tool:
        table = tool["svrules"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: key 'tool.svrules': must be a table")
    return _parse(path, table)
