/**
 * Counts gathered while the rows of an export stream past: per paragraph by region, stakeholder
 * group, stance and decision, and participation (comments, distinct participants, people
 * represented) per region, electoral group, stakeholder group and channel. The workbook's
 * matrices, the summary report and the "what we heard" page all read the same tally, so their
 * figures agree with the rows exported.
 */
import type { CompiledRow } from "../review/compiled-row";

export type Counts = Map<string, number>;

export interface ParagraphTally {
  nodeId: string | null;
  label: string | null;
  total: number;
  byRegion: Counts;
  byGroup: Counts;
  byStance: Counts;
  byDecision: Counts;
  /** Stances per region and per stakeholder group, for agreement and division across them. */
  stanceByRegion: Map<string, Counts>;
  stanceByGroup: Map<string, Counts>;
  /** Decided comments with their rationale, for the report. */
  decided: { id: number; decision: string; rationale: string; stakeholderGroup: string; region: string }[];
}

export interface Participation {
  comments: number;
  participants: Set<string>;
  /** People represented, each participant once (see `Tally.people`). */
  people: number;
  peopleByParticipant: Map<string, number>;
}

/**
 * Records how many people a participant speaks for and returns by how much the total grows: a
 * participant's second comment adds nobody (online: one person; recorded input: its stated number,
 * the largest if its comments differ).
 */
function representPeople(byParticipant: Map<string, number>, participantKey: string, people: number): number {
  const before = byParticipant.get(participantKey) ?? 0;
  if (people <= before) return 0;
  byParticipant.set(participantKey, people);
  return people - before;
}

export const PARTICIPATION_DIMENSIONS = ["region", "electoral", "group", "channel"] as const;
export type ParticipationDimension = (typeof PARTICIPATION_DIMENSIONS)[number];

const bump = (m: Counts, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);
const member = (m: Map<string, Set<string>>, key: string, who: string) => {
  let set = m.get(key);
  if (!set) m.set(key, (set = new Set()));
  set.add(who);
};
const inner = (m: Map<string, Counts>, key: string): Counts => {
  let counts = m.get(key);
  if (!counts) m.set(key, (counts = new Map()));
  return counts;
};

export class Tally {
  readonly paragraphs = new Map<string, ParagraphTally>();
  readonly participation = new Map<ParticipationDimension, Map<string, Participation>>(PARTICIPATION_DIMENSIONS.map((d) => [d, new Map()]));
  readonly byRegion: Counts = new Map();
  readonly byGroup: Counts = new Map();
  readonly byStance: Counts = new Map();
  readonly byDecision: Counts = new Map();
  readonly participants = new Set<string>();
  /** Participants by the gender and the age band they gave ("" when not given), for totals only. */
  readonly byGender = new Map<string, Set<string>>();
  readonly byAge = new Map<string, Set<string>>();
  /** Campaign groups met, and how many of the comments belong to one. */
  readonly campaigns = new Set<string>();
  inCampaigns = 0;
  /** Joint submissions among the rows (each one comment), their signatures and the signers' regions. */
  jointSubmissions = 0;
  coSignatures = 0;
  readonly coSignerRegions = new Set<string>();
  total = 0;
  /** People represented: counted once per participant, not once per comment. */
  people = 0;
  private readonly peopleByParticipant = new Map<string, number>();

  add(row: CompiledRow): void {
    const participantKey = row.participantKey;
    const key = row.nodeId ?? "";
    let p = this.paragraphs.get(key);
    if (!p) {
      p = { nodeId: row.nodeId, label: row.paragraph, total: 0, byRegion: new Map(), byGroup: new Map(), byStance: new Map(), byDecision: new Map(), stanceByRegion: new Map(), stanceByGroup: new Map(), decided: [] };
      this.paragraphs.set(key, p);
    }
    p.total += 1;
    bump(p.byRegion, row.region);
    bump(p.byGroup, row.stakeholderGroup);
    if (row.stance) {
      bump(p.byStance, row.stance);
      bump(inner(p.stanceByRegion, row.region), row.stance);
      bump(inner(p.stanceByGroup, row.stakeholderGroup), row.stance);
    }
    member(this.byGender, row.gender ?? "", participantKey);
    member(this.byAge, row.ageBand ?? "", participantKey);
    if (row.campaign !== null) {
      this.campaigns.add(row.campaign);
      this.inCampaigns += 1;
    }
    if (row.coSigners) {
      this.jointSubmissions += 1;
      this.coSignatures += row.coSigners.signers;
      for (const r of row.coSigners.regionCodes) this.coSignerRegions.add(r);
    }
    if (row.decision) {
      bump(p.byDecision, row.decision);
      p.decided.push({ id: row.id, decision: row.decision, rationale: row.rationale, stakeholderGroup: row.stakeholderGroup, region: row.region });
    }
    this.total += 1;
    this.people += representPeople(this.peopleByParticipant, participantKey, row.peopleRepresented);
    this.participants.add(participantKey);
    bump(this.byRegion, row.region);
    bump(this.byGroup, row.stakeholderGroup);
    if (row.stance) bump(this.byStance, row.stance);
    if (row.decision) bump(this.byDecision, row.decision);
    const values: Record<ParticipationDimension, string> = {
      region: row.region,
      electoral: row.electoralGroup ?? "",
      group: row.stakeholderGroup,
      channel: row.channel,
    };
    for (const d of PARTICIPATION_DIMENSIONS) {
      const byValue = this.participation.get(d)!;
      let entry = byValue.get(values[d]);
      if (!entry) byValue.set(values[d], (entry = { comments: 0, participants: new Set(), people: 0, peopleByParticipant: new Map() }));
      entry.comments += 1;
      entry.participants.add(participantKey);
      entry.people += representPeople(entry.peopleByParticipant, participantKey, row.peopleRepresented);
    }
  }
}
