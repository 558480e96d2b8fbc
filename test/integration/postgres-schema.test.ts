import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, is } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema-pg";
import { repoRoot } from "../support/start-server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres";

/**
 * Issue 18, decision 035: db/migrations-pg applied to a real PostgreSQL build what db/schema-pg.ts
 * declares, and the hand-written parts (seeded groups, the triggers of SQLite's migrations 0001 and
 * 0017) behave for a user of the data as they do on SQLite.
 */
let server: ThrowawayPostgres;
let pool: pg.Pool;
let db: NodePgDatabase<typeof schema>;

const tables = Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 2 });
  db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: join(repoRoot, "db/migrations-pg") });
});

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const rows = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[];

async function aConsultation(slug: string) {
  const [consultation] = await db.insert(schema.consultations).values({ slug, title: `Consultation ${slug}` }).returning();
  return consultation;
}

async function aParticipant(email: string) {
  const [group] = await db.select().from(schema.stakeholderGroups).limit(1);
  const [user] = await db
    .insert(schema.users)
    .values({ email, displayName: "Amina", passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "V(a)", stakeholderGroupId: group.id, consentedAt: new Date() })
    .returning();
  return user;
}

async function revisionOf(consultationId: number) {
  const [row] = await db.select().from(schema.pageRevisions).where(eq(schema.pageRevisions.consultationId, consultationId));
  return row?.revision ?? 0;
}

describe("the PostgreSQL migrations", () => {
  it("create every table and column db/schema-pg.ts declares, with its nullability", async () => {
    const found = await rows<{ table_name: string; column_name: string; is_nullable: string }>(
      "select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'",
    );
    const actual = new Set(found.map((c) => `${c.table_name}.${c.column_name} ${c.is_nullable === "NO" ? "not null" : "null"}`));
    const declared = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map((c) => `${config.name}.${c.name} ${c.notNull ? "not null" : "null"}`);
    });
    expect(declared.length).toBeGreaterThan(300);
    expect(declared.filter((c) => !actual.has(c))).toEqual([]);
    expect([...actual].filter((c) => !declared.includes(c))).toEqual([]);
  });

  it("create every index, unique where declared so, and every check and reference", async () => {
    const indexes = await rows<{ name: string; unique: boolean; partial: boolean }>(
      `select c.relname as name, i.indisunique as unique, i.indpred is not null as partial
         from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not i.indisprimary`,
    );
    const constraints = await rows<{ name: string; type: string }>(
      "select conname as name, contype as type from pg_constraint where connamespace = 'public'::regnamespace",
    );
    const byName = new Map(indexes.map((i) => [i.name, i]));
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const index of config.indexes) {
        expect(byName.get(index.config.name!), `index ${index.config.name}`).toEqual({
          name: index.config.name,
          unique: index.config.unique,
          partial: index.config.where !== undefined,
        });
      }
      for (const check of config.checks) expect(constraints).toContainEqual({ name: check.name, type: "c" });
      for (const fk of config.foreignKeys) expect(constraints).toContainEqual({ name: fk.getName(), type: "f" });
    }
  });

  it("install a trigger for every trigger of the SQLite migrations, under the same name", async () => {
    const sqliteDir = join(repoRoot, "db/migrations");
    const sqliteTriggers = readdirSync(sqliteDir)
      .filter((f) => f.endsWith(".sql"))
      .flatMap((f) => [...readFileSync(join(sqliteDir, f), "utf8").matchAll(/CREATE TRIGGER `(\w+)`/g)].map((m) => m[1]));
    const pgTriggers = await rows<{ name: string }>("select tgname as name from pg_trigger where not tgisinternal");
    expect(pgTriggers.map((t) => t.name).sort()).toEqual(sqliteTriggers.sort());
  });

  it("start with the ten stakeholder groups a participant chooses from", async () => {
    const groups = await db.select().from(schema.stakeholderGroups).orderBy(schema.stakeholderGroups.position);
    expect(groups.map((g) => g.slug)).toEqual([
      "member-state", "intergovernmental", "civil-society", "academia", "private-sector",
      "technical-community", "media", "individual", "youth", "indigenous-peoples",
    ]);
  });
});

