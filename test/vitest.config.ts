import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "~": `${root}app` } },
  test: {
    include: ["{app,db,realtime,seeds,test/integration}/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["test/integration/ensure-build.ts"],
    // Integration tests start real servers; two cores are shared with them, and with a second copy
    // of the suite at times. Timeouts detect hangs, they are not speed targets (bench/ has those).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
