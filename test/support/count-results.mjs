// Sums the vitest and Playwright JSON reports into the one closing line CI reads:
// "N passed, N failed". A missing or unreadable report counts as a failure, never as a pass.
import { readFileSync } from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file, name) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.error(`${name}: no report at ${file} (the runner did not finish); counted as 1 failure`);
    failed += 1;
    return null;
  }
}

const vitest = read(vitestFile, "vitest");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if ((vitest.numTotalTests ?? 0) === 0) {
    console.error("vitest: ran no test; counted as 1 failure");
    failed += 1;
  }
}

const playwright = read(playwrightFile, "playwright");
if (playwright) {
  const s = playwright.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  for (const e of playwright.errors ?? []) {
    console.error(`playwright: ${e.message ?? e}`);
    failed += 1;
  }
  if ((s.expected ?? 0) + (s.unexpected ?? 0) + (s.flaky ?? 0) === 0) {
    console.error("playwright: ran no test; counted as 1 failure");
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
