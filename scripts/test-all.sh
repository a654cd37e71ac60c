#!/usr/bin/env bash
# Every suite, in order: lint (layers, format, unused code), unit, integration (real PostgreSQL),
# then e2e against the production build.
set -euo pipefail
node node_modules/eslint/bin/eslint.js . --max-warnings 0
node node_modules/prettier/bin/prettier.cjs --check . --log-level warn
node node_modules/knip/bin/knip.js
node node_modules/vitest/vitest.mjs run --project unit
node node_modules/vitest/vitest.mjs run --project integration
node scripts/build-worker.mjs
node node_modules/next/dist/bin/next build
node node_modules/@playwright/test/cli.js test
