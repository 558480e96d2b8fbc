import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Server tests run the real built app; build it once when a bare `vitest` finds no build. */
export default function ensureBuild() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  if (!existsSync(`${root}build/index.js`)) {
    execFileSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
  }
}
