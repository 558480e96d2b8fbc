import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (no browser download here): /usr/bin/chromium, or
 * CHROMIUM_PATH. Each test starts its own server on its own database (test/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.tmp/e2e-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Timeouts detect hangs; they are not speed targets (those are in bench/). CI machines are
  // shared and noisy, and a second copy of the suite may run beside this one, so they are
  // generous: a test waits for what a user would wait for, never for a fixed time.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["json", { outputFile: "./.tmp/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
});
