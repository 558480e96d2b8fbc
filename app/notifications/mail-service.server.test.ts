import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../db/client.server";
import { outbox, stakeholderGroups, users } from "../../db/schema";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { loadConfig } from "../config/env.server";
import { projectRoot } from "../config/project-root.server";
import { logEvent } from "../consultations/consultations.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { MAIL_WORKER_NICE, startMailService } from "./mail-service.server";
import { follow } from "./notifications.server";

// The worker as `npm run build` bundles it, in a folder from which its packages resolve.
let folder: string;
let workerUrl: URL;
beforeAll(async () => {
  const cache = join(projectRoot(), "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  folder = mkdtempSync(join(cache, "mail-worker-test-"));
  await build({
    entryPoints: [join(projectRoot(), "app/notifications/mail-worker.server.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: folder,
    entryNames: "[name]",
    logLevel: "warning",
  });
  workerUrl = pathToFileURL(join(folder, "mail-worker.server.js"));
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function databaseWithAFollower(): { db: Db; path: string; consultationId: number } {
  const path = join(folder, `redraft-${Math.random().toString(36).slice(2)}.db`);
  const db = openDatabase(path);
  migrateDatabase(db);
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  const consultationId = getConsultationBySlug(db, "ga-78-265-trustworthy-ai")!.id;
  const group = db.select().from(stakeholderGroups).get()!;
  const chen = db
    .insert(users)
    .values({ email: "chen@example.org", displayName: "Chen", passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: new Date(), emailConfirmedAt: new Date(), language: "fr" })
    .returning()
    .get();
  // Milestones of a followed consultation go out at once by default.
  follow(db, chen.id, consultationId, null);
  return { db, path, consultationId };
}

/** Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the command's parentheses). */
function niceValuesOfThisProcessThreads(): number[] {
  return readdirSync(`/proc/${process.pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe("the mail service", () => {
  it("queues a closing's e-mail from a worker thread with its own connection, woken by the server, and stops cleanly", async () => {
    const { db, path, consultationId } = databaseWithAFollower();
    const config = loadConfig({ DATABASE_PATH: path, SESSION_SECRET: "a secret for the mail worker test" });
    const mail = await startMailService(db, config, workerUrl);
    expect(mail.where).toBe("worker");
    // One thread of this process now runs at the worker's lower priority: requests come first.
    await vi.waitFor(() => expect(niceValuesOfThisProcessThreads()).toContain(MAIL_WORKER_NICE), { timeout: 10_000, interval: 50 });
    // The milestone is written by the server's thread; nothing is fanned out or queued there.
    logEvent(db, consultationId, "closed", null);
    mail.notifier.wake();
    await vi.waitFor(() => expect(db.select().from(outbox).where(eq(outbox.to, "chen@example.org")).all()).toHaveLength(1), { timeout: 20_000, interval: 50 });
    // In the recipient's language: the worker has the catalogs the server has.
    expect(db.select().from(outbox).get()!.body).toMatch(/^Bonjour Chen,/);
    await mail.stop();
    // The worker closed its connection: the server's is the only one left and can checkpoint all.
    expect(db.$client.pragma("wal_checkpoint(TRUNCATE)")).toMatchObject([{ busy: 0 }]);
    db.$client.close();
  }, 30_000);

  it("starts another worker when the running one dies, and the new one does the work", async () => {
    const { db, path, consultationId } = databaseWithAFollower();
    const config = loadConfig({ DATABASE_PATH: path, SESSION_SECRET: "a secret for the mail worker test" });
    const mail = await startMailService(db, config, workerUrl);
    const first = mail.currentWorker!();
    await first.terminate();
    await vi.waitFor(() => expect(mail.currentWorker!()).not.toBe(first), { timeout: 10_000, interval: 50 });
    logEvent(db, consultationId, "closed", null);
    mail.notifier.wake();
    await vi.waitFor(() => expect(db.select().from(outbox).where(eq(outbox.to, "chen@example.org")).all()).toHaveLength(1), { timeout: 20_000, interval: 50 });
    await mail.stop();
    db.$client.close();
  }, 30_000);

  it("runs in process where no worker script was built (tsx in development, unit tests)", async () => {
    const { db, path } = databaseWithAFollower();
    const config = loadConfig({ DATABASE_PATH: path, SESSION_SECRET: "a secret for the mail worker test" });
    const mail = await startMailService(db, config, new URL("./no-such-worker.js", workerUrl));
    expect(mail.where).toBe("in-process");
    await mail.stop();
    db.$client.close();
  });
});
