import { describe, expect, it } from "vitest";
import { stakeholderGroups } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { registerUser } from "../accounts/users.server";
import { AllowedAddresses, allowRange, revokeAllowance } from "./address-allowances.server";
import { parseRange } from "./address-ranges";
import { limitRules } from "./rate-limit-rules";
import { FREE_FAILURES, MAX_SIGN_IN_DELAY_MS, RateLimits, signInDelayMs, writeChecks } from "./rate-limit.server";

describe("signInDelayMs", () => {
  it("lets the first failures pass without delay", () => {
    for (let failures = 0; failures <= FREE_FAILURES; failures++) expect(signInDelayMs(failures)).toBe(0);
  });

  it("doubles the delay with each further failure, up to a cap that never locks the account", () => {
    const delays = Array.from({ length: 12 }, (_, i) => signInDelayMs(FREE_FAILURES + 1 + i));
    expect(delays.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(signInDelayMs(1_000_000)).toBe(MAX_SIGN_IN_DELAY_MS);
  });
});

describe("the limits' sizes", () => {
  it("give one address a room of 300 people's pace by default, and one account far less", () => {
    const rules = limitRules({ peoplePerAddress: 300, accountWrites: 40 });
    expect(rules.contributionPerAccount.points).toBe(40);
    expect(rules.contributionPerAddress.points).toBe(2400);
    expect(rules.signInFailuresPerAddress.points).toBe(150);
    expect(rules.registerPerAddress.points).toBe(300);
    expect(rules.resetPerAddress.points).toBe(100);
    for (const kind of ["contribution", "endorsement", "flag"] as const) {
      expect(rules[`${kind}PerAddress`].points).toBeGreaterThan(50 * rules[`${kind}PerAccount`].points / 10);
    }
  });
});

const SIZES = { peoplePerAddress: 2, accountWrites: 3 };
const context = (clientIp: string) => ({ db: createTestDatabase(), clientIp });

async function sendUntilRefused(limits: RateLimits, checks: () => Parameters<RateLimits["consumeAll"]>[0], max = 100) {
  for (let sent = 0; sent < max; sent++) if (!(await limits.consumeAll(checks())).allowed) return sent;
  return max;
}

describe("per-account and per-address limits", () => {
  it("refuse one account flooding while another account at the same address goes on", async () => {
    const limits = new RateLimits(SIZES);
    const here = context("192.0.2.1");
    expect(await sendUntilRefused(limits, () => writeChecks(here, "contribution", 1))).toBe(3);
    expect((await limits.consumeAll(writeChecks(here, "contribution", 2))).allowed).toBe(true);
  });

  it("refuse many accounts at one address only past a room's share, and not at another address", async () => {
    const limits = new RateLimits(SIZES);
    const room = limitRules(SIZES).contributionPerAddress.points;
    const here = context("192.0.2.1");
    let accepted = 0;
    for (let user = 1; user <= room; user++) if ((await limits.consumeAll(writeChecks(here, "contribution", user))).allowed) accepted++;
    expect(accepted).toBe(room);
    const next = await limits.consumeAll(writeChecks(here, "contribution", room + 1));
    expect(next).toMatchObject({ allowed: false, refusedBy: ["contributionPerAddress"] });
    expect((await limits.consumeAll(writeChecks(context("192.0.2.2"), "contribution", room + 1))).allowed).toBe(true);
  });

  it("keep comments, endorsements and reports apart: a flood of one leaves the others", async () => {
    const limits = new RateLimits(SIZES);
    const here = context("192.0.2.1");
    await sendUntilRefused(limits, () => writeChecks(here, "contribution", 1));
    expect((await limits.consumeAll(writeChecks(here, "endorsement", 1))).allowed).toBe(true);
    expect((await limits.consumeAll(writeChecks(here, "flag", 1))).allowed).toBe(true);
  });
});

describe("a refusal by one limit", () => {
  it("by the address's does not use up the account's allowance", async () => {
    const limits = new RateLimits(SIZES);
    const here = context("192.0.2.1");
    const room = limitRules(SIZES).contributionPerAddress.points;
    for (let user = 100; user < 100 + room; user++) await limits.consumeAll(writeChecks(here, "contribution", user));
    for (let i = 0; i < 10; i++) expect((await limits.consumeAll(writeChecks(here, "contribution", 1))).allowed).toBe(false);
    expect(await limits.count("contributionPerAccount", "1")).toBe(0);
    // Elsewhere, the account has its whole allowance.
    expect(await sendUntilRefused(limits, () => writeChecks(context("198.51.100.1"), "contribution", 1))).toBe(SIZES.accountWrites);
  });

  it("by the account's does not use up the address's", async () => {
    const limits = new RateLimits(SIZES);
    const here = context("192.0.2.1");
    await sendUntilRefused(limits, () => writeChecks(here, "contribution", 1));
    const before = await limits.count("contributionPerAddress", "192.0.2.1");
    for (let i = 0; i < 10; i++) await limits.consumeAll(writeChecks(here, "contribution", 1));
    expect(await limits.count("contributionPerAddress", "192.0.2.1")).toBe(before);
  });

  it("gives back what it took when another request won the race for the last point", async () => {
    const limits = new RateLimits(SIZES);
    const checks = [{ name: "flagPerAddress" as const, key: "a" }, { name: "contributionPerAccount" as const, key: "1" }];
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => limits.consumeAll(checks)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(SIZES.accountWrites);
    expect(await limits.count("flagPerAddress", "a")).toBe(SIZES.accountWrites);
  });

  it("says when to try again", async () => {
    const limits = new RateLimits(SIZES);
    const here = context("192.0.2.1");
    await sendUntilRefused(limits, () => writeChecks(here, "contribution", 1));
    const refused = await limits.consumeAll(writeChecks(here, "contribution", 1));
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.msBeforeNext).toBeGreaterThan(9 * 60_000);
  });
});

