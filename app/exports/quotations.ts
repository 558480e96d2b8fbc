/**
 * Representative quotations for the report, chosen by a rule a reader can check by hand against
 * the open data: for each paragraph and each stance, the comment with the most endorsements; ties
 * go to the earliest comment (lowest id). A campaign is one voice: only its first comment can be
 * quoted. Rows come as the public sees them (hidden comments are not in them, pseudonymous authors
 * are "Participant"), so a quotation never shows more than the public pages do.
 *
 * Picked while the export's rows stream past: memory grows with paragraphs × stances, not comments.
 */
import { stances, type Stance } from "../../db/enums";
import type { CompiledRow } from "../review/compiled-row";

/** Longer comments are cut at a word boundary with an ellipsis, so one voice does not fill a page. */
export const QUOTATION_MAX_CHARS = 600;

export type QuotableRow = Pick<
  CompiledRow,
  "id" | "nodeId" | "stance" | "comment" | "language" | "stakeholder" | "region" | "stakeholderGroup" | "endorsements" | "campaign"
>;

export interface Quotation {
  id: number;
  stance: Stance;
  text: string;
  /** The comment's own language (BCP 47), to mark it in the document. */
  language: string;
  stakeholder: string;
  region: string;
  stakeholderGroup: string;
  endorsements: number;
}

/** Whether `a` ranks before `b` under the rule: more endorsements, then the lower id. */
export function ranksBefore(a: Pick<QuotableRow, "id" | "endorsements">, b: Pick<QuotableRow, "id" | "endorsements">): boolean {
  return a.endorsements > b.endorsements || (a.endorsements === b.endorsements && a.id < b.id);
}

export function shorten(text: string, max = QUOTATION_MAX_CHARS): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const isStance = (s: string | null): s is Stance => s !== null && (stances as readonly string[]).includes(s);

export class QuotationPicker {
  private readonly best = new Map<string, QuotableRow>();

  add(row: QuotableRow): void {
    if (!isStance(row.stance) || row.comment.trim() === "") return;
    // Campaign keys are `campaign-<first comment id>` (decision 016): only that comment speaks for it.
    if (row.campaign !== null && row.campaign !== `campaign-${row.id}`) return;
    const key = `${row.nodeId ?? ""}\u0000${row.stance}`;
    const current = this.best.get(key);
    if (!current || ranksBefore(row, current)) this.best.set(key, row);
  }

  /** The paragraph's quotations ("" for the draft as a whole), in the fixed stance order. */
  quotations(nodeId: string): Quotation[] {
    const out: Quotation[] = [];
    for (const stance of stances) {
      const row = this.best.get(`${nodeId}\u0000${stance}`);
      if (!row) continue;
      out.push({
        id: row.id,
        stance,
        text: shorten(row.comment),
        language: row.language,
        stakeholder: row.stakeholder,
        region: row.region,
        stakeholderGroup: row.stakeholderGroup,
        endorsements: row.endorsements,
      });
    }
    return out;
  }
}
