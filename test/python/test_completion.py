"""Filter keywords of a generated SDK complete in jedi (Jupyter, IPython) and stay checked by mypy and at run time.

jedi completes no keys of `**filters: Unpack[TypedDict]`, so the keywords are explicit parameters. Asked both ways
a notebook asks: from source (jedi.Script, as before a cell runs) and from the live object (jedi.Interpreter, as
IPython completes after it ran). The SDKs come from scripts/python-checks.sh (generate-sdks.ts).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import jedi
import pytest
from mypy import api as mypy_api

GENERATED = Path(os.environ.get("PYGEN_GENERATED_SDKS") or "/nonexistent")
EXAMPLE = GENERATED / "example"
OMNI = GENERATED / "Omni"

pytestmark = pytest.mark.skipif(not EXAMPLE.is_dir(), reason="run through scripts/python-checks.sh (generated SDKs)")

CLIENT = (
    "from sdk_example import HydroPlantModelClient\n"
    "client = HydroPlantModelClient(base_url='http://127.0.0.1:9', project='p', token='t')\n"
)
# Where each method's filter keywords start: after its positional arguments, if any.
CALLS = {
    "list": "client.hydro_plant.list(",
    "iterate": "client.hydro_plant.iterate(500, ",
    "search": "client.hydro_plant.search('text', ",
    "aggregate": "client.hydro_plant.aggregate('count', ",
    "histogram": "client.hydro_plant.histogram('capacity_mw', 10.0, ",
}
RANGES = {"min_capacity_mw=", "min_unit_count=", "min_commissioned_at=", "min_last_inspected_on="}


def completions(root: Path, source: str) -> set[str]:
    """What jedi offers at the end of `source`, read as a file of a project that has the SDK on its path."""
    project = jedi.Project(root, sys_path=[str(root), *sys.path], smart_sys_path=False)
    lines = source.split("\n")
    script = jedi.Script(source, project=project)
    return {completion.name_with_symbols for completion in script.complete(len(lines), len(lines[-1]))}


@pytest.fixture(scope="module")
def live_client() -> Any:
    """The example SDK's client, built (it sends nothing until used) as a notebook cell would."""
    sys.path.insert(0, str(EXAMPLE))
    sdk = importlib.import_module("sdk_example")
    client = sdk.HydroPlantModelClient(base_url="http://127.0.0.1:9", project="p", token="t")
    yield client
    client.close()


@pytest.mark.parametrize("method", sorted(CALLS))
def test_static_completion_offers_the_filter_keywords(method: str) -> None:
    offered = completions(EXAMPLE, CLIENT + CALLS[method] + "min_")
    assert offered >= RANGES, f"{method}: jedi offered {sorted(offered)}"
    assert "name_prefix=" in completions(EXAMPLE, CLIENT + CALLS[method] + "name_p")
    # The keywords every node view has, and a direct relation's.
    assert "external_id_prefix=" in completions(EXAMPLE, CLIENT + CALLS[method] + "external_id_p")
    assert "reservoir=" in completions(EXAMPLE, CLIENT + CALLS[method] + "reserv")


def test_static_completion_follows_the_client_constructors() -> None:
    for built in ("HydroPlantModelClient.from_env()", "HydroPlantModelClient.from_cognite_client(object())"):
        source = f"from sdk_example import HydroPlantModelClient\nclient = {built}\nclient.hydro_plant.list(min_"
        assert completions(EXAMPLE, source) >= RANGES, built


@pytest.mark.parametrize("method", sorted(CALLS))
def test_live_completion_offers_the_filter_keywords(method: str, live_client: Any) -> None:
    code = CALLS[method] + "min_"
    interpreter = jedi.Interpreter(code, [{"client": live_client}])
    offered = {completion.name_with_symbols for completion in interpreter.complete()}
    assert offered >= RANGES, f"{method}: jedi offered {sorted(offered)}"


def test_the_signature_and_a_field_show_the_model_descriptions(live_client: Any) -> None:
    signatures = jedi.Interpreter("client.hydro_plant.list(", [{"client": live_client}]).get_signatures()
    assert signatures, "jedi found no signature for list("
    doc = signatures[0].docstring()
    assert "min_capacity_mw: Match nodes whose capacity_mw is at least this value. Installed capacity in" in doc
    assert "Installed capacity in megawatts." in " ".join(doc.split())
    assert ">>> client.hydro_plant.list(min_capacity_mw=1.0, limit=10)" in doc
    source = "from sdk_example.data_classes import HydroPlant\nHydroPlant.capacity_mw"
    project = jedi.Project(EXAMPLE, sys_path=[str(EXAMPLE), *sys.path], smart_sys_path=False)
    hover = jedi.Script(source, project=project).help(2, len("HydroPlant.capacity"))
    assert [name.docstring() for name in hover] == ["Installed capacity in megawatts."]


@pytest.mark.skipif(not OMNI.is_dir(), reason="the shared Omni model is absent")
def test_a_shared_model_completes_too() -> None:
    source = (
        "from sdk_omni import OmniClient\n"
        "client = OmniClient(base_url='http://127.0.0.1:9', project='p', token='t')\n"
        "client.primitive_nullable.list(min_"
    )
    offered = completions(OMNI, source)
    assert {"min_int_32=", "min_float_64=", "min_timestamp=", "min_date="} <= offered, sorted(offered)


def test_mypy_refuses_a_filter_of_the_wrong_type_or_name(tmp_path: Path) -> None:
    script = tmp_path / "use_filters.py"
    script.write_text(
        CLIENT
        + "client.hydro_plant.list(min_capacity_mw=5.0, status=['operating'], limit=10)\n"
        + "client.hydro_plant.list(min_capacity_mw='big')\n"
        + "client.hydro_plant.aggregate('count', min_capacity=1.0)\n"
    )
    out, _, status = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(GENERATED / ".mypy-completion"), str(script)]
    )
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1
    assert len(errors) == 2, out
    assert 'use_filters.py:4: error: Argument "min_capacity_mw" to "list" of "HydroPlantAPI" has incompatible' in out
    assert 'use_filters.py:5: error: Unexpected keyword argument "min_capacity" for "aggregate"' in out


def test_a_filter_of_the_wrong_type_raises_before_any_request(live_client: Any) -> None:
    # The client points at a port nothing listens on: a request would fail otherwise.
    with pytest.raises(TypeError, match=r"filter min_capacity_mw= expects float \| None, got str \('big'\)"):
        live_client.hydro_plant.list(min_capacity_mw="big")
    with pytest.raises(TypeError, match="min_unit_count= expects int"):
        live_client.hydro_plant.aggregate("count", min_unit_count=1.5)
