#!/usr/bin/env bash
# Checks of the repository's own Python: the vendored SDK runtime (templates/python/runtime), generated SDKs, and
# the tests (unit tests of the runtime and the sample SDK, end-to-end tests of generated SDKs against the emulator).
# Creates or refreshes .venv from requirements-dev.txt, then runs ruff (lint and format), mypy --strict and pytest.
# pytest's closing lines ("N passed ...") end the output; the exit code is non-zero if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# Keep bytecode out of templates/: every file there is embedded in the pygen binary.
export PYTHONDONTWRITEBYTECODE=1

stamp=.venv/.requirements-dev.txt
if [ ! -x .venv/bin/python ] || ! cmp -s requirements-dev.txt "$stamp"; then
  echo "== virtual environment (.venv)"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt "$stamp"
fi

# SDKs generated from the bundled example and the shared models, checked as their users would check them: with
# the settings of their own pyproject.toml, installed with pip, imported. The end-to-end tests import them from here.
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
echo "== generate SDKs"
sdks=$(node_modules/.bin/bun test/python/generate-sdks.ts "$generated/sdks")
while read -r name package; do
  echo "== $name ($package): ruff check, ruff format --check, mypy --strict, pip install, import"
  (
    cd "$generated/sdks/$name"
    "$OLDPWD/.venv/bin/ruff" check --quiet --no-cache .
    "$OLDPWD/.venv/bin/ruff" format --quiet --check --no-cache .
    # A dotted package (nested packages) is checked from its top folder.
    "$OLDPWD/.venv/bin/mypy" --strict --cache-dir "$generated/mypy-cache" --no-error-summary "${package%%.*}"
  )
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-build-isolation --no-deps \
    --target "$generated/site/$name" "$generated/sdks/$name"
  PYTHONPATH="$generated/site/$name" .venv/bin/python -c "import $package, sys; sys.exit(not $package.__all__)"
done <<< "$sdks"
export PYGEN_GENERATED_SDKS="$generated/sdks"
# mypy and pytest see the generated SDKs the end-to-end tests use (test/python/e2e/conftest.py adds them too).
e2e_sdks=(example hostile Omni oddities OmniMultiAll used_for_all WindTurbine core_shaped)
MYPYPATH=$(printf "$generated/sdks/%s:" "${e2e_sdks[@]}")
export MYPYPATH=${MYPYPATH%:}

sources=(templates/python/runtime test/python)
echo "== ruff check"; .venv/bin/ruff check "${sources[@]}"
echo "== ruff format --check"; .venv/bin/ruff format --check "${sources[@]}"
# The runtime on its own, then the tests with the sample SDK, which sees the runtime through its _runtime link.
echo "== mypy --strict"; .venv/bin/mypy --strict templates/python/runtime && .venv/bin/mypy --strict test/python
echo "== pytest"; .venv/bin/python -m pytest test/python
# The hand-written sample SDK is the generator's target shape: its own tests must pass on the SDK generated from
# its model (test/python/sample_sdk/pumps.model.yaml) too.
echo "== the sample SDK's tests on the generated one: mypy --strict, pytest"
MYPYPATH="$generated/sdks/sample" .venv/bin/mypy --strict --cache-dir "$generated/mypy-cache" test/python/test_sample_sdk.py
.venv/bin/python -m pytest -o pythonpath="$generated/sdks/sample test/python" test/python/test_sample_sdk.py
# The model fuzzer (DESIGN.md §8): SDKs of 50 fixed random models and of the shrunk fixtures in test/fixtures/fuzz,
# each through ruff, mypy --strict and an end-to-end run against the emulator, in one batch per tool.
# Its closing line ("N passed, N failed") counts SDKs. More seeds: bun bench/fuzz-models.ts --seeds N --start S.
echo "== model fuzzer: 50 seeds and the fuzz fixtures"
node_modules/.bin/bun bench/fuzz-models.ts --seeds 50 --fixtures
