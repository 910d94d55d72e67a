"""The import graph of `src/svrules`: no circle, and no stage imports a stage drawn after it.

Read statically (ast), so every import counts: module level and inside functions alike. Only
imports under `if TYPE_CHECKING:` are left out: they are annotations, never executed.

The stages are those the README draws (discover -> load/ -> extract/ -> law/ -> engine/ ->
findings -> suppress -> report/), with a foundation below them that every stage may use (the
model, untrusted-input reading, the rule pack's schema and loader, the regex front that the
schema compiles patterns with, the fact vocabulary) and the programs above them that run the
pipeline (check, parallel, cli, serve ...). A module may import its own stage or an earlier one.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "svrules"

# (stage, module-name prefixes), in the order the README draws them. The longest prefix decides.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("svrules", "svrules.model", "svrules.untrusted", "svrules.io_safe",
                    "svrules.templates", "svrules.store", "svrules.builtin_rules",
                    "svrules.vocabulary", "svrules.formats", "svrules.rulepack", "svrules.extract._fastre2",
                    "svrules.extract._rx", "svrules.extract.matcher")),
    ("discover", ("svrules.discover",)),
    ("load", ("svrules.load", "svrules.config")),
    ("extract", ("svrules.extract",)),
    ("law", ("svrules.law",)),
    ("engine", ("svrules.facts", "svrules.engine")),
    ("findings", ("svrules.findings", "svrules.severity")),
    ("suppress", ("svrules.suppress", "svrules.waive")),
    ("report", ("svrules.report", "svrules.facts_view", "svrules.docs")),
    ("programs", ("svrules.check", "svrules.timing", "svrules.parallel", "svrules.validate",
                  "svrules.review", "svrules.options", "svrules.cache",
                  "svrules.serve", "svrules.cli", "svrules.__main__")),
]

# Imports of a later stage that are known and not yet reshaped: each says why it is there.
KNOWN_LATER: dict[tuple[str, str], str] = {
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and (
                (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING") or
                (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")):
            for child in node.body:
                skip.update(id(n) for n in ast.walk(child))
    return skip


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        deps: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[:len(package) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module
                           for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:      # `import svrules.x.y` etc.
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("svrules"):
                    deps.add(target)
        graph[name] = deps
    return graph


def stage_of(module: str) -> int:
    best, stage = -1, None
    for n, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, stage = len(prefix), n
    assert stage is not None, f"{module} is in no stage: add it to STAGES"
    return stage


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_graph_is_read():
    graph = import_graph()
    assert "svrules.check" in graph and "svrules.extract.index" in graph["svrules.check"]
    # a function-level import counts
    assert "svrules.extract.clauses" in graph["svrules.facts"]


def test_no_import_cycle():
    found = cycles(import_graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_module_imports_a_later_stage():
    graph = import_graph()
    bad = []
    for module, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if stage_of(dep) > stage_of(module) and (module, dep) not in KNOWN_LATER:
                bad.append(f"{module} ({STAGES[stage_of(module)][0]}) imports {dep} "
                           f"({STAGES[stage_of(dep)][0]})")
    assert not bad, "imports of a later stage:\n" + "\n".join(bad)


def test_known_exceptions_are_still_needed():
    graph = import_graph()
    stale = [pair for pair in KNOWN_LATER if pair[1] not in graph.get(pair[0], set())]
    assert not stale, f"no longer imported, remove from KNOWN_LATER: {stale}"


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
