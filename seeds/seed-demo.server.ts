import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.server";
import { consultations, consultationStatuses, documents } from "../db/schema";
import { recordRoundOpening } from "../app/consultations/consultations.server";
import { importPlainText } from "../app/import";
import { storeImportedOutline } from "../app/drafts/store-import.server";
import { projectRoot } from "../app/config/project-root.server";

const seedsFolder = join(projectRoot(), "seeds");
const DAY = 24 * 60 * 60 * 1000;

const manifestSchema = z.object({
  seeds: z.array(
    z.object({
      file: z.string(),
      slug: z.string().regex(/^[a-z0-9-]+$/),
      title: z.string(),
      description: z.string(),
      status: z.enum(consultationStatuses),
      opensInDays: z.number().optional(),
      closesInDays: z.number().optional(),
      opensAt: z.iso.date().optional(),
      closesAt: z.iso.date().optional(),
    }),
  ),
});

export function readSeedManifest() {
  return manifestSchema.parse(JSON.parse(readFileSync(join(seedsFolder, "manifest.json"), "utf8")));
}

/**
 * On first start with an empty database, imports the five seed drafts and opens the demo
 * consultations. Does nothing when any consultation or document exists, so restarts are harmless.
 * Returns the number of consultations created.
 */
export function seedDemoConsultations(db: Db, now = new Date()): number {
  const existing =
    (db.select({ n: count() }).from(consultations).get()?.n ?? 0) +
    (db.select({ n: count() }).from(documents).get()?.n ?? 0);
  if (existing > 0) return 0;

  const manifest = readSeedManifest();
  const at = (iso?: string, days?: number) =>
    iso ? new Date(`${iso}T23:59:59Z`) : days !== undefined ? new Date(now.getTime() + days * DAY) : null;

  // Parse every seed before writing, so a bad seed leaves the database untouched.
  const outlines = manifest.seeds.map((seed) =>
    importPlainText(readFileSync(join(seedsFolder, seed.file), "utf8")),
  );
  db.transaction((tx) => {
    manifest.seeds.forEach((seed, i) => {
      const consultation = tx
        .insert(consultations)
        .values({
          slug: seed.slug,
          title: seed.title,
          description: seed.description,
          status: seed.status,
          opensAt: at(seed.opensAt, seed.opensInDays),
          closesAt: at(seed.closesAt, seed.closesInDays),
        })
        .returning()
        .get();
      storeImportedOutline(tx as unknown as Db, outlines[i]!, {
        consultationSlug: consultation.slug,
        sourceFormat: "text",
        sourceName: seed.file,
      });
      // Round 1 of an opened consultation is on the version just stored.
      if (consultation.status !== "draft" && consultation.status !== "scheduled") {
        recordRoundOpening(tx as unknown as Db, consultation, consultation.opensAt ?? now);
      }
    });
  });
  return manifest.seeds.length;
}
