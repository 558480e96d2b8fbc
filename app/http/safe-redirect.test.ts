import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    "/c/unesco-ethics-of-ai/p/OP4?tab=comments#comment-3",
    "/account?welcome=1",
    "/c/unesco-ethics-of-ai/p/OP%204",
    "/",
  ])("keeps the local path %s", (target) => {
    expect(safeRedirect(target, "/home")).toBe(target);
  });

  // Every way seen of making a browser leave the site from a "local" path.
  it.each([
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%2Fevil.example",
    "%2f%2fevil.example",
    "/%252F%252Fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%0d%0a/evil.example",
    "/\u0000/evil.example",
    "https:evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " //evil.example",
    "\t//evil.example",
    "evil.example",
    "",
    `/${"a".repeat(3000)}`,
  ])("sends %j home instead", (target) => {
    expect(safeRedirect(target, "/home")).toBe("/home");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File([], "x"))).toBe("/");
  });
});
