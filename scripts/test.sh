#!/usr/bin/env bash
# Every check pygen has: type-check, lint and format, build the binary, the bun tests (unit and end-to-end),
# then the Python checks (scripts/python-checks.sh: ruff, mypy --strict and pytest in .venv).
# Ends with one line "N passed, N failed, N skipped" over both test runners, and exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== type-check"; tsc --noEmit -p .
# The TypeScript runtime vendored into generated SDKs has its own settings (Node ≥ 20, nodenext, no Bun types).
tsc --noEmit -p templates/typescript/runtime
echo "== lint and format"; biome check .
echo "== build"; bun run build.ts
# The Python test tools first: some bun tests import generated SDKs with .venv's Python.
bash scripts/python-venv.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
set +e
echo "== bun tests"
bun test 2>&1 | tee "$logs/bun"
bun_status=${PIPESTATUS[0]}
echo "== python checks"
bash scripts/python-checks.sh 2>&1 | tee "$logs/python"
python_status=${PIPESTATUS[0]}
set -e

# bun prints " 12 pass" / " 0 fail" / " 3 skip" lines; pytest closes with "131 passed, 2 skipped in 3.1s".
bun_count() { grep -E "^ *[0-9]+ $1\$" "$logs/bun" | tail -n 1 | tr -dc '0-9' || true; }
# The Python checks run pytest more than once; their closing lines are summed.
pytest_count() {
  grep -E "^=* ?[0-9]+ (passed|failed|skipped|errors?)" "$logs/python" | grep -oE "[0-9]+ $1" |
    awk '{ total += $1 } END { print total + 0 }' || true
}
sum() { local total=0 value; for value in "$@"; do total=$((total + ${value:-0})); done; echo "$total"; }
passed=$(sum "$(bun_count pass)" "$(pytest_count passed)")
failed=$(sum "$(bun_count fail)" "$(pytest_count failed)" "$(pytest_count error)")
skipped=$(sum "$(bun_count skip)" "$(pytest_count skipped)")
# A lint or type failure in the Python checks stops before pytest: count it as a failure too.
if [ "$python_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$bun_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$bun_status" -eq 0 ] && [ "$python_status" -eq 0 ]
