/**
 * The one Redraft process: one HTTP server hosting Express (static files, the Remix request
 * handler) and socket.io. Configuration is validated, migrations applied and, outside production, the
 * demo seeded before the first request is accepted.
 */
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ConfigError, loadConfig, type Config } from "./app/config/env.server";
import { projectRoot } from "./app/config/project-root.server";
import "./app/context.server";
import {
  badRequestPage,
  boundedBodies,
  fixedSecurityHeaders,
  isMalformedPath,
  sameOriginForWrites,
  securityHeaders,
  tooLargePage,
} from "./app/http/http-guards.server";
import { closeWhenBodyUnread, createBoundedRequestHandler, createRemixRender, sendRemixResponse } from "./app/http/bounded-body.server";
import { keptPageFastPath, PageCache, pageCacheMiddleware } from "./app/http/page-cache.server";
import { keptPageRender, startRenderPool } from "./app/http/render-pool.server";
import { anonymousLocale, cookielessLocale } from "./app/i18n/locale.server";
import { pageRevision } from "./db/page-revision.server";
import { CollectAfterLoad } from "./app/http/collect-after-load.server";
import { RequestActivity } from "./app/http/request-activity.server";
import { migrateDatabase, openDatabase } from "./db/client.server";
import { WalCheckpointer } from "./db/wal-checkpointer.server";
import { collabAccess } from "./app/collab/collab-access.server";
import { attachCollab } from "./realtime/collab/collab-server.server";
import { mayWatchConsultation } from "./app/comments/live-updates.server";
import { ChangeCursors, StoredChangeCursors, type ChangeCursorSource } from "./realtime/change-cursors";
import { announceChange, attachRealtime } from "./realtime/socket-server";
import { adapterAcrossProcesses, PROCESS_LOCAL_NAMESPACES } from "./realtime/redis-adapter.server";
import { connectForEvents, connectForLimits, ProcessSignals } from "./app/config/redis.server";
import { DEMO_PASSWORD, seedDemoAccounts } from "./seeds/seed-demo-accounts.server";
import { seedDemoConsultations } from "./seeds/seed-demo.server";
import { seedDemoComments } from "./seeds/seed-demo-comments.server";
import { LifecycleScheduler } from "./app/consultations/lifecycle-scheduler.server";
import { inRedis, RateLimits } from "./app/auth/rate-limit.server";
import { AllowedAddresses } from "./app/auth/address-allowances.server";
import { contributionGate } from "./app/comments/contribution-gate.server";
import { startMailService } from "./app/notifications/mail-service.server";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Redraft cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
// The app is a production build whatever NODE_ENV says (NODE_ENV only decides cookies, HSTS and
// demo data, in config): React and Express must run their production code paths.
process.env.NODE_ENV = "production";
// This file runs from the sources under tsx (`npm run dev`) and bundled into build/server.js
// (`npm start`, decision 017): the files it serves are found from the repository's root.
const root = projectRoot();
const buildPath = join(root, "build", "index.js");
if (!existsSync(buildPath)) {
  console.error("Redraft cannot start: the app is not built. Run `npm run build` (or `npm start`, which builds).");
  process.exit(1);
}

const db = openDatabase(config.databasePath);
migrateDatabase(db);
// Checkpoints (and their fsyncs) in a worker thread, never inside a request's or a relay's commit.
const checkpointer = new WalCheckpointer(db);
// The demo (consultations, accounts, comments) makes a first look possible. A production instance
// starts empty: demo consultations would be public, some open for comments, on a real site. The
// secretariat creates its own; the seed drafts stay in seeds/ to upload or `npm run import`.
if (config.nodeEnv !== "production") {
  const seeded = seedDemoConsultations(db);
  if (seeded > 0) console.log(`Seeded ${seeded} demo consultations from seeds/.`);
  const accounts = await seedDemoAccounts(db);
  if (accounts > 0) console.log(`Created ${accounts} demo accounts (password "${DEMO_PASSWORD}"; see the README).`);
  // On the first start only (the demo drafts were just imported): the demo in mid-flight.
  if (seeded > 0 && config.demoComments > 0) {
    const demo = seedDemoComments(db, config.demoComments);
    if (demo) console.log(`Added ${demo.comments} synthetic comments from ${demo.participants} synthetic participants to the demo consultation (DEMO_COMMENTS=0 to skip).`);
  }
}

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
// With REDIS_URL, several processes serve the same database (decision 036): socket.io events and
// rate limits go through Redis. Without it, one process keeps everything in its memory.
const redis = config.redisUrl ? { events: connectForEvents(config.redisUrl), limits: connectForLimits(config.redisUrl) } : null;
const signals = redis ? new ProcessSignals(redis.events) : null;
if (redis) {
  console.log(
    `Several-process mode (REDIS_URL): live events and rate limits are shared through Redis. Co-editing (${[...PROCESS_LOCAL_NAMESPACES].join(", ")}) is not shared yet: experts editing one working draft must reach the same process (decision 036).`,
  );
}
// One instance each for the process: the gate below and the Remix build share them.
const context: AppLoadContext = {
  db,
  config,
  rateLimits: new RateLimits(config.rateLimits, redis ? inRedis(redis.limits) : undefined),
  allowedAddresses: new AllowedAddresses(db),
};

