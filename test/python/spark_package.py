"""The PySpark runtime assembled the way a generated package vendors it, for its tests and its benchmark."""

from __future__ import annotations

import shutil
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def assemble_spark_package(root: Path, name: str) -> Path:
    """`root/name/` with `_runtime` (templates/python/runtime) and `_spark` (templates/pyspark/runtime), which
    imports the former relatively; returns `root`, the folder to put on the path."""
    package = root / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    shutil.copytree(REPOSITORY / "templates" / "python" / "runtime", package / "_runtime")
    shutil.copytree(REPOSITORY / "templates" / "pyspark" / "runtime", package / "_spark")
    return root
