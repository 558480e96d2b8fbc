/**
 * The columns of the exported tables. "compiled" is the ISO/IEC comment template (stakeholder,
 * clause, type, comment, proposed change, observations of the secretariat) extended with region,
 * groups, stance, channel, endorsements and the disposition, with words a reader understands;
 * "data" is the same comments with codes, for analysis in other tools. The private variant adds
 * the author's name and e-mail address: only the secretariat's own download carries them.
 */
import type { Translate } from "../i18n/translate";
import type { MessageKey } from "../i18n/messages.en";
import type { CompiledRow } from "../review/compiled-row";
import { coSignedPhrase } from "../joint/co-signers";

export interface Column {
  header: string;
  width?: number;
  value: (row: CompiledRow) => string | number | null;
}

/**
 * The words for a coded value (a region, a stance...), "" for none, each translated once per table:
 * an export of 100,000 rows asks for the same few dozen labels over and over.
 */
export function cachedLabel(translate: (value: string) => string): (value: string | null) => string {
  const labels = new Map<string, string>();
  return (value) => {
    if (!value) return "";
    let text = labels.get(value);
    if (text === undefined) labels.set(value, (text = translate(value)));
    return text;
  };
}

export function compiledColumns(t: Translate, withPrivate: boolean): Column[] {
  const coded = (prefix: string) => cachedLabel((value) => t(`${prefix}.${value}` as MessageKey));
  const type = coded("commentType");
  const decision = coded("decision");
  const region = coded("region");
  const electoral = cachedLabel((group) => t("electoral.group", { group }));
  const stance = coded("stance");
  const channel = coded("channel");
  const wholeDraft = t("review.wholeDraft");
  const columns: Column[] = [
    { header: t("review.col.id"), width: 8, value: (r) => r.id },
    { header: t("review.col.stakeholder"), width: 30, value: (r) => r.stakeholder },
    { header: t("review.col.paragraph"), width: 12, value: (r) => r.paragraph ?? wholeDraft },
    { header: t("review.col.version"), width: 8, value: (r) => r.version },
    { header: t("review.col.type"), width: 12, value: (r) => type(r.type) },
    { header: t("review.col.comment"), width: 60, value: (r) => r.comment },
    { header: t("review.col.proposed"), width: 60, value: (r) => r.proposedChange },
    { header: t("review.col.decision"), width: 16, value: (r) => decision(r.decision) },
    { header: t("review.col.observations"), width: 50, value: (r) => r.rationale },
    { header: t("review.col.targets"), width: 16, value: (r) => r.targets.join(", ") },
    { header: t("review.col.decidedBy"), width: 20, value: (r) => r.decidedBy },
    { header: t("review.col.decidedAt"), width: 22, value: (r) => r.decidedAt },
    { header: t("review.col.region"), width: 24, value: (r) => region(r.region) },
    { header: t("review.col.electoral"), width: 10, value: (r) => electoral(r.electoralGroup) },
    { header: t("review.col.group"), width: 24, value: (r) => r.stakeholderGroup },
    { header: t("review.col.stance"), width: 16, value: (r) => stance(r.stance) },
    { header: t("review.col.channel"), width: 18, value: (r) => channel(r.channel) },
    { header: t("review.col.endorsements"), width: 8, value: (r) => r.endorsements },
    { header: t("review.col.people"), width: 8, value: (r) => r.peopleRepresented },
    { header: t("review.col.date"), width: 22, value: (r) => r.createdAt },
    { header: t("review.col.campaign"), width: 16, value: (r) => r.campaign },
    // A joint submission is one row; who co-signed it is described here (decision 032).
    { header: t("coSigners.col.coSigned"), width: 40, value: (r) => (r.coSigners ? coSignedPhrase(t, r.coSigners) : "") },
    { header: t("coSigners.col.signers"), width: 60, value: (r) => r.coSigners?.list.join("; ") ?? "" },
  ];
  return withPrivate ? [...columns, ...privateColumns(t)] : columns;
}

export function dataColumns(t: Translate, withPrivate: boolean): Column[] {
  const columns: Column[] = [
    { header: "id", value: (r) => r.id },
    { header: "node_id", value: (r) => r.nodeId },
    { header: "paragraph", value: (r) => r.paragraph },
    { header: "version", value: (r) => r.version },
    { header: "author", value: (r) => r.stakeholder },
    { header: "country", value: (r) => r.country },
    { header: "region", value: (r) => r.region },
    { header: "electoral_group", value: (r) => r.electoralGroup },
    { header: "stakeholder_group", value: (r) => r.stakeholderGroup },
    { header: "stance", value: (r) => r.stance },
    { header: "type", value: (r) => r.type },
    { header: "channel", value: (r) => r.channel },
    { header: "language", value: (r) => r.language },
    { header: "people_represented", value: (r) => r.peopleRepresented },
    { header: "endorsements", value: (r) => r.endorsements },
    { header: "created_at", value: (r) => r.createdAt },
    { header: "body", value: (r) => r.comment },
    { header: "proposed_text", value: (r) => r.proposedChange },
    { header: "decision", value: (r) => r.decision },
    { header: "campaign_id", value: (r) => r.campaign },
    { header: "co_signers", value: (r) => r.coSigners?.signers ?? null },
    { header: "co_signer_organisations", value: (r) => r.coSigners?.organisations ?? null },
    { header: "co_signer_regions", value: (r) => r.coSigners?.regionCodes.join(";") ?? null },
    { header: "co_signer_list", value: (r) => r.coSigners?.list.join("; ") ?? null },
  ];
  return withPrivate ? [...columns, ...privateColumns(t)] : columns;
}

function privateColumns(t: Translate): Column[] {
  return [
    { header: t("review.col.name"), width: 24, value: (r) => r.private?.name ?? "" },
    { header: t("review.col.email"), width: 30, value: (r) => r.private?.email ?? "" },
    { header: t("review.col.status"), width: 10, value: (r) => r.private?.status ?? "" },
    { header: `${t("coSigners.col.signers")} · ${t("review.col.name")}`, width: 60, value: (r) => r.private?.coSigners?.join("; ") ?? "" },
  ];
}
