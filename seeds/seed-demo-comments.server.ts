/**
 * Outside production, the demo consultation starts in mid-flight: a few thousand synthetic comments
 * (app/analysis/synthetic-consultation.server.ts) spread over the days it has been open, so a
 * newcomer's analysis, campaigns, themes and compiled table show what they are for.
 */
import type { Db } from "../db/client.server";
import { seedSyntheticConsultation, type SyntheticResult } from "../app/analysis/synthetic-consultation.server";
import { ensureCampaigns } from "../app/analysis/campaign-groups.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";

export const DEMO_SLUG = "unesco-ethics-of-ai";
const DAY = 86_400_000;

export function seedDemoComments(db: Db, comments: number, now = new Date()): SyntheticResult | null {
  const consultation = getConsultationBySlug(db, DEMO_SLUG);
  if (!consultation || comments <= 0) return null;
  // Comments from the opening up to yesterday: none in the future, none before it opened.
  const opened = consultation.opensAt ?? new Date(now.getTime() - 7 * DAY);
  const days = Math.max(1, Math.floor((now.getTime() - opened.getTime()) / DAY));
  const until = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
  const result = seedSyntheticConsultation(db, {
    comments,
    participants: Math.max(50, Math.round(comments / 6)),
    seed: 2026,
    slug: DEMO_SLUG,
    until,
    days,
  });
  ensureCampaigns(db, consultation.id);
  return result;
}
