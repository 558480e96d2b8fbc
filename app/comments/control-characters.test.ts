import { describe, expect, it } from "vitest";
import { hasNoControlCharacters } from "./control-characters";

describe("hasNoControlCharacters", () => {
  it("accepts text with tabs, line breaks and any script", () => {
    expect(hasNoControlCharacters("Line one\r\nline two\tand 中文, العربية, русский")).toBe(true);
    expect(hasNoControlCharacters(undefined)).toBe(true);
  });

  it.each(["before\u0000after", "\u0000", "bell\u0007", "escape\u001b[31m", "delete\u007f"])("refuses %j", (text) => {
    expect(hasNoControlCharacters(text)).toBe(false);
  });
});