describe("pages know they are stale, as on SQLite", () => {
  it("a comment posted, edited, endorsed and deleted moves its consultation's revision, and no other's", async () => {
    const mine = await aConsultation("page-revision-mine");
    const other = await aConsultation("page-revision-other");
    const author = await aParticipant("author@example.org");
    const [group] = await db.select().from(schema.stakeholderGroups).limit(1);
    const otherBefore = await revisionOf(other.id);
    const seen = [await revisionOf(mine.id)];

    const [comment] = await db
      .insert(schema.comments)
      .values({ consultationId: mine.id, authorId: author.id, authorName: "Amina", authorRegion: "africa", authorStakeholderGroupId: group.id, body: "Yes.", submissionId: "s-1" })
      .returning();
    seen.push(await revisionOf(mine.id));
    await db.update(schema.comments).set({ body: "Yes, with care." }).where(eq(schema.comments.id, comment.id));
    seen.push(await revisionOf(mine.id));
    await db.insert(schema.endorsements).values({ commentId: comment.id, userId: author.id });
    seen.push(await revisionOf(mine.id));
    await db.delete(schema.comments).where(eq(schema.comments.id, comment.id));
    seen.push(await revisionOf(mine.id));

    expect(new Set(seen).size, `revisions seen: ${seen.join(", ")}`).toBe(seen.length);
    expect(await revisionOf(other.id)).toBe(otherBefore);
  });

  it("a comment moved to another consultation makes both consultations' pages stale", async () => {
    const from = await aConsultation("moved-from");
    const to = await aConsultation("moved-to");
    const [group] = await db.select().from(schema.stakeholderGroups).limit(1);
    const [comment] = await db
      .insert(schema.comments)
      .values({ consultationId: from.id, authorName: "Meeting", authorRegion: "europe-north-america", authorStakeholderGroupId: group.id, body: "Input.", submissionId: "s-move" })
      .returning();
    const before = [await revisionOf(from.id), await revisionOf(to.id)];
    await db.update(schema.comments).set({ consultationId: to.id }).where(eq(schema.comments.id, comment.id));
    expect(await revisionOf(from.id)).toBeGreaterThan(before[0]);
    expect(await revisionOf(to.id)).toBeGreaterThan(before[1]);
  });

  it("a participant's public name changing makes every page stale; their password changing does not", async () => {
    const user = await aParticipant("renamed@example.org");
    const before = await revisionOf(0);
    await db.update(schema.users).set({ displayName: "Amina K." }).where(eq(schema.users.id, user.id));
    const renamed = await revisionOf(0);
    expect(renamed).toBeGreaterThan(before);
    await db.update(schema.users).set({ passwordHash: "y" }).where(eq(schema.users.id, user.id));
    expect(await revisionOf(0)).toBe(renamed);
  });
});

describe("a published version is the record of what was consulted on", () => {
  async function aVersion(slug: string) {
    const consultation = await aConsultation(slug);
    const [document] = await db.insert(schema.documents).values({ consultationId: consultation.id, slug, title: "Draft" }).returning();
    const [version] = await db.insert(schema.documentVersions).values({ documentId: document.id, number: 1, title: "Draft", sourceFormat: "text" }).returning();
    await db.insert(schema.outlineNodes).values({ versionId: version.id, nodeId: "n1", kind: "paragraph", level: 1, position: 1, text: "Original words." });
    return { consultation, version };
  }

  it("can be assembled while unpublished, then neither its text nor its outline can change", async () => {
    const { consultation, version } = await aVersion("immutable");
    const revisionBefore = await revisionOf(consultation.id);
    await db.update(schema.outlineNodes).set({ text: "Corrected words." }).where(eq(schema.outlineNodes.versionId, version.id));
    await db.update(schema.documentVersions).set({ publishedAt: new Date() }).where(eq(schema.documentVersions.id, version.id));
    expect(await revisionOf(consultation.id)).toBeGreaterThan(revisionBefore);

    // drizzle wraps the driver's error; the database's own refusal is its cause.
    const refused = async (query: PromiseLike<unknown>) => {
      const error = await Promise.resolve(query).then(() => undefined, (e: Error) => e);
      expect((error?.cause as Error | undefined)?.message).toBe("document version is published and immutable");
    };
    await refused(db.update(schema.documentVersions).set({ title: "Rewritten" }).where(eq(schema.documentVersions.id, version.id)));
    await refused(db.delete(schema.documentVersions).where(eq(schema.documentVersions.id, version.id)));
    await refused(db.update(schema.outlineNodes).set({ text: "Rewritten words." }).where(eq(schema.outlineNodes.versionId, version.id)));
    await refused(db.delete(schema.outlineNodes).where(eq(schema.outlineNodes.versionId, version.id)));
    await refused(db.insert(schema.outlineNodes).values({ versionId: version.id, nodeId: "n2", kind: "paragraph", level: 1, position: 2, text: "Slipped in." }));

    const [node] = await db.select().from(schema.outlineNodes).where(eq(schema.outlineNodes.versionId, version.id));
    expect(node.text).toBe("Corrected words.");
    const [kept] = await db.select().from(schema.documentVersions).where(eq(schema.documentVersions.id, version.id));
    expect(kept.title).toBe("Draft");
  });
});

