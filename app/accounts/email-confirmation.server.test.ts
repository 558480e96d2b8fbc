import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { outbox, stakeholderGroups, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import "../i18n/catalogs.server";
import { CONFIRM_HOURS, confirmEmail, confirmEmailByHand, requestEmailConfirmation } from "./email-confirmation.server";

let db: Db;
let user: User;
const T0 = new Date("2026-12-07T10:00:00Z");
const linkIn = (body: string) => /\/confirm-email\/([A-Za-z0-9_-]+)/.exec(body)![1]!;
const lastMail = () => db.select().from(outbox).orderBy(outbox.id).all().at(-1)!;
const fresh = () => db.select().from(users).where(eq(users.id, user.id)).get()!;

beforeEach(() => {
  db = createTestDatabase();
  const group = db.select().from(stakeholderGroups).get()!;
  user = db
    .insert(users)
    .values({ email: "new@example.org", displayName: "Nia", passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: T0, language: "es" })
    .returning()
    .get();
});

describe("e-mail confirmation", () => {
  it("sends a link in the person's language that confirms the address once", () => {
    requestEmailConfirmation(db, user, "https://r.example", T0);
    const mail = lastMail();
    expect(mail.subject).toBe("Confirme su dirección de correo electrónico para Redraft");
    expect(mail.body).toContain("https://r.example/confirm-email/");
    const token = linkIn(mail.body);
    expect(confirmEmail(db, token, T0)).toBe(user.id);
    expect(fresh().emailConfirmedAt).toEqual(T0);
    expect(confirmEmail(db, token, T0)).toBeNull();
  });

  it("expires", () => {
    requestEmailConfirmation(db, user, "https://r.example", T0);
    expect(confirmEmail(db, linkIn(lastMail().body), new Date(T0.getTime() + CONFIRM_HOURS * 3600_000))).toBeNull();
    expect(fresh().emailConfirmedAt).toBeNull();
  });

  it("voids the older link when a new one is asked for", () => {
    requestEmailConfirmation(db, user, "https://r.example", T0);
    const first = linkIn(lastMail().body);
    requestEmailConfirmation(db, user, "https://r.example", T0);
    expect(confirmEmail(db, first, T0)).toBeNull();
    expect(confirmEmail(db, linkIn(lastMail().body), T0)).toBe(user.id);
  });

  it("refuses a made-up token", () => {
    expect(confirmEmail(db, "x".repeat(43), T0)).toBeNull();
    expect(confirmEmail(db, "x".repeat(500), T0)).toBeNull();
  });

  it("sends nothing once confirmed, and the secretariat can confirm by hand", () => {
    confirmEmailByHand(db, user.id, T0);
    expect(fresh().emailConfirmedAt).toEqual(T0);
    expect(requestEmailConfirmation(db, fresh(), "https://r.example", T0)).toBe(false);
    expect(db.select().from(outbox).all()).toEqual([]);
  });
});
