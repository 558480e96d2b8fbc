import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadOrCreateSessionSecret, parseEnv } from "./env.server";

function problems(env: Record<string, string>): string[] {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("defaults to port 3000 and ./data/redraft.db", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_PATH: "./data/redraft.db" });
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: "abc" }, /^PORT: must be a whole number \(got "abc"\)$/],
    [{ PORT: "3.5" }, /^PORT: must be a whole number/],
    [{ PORT: "70000" }, /^PORT: must be between 1 and 65535/],
    [{ DATABASE_PATH: "   " }, /^DATABASE_PATH: must not be empty/],
    [{ DATABASE_PATH: "data/" }, /^DATABASE_PATH: must name a file/],
    [{ NODE_ENV: "staging" }, /^NODE_ENV: /],
    [{ PUBLIC_ORIGIN: "not a url" }, /^PUBLIC_ORIGIN: must be an absolute URL/],
    [{ PUBLIC_ORIGIN: "javascript:alert(1)" }, /^PUBLIC_ORIGIN: must be an absolute URL/],
    [{ PUBLIC_ORIGIN: "https://redraft.example.org/consult?x=1" }, /^PUBLIC_ORIGIN: must be an origin only/],
    [{ NODE_ENV: "production" }, /^PUBLIC_ORIGIN: is required in production/],
    [{ TRUST_PROXY: "everyone" }, /^TRUST_PROXY: must be a number of proxies/],
    [{ RATE_LIMIT_PEOPLE_PER_ADDRESS: "0" }, /^RATE_LIMIT_PEOPLE_PER_ADDRESS: must be between 1 and 100000 \(got "0"\)$/],
    [{ RATE_LIMIT_PEOPLE_PER_ADDRESS: "many" }, /^RATE_LIMIT_PEOPLE_PER_ADDRESS: must be a whole number/],
    [{ RATE_LIMIT_ACCOUNT_WRITES: "20000" }, /^RATE_LIMIT_ACCOUNT_WRITES: must be between 1 and 10000/],
    [{ RENDER_WORKER: "yes" }, /^RENDER_WORKER: must be 1 \(render kept pages in a worker thread\) or 0 \(on the main thread\) \(got "yes"\)$/],
  ])("names the variable and the reason for %o", (env, message) => {
    expect(problems(env)).toEqual([expect.stringMatching(message)]);
  });

  it("never echoes a session secret back", () => {
    const [problem] = problems({ SESSION_SECRET: "hunter2-short" });
    expect(problem).toMatch(/^SESSION_SECRET: must be at least 32 characters/);
    expect(problem).not.toContain("hunter2");
  });

  it("reports every invalid variable at once", () => {
    expect(problems({ PORT: "x", DATABASE_PATH: " " })).toHaveLength(2);
  });
});

describe("session secret", () => {
  it("is generated once, kept in the data folder, readable by its owner only", () => {
    const folder = mkdtempSync(join(tmpdir(), "redraft-secret-"));
    const first = loadOrCreateSessionSecret(folder);
    const second = loadOrCreateSessionSecret(folder);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(readFileSync(join(folder, "session-secret"), "utf8").trim()).toBe(first);
    expect(statSync(join(folder, "session-secret")).mode & 0o777).toBe(0o600);
  });

  it("creates the database folder on first start and prefers SESSION_SECRET when set", () => {
    const folder = join(mkdtempSync(join(tmpdir(), "redraft-config-")), "nested", "data");
    const secret = "x".repeat(40);
    const config = loadConfig({ DATABASE_PATH: join(folder, "r.db"), SESSION_SECRET: secret });
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(config.sessionSecret).toBe(secret);
    expect(config.dataFolder).toBe(folder);
  });
});

describe("public origin", () => {
  const db = () => join(mkdtempSync(join(tmpdir(), "redraft-origin-")), "r.db");

  it("is the configured origin, without a trailing slash, and the only one browsers may post from", () => {
    const config = loadConfig({ DATABASE_PATH: db(), NODE_ENV: "production", PUBLIC_ORIGIN: "https://Redraft.Example.org/" });
    expect(config.publicOrigin).toBe("https://redraft.example.org");
    expect(config.trustedOrigins).toEqual(["https://redraft.example.org"]);
  });

  it("defaults to localhost on the configured port outside production", () => {
    const config = loadConfig({ DATABASE_PATH: db(), PORT: "4100" });
    expect(config.publicOrigin).toBe("http://localhost:4100");
    expect(config.trustedOrigins).toContain("http://127.0.0.1:4100");
    expect(config.trustedOrigins.every((o) => o.endsWith(":4100"))).toBe(true);
  });
});

describe("rate limit sizes", () => {
  const db = () => join(mkdtempSync(join(tmpdir(), "redraft-limits-")), "r.db");
  it("default to a room of 300 people per address and 40 writes per account in 10 minutes", () => {
    expect(loadConfig({ DATABASE_PATH: db() }).rateLimits).toEqual({ peoplePerAddress: 300, accountWrites: 40 });
    expect(loadConfig({ DATABASE_PATH: db(), RATE_LIMIT_PEOPLE_PER_ADDRESS: "1000", RATE_LIMIT_ACCOUNT_WRITES: "60" }).rateLimits).toEqual({ peoplePerAddress: 1000, accountWrites: 60 });
  });
});

describe("trusted proxies", () => {
  const db = () => join(mkdtempSync(join(tmpdir(), "redraft-proxy-")), "r.db");
  it("believe nobody by default, and take a hop count or addresses when set", () => {
    expect(loadConfig({ DATABASE_PATH: db() }).trustProxy).toBe(false);
    expect(loadConfig({ DATABASE_PATH: db(), TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ DATABASE_PATH: db(), TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
  });
});

describe("the render worker (decision 034)", () => {
  const db = () => join(mkdtempSync(join(tmpdir(), "redraft-render-")), "r.db");
  it("renders kept pages in a worker unless RENDER_WORKER=0", () => {
    expect(loadConfig({ DATABASE_PATH: db() }).renderWorker).toBe(true);
    expect(loadConfig({ DATABASE_PATH: db(), RENDER_WORKER: "0" }).renderWorker).toBe(false);
  });
});

describe("Redis for several processes", () => {
  it("is off by default: one process, everything in memory", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
  });

  it("takes redis:// and rediss:// URLs", () => {
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(parseEnv({ REDIS_URL: "rediss://:secret@redis.example.org:6380/0" }).REDIS_URL).toBe("rediss://:secret@redis.example.org:6380/0");
  });

  it("refuses anything else, saying what it expects, without echoing the value (it may hold a password)", () => {
    const [problem] = problems({ REDIS_URL: "http://:hunter2@redis.example.org" });
    expect(problem).toMatch(/^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(problem).not.toContain("hunter2");
    expect(problems({ REDIS_URL: "localhost:6379" })[0]).toMatch(/^REDIS_URL: must be a redis:\/\//);
  });
});