describe("sign-in failures", () => {
  it("are counted whatever the limits' state, and only failures are", async () => {
    const limits = new RateLimits(SIZES);
    const failures = [{ name: "signInFailuresPerAddress" as const, key: "192.0.2.1" }];
    expect((await limits.refusal(failures)).allowed).toBe(true);
    await limits.record(failures);
    await limits.record(failures);
    expect(await limits.count("signInFailuresPerAddress", "192.0.2.1")).toBe(2);
    expect((await limits.refusal(failures)).allowed).toBe(limitRules(SIZES).signInFailuresPerAddress.points > 2);
  });
});

describe("a meeting's address allowance", () => {
  async function setUp() {
    const db = createTestDatabase();
    const group = db.insert(stakeholderGroups).values({ slug: "g", name: "Group", position: 1 }).returning().get();
    const secretariat = await registerUser(db, {
      email: "s@example.org", displayName: "Secretariat", password: "a long and personal passphrase", countryCode: "KE", stakeholderGroupId: group.id,
      organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "en", pseudonymous: false,
    });
    const allowed = new AllowedAddresses(db);
    return { db, allowed, by: { id: secretariat.id, name: "Secretariat" }, context: (clientIp: string) => ({ db, clientIp, allowedAddresses: allowed }) };
  }
  const range = (text: string) => {
    const parsed = parseRange(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.cidr;
  };

  it("exempts its addresses from the per-address limit but not from the per-account one", async () => {
    const { db, allowed, by, context } = await setUp();
    allowRange(db, { cidr: range("196.201.214.0/24"), label: "Regional consultation, Nairobi", expiresAt: new Date(Date.now() + 3_600_000), by });
    allowed.changed();
    const limits = new RateLimits(SIZES);
    const room = limitRules(SIZES).contributionPerAddress.points;
    const inRoom = context("196.201.214.77");
    let accepted = 0;
    for (let user = 1; user <= 3 * room; user++) if ((await limits.consumeAll(writeChecks(inRoom, "contribution", user))).allowed) accepted++;
    expect(accepted).toBe(3 * room);
    expect(await sendUntilRefused(limits, () => writeChecks(inRoom, "contribution", 9999))).toBe(SIZES.accountWrites);
    // The same client seen as IPv4-mapped IPv6 (a dual-stack socket) is in the range too.
    expect(allowed.has("::ffff:196.201.214.77")).toBe(true);
    expect(allowed.has("196.201.215.1")).toBe(false);
  });

  it("ends at its expiry, and when revoked", async () => {
    const { db, allowed, by } = await setUp();
    const expiresAt = new Date(Date.now() + 3_600_000);
    const row = allowRange(db, { cidr: range("2001:db8:12::/48"), label: "Workshop", expiresAt, by });
    allowed.changed();
    expect(allowed.has("2001:db8:12::5", expiresAt.getTime() - 1)).toBe(true);
    expect(allowed.has("2001:db8:12::5", expiresAt.getTime())).toBe(false);
    expect(revokeAllowance(db, row.id, by)).toBe(true);
    allowed.changed();
    expect(allowed.has("2001:db8:12::5")).toBe(false);
    expect(revokeAllowance(db, row.id, by)).toBe(false);
  });

  it("is seen by another process as soon as it is added or revoked, though only the process that wrote it was told", async () => {
    const { db, allowed, by } = await setUp();
    // The other process's copy, read before the allowance existed (decision 036).
    const elsewhere = new AllowedAddresses(db);
    expect(elsewhere.has("196.201.214.77")).toBe(false);
    const row = allowRange(db, { cidr: range("196.201.214.0/24"), label: "Regional consultation, Nairobi", expiresAt: new Date(Date.now() + 3_600_000), by });
    allowed.changed();
    expect(elsewhere.has("196.201.214.77")).toBe(true);
    expect(revokeAllowance(db, row.id, by)).toBe(true);
    allowed.changed();
    expect(elsewhere.has("196.201.214.77")).toBe(false);
  });

  it("is refused past the number of active ranges allowed at once", async () => {
    const { db, by } = await setUp();
    const expiresAt = new Date(Date.now() + 3_600_000);
    expect(() => {
      for (let i = 0; i <= 50; i++) allowRange(db, { cidr: `10.${i}.0.0/16`, label: `Room ${i}`, expiresAt, by });
    }).toThrow(/At most 50/);
  });
});
