/**
 * Demo accounts for a first look (never in production): one account of every role, and 32
 * participants spread over regions and stakeholder groups, so the feedback views have something
 * to show. They all share one password, printed in the README with a warning.
 */
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client.server";
import { consultationExperts, consultations, stakeholderGroups, users, type Role } from "../db/schema";
import { hashPassword } from "../app/auth/password.server";
import { countryByCode } from "../app/accounts/countries";

export const DEMO_PASSWORD = "redraft-demo-2026";

const STAFF: { email: string; name: string; role: Role; country: string; group: string; expert?: "lead" | "member" }[] = [
  { email: "secretariat@demo.redraft.org", name: "Amina Secretariat", role: "secretariat", country: "FR", group: "intergovernmental" },
  { email: "moderator@demo.redraft.org", name: "Mateo Moderator", role: "moderator", country: "UY", group: "intergovernmental" },
  { email: "expert@demo.redraft.org", name: "Emeka Expert", role: "participant", country: "NG", group: "academia", expert: "lead" },
  { email: "expert2@demo.redraft.org", name: "Hana Expert", role: "participant", country: "JP", group: "technical-community", expert: "member" },
  { email: "participant@demo.redraft.org", name: "Priya Participant", role: "participant", country: "IN", group: "civil-society" },
];

const PARTICIPANTS: [name: string, country: string, group: string, organisation?: string][] = [
  ["Kwame Mensah", "GH", "civil-society", "Accra Digital Rights Forum"],
  ["Fatou Diop", "SN", "youth", "Dakar Youth Tech"],
  ["Thabo Nkosi", "ZA", "academia", "University of Cape Town"],
  ["Wanjiru Kamau", "KE", "private-sector"],
  ["Amara Okafor", "NG", "individual"],
  ["Youssef El Amrani", "MA", "member-state", "Ministry of Digital Transition"],
  ["Layla Haddad", "LB", "media"],
  ["Omar Farouk", "EG", "academia", "Cairo University"],
  ["Noura Al-Sabah", "KW", "private-sector"],
  ["Aisha Abdelrahman", "SD", "civil-society"],
  ["Li Wei", "CN", "technical-community"],
  ["Siti Rahma", "ID", "youth"],
  ["Arjun Mehta", "IN", "academia", "Indian Institute of Science"],
  ["Mele Taufa", "TO", "indigenous-peoples"],
  ["Nguyen Thi Lan", "VN", "individual"],
  ["Aigerim Sadykova", "KZ", "member-state"],
  ["Sophie Martin", "FR", "civil-society", "Observatoire de l'IA responsable"],
  ["Lukas Schmidt", "DE", "private-sector"],
  ["Emma Johansson", "SE", "academia"],
  ["Olena Kovalenko", "UA", "media"],
  ["Jakub Nowak", "PL", "technical-community"],
  ["Sarah Cohen", "IL", "academia"],
  ["James Carter", "US", "private-sector"],
  ["Marie Tremblay", "CA", "intergovernmental"],
  ["Lucía Fernández", "AR", "civil-society"],
  ["João Silva", "BR", "youth", "Juventude Conectada"],
  ["María José Quispe", "PE", "indigenous-peoples"],
  ["Diego Ramírez", "MX", "member-state"],
  ["Keisha Thompson", "JM", "individual"],
  ["Camila Rojas", "CL", "academia"],
  ["Hine Walker", "NZ", "indigenous-peoples"],
  ["Tomás Herrera", "CO", "media"],
];

/** Creates the demo accounts once, on an instance with no account at all; returns how many. */
export async function seedDemoAccounts(db: Db): Promise<number> {
  if ((db.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return 0;
  // One hash for every demo account: they share the published demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const groupId = new Map(db.select().from(stakeholderGroups).all().map((g) => [g.slug, g.id]));
  const unesco = db.select().from(consultations).where(eq(consultations.slug, "unesco-ethics-of-ai")).get();
  const values = (email: string, name: string, role: Role, code: string, group: string, organisation?: string) => {
    const country = countryByCode(code)!;
    return {
      email,
      displayName: name,
      passwordHash,
      role,
      countryCode: country.code,
      unescoRegion: country.region,
      electoralGroup: country.group,
      stakeholderGroupId: groupId.get(group)!,
      organisation: organisation ?? null,
      respondsFor: organisation ? ("organisation" as const) : ("individual" as const),
      consentedAt: new Date(),
      demo: true,
      // Demo accounts have published addresses nobody reads: confirmed, so they can comment.
      emailConfirmedAt: new Date(),
    };
  };
  return db.transaction((tx) => {
    let created = 0;
    for (const s of STAFF) {
      const user = tx.insert(users).values(values(s.email, s.name, s.role, s.country, s.group)).returning().get();
      created += 1;
      if (s.expert && unesco) tx.insert(consultationExperts).values({ consultationId: unesco.id, userId: user.id, lead: s.expert === "lead" }).run();
    }
    PARTICIPANTS.forEach(([name, code, group, organisation], i) => {
      tx.insert(users).values(values(`participant${i + 1}@demo.redraft.org`, name, "participant", code, group, organisation)).run();
      created += 1;
    });
    return created;
  });
}