describe("the application reads the same values as from SQLite", () => {
  it("instants to the millisecond, booleans, JSON, bytes and Yjs client ids", async () => {
    const at = new Date("2026-12-08T09:30:15.123Z");
    const user = await aParticipant("values@example.org");
    await db.update(schema.users).set({ pseudonymous: true, emailConfirmedAt: at }).where(eq(schema.users.id, user.id));
    const [read] = await db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(read.pseudonymous).toBe(true);
    expect(read.demo).toBe(false);
    expect(read.emailConfirmedAt).toEqual(at);
    expect(read.createdAt).toBeInstanceOf(Date);

    const update = Buffer.from([0, 1, 2, 255]);
    const [logged] = await db.insert(schema.collabUpdates).values({ docName: "draft/1", update }).returning();
    expect(Buffer.isBuffer(logged.update) && logged.update.equals(update)).toBe(true);
    expect(typeof logged.id).toBe("number");

    // Yjs client ids are unsigned 32-bit: above PostgreSQL's integer.
    await db.insert(schema.collabClients).values({ docName: "draft/1", clientId: 4_294_967_295, authorId: "1" });
    const [client] = await db.select().from(schema.collabClients).where(eq(schema.collabClients.docName, "draft/1"));
    expect(client.clientId).toBe(4_294_967_295);

    const { version } = await (async () => {
      const consultation = await aConsultation("values");
      const [document] = await db.insert(schema.documents).values({ consultationId: consultation.id, slug: "values", title: "Draft" }).returning();
      const [v] = await db.insert(schema.documentVersions).values({ documentId: document.id, number: 1, title: "Draft", sourceFormat: "text" }).returning();
      return { version: v };
    })();
    const [node] = await db
      .insert(schema.outlineNodes)
      .values({ versionId: version.id, nodeId: "n1", kind: "paragraph", level: 1, position: 1, text: "Words.", footnotes: ["See annex."] })
      .returning();
    expect(node.footnotes).toEqual(["See annex."]);
    const [defaulted] = await db.insert(schema.outlineNodes).values({ versionId: version.id, nodeId: "n2", kind: "paragraph", level: 1, position: 2, text: "More." }).returning();
    expect(defaulted.footnotes).toEqual([]);
  });

  it("counts a comment on the same day as SQLite does (the analysis by day)", async () => {
    const consultation = await aConsultation("days");
    const [group] = await db.select().from(schema.stakeholderGroups).limit(1);
    const late = new Date("2026-12-08T23:59:59.999Z");
    await db.insert(schema.comments).values({ consultationId: consultation.id, authorName: "Late", authorRegion: "asia-pacific", authorStakeholderGroupId: group.id, body: "Just in time.", submissionId: "s-day", createdAt: late });
    // The expression of comments_analysis_day_idx, against SQLite's created_at / 86400000.
    const [row] = await rows<{ day: number }>(
      "select ((created_at at time zone 'UTC')::date - date '1970-01-01') as day from comments where submission_id = 's-day'",
    );
    expect(row.day).toBe(Math.floor(late.getTime() / 86_400_000));
  });

  it("keeps the ids a copy brings along (db:copy), and refuses values outside a vocabulary that SQLite refuses", async () => {
    const [kept] = await db.insert(schema.consultations).values({ id: 7_000, slug: "copied", title: "Copied" }).returning();
    expect(kept.id).toBe(7_000);
    await expect(
      pool.query("insert into consultations (slug, title, status) values ('bad-status', 'Bad', 'archived')"),
    ).rejects.toThrow(/consultations_status_check/);
  });
});
