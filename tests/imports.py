"""The import graph of the ``argmap`` package, read statically, for the tests of its structure.

Every module under argmap/ is parsed with :mod:`ast` and each ``import`` and ``from ... import``
becomes an edge, including imports inside functions (a lazy import still runs when the function
does). Relative imports are resolved, ``from pkg import name`` points at the submodule ``pkg.name``
when there is one and at the package's ``__init__`` otherwise, and imports under
``if TYPE_CHECKING:`` are left out (they never run). Importing ``a.b`` also runs ``a``'s
``__init__`` first, but that is how every package works, so only the module named is an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import argmap

PACKAGE = Path(argmap.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of a module, at any depth, except under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and is_type_checking(child.test):
                for other in child.orelse:
                    visit_statement(other)
                continue
            visit_statement(child)

    def visit_statement(node: ast.AST) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        else:
            visit(node)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ``argmap`` it imports."""
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        here = name if is_package else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = here
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                origin = ".".join(part for part in (base if node.level else "", node.module or "") if part)
                submodules = (f"{origin}.{alias.name}" for alias in node.names)
                targets = [submodule if submodule in paths else origin for submodule in submodules]
            edges.update(target for target in targets if target in paths and target != name)
        graph[name] = edges
    return graph
