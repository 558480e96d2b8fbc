/**
 * E-mail preferences: one setting per category (immediately, daily digest, weekly digest, never),
 * each notification kind belonging to one category. Pure, so the account page, the notifier and
 * the tests share one rule.
 */
import { z } from "zod";
import { emailCategories, emailModes, type EmailCategory, type EmailMode, type NotificationKind } from "../../db/enums";

export const CATEGORY_OF: Record<NotificationKind, EmailCategory> = {
  reply: "replies",
  "new-comment": "activity",
  endorsement: "endorsements",
  "consultation-opened": "consultations",
  "consultation-closing": "consultations",
  "consultation-closed": "consultations",
  "results-published": "consultations",
  disposition: "dispositions",
  announcement: "announcements",
  // A joint submission concerns one's own words like a reply: at once by default (decision 031).
  "joint-invitation": "replies",
  "joint-submitted": "replies",
};

/**
 * Without a choice: what concerns one's own words comes at once, the activity of what one
 * follows in the daily digest (the most frequent complaint on peer platforms is too much mail).
 */
export const DEFAULT_MODE: Record<EmailCategory, EmailMode> = {
  replies: "immediately",
  activity: "daily",
  endorsements: "daily",
  consultations: "immediately",
  dispositions: "immediately",
  announcements: "immediately",
};

/** Endorsements come in digests only: an e-mail for every "I agree" would be noise. */
export function modesFor(category: EmailCategory): readonly EmailMode[] {
  return category === "endorsements" ? emailModes.filter((m) => m !== "immediately") : emailModes;
}

/** The mode that applies: the stored choice when it is allowed for the category, else the default. */
export function effectiveMode(category: EmailCategory, stored: EmailMode | undefined): EmailMode {
  return stored !== undefined && modesFor(category).includes(stored) ? stored : DEFAULT_MODE[category];
}

export function modeForKind(kind: NotificationKind, stored: Partial<Record<EmailCategory, EmailMode>>): EmailMode {
  const category = CATEGORY_OF[kind];
  return effectiveMode(category, stored[category]);
}

/** The account page's form: one field per category; a value a category does not allow is refused. */
export const preferencesSchema = z
  .object(Object.fromEntries(emailCategories.map((c) => [c, z.enum(emailModes, { error: "preferences.invalid" })])) as Record<EmailCategory, z.ZodEnum<{ [K in EmailMode]: K }>>)
  .superRefine((value, ctx) => {
    for (const category of emailCategories) {
      if (!modesFor(category).includes(value[category])) ctx.addIssue({ code: "custom", path: [category], message: "preferences.notAllowed" });
    }
  });
