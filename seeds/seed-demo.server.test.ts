import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../db/test-database";
import { consultations, documentVersions, outlineNodes } from "../db/schema";
import { currentVersion, getOutline } from "../app/drafts/drafts.server";
import { readSeedManifest, seedDemoConsultations } from "./seed-demo.server";

describe("demo seeding on first start", () => {
  it("imports the five seed drafts and opens the UNESCO consultation", () => {
    const db = createTestDatabase();
    const now = new Date("2026-11-22T12:00:00Z");
    expect(seedDemoConsultations(db, now)).toBe(5);

    const rows = db.select().from(consultations).all();
    expect(rows).toHaveLength(5);
    const unesco = rows.find((c) => c.slug === "unesco-ethics-of-ai")!;
    expect(unesco.status).toBe("open");
    expect(unesco.closesAt!.getTime()).toBeGreaterThan(now.getTime());
    for (const c of rows) {
      const version = currentVersion(db, c.id);
      expect(version, c.slug).toBeDefined();
      expect(getOutline(db, version!.id).length, c.slug).toBeGreaterThan(20);
    }
  });

  it("changes nothing on a second start", () => {
    const db = createTestDatabase();
    seedDemoConsultations(db);
    const snapshot = () => ({
      consultations: db.select().from(consultations).all(),
      versions: db.select().from(documentVersions).all(),
      nodes: db.select().from(outlineNodes).all().length,
    });
    const before = snapshot();
    expect(seedDemoConsultations(db)).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it("does not seed a database that already holds consultations", () => {
    const db = createTestDatabase();
    db.insert(consultations).values({ slug: "real", title: "A real consultation" }).run();
    expect(seedDemoConsultations(db)).toBe(0);
    expect(db.select().from(consultations).where(eq(consultations.slug, "unesco-ethics-of-ai")).get()).toBeUndefined();
  });

  it("names a seed file for every manifest entry", () => {
    const files = readSeedManifest().seeds.map((s) => s.file);
    expect(files).toHaveLength(5);
    expect(new Set(files).size).toBe(5);
  });
});
