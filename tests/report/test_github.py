"""GitHub workflow commands: escaping that cannot end an annotation early, grouping, auto format."""
from __future__ import annotations

from svrules.report import auto_format
from svrules.report.github import command, escape_data, escape_property

from ..helpers import DATA, run


def test_escape_data_and_properties():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # the order matters: an escape written by the tender must not be decoded by the runner
    assert escape_data("%0A") == "%250A"


def test_command_cannot_be_forged_by_a_path_or_message():
    line = command("error", {"file": "x,title=EVIL::y.md", "line": 3, "col": None},
                   "msg\n::error::forged")
    assert line == "::error file=x%2Ctitle=EVIL%3A%3Ay.md,line=3::msg%0A::error::forged"
    assert line.count("\n") == 0


def test_grouped_per_file_and_levels():
    out = run(["check", "--format", "github", "tenders"], DATA, {"SVRULES_TODAY": "2026-01-01"})
    lines = out.stdout.splitlines()
    assert lines.count("::group::tenders/grounds-maintenance.md") == 1
    assert lines.count("::endgroup::") == 3
    assert any(x.startswith("::notice file=tenders/office-furniture.md,title=SCOPE001::")
               for x in lines)
    assert any(x.startswith("::error file=tenders/grounds-maintenance.md,line=17,col=26,"
                            "title=LOCAL001::") for x in lines)


def test_auto_picks_github_under_actions():
    assert auto_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert auto_format({}) == "text"
    env = {"SVRULES_TODAY": "2026-01-01"}
    gh = run(["check", "--format", "auto", "tenders"], DATA, {**env, "GITHUB_ACTIONS": "true"})
    assert gh.stdout.startswith("::group::")
    text = run(["check", "--format", "auto", "tenders"], DATA, {**env, "GITHUB_ACTIONS": ""})
    assert text.stdout.startswith("== tenders/")
