"""The runnable Python blocks of docs/migrating-from-v1.md (fenced as ```python run), and the first run the
generated README shows, executed against the example SDK served by `pygen emulate`, so the documents stay true.

The documents connect as a user would: `http://127.0.0.1:8080`, project `emulator`, token `local-token`. The
emulator here runs with that project and token on a free port, whose URL replaces the documented one; the example
SDK, generated here as `sdk_example`, is importable under the default name the guide uses, `hydro_plant_model`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sdk_example
import sdk_example.data_classes
from emulator_process import REPOSITORY, start_emulator
from sdk_example._runtime import BaseClient

from .connection import EmulatorConnection

GUIDE = REPOSITORY / "docs" / "migrating-from-v1.md"
DOCUMENTED_URL = "http://127.0.0.1:8080"
# An info string of `python run` marks a block to run; plain `python` blocks (v1's side) are only shown.
RUNNABLE_BLOCK = re.compile(r"^```python run\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def runnable_blocks(markdown: str) -> list[str]:
    return [match.group(1) for match in RUNNABLE_BLOCK.finditer(markdown)]


@pytest.fixture
def documented_emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[EmulatorConnection]:
    """A fresh emulator of the example model, as the documents start it, and the SDK under its default name."""
    monkeypatch.setitem(sys.modules, "hydro_plant_model", sdk_example)
    monkeypatch.setitem(sys.modules, "hydro_plant_model.data_classes", sdk_example.data_classes)
    model = REPOSITORY / "examples" / "hydro-plant.model.yaml"
    yield from start_emulator(model, project="emulator", token="local-token")


def run_blocks(blocks: list[str], emulator: EmulatorConnection, where: str) -> None:
    namespace: dict[str, Any] = {"__name__": "documented"}
    try:
        for number, block in enumerate(blocks, start=1):
            code = compile(block.replace(DOCUMENTED_URL, emulator["base_url"]), f"{where}, block {number}", "exec")
            exec(code, namespace)  # noqa: S102 - the repository's own documentation
    finally:
        # The documents leave their clients open, as a script may; the test closes their connection pools.
        for value in namespace.values():
            if isinstance(value, BaseClient):
                value.close()


def test_every_runnable_block_of_the_migration_guide_runs(documented_emulator: EmulatorConnection) -> None:
    blocks = runnable_blocks(GUIDE.read_text())
    assert len(blocks) >= 10  # connect, space, upsert, list, type error, retrieve, select, pandas, GraphQL, delete
    run_blocks(blocks, documented_emulator, str(GUIDE.relative_to(REPOSITORY)))


def test_the_generated_readme_first_run_works(documented_emulator: EmulatorConnection) -> None:
    readme = Path(sdk_example.__file__).parents[1] / "README.md"
    first_run = readme.read_text().split("## First run", 1)[1].split("## Connect", 1)[0]
    (emulator_block, _cdf_block) = re.findall(r"^```python\n(.*?)^```$", first_run, re.M | re.S)
    run_blocks([emulator_block.replace("sdk_example", "hydro_plant_model")], documented_emulator, str(readme))
