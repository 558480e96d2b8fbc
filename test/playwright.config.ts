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
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
