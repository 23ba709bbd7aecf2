"""The runtime is copied verbatim into every generated SDK: it may import only itself (relatively) and its deps."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

RUNTIME = Path(__file__).parents[3] / "templates" / "python" / "runtime"
# pydantic_core comes with pydantic, pinned by it: its `core_schema` is pydantic's public API for custom schemas.
ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core", "httpx", "typing_extensions"}
# Optional extras: imported for type checkers only (`if TYPE_CHECKING:`), and at run time by name when used.
TYPE_CHECKING_ONLY = {"pandas"}


def type_checking_imports(tree: ast.Module) -> set[int]:
    """The ids of the import nodes inside `if TYPE_CHECKING:` blocks."""
    return {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for statement in node.body
        for child in ast.walk(statement)
        if isinstance(child, (ast.Import, ast.ImportFrom))
    }


def test_runtime_modules_import_only_the_standard_library_its_dependencies_and_each_other() -> None:
    modules = sorted(RUNTIME.glob("*.py"))
    assert len(modules) > 10
    for module in modules:
        tree = ast.parse(module.read_text(), filename=str(module))
        for_type_checkers = type_checking_imports(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                assert node.level == 1, f"{module.name}: relative imports stay inside _runtime"
                continue
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                allowed = ALLOWED_THIRD_PARTY | (TYPE_CHECKING_ONLY if id(node) in for_type_checkers else set())
                assert top in sys.stdlib_module_names or top in allowed or top == "__future__", (
                    f"{module.name} imports {name}"
                )
