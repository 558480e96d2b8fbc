/**
 * "What we heard": the public account of a closed consultation — totals, comments by region,
 * stakeholder group and stance, what the expert group decided, paragraph by paragraph — with no
 * personal data (counts, groups and regions; rationales, never names).
 */
import type { AppLoadContext } from "@remix-run/node";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { loadReadableDraft } from "../drafts/reading.server";
import { consultationSummary } from "./downloads.server";
import type { Counts } from "./tally";
import { requestTranslator } from "../i18n/locale.server";

/** Rationales listed per paragraph on the page; the report and open data carry them all. */
const RATIONALES_PER_PARAGRAPH = 10;

const entries = (m: Counts) => [...m].sort((a, b) => b[1] - a[1]).map(([key, count]) => ({ key, count }));

export async function whatWeHeardPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const actor = await getActor(request, context.db, context.config);
  const { consultation } = loadReadableDraft(context.db, slug, actor);
  const row = getConsultationBySlug(context.db, consultation.slug)!;
  if (!can(actor, { action: "whatWeHeard.read", consultation: row })) {
    return { consultation, available: false as const };
  }
  const t = await requestTranslator(request, context);
  const { tally, pair } = consultationSummary(context.db, row, {}, t, context.collab);
  const nodes = pair?.base.nodes ?? [];
  const revisedText = new Map((pair?.revised?.nodes ?? []).map((n) => [n.nodeId, n.text]));
  const paragraphs = nodes
    .filter((n) => n.kind !== "heading" && n.label !== null && tally.paragraphs.has(n.nodeId))
    .map((n) => {
      const p = tally.paragraphs.get(n.nodeId)!;
      return {
        nodeId: n.nodeId,
        label: n.label!,
        total: p.total,
        stances: entries(p.byStance),
        decisions: entries(p.byDecision),
        rationales: p.decided
          .filter((d) => d.rationale !== "")
          .slice(0, RATIONALES_PER_PARAGRAPH)
          .map((d) => ({ decision: d.decision, rationale: d.rationale, stakeholderGroup: d.stakeholderGroup, region: d.region })),
        revised: revisedText.has(n.nodeId) && revisedText.get(n.nodeId) !== n.text ? revisedText.get(n.nodeId)! : null,
      };
    });
  return {
    consultation,
    available: true as const,
    totals: { comments: tally.total, participants: tally.participants.size, people: tally.people },
    byRegion: entries(tally.byRegion),
    byGroup: entries(tally.byGroup),
    byStance: entries(tally.byStance),
    byDecision: entries(tally.byDecision),
    paragraphs,
    revisedVersion: pair?.revised?.number ?? null,
  };
}
