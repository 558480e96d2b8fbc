import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { consultationExperts, consultations, stakeholderGroups } from "../../db/schema";
import type { SignedInUser } from "../auth/session.server";
import { countryByCode } from "./countries";

/** The account page: the profile as stored, with names for its codes. */
export function accountOverview(db: Db, { user }: SignedInUser) {
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, user.stakeholderGroupId)).get();
  const expertOf = db
    .select({ title: consultations.title })
    .from(consultationExperts)
    .innerJoin(consultations, eq(consultations.id, consultationExperts.consultationId))
    .where(eq(consultationExperts.userId, user.id))
    .all()
    .map((r) => r.title);
  return {
    displayName: user.displayName,
    email: user.email,
    emailConfirmed: user.emailConfirmedAt !== null,
    country: countryByCode(user.countryCode)?.name ?? user.countryCode,
    region: user.unescoRegion,
    electoralGroup: user.electoralGroup,
    stakeholderGroup: group?.name ?? "",
    organisation: user.organisation,
    role: user.role,
    expertOf,
  };
}
