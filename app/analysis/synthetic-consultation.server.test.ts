import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { seedSyntheticConsultation } from "./synthetic-consultation.server";

const options = { comments: 1200, participants: 80, seed: 7, slug: "unesco-ethics-of-ai", until: "2026-11-22", days: 30 };

function freshDatabase(): Db {
  const db = createTestDatabase();
  seedDemoConsultations(db);
  return db;
}

/**
 * The generated tables, row by row. Paragraph identities are random UUIDs made when the demo
 * drafts are imported, before the generator runs, so comments are compared by paragraph label.
 */
function tableHash(db: Db): string {
  const hash = createHash("sha256");
  const queries = [
    "select * from users order by id",
    `select c.*, n.label as node_label from comments c left join outline_nodes n on n.node_id = c.node_id and n.version_id = c.version_id order by c.id`,
    "select * from endorsements order by rowid",
    "select * from meetings order by id",
  ];
  for (const query of queries) {
    for (const row of db.$client.prepare(query).all() as Record<string, unknown>[]) hash.update(JSON.stringify({ ...row, node_id: undefined }));
  }
  return hash.digest("hex");
}

describe("the synthetic consultation", () => {
  it("gives identical tables for the same seed, and different ones for another seed", () => {
    const a = freshDatabase();
    const b = freshDatabase();
    const c = freshDatabase();
    seedSyntheticConsultation(a, options);
    seedSyntheticConsultation(b, options);
    seedSyntheticConsultation(c, { ...options, seed: 8 });
    expect(tableHash(a)).toBe(tableHash(b));
    expect(tableHash(c)).not.toBe(tableHash(a));
  });

  it("has the spread the analysis needs: uneven regions, several languages and channels, replies, endorsements, campaigns", () => {
    const db = freshDatabase();
    const result = seedSyntheticConsultation(db, options);
    expect(result).toMatchObject({ participants: 80, comments: 1200, replies: 150 });
    expect(result.endorsements).toBeGreaterThan(500);
    expect(result.campaigns).toBeGreaterThan(0);
    const all = (sql: string) => db.$client.prepare(sql).all() as { v: string | null; n: number }[];
    const regions = all("select author_region v, count(*) n from comments where parent_id is null group by 1 order by 2 desc");
    expect(regions).toHaveLength(5);
    expect(regions[0]!.n).toBeGreaterThan(2 * regions[4]!.n);
    expect(all("select language v, count(*) n from comments group by 1").length).toBeGreaterThanOrEqual(5);
    expect(all("select channel v, count(*) n from comments group by 1").length).toBeGreaterThanOrEqual(4);
    // A campaign: one text (give or take small edits) from many participants.
    const campaign = all("select substr(body, 1, 40) v, count(distinct author_id) n from comments group by 1 order by 2 desc limit 1")[0]!;
    expect(campaign.n).toBeGreaterThan(10);
    // Hot paragraphs: the busiest has several times the median's comments.
    const perParagraph = all("select node_id v, count(*) n from comments where parent_id is null and node_id is not null group by 1 order by 2 desc");
    expect(perParagraph[0]!.n).toBeGreaterThan(5 * perParagraph[Math.floor(perParagraph.length / 2)]!.n);
  });

  it("refuses to add the same seed twice", () => {
    const db = freshDatabase();
    seedSyntheticConsultation(db, { ...options, comments: 10, participants: 5 });
    expect(() => seedSyntheticConsultation(db, { ...options, comments: 10, participants: 5 })).toThrow(/already holds/);
  });
});
