import { describe, expect, it } from "vitest";
import "./catalogs.server";
import { errorDetail, translatableError } from "./error-message";
import { createTranslator } from "./translate";

describe("translatable errors", () => {
  it("carry English for logs and show in the reader's language", () => {
    const body = JSON.parse(JSON.stringify(translatableError("error.paragraphNotFound", { label: "7" })));
    expect(body.message).toBe("This draft has no paragraph labelled “7”.");
    const french = errorDetail(body, createTranslator("fr"));
    expect(french).toContain("7");
    expect(french).not.toBe(body.message);
  });

  it("show a plain message as it is and ignore anything else", () => {
    expect(errorDetail({ message: "Plain" }, createTranslator("ar"))).toBe("Plain");
    expect(errorDetail({ messageKey: "no.such.key", message: "Fallback" }, createTranslator("ar"))).toBe("Fallback");
    expect(errorDetail("text", createTranslator("ar"))).toBeUndefined();
  });
});
