import type { CommentType, Decision } from "../../db/enums";

/** One row of the compiled comments table, as the page, the exports and the reports read it. */
export interface CompiledRow {
  id: number;
  /** Who wrote it, for counting participants: never exported (an account id or the comment's own). */
  participantKey: string;
  /** The paragraph's label in the version commented on (the "clause"); null: the draft as a whole. */
  paragraph: string | null;
  nodeId: string | null;
  version: number | null;
  type: CommentType;
  /** Whether an expert set the type (otherwise derived). */
  typeSet: boolean;
  stance: string | null;
  comment: string;
  proposedChange: string | null;
  /** As the public sees the author: pseudonymous participants stay "Participant". */
  stakeholder: string;
  country: string | null;
  region: string;
  electoralGroup: string | null;
  stakeholderGroup: string;
  channel: string;
  language: string;
  peopleRepresented: number;
  /** The author's gender and age band as given in the profile (null: recorded input, or not asked); only totals are published. */
  gender?: string | null;
  ageBand?: string | null;
  endorsements: number;
  createdAt: string;
  decision: Decision | null;
  rationale: string;
  /** Labels of the paragraphs that carry the decision (in the version that has them). */
  targets: string[];
  targetNodeIds: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  /** The campaign group the comment belongs to (`campaign-<first comment id>`, decision 016), or null. */
  campaign: string | null;
  /** How many comments its campaign has; null outside a campaign. */
  campaignSize: number | null;
  assigneeId: number | null;
  assignee: string | null;
  /**
   * For a joint submission (issue 17, decision 032): its co-signers counted, their regions (codes),
   * and listed as the public may see them (pseudonymous signers as "Participant"); null otherwise.
   */
  coSigners?: CoSignerColumn | null;
  /** Only in the secretariat's private export; `coSigners` lists every signer by name. */
  private?: { name: string; email: string | null; status: string; coSigners?: string[] };
}

export interface CoSignerColumn {
  signers: number;
  organisations: number;
  regions: number;
  regionCodes: string[];
  list: string[];
}