const requestActivity = new RequestActivity();
const app = express();
app.disable("x-powered-by");
// Which proxies may name the client's address: per-address limits key on req.ip.
app.set("trust proxy", config.trustProxy);
// Counts the requests being answered, so background work takes its steps in between.
app.use(requestActivity.track);
// A refusal sent before its request body was read must not keep reading an endless body.
app.use(closeWhenBodyUnread());
// Memory back to idle soon after a burst: a major collection once the requests stop.
const collectAfterLoad = new CollectAfterLoad();
app.use(collectAfterLoad.track);
app.use(compression());
app.use(securityHeaders(config));
app.use(sameOriginForWrites(config));
// Whatever a form did may have made notifications (a reply, a decision, a closing): their
// immediate e-mail is queued once the response is out, before the next request is read.
app.use((req, res, next) => {
  if (req.method === "POST") res.once("finish", () => context.notifier?.wake());
  next();
});
app.use(boundedBodies());
// Before the static files: a kept page costs no stat() of the public folder.
const render = createRemixRender({
  build,
  tooLargePage,
  // The app is always a production build; NODE_ENV only decides cookies, HSTS and demo data.
  mode: "production",
  getLoadContext: (req, res) => ({
    ...context,
    clientIp: req.ip,
    cspNonce: res.locals.cspNonce as string,
    background: requestActivity.background(res),
    drained: () =>
      res.writableNeedDrain && !res.destroyed
        ? new Promise<void>((resolve) => {
            res.once("drain", resolve);
            res.once("close", resolve);
          })
        : Promise.resolve(),
  }),
});
// Public pages for visitors without a session, rendered once per change (decision 025).
const pageCache = config.pageCacheBytes > 0 ? new PageCache({ maxBytes: config.pageCacheBytes, maxAgeMs: config.pageCacheMaxAgeMs, minIntervalMs: config.pageCacheMinIntervalMs }) : null;
// Their renders in a worker thread beside the built server, inline while none is ready (decision 034).
const renderPool =
  pageCache && config.renderWorker
    ? startRenderPool({ config, workerScript: new URL("./render-worker.server.js", import.meta.url), buildUrl: pathToFileURL(buildPath) })
    : null;
app.use(
  pageCacheMiddleware({
    cache: pageCache,
    revision: (slug) => pageRevision(db, slug),
    locale: (req) => anonymousLocale(req.get("cookie"), req.get("accept-language")),
    render: keptPageRender(renderPool, render, () => context.liveCursor),
    send: sendRemixResponse,
  }),
);
app.use(
  "/build",
  express.static(join(root, "public", "build"), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(join(root, "public"), { maxAge: "1h" }));
// Browsers ask for /favicon.ico whatever the page links to.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.use((req, res, next) => {
  if (isMalformedPath(req.path)) {
    res.status(400).type("html").send(badRequestPage());
    return;
  }
  next();
});
// A comment over the rate limit is answered with a light page before Remix renders anything.
app.use(contributionGate(context));
app.all("*", createBoundedRequestHandler({ render }));

// The plainest requests for kept pages (no cookie, nothing to render) are answered before Express,
// with the same headers and the same request trackers (docs/benchmarks.md, "Where the remaining
// time goes"); everything else goes to Express, whose middleware serves the same cache.
const keptPages = keptPageFastPath({
  cache: pageCache,
  revision: (slug) => pageRevision(db, slug),
  locale: cookielessLocale,
  headers: fixedSecurityHeaders(config),
  served: (req, res) => {
    requestActivity.track(req, res, () => {});
    collectAfterLoad.track(req, res, () => {});
  },
});
const httpServer = createServer((req, res) => {
  if (!keptPages(req, res)) app(req, res);
});
// One process counts its announcements; several read the cursor every process agrees on from the database.
const cursors: ChangeCursorSource = redis ? new StoredChangeCursors((slug) => pageRevision(db, slug)) : new ChangeCursors();
const io = attachRealtime(httpServer, {
  trustedOrigins: config.trustedOrigins,
  production: config.nodeEnv === "production",
  mayWatch: mayWatchConsultation(db, config, (slug) => cursors.current(slug)),
  adapter: redis ? adapterAcrossProcesses(redis.events) : undefined,
});
context.announce = (change) => announceChange(io, cursors, change);
context.liveCursor = (slug) => cursors.current(slug);
// Opens and closes consultations at their stored instants, whether or not anyone visits.
const scheduler = new LifecycleScheduler(db, (change) => {
  announceChange(io, cursors, change);
  // An opening or closing the clock made: its followers hear now, not at the notifier's next poll.
  context.notifier?.wake();
});
scheduler.start();
// Every process's scheduler re-reads the schedule the secretariat changed through any of them; the
// transition itself is written once (persistDueState re-reads inside its transaction).
signals?.on("lifecycle", () => scheduler.changed());
context.lifecycle = {
  changed: () => {
    scheduler.changed();
    signals?.send("lifecycle");
  },
};
// E-mail: the notifier fills the outbox from notifications; with SMTP_URL the sender delivers it.
// Both in a worker thread beside the built server (decision 033).
const mail = await startMailService(db, config, new URL("./mail-worker.server.js", import.meta.url));
context.notifier = mail.notifier;
context.mailer = mail.mailer;
const collab = attachCollab(io, { db, ...collabAccess(db, config) });
// Pages that publish a revision read the live working draft from here.
context.collab = collab;

httpServer.listen(config.port, () => {
  console.log(`Redraft is serving on http://localhost:${config.port}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Received ${signal}, shutting down.`);
  // For the benchmarks: how the kept pages were served (decision 025).
  if (pageCache) console.log(`Page cache: ${JSON.stringify(pageCache.stats)}`);
  scheduler.stop();
  collab.close();
  io.close();
  httpServer.close(() => {
    void Promise.allSettled([mail.stop(), checkpointer.stop(), renderPool?.stop(), signals?.close(), redis?.events.quit(), redis?.limits.quit()]).finally(() => {
      db.$client.close();
      process.exit(0);
    });
  });
  // Keep-alive connections may hold the server open; do not wait for them forever.
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
