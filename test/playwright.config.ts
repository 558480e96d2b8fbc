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
  // shared and noisy, and a second copy of the suite may run beside this one. A hang is caught at
  // the step that hangs (an action, a navigation, an expectation); the whole test's timeout is only
  // a backstop, since the long tests (a dozen pages under axe, two editors typing) were seen to take
  // over three minutes on an overloaded machine while every step kept moving.
  timeout: 600_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["json", { outputFile: "./.tmp/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    actionTimeout: 60_000,
    navigationTimeout: 90_000,
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
