#!/usr/bin/env bash
# `npm test`: unit and integration tests on PostgreSQL, the integration tests again on PGlite, then e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export LOG_LEVEL=${LOG_LEVEL:-silent}

echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint"
npx eslint . --max-warnings=0
echo "== import cycles between lib/ modules"
node scripts/check-import-cycles.mjs
echo "== unit + integration (PostgreSQL at ${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test})"
npx vitest run
echo "== integration (PGlite: the storage layer and one suite per API family, to keep CI short)"
TEST_DB=pglite npx vitest run lib/db/ lib/http/project-admin.int.test.ts lib/http/console-api.int.test.ts \
  lib/permissions/permissions-api.int.test.ts lib/sessions/
echo "== end-to-end (Chromium)"
npx tsx e2e/run.ts
