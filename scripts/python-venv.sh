#!/usr/bin/env bash
# Creates or refreshes .venv from requirements-dev.txt (pinned test tools: pydantic, httpx, pytest, mypy, ruff, …).
# Run by scripts/test.sh before the bun tests (some of them import generated SDKs with it) and by
# scripts/python-checks.sh; does nothing when .venv already holds exactly these requirements.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
stamp=.venv/.requirements-dev.txt
if [ ! -x .venv/bin/python ] || ! cmp -s requirements-dev.txt "$stamp"; then
  echo "== virtual environment (.venv)"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt "$stamp"
fi
