import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db/test-database";
import { stakeholderGroups, users } from "../../db/schema";
import { findConsultation, listAllConsultations, saveConsultation } from "./consultations.server";
import { localizedTexts } from "./consultation-texts";

function database() {
  const db = createTestDatabase();
  // The stakeholder groups come with the migrations.
  const group = db.select().from(stakeholderGroups).get()!;
  db.insert(users)
    .values({ email: "s@example.org", displayName: "Sam", passwordHash: "x", role: "secretariat", countryCode: "FR", unescoRegion: "europe-north-america", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: new Date() })
    .run();
  return { db, groupId: group.id };
}

const base = { slug: "ocean", title: "Ocean science", language: "en", timeZone: "Europe/Paris", audience: "everyone", groups: "" };

describe("the consultation settings form", () => {
  it("names each problem on its field", () => {
    const { db } = database();
    const outcome = saveConsultation(db, { ...base, slug: "Ocean!", title: "O", timeZone: "Mars/Olympus", opensAt: "2026-03-29T02:30", closesAt: "soon", audience: "groups" }, 1);
    expect(outcome).toEqual({
      ok: false,
      errors: {
        slug: "consultation.slug.invalid",
        title: "consultation.title.required",
        timeZone: "consultation.timeZone.invalid",
        // Read in UTC when the zone is unknown: 02:30 exists there; "soon" is no date.
        closesAt: "consultation.date.invalid",
        groups: "consultation.groups.required",
      },
    });
    const skipped = saveConsultation(db, { ...base, opensAt: "2026-03-29T02:30" }, 1);
    expect(skipped).toEqual({ ok: false, errors: { opensAt: "consultation.date.nonexistent" } });
    const backwards = saveConsultation(db, { ...base, opensAt: "2026-09-30T10:00", closesAt: "2026-09-01T10:00" }, 1);
    expect(backwards).toEqual({ ok: false, errors: { closesAt: "consultation.closesAt.beforeOpening" } });
  });

  it("stores instants in UTC, the chosen groups and the translations, and lists the new draft", () => {
    const { db, groupId } = database();
    const outcome = saveConsultation(
      db,
      { ...base, opensAt: "2026-09-01T09:00", closesAt: "2026-09-30T23:59:59", audience: "groups", groups: String(groupId), "title.fr": "Sciences océaniques", "description.fr": "Commentez." },
      1,
    );
    expect(outcome.ok).toBe(true);
    const stored = findConsultation(db, "ocean")!;
    expect(stored.opensAt?.toISOString()).toBe("2026-09-01T07:00:00.000Z");
    expect(stored.closesAt?.toISOString()).toBe("2026-09-30T21:59:59.000Z");
    expect(JSON.parse(stored.commenterGroupIds)).toEqual([groupId]);
    expect(localizedTexts(stored, "fr").title).toBe("Sciences océaniques");
    expect(listAllConsultations(db).map((c) => [c.slug, c.state, c.version, c.comments])).toEqual([["ocean", "draft", null, 0]]);
  });

  it("stores a zone chosen by its former name under the current one", () => {
    const { db } = database();
    expect(saveConsultation(db, { ...base, timeZone: "Europe/Kiev", opensAt: "2026-09-01T09:00" }, 1).ok).toBe(true);
    const stored = findConsultation(db, "ocean")!;
    expect(stored.timeZone).toBe("Europe/Kyiv");
    expect(stored.opensAt?.toISOString()).toBe("2026-09-01T06:00:00.000Z");
  });

  it("makes a new consultation's address from its title when the field is left empty, never taking one in use", () => {
    const { db } = database();
    const create = (title: string) => saveConsultation(db, { ...base, slug: "", title }, 1);
    expect(create("Océans : une décennie pour la science")).toMatchObject({ ok: true, consultation: { slug: "oceans-une-decennie-pour-la-science" } });
    expect(create("Océans : une décennie pour la science")).toMatchObject({ ok: true, consultation: { slug: "oceans-une-decennie-pour-la-science-2" } });
    expect(create("الذكاء الاصطناعي")).toMatchObject({ ok: true, consultation: { slug: "consultation" } });
    expect(create("人工智能伦理")).toMatchObject({ ok: true, consultation: { slug: "consultation-2" } });
    // No title either: both problems are named.
    expect(saveConsultation(db, { ...base, slug: "", title: "" }, 1)).toEqual({ ok: false, errors: { slug: "consultation.slug.invalid", title: "consultation.title.required" } });
    // Editing, an emptied address is refused, not replaced.
    const existing = findConsultation(db, "consultation")!;
    expect(saveConsultation(db, { ...base, slug: "", title: "Renamed" }, 1, existing)).toMatchObject({ ok: false, errors: { slug: "consultation.slug.invalid" } });
  });

  it("asks for a title with a translated description", () => {
    const { db } = database();
    expect(saveConsultation(db, { ...base, "description.fr": "Commentez." }, 1)).toEqual({ ok: false, errors: { "title.fr": "consultation.translation.titleRequired" } });
  });
});
