import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 65535" })
    .max(65535, { error: "must be between 1 and 65535" })
    .default(3000),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .refine((p) => p === ":memory:" || !p.endsWith("/"), {
      error: "must name a file, not a folder",
    })
    .default("./data/redraft.db"),
  SESSION_SECRET: z
    .string()
    .min(32, { error: "must be at least 32 characters long" })
    .optional(),
  // Browsers send the page's origin; behind a proxy the public origin differs from the local one.
  PUBLIC_ORIGIN: z.url({ error: "must be an absolute URL such as https://redraft.example.org" }).optional(),
  // E-mail leaves the outbox by SMTP only when this is set (smtp://user:pass@host:587).
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587" })
    .optional(),
  MAIL_FROM: z.email({ error: "must be an e-mail address" }).default("redraft@localhost"),
  // Outside production, the demo consultation's synthetic comments on first start (0: none).
  DEMO_COMMENTS: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 100000" })
    .max(100_000, { error: "must be between 0 and 100000" })
    .default(3000),
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databasePath: string;
  dataFolder: string;
  sessionSecret: string;
  publicOrigin?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Synthetic comments on the demo consultation at first start, outside production. */
  demoComments: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** Validates the environment; empty strings count as unset so `PORT= npm start` means the default. */
export function parseEnv(env: Env) {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "environment";
        // Never echo a secret back into logs.
        const value = name === "SESSION_SECRET" || name === "SMTP_URL" ? undefined : cleaned[name];
        return `${name}: ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
      }),
    );
  }
  return result.data;
}

/**
 * Reads the session secret kept in the data folder, creating it on first start so a newcomer
 * needs to configure nothing. The file is readable by its owner only.
 */
export function loadOrCreateSessionSecret(dataFolder: string): string {
  const file = join(dataFolder, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataFolder, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const parsed = parseEnv(env);
  const databasePath =
    parsed.DATABASE_PATH === ":memory:" ? ":memory:" : resolve(parsed.DATABASE_PATH);
  const dataFolder =
    databasePath === ":memory:" ? resolve("./data") : dirname(databasePath);
  mkdirSync(dataFolder, { recursive: true });
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    databasePath,
    dataFolder,
    sessionSecret: parsed.SESSION_SECRET ?? loadOrCreateSessionSecret(dataFolder),
    publicOrigin: parsed.PUBLIC_ORIGIN,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    demoComments: parsed.DEMO_COMMENTS,
  };
}
