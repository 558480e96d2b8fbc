import type { Db } from "../db/client.server";
import type { CollabServer } from "../realtime/collab/collab-server.server";
import type { ConsultationChange } from "../realtime/protocol";
import type { Config } from "./config/env.server";
import type { Background } from "./analysis/stepwise";
import type { RateLimits } from "./auth/rate-limit.server";
import type { AllowedAddresses } from "./auth/address-allowances.server";

/** What the server hands every loader and action: built once per process in server.ts. */
export interface AppContext {
  db: Db;
  config: Config;
  /** The client's address, for rate limits (Express's req.ip). */
  clientIp?: string;
  /** The process's rate limits and the meeting addresses exempt from per-address ones (decision 027). */
  rateLimits?: RateLimits;
  allowedAddresses?: AllowedAddresses;
  /** The nonce this response's Content-Security-Policy allows scripts with. */
  cspNonce?: string;
  /** The co-editing server, for the live state of open working drafts. */
  collab?: CollabServer;
  /**
   * Resolves once the response's buffer has room again. Remix copies a streamed body into the
   * response without waiting for the client, so long downloads wait on this between batches, or a
   * slow client would make the server hold the whole file in memory.
   */
  drained?: () => Promise<void>;
  /**
   * Background work (refreshing derived figures): started once this response has been sent, run a
   * step at a time while no request is being answered. Without it, work starts at once.
   */
  background?: Background;
  /** The consultations' scheduler, told when the secretariat changes a schedule or a state. */
  lifecycle?: { changed(): void };
  /** The background e-mail sender: woken when an action puts e-mail in the outbox. */
  mailer?: { wake(): void };
  /** Turns new notifications into e-mail (at once, or in digests): woken when some are made. */
  notifier?: { wake(): void };
  /** Tells the consultation's live viewers that something changed. */
  announce?: (change: ConsultationChange) => void;
  /**
   * The consultation's change cursor, for pages that follow it live: read before the page's data,
   * so `watch` can tell a connection opened later whether anything changed since.
   */
  liveCursor?: (slug: string) => string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends AppContext {}
}
