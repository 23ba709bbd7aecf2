"""Fixtures of the end-to-end tests: generated SDKs (from scripts/python-checks.sh) and the pygen emulator."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_process import REPOSITORY, EmulatorConnection, start_emulator

SHARED_MODELS = REPOSITORY.parent / "shared" / "models"
GENERATED = os.environ.get("PYGEN_GENERATED_SDKS")

# Test modules import their SDK at the top; without it (e.g. pytest run on its own), they are not collected.
collect_ignore: list[str] = []
for name, module in (
    ("example", "test_example_sdk.py"),
    ("example", "test_example_graphql.py"),
    ("example", "test_example_edges.py"),
    ("example", "test_lost_responses.py"),
    ("example", "test_spaces.py"),
    ("example", "test_migration_guide.py"),
    ("Omni", "test_omni_sdk.py"),
    ("Omni", "test_omni_graph.py"),
    ("Omni", "test_omni_query.py"),
    ("WindTurbine", "test_wind_turbine_query.py"),
    ("oddities", "test_oddities_sdk.py"),
    ("hostile", "test_hostile_sdk.py"),
    ("OmniMultiAll", "test_omni_multi_sdk.py"),
    ("used_for_all", "test_used_for_all_sdk.py"),
    ("WindTurbine", "test_windturbine_graph.py"),
    ("core_shaped", "test_core_shaped_sdk.py"),
    ("example", "test_layouts.py"),
    ("example_flat", "test_layouts.py"),
    ("example_single", "test_layouts.py"),
):
    root = Path(GENERATED or "/nonexistent") / name
    if root.is_dir():
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
    else:
        collect_ignore.append(module)
# The fuzz SDKs are generated and run by bench/fuzz-models.ts (the Python checks' last step), not by pytest alone.
if not os.environ.get("PYGEN_FUZZ_SDKS"):
    collect_ignore.append("test_fuzz_sdks.py")


def seed_file(directory: Path, space: str, view_space: str, view: str, properties: str, version: str = "1") -> Path:
    """One node in `space` (the emulator creates the spaces of seeded instances), written through a view."""
    seed = directory / "seed.yaml"
    source = f"{{type: view, space: {view_space}, externalId: {view}, version: '{version}'}}"
    seed.write_text(
        f"- instanceType: node\n  space: {space}\n  externalId: seed\n"
        f"  sources:\n  - source: {source}\n    properties: {properties}\n"
    )
    return seed


@pytest.fixture(scope="module")
def example_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    # One node creates the instance space the tests write into.
    seed = seed_file(tmp_path_factory.mktemp("example"), "example_instances", "pygen_example", "Asset", "{name: seed}")
    yield from start_emulator(REPOSITORY / "examples" / "hydro-plant.model.yaml", seed)


@pytest.fixture(scope="module")
def faulty_example_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    """The example model behind 30 % faults before serving and 30 % after applying (lost responses)."""
    seed = seed_file(tmp_path_factory.mktemp("faulty"), "example_instances", "pygen_example", "Asset", "{name: seed}")
    faults = ["--fault-rate", "0.3", "--fault-after-apply", "0.3", "--fault-status", "502,503", "--seed", "14"]
    yield from start_emulator(REPOSITORY / "examples" / "hydro-plant.model.yaml", seed, faults)


@pytest.fixture(scope="module")
def oddities_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    seed = seed_file(tmp_path_factory.mktemp("oddities"), "odd_instances", "sp_test", "Reserved", "{type: seed}")
    yield from start_emulator(Path(GENERATED or "") / "oddities.model.json", seed)


@pytest.fixture(scope="module")
def omni_emulator() -> Iterator[EmulatorConnection]:
    if not (SHARED_MODELS / "Omni" / "nodes.yaml").is_file():
        pytest.skip("../shared/models/Omni is absent")
    yield from start_emulator(SHARED_MODELS / "Omni" / "model.yaml", SHARED_MODELS / "Omni" / "nodes.yaml")


@pytest.fixture(scope="module")
def wind_turbine_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    model = SHARED_MODELS / "WindTurbine" / "model.yaml"
    if not model.is_file():
        pytest.skip("../shared/models/WindTurbine is absent")
    seed = seed_file(tmp_path_factory.mktemp("wind"), "windfarm", "sp_pygen_power", "Metmast", "{position: 0.0}")
    yield from start_emulator(model, seed)


@pytest.fixture(scope="module")
def used_for_all_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    seed = seed_file(tmp_path_factory.mktemp("used_for_all"), "all_instances", "sp_test", "Station", "{name: seed}")
    yield from start_emulator(Path(GENERATED or "") / "used_for_all.model.json", seed)


@pytest.fixture(scope="module")
def core_shaped_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    directory = tmp_path_factory.mktemp("core_shaped")
    seed = seed_file(directory, "plant_instances", "plant_ext", "Site", "{name: seed}", version="v1")
    yield from start_emulator(REPOSITORY / "test" / "fixtures" / "models" / "core-shaped.model.yaml", seed)
