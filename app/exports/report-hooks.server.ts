/**
 * What the analysis adds to the summary report (ReportHooks in report.ts): each paragraph's
 * distinctive terms and its campaigns, "one text × N" with their regions and the campaign group's
 * disposition, under the export's filters. Keys are node ids, "" for the draft as a whole.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { dispositions } from "../../db/schema";
import { campaignKey, campaignSummaries, ensureCampaigns } from "../analysis/campaign-groups.server";
import type { CommentFilters } from "../analysis/comment-filters";
import { WHOLE_DRAFT } from "../analysis/drill-down";
import { consultationThemes } from "../analysis/themes.server";
import type { MessageKey } from "../i18n/messages.en";
import type { Translate } from "../i18n/translate";
import type { ReportHooks } from "./report";

const EXCERPT = 120;

export function reportHooks(db: Db, consultationId: number, filters: CommentFilters, t: Translate): ReportHooks {
  ensureCampaigns(db, consultationId);
  const key = (node: string | null) => (node === null || node === WHOLE_DRAFT ? "" : node);
  const themes = new Map<string, string[]>();
  for (const [node, terms] of Object.entries(consultationThemes(db, consultationId, filters).paragraphs)) {
    themes.set(key(node), terms.map((term) => t("analysis.themes.term", { term: term.term, count: term.count })));
  }
  const decisions = new Map(
    db
      .select({ key: dispositions.groupKey, decision: dispositions.decision })
      .from(dispositions)
      .where(and(eq(dispositions.consultationId, consultationId), isNotNull(dispositions.groupKey)))
      .all()
      .map((d) => [d.key!, d.decision]),
  );
  const campaigns = new Map<string, { label: string; size: number; decision?: string | null }[]>();
  for (const c of campaignSummaries(db, consultationId, filters, 1000)) {
    const text = c.body.length > EXCERPT ? `${c.body.slice(0, EXCERPT)}…` : c.body;
    const regions = c.regions.map((r) => `${t(`region.${r.region}` as MessageKey)} ${r.count}`).join(", ");
    const list = campaigns.get(key(c.node)) ?? [];
    list.push({ label: `“${text}” (${regions})`, size: c.size, decision: decisions.get(campaignKey(c.id)) ?? null });
    campaigns.set(key(c.node), list);
  }
  return { themes, campaigns };
}
