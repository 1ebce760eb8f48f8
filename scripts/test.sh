#!/usr/bin/env bash
# The README's test command (npm test): bring the local lab up, then run the jest projects
# (unit, integration and e2e: the browser tests). Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/services.sh up

results=.lab/jest-results.json
rm -f "$results"
rc=0
# Type-check everything, tests included (ts-jest only transpiles, isolatedModules).
npx tsc -p tsconfig.json --noEmit || rc=$?
# --forceExit: a failing integration test can leave a server connection open; the run must
# still end (CI has a time limit) and report, not hang after the results are in.
npx jest --ci --forceExit --json --outputFile="$results" "$@" || rc=$?

# One plain closing line with the counts, readable by any CI log scanner.
if [ -s "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    // A test file that cannot even load (syntax/import error) counts as one failure.
    const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`jest: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  ' "$PWD/$results"
fi
exit "$rc"
