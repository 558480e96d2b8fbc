#!/usr/bin/env bash
# npm test: build, vitest, then Playwright end-to-end in Debian's Chromium; ends with one line
# "N passed, N failed" counting both suites. Exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test/.tmp
rm -f test/.tmp/vitest.json test/.tmp/playwright.json

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found at $chromium; installing Debian's chromium with apt-get..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium not found at $chromium." >&2
    echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  fi
fi

# The report tests read PDFs back with poppler (pdfinfo, pdftotext) and Word files with pandoc, and
# the reports embed Noto fonts for all six UN scripts: install them like chromium when missing and root.
if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/noto ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "poppler-utils, pandoc or Noto fonts missing; installing them with apt-get..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk poppler-utils pandoc >/dev/null
  else
    echo "poppler-utils, pandoc or Noto fonts missing: report read-back tests will be skipped and reports fall back to DejaVu/Helvetica." >&2
    echo "Install them (Debian/Ubuntu: sudo apt-get install fonts-noto-core fonts-noto-cjk poppler-utils pandoc)." >&2
  fi
fi

echo "== build"
build_ok=1
npm run -s build || build_ok=0

echo "== unit and integration tests (vitest)"
npx vitest run --config test/vitest.config.ts --reporter=default --reporter=json --outputFile.json=test/.tmp/vitest.json
vitest_status=$?

echo "== end-to-end tests (Playwright, $chromium)"
if [ -x "$chromium" ] && [ "$build_ok" = 1 ]; then
  CHROMIUM_PATH="$chromium" npx playwright test --config test/playwright.config.ts
  playwright_status=$?
else
  echo "end-to-end tests not run: $([ "$build_ok" = 1 ] && echo "no Chromium" || echo "the build failed")" >&2
  playwright_status=1
fi

node test/support/count-results.mjs test/.tmp/vitest.json test/.tmp/playwright.json
count_status=$?
if [ "$vitest_status" != 0 ] || [ "$playwright_status" != 0 ] || [ "$count_status" != 0 ] || [ "$build_ok" != 1 ]; then
  exit 1
fi
