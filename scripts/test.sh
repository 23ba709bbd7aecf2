#!/usr/bin/env bash
# Every check pygen has: type-check, lint and format, build the binary, then all tests (unit and end-to-end).
# Ends with one line "N passed, N failed, N skipped" and bun test's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== type-check"; tsc --noEmit -p .
echo "== lint and format"; biome check .
echo "== build"; bun run build.ts
echo "== tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
bun test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
count() { grep -E "^ *[0-9]+ $1\$" "$log" | tail -n 1 | tr -dc '0-9'; }
echo "$(count pass || echo 0) passed, $(count fail || echo 0) failed, $(count skip || echo 0) skipped"
exit "$status"
