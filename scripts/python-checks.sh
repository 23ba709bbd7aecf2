#!/usr/bin/env bash
# Checks of the repository's own Python: the vendored SDK runtimes (templates/python/runtime, and
# templates/pyspark/runtime, whose tests start a local Spark: Java 17), generated SDKs, and
# the tests (unit tests of the runtime and the pumps SDK, end-to-end tests of generated SDKs against the emulator).
# Uses .venv (scripts/python-venv.sh creates or refreshes it from requirements-dev.txt) to run ruff (lint and format), mypy --strict and pytest.
# pytest's closing lines ("N passed ...") end the output; the exit code is non-zero if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep bytecode out of templates/: every file there is embedded in the pygen binary.
export PYTHONDONTWRITEBYTECODE=1
bash scripts/python-venv.sh

# SDKs generated from the bundled example and the shared models, checked as their users would check them: with
# the settings of their own pyproject.toml, installed with pip, imported. The end-to-end tests import them from here.
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
echo "== generate SDKs"
sdks=$(node_modules/.bin/bun test/python/generate-sdks.ts "$generated/sdks")
while read -r name package language; do
  echo "== $name ($package, $language): ruff check, ruff format --check, mypy --strict, pip install, import"
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
  # A PySpark package's Spark module imports pyspark (the venv has it) and declares the views it registers.
  if [ "$language" = pyspark ]; then
    PYTHONPATH="$generated/site/$name" .venv/bin/python -c "import $package.spark as s, sys; sys.exit(s.VIEWS is None)"
  fi
done <<< "$sdks"
# The example's PySpark package as pip installed it: test/python/spark/test_generated_package.py runs it in Spark.
export PYGEN_PYSPARK_EXAMPLE="$generated/site/example_pyspark"
export PYGEN_GENERATED_SDKS="$generated/sdks"
# mypy and pytest see the generated SDKs the tests use (test/python/e2e/conftest.py adds them too): the unit tests
# import the pumps SDK as generated now, not as recorded in test/golden (the golden test compares the two).
e2e_sdks=(golden_pumps example example_flat example_single hostile Omni oddities OmniMultiAll used_for_all WindTurbine core_shaped
  example_pyspark)
MYPYPATH=$(printf "$generated/sdks/%s:" "${e2e_sdks[@]}")
export MYPYPATH=${MYPYPATH%:}

# The PySpark runtime as a generated package vendors it: `_spark` beside the Python runtime `_runtime`, which it
# imports relatively; test/python/spark runs it in Spark local mode from here.
spark_package="$generated/spark/pygen_spark_check"
mkdir -p "$spark_package"
: > "$spark_package/__init__.py"
cp -R templates/python/runtime "$spark_package/_runtime"
cp -R templates/pyspark/runtime "$spark_package/_spark"
export PYGEN_SPARK_PACKAGE="$generated/spark"
MYPYPATH="$MYPYPATH:$generated/spark"

sources=(templates/python/runtime templates/pyspark/runtime test/python)
echo "== ruff check"; .venv/bin/ruff check "${sources[@]}"
echo "== ruff format --check"; .venv/bin/ruff format --check "${sources[@]}"
# The runtime on its own, then the tests with the generated pumps SDK, which holds the runtime as it is vendored.
echo "== mypy --strict"; .venv/bin/mypy --strict templates/python/runtime && .venv/bin/mypy --strict test/python
(cd "$generated/spark" && "$OLDPWD/.venv/bin/mypy" --strict --cache-dir "$generated/mypy-cache" pygen_spark_check)
echo "== pytest"; .venv/bin/python -m pytest -o pythonpath="$generated/sdks/golden_pumps test/python" test/python
# The model fuzzer (DESIGN.md §8): SDKs of 50 fixed random models and of the shrunk fixtures in test/fixtures/fuzz,
# each through ruff, mypy --strict and an end-to-end run against the emulator, in one batch per tool.
# Its closing line ("N passed, N failed") counts SDKs. More seeds: bun bench/fuzz-models.ts --seeds N --start S.
echo "== model fuzzer: 50 seeds and the fuzz fixtures"
node_modules/.bin/bun bench/fuzz-models.ts --seeds 50 --fixtures
