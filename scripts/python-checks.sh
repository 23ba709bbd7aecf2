#!/usr/bin/env bash
# Checks of the repository's own Python: the vendored SDK runtime (templates/python/runtime) and its tests.
# Creates or refreshes .venv from requirements-dev.txt, then runs ruff (lint and format), mypy --strict and pytest.
# pytest's closing line ("N passed ...") is the last thing printed; the exit code is non-zero if any check failed.
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

sources=(templates/python/runtime test/python)
echo "== ruff check"; .venv/bin/ruff check "${sources[@]}"
echo "== ruff format --check"; .venv/bin/ruff format --check "${sources[@]}"
# The runtime on its own, then the tests with the sample SDK, which sees the runtime through its _runtime link.
echo "== mypy --strict"; .venv/bin/mypy --strict templates/python/runtime && .venv/bin/mypy --strict test/python
echo "== pytest"; .venv/bin/python -m pytest test/python
