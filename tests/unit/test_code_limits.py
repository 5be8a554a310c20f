"""The limits the code keeps (issue 13): no import cycles in the package, each layer imports only the layers
below it, the core imports no web library, and hand-written modules of at most 400 lines with functions of at most 60 (files marked generated are exempt).

Checked here, on every run of the test command, so a change that breaks one fails CI instead of waiting for a
review to notice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "propwire"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# The layers, bottom up (README "How the code is laid out"): a module imports its own layer's modules and those of
# the layers below, never one above. Top-level modules (`propwire.app`, the public re-exports) compose the layers;
# `propwire.testing` drives an app from outside, so it sits above them.
LAYERS = ["api", "components", "core", "protocol", "web", "dev", "", "testing"]
WEB_LIBRARIES = {"starlette", "uvicorn", "httpx", "h11", "httptools", "websockets", "watchfiles"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _generated(path: Path) -> bool:
    return "generated" in path.read_text()[:400].lower()


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package modules `name` imports anywhere in its code (lazy imports too), but not under TYPE_CHECKING."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names)
    return {m for m in found if m in known and m != name}


def _runtime_nodes(node: ast.AST):
    """Every node of the tree but those under `if TYPE_CHECKING:` (imports there are for type checkers only)."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not (isinstance(child, ast.If) and "TYPE_CHECKING" in ast.dump(child.test)):
            yield from _runtime_nodes(child)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_package_has_no_import_cycle():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _layer(module: str) -> int:
    """The rank of a module's layer: `propwire.core.engine` -> LAYERS.index("core"); top-level modules -> ""."""
    parts = module.split(".")
    sub = parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else ""
    return LAYERS.index(sub)


def test_each_layer_imports_only_layers_below_it():
    modules = _modules()
    upward = [f"{name} ({LAYERS[_layer(name)] or 'top'}) imports {dep} ({LAYERS[_layer(dep)] or 'top'})"
              for name, path in sorted(modules.items()) for dep in sorted(_imports(name, path, modules))
              if _layer(dep) > _layer(name)]
    assert not upward, "imports that point up the layers:\n" + "\n".join(upward)


def test_every_package_is_a_known_layer():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(LAYERS) - {""}, packages ^ (set(LAYERS) - {""})


def test_the_core_imports_no_web_library():
    for path in sorted((PACKAGE / "core").glob("*.py")):
        name = path.stem
        tree = ast.parse(path.read_text())
        tops = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        tops |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
                 and not n.level}
        assert not tops & WEB_LIBRARIES, f"propwire/core/{name}.py imports {sorted(tops & WEB_LIBRARIES)}"


def test_modules_and_functions_stay_short():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if _generated(path):
            continue
        lines = path.read_text().count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE.parent)}: {lines} lines")
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, "over the limits (module 400, function 60 lines):\n" + "\n".join(too_long)


RENDERER = PACKAGE.parent / "renderer" / "src"
# Static imports only: `import x from "./y"`, `export ... from "./y"`, `import "./y"` (lazy `import()` chunks load
# after their importer has run, so they cannot form a cycle at start-up).
_TS_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^'"]*?(?:\bfrom\s*)?['"](\.{1,2}/[^'"]+)['"]""", re.M)


def _renderer_graph() -> dict[str, set[str]]:
    files = {p.relative_to(RENDERER).with_suffix("").as_posix(): p for p in RENDERER.rglob("*.ts*")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        deps = set()
        for target in _TS_IMPORT.findall(path.read_text()):
            resolved = (path.parent / target).resolve().relative_to(RENDERER.resolve()).as_posix()
            resolved = resolved.rsplit(".", 1)[0] if resolved.endswith((".ts", ".tsx")) else resolved
            if resolved in files:
                deps.add(resolved)
            elif f"{resolved}/index" in files:
                deps.add(f"{resolved}/index")
        graph[name] = deps
    return graph


def test_the_renderer_has_no_import_cycle():
    graph = _renderer_graph()
    assert graph["index"], "the import pattern found no import in renderer/src/index.tsx"
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_renderer_modules_stay_short():
    long = [f"{p.relative_to(RENDERER)}: {n} lines" for p in sorted(RENDERER.rglob("*.ts*"))
            if not _generated(p) and (n := p.read_text().count("\n")) > MAX_MODULE_LINES]
    assert not long, "renderer modules over 400 lines:\n" + "\n".join(long)


def _names_imported(tree: ast.AST) -> set[str]:
    """Every module an import statement anywhere in the tree names, TYPE_CHECKING blocks included."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_the_web_and_dev_layers_never_import_the_app_not_even_for_type_checking():
    """They are built from an engine, a page spec, assets and limits (propwire/web/spec.py), never from `Dash`:
    an import of propwire.app, even one only a type checker reads, would let that slip back."""
    reaching = [f"{path.relative_to(PACKAGE.parent)} imports {name}"
                for layer in ("web", "dev") for path in sorted((PACKAGE / layer).glob("*.py"))
                for name in sorted(_names_imported(ast.parse(path.read_text())))
                if name == "propwire.app" or name.startswith("propwire.app.") or name == "propwire.Dash"]
    assert not reaching, "\n".join(reaching)


def test_the_app_import_finder_sees_type_checking_imports():
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from propwire.app import Dash\n")
    assert "propwire.app" in _names_imported(tree) and "propwire.app.Dash" in _names_imported(tree)
