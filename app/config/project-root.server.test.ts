import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./project-root.server";

describe("projectRoot", () => {
  it("finds the folder with package.json from a source file and from a bundle in build/", () => {
    const root = mkdtempSync(join(tmpdir(), "redraft-root-"));
    writeFileSync(join(root, "package.json"), "{}");
    mkdirSync(join(root, "app", "config"), { recursive: true });
    mkdirSync(join(root, "build"));
    expect(projectRoot(pathToFileURL(join(root, "app", "config", "project-root.server.ts")).href)).toBe(root);
    expect(projectRoot(pathToFileURL(join(root, "build", "server.js")).href)).toBe(root);
  });

  it("is Redraft's own root from its own module", () => {
    expect(JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")).name).toBe("redraft");
  });
});
