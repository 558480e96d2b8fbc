/**
 * npm run seed:synthetic -- --comments 100000 --participants 3000 --seed 42
 *   [--consultation unesco-ethics-of-ai] [--until 2026-11-22] [--days 60]
 * Fills the database at DATABASE_PATH (default ./data/redraft.db) with a synthetic consultation
 * for analysis and benchmarks: the demo drafts (and outside production the demo accounts) are
 * created first if the database has none. The
 * same seed gives the same data. Never run it against a database with real participants.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { loadConfig } from "../config/env.server";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { seedDemoAccounts } from "../../seeds/seed-demo-accounts.server";
import { seedSyntheticConsultation, SyntheticSeedError } from "../analysis/synthetic-consultation.server";
import { ensureCampaigns } from "../analysis/campaign-groups.server";
import { getConsultationBySlug } from "../drafts/drafts.server";

const USAGE =
  "usage: npm run seed:synthetic -- --comments <n> --participants <n> --seed <n> [--consultation <slug>] [--until YYYY-MM-DD] [--days <n>]";

const count = (name: string, max: number) =>
  z.coerce.number({ error: `--${name} must be a number` }).int({ error: `--${name} must be a whole number` }).min(1, { error: `--${name} must be at least 1` }).max(max, { error: `--${name} must be at most ${max}` });

export const syntheticArgsSchema = z.object({
  comments: count("comments", 5_000_000),
  participants: count("participants", 1_000_000),
  seed: z.coerce.number({ error: "--seed must be a number" }).int({ error: "--seed must be a whole number" }).min(0).max(2 ** 32 - 1),
  consultation: z.string().regex(/^[a-z0-9-]{1,100}$/, { error: "--consultation must be a consultation slug" }).default("unesco-ethics-of-ai"),
  until: z.iso.date({ error: "--until must be a date like 2026-11-22" }).default("2026-11-22"),
  days: count("days", 3650).default(60),
});

async function main() {
  let raw;
  try {
    raw = parseArgs({
      options: {
        comments: { type: "string" }, participants: { type: "string" }, seed: { type: "string" },
        consultation: { type: "string" }, until: { type: "string" }, days: { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new SyntheticSeedError(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = syntheticArgsSchema.safeParse(raw);
  if (!parsed.success) throw new SyntheticSeedError(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  const args = parsed.data;
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    seedDemoConsultations(db);
    // As the server would on its first start, so someone can sign in to read the analysis (it
    // creates them only on a database without any account, which the synthetic one is not).
    if (config.nodeEnv !== "production") await seedDemoAccounts(db);
    const t0 = performance.now();
    const result = seedSyntheticConsultation(db, { ...args, slug: args.consultation });
    // Grouped now, as a running server keeps it (decision 016), rather than on the first page view.
    const consultation = getConsultationBySlug(db, args.consultation);
    if (consultation) ensureCampaigns(db, consultation.id);
    console.log(
      `Synthetic consultation on ${args.consultation} (seed ${args.seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
        `${result.participants} participants, ${result.comments} comments (${result.campaigns} campaigns), ${result.replies} replies, ` +
        `${result.endorsements} endorsements, ${result.meetings} meetings → ${config.databasePath}`,
    );
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`redraft seed:synthetic: ${(error as Error).message}`);
  process.exit(2);
});
