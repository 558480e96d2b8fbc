/**
 * Who stands behind a joint submission (issue 17 point 5, decision 032): its co-signers counted
 * and described, without the database, so pages, exports and tests share one reading. A joint
 * submission is one comment; its co-signers are never extra comments, only a description of it.
 */
import type { ElectoralGroup, UnescoRegion } from "../../db/enums";
import type { Translate } from "../i18n/translate";

/** One signature as the joint submission recorded it (a snapshot of the signer's profile). */
export interface Signer {
  jointDraftId: number;
  userId: number | null;
  name: string;
  pseudonymous: boolean;
  organisation: string | null;
  countryCode: string;
  region: UnescoRegion;
  electoralGroup: ElectoralGroup | null;
  stakeholderGroupId: number;
  stakeholderGroup: string;
}

export interface CoSignerSummary {
  /** Signatures on the submission (the initiator's included). */
  signers: number;
  /** Distinct organisations named by the signers (case and spacing ignored); individuals add none. */
  organisations: number;
  /** Distinct UNESCO regions of the signers. */
  regions: number;
}

const organisationKey = (o: string | null) => (o ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** The same person signing two submissions is one co-signer; a deleted account stays its signature. */
const personKey = (s: Pick<Signer, "jointDraftId" | "userId" | "name">) => (s.userId !== null ? `u${s.userId}` : `d${s.jointDraftId}:${s.name}`);

export function summariseSigners(signers: readonly Signer[]): CoSignerSummary {
  const organisations = new Set(signers.map((s) => organisationKey(s.organisation)).filter((o) => o !== ""));
  return { signers: new Set(signers.map(personKey)).size, organisations: organisations.size, regions: new Set(signers.map((s) => s.region)).size };
}

/** "Co-signed by 12 signatories (9 organisations) from 4 regions", in the reader's language. */
export function coSignedPhrase(t: Translate, summary: CoSignerSummary): string {
  return t("coSigners.phrase", { signers: summary.signers, organisations: summary.organisations, regions: summary.regions });
}

/**
 * A signer as the public may see them, by the same rule as a comment's author: a pseudonymous
 * signer is "Participant · group · country", their name and organisation left out (an
 * organisation beside a pseudonym could name them). `country` is the country's name.
 */
export function publicSigner(s: Signer, participantWord: string, country: string | null): string {
  const parts = s.pseudonymous ? [participantWord, s.stakeholderGroup, country] : [s.name, s.organisation?.trim() || null, s.stakeholderGroup, country];
  return parts.filter(Boolean).join(" · ");
}

export const coSignerDimensions = ["region", "electoral", "group"] as const;
export type CoSignerDimension = (typeof coSignerDimensions)[number];

export interface CoSignerRow {
  /** The region, electoral group or stakeholder group id as the analysis URLs spell it ("none": no value). */
  value: string;
  /** Joint submissions with at least one co-signer of this value: a submission appears under each of its signers' values. */
  submissions: number;
  /** Distinct co-signers of this value. */
  coSigners: number;
  /** Distinct organisations among them. */
  organisations: number;
}

export interface CoSignerBreakdown {
  totals: { submissions: number } & CoSignerSummary;
  byDimension: Record<CoSignerDimension, CoSignerRow[]>;
}

const valueOf = (s: Signer, d: CoSignerDimension): string =>
  d === "region" ? s.region : d === "electoral" ? (s.electoralGroup ?? "none") : String(s.stakeholderGroupId);

/**
 * Co-signers by region, electoral group and stakeholder group. Rows do not add up to the number
 * of submissions: a submission signed from two regions is under both, and counted once in the
 * totals.
 */
export function coSignerBreakdown(signers: readonly Signer[]): CoSignerBreakdown {
  const submissions = new Set(signers.map((s) => s.jointDraftId));
  const byDimension = {} as Record<CoSignerDimension, CoSignerRow[]>;
  for (const d of coSignerDimensions) {
    const groups = new Map<string, Signer[]>();
    for (const s of signers) {
      const key = valueOf(s, d);
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(s);
    }
    byDimension[d] = [...groups]
      .map(([value, list]) => {
        const summary = summariseSigners(list);
        return { value, submissions: new Set(list.map((s) => s.jointDraftId)).size, coSigners: summary.signers, organisations: summary.organisations };
      })
      .sort((a, b) => b.coSigners - a.coSigners || b.submissions - a.submissions || a.value.localeCompare(b.value));
  }
  return { totals: { submissions: submissions.size, ...summariseSigners(signers) }, byDimension };
}
