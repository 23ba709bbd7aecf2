"""Docstrings of the generated SDKs: every public method has one, descriptions survive hostile text, and
`--no-docstrings` (the example_no_docstrings SDK) leaves them all out.

Read from the source with ast, as IDEs read them, over every SDK scripts/python-checks.sh generated.
"""

from __future__ import annotations

import ast
import inspect
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

GENERATED = Path(os.environ.get("PYGEN_GENERATED_SDKS") or "/nonexistent")
WITHOUT_DOCSTRINGS = "example_no_docstrings"

pytestmark = pytest.mark.skipif(not GENERATED.is_dir(), reason="run through scripts/python-checks.sh (generated SDKs)")

# The description generate-sdks.ts gives the oddities model's Reserved.type: quotes, a backslash, non-ASCII, a long
# line and an unbreakable word. Docstrings collapse whitespace, so it is compared word by word.
HOSTILE_DESCRIPTION = (
    'Triple quotes """ inside, a backslash \\ and non-ASCII (æøå, 水) '
    + "and a very long line " * 12
    + "https://example.com/"
    + "x" * 150
    + ' "ending in a quote"'
)


def sdk_roots() -> list[Path]:
    return sorted(path for path in GENERATED.iterdir() if (path / "pyproject.toml").is_file())


# Folders that are not the SDK's generated code: the vendored runtimes (pygen's own, documented and checked on their
# own) and what a pip install leaves behind.
NOT_GENERATED = {"_runtime", "_spark", "build"}


def generated_modules(root: Path) -> Iterator[tuple[Path, ast.Module]]:
    """The SDK's own modules."""
    for path in sorted(root.rglob("*.py")):
        if NOT_GENERATED.isdisjoint(path.relative_to(root).parts):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def public_methods(module: ast.Module) -> Iterator[tuple[str, ast.FunctionDef]]:
    """`Class.method` of every public method (properties included) of every public class."""
    for node in module.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    yield f"{node.name}.{item.name}", item


def test_every_public_method_has_a_docstring() -> None:
    roots = [root for root in sdk_roots() if root.name != WITHOUT_DOCSTRINGS]
    assert len(roots) > 10
    missing: list[str] = []
    checked = 0
    for root in roots:
        for path, module in generated_modules(root):
            for name, method in public_methods(module):
                checked += 1
                if not ast.get_docstring(method):
                    missing.append(f"{path.relative_to(GENERATED)}: {name}")
    assert checked > 100
    assert missing == []


def test_api_docstrings_document_every_parameter_and_show_an_example() -> None:
    root = GENERATED / "example"
    for path, module in generated_modules(root):
        if path.parent.name != "_api":
            continue
        for name, method in public_methods(module):
            docstring = ast.get_docstring(method) or ""
            parameters = [argument.arg for argument in (*method.args.args, *method.args.kwonlyargs)][1:]
            documented = [line.split(":")[0].strip() for line in docstring.split("Args:")[-1].splitlines()]
            missing = [parameter for parameter in parameters if parameter not in documented]
            assert missing == [], f"{path.name} {name}: no Args entry for {missing}"
            if parameters:
                view = path.stem
                assert f">>> client.{view}." in docstring or f">>> for page in client.{view}." in docstring, name


def test_without_docstrings_no_method_field_or_view_class_has_one() -> None:
    root = GENERATED / WITHOUT_DOCSTRINGS
    documented: list[str] = []
    for path, module in generated_modules(root):
        for node in ast.walk(module):
            if isinstance(node, ast.FunctionDef) and ast.get_docstring(node):
                documented.append(f"{path.name}: {node.name}")
            if not isinstance(node, ast.ClassDef):
                continue
            # The client's docstring says what the package is: it stays.
            if ast.get_docstring(node) and path.name != "_client.py":
                documented.append(f"{path.name}: {node.name}")
            documented += [f"{path.name}: {node.name}.{field}" for field in field_docstrings(node)]
    assert documented == []


def field_docstrings(cls: ast.ClassDef) -> dict[str, str]:
    """The docstrings of a class's fields: the string right after each annotated field."""
    docs: dict[str, str] = {}
    for field, following in zip(cls.body, cls.body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[field.target.id] = following.value.value
    return docs


def class_named(module: ast.Module, name: str) -> ast.ClassDef:
    return next(node for node in module.body if isinstance(node, ast.ClassDef) and node.name == name)


def test_field_docstrings_carry_the_property_descriptions() -> None:
    module = ast.parse((GENERATED / "example" / "sdk_example" / "data_classes" / "_hydro_plant.py").read_text())
    for class_name in ("HydroPlant", "HydroPlantWrite"):
        docs = field_docstrings(class_named(module, class_name))
        assert docs["capacity_mw"] == "Installed capacity in megawatts."
        # A property without a description gets no docstring.
        assert "unit_count" not in docs


@pytest.mark.skipif(not (GENERATED / "oddities").is_dir(), reason="the oddities SDK is generated by generate-sdks.ts")
def test_a_hostile_description_reads_back_unchanged() -> None:
    root = GENERATED / "oddities"
    module = ast.parse((root / "sdk_oddities" / "data_classes" / "_reserved.py").read_text(encoding="utf-8"))
    words = HOSTILE_DESCRIPTION.split()
    assert field_docstrings(class_named(module, "Reserved"))["type_"].split() == words
    sys.path.insert(0, str(root))
    try:
        from sdk_oddities._api import ReservedAPI  # noqa: PLC0415 (the SDK exists only under the Python checks)
    finally:
        sys.path.remove(str(root))
    doc = inspect.getdoc(ReservedAPI.list) or ""
    entry = doc.split("type_: ", 1)[1].split("\n    type_prefix:", 1)[0]
    assert " ".join(words) in " ".join(entry.split())
