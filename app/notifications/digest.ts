/**
 * What a notification says (in the app and in e-mail) and how a digest groups many: by recipient,
 * then by consultation in order of first appearance, then by kind. Pure: the notifier, the page
 * and the unit tests share it.
 */
import type { NotificationKind } from "../../db/enums";
import type { Translate } from "../i18n/translate";
import type { NotificationDetail } from "./notifications.server";

export interface DigestItem {
  id: number;
  userId: number;
  consultationId: number | null;
  kind: NotificationKind;
  commentId: number | null;
  detail: NotificationDetail;
}

export interface DigestGroup {
  consultationId: number | null;
  title: string;
  slug: string | null;
  kinds: { kind: NotificationKind; items: DigestItem[] }[];
}

/** The order kinds appear in within a consultation: what concerns one's own words first. */
const KIND_ORDER: NotificationKind[] = [
  "joint-invitation",
  "joint-submitted",
  "disposition",
  "reply",
  "endorsement",
  "new-comment",
  "consultation-opened",
  "consultation-closing",
  "consultation-closed",
  "results-published",
  "announcement",
];

export function groupDigest(items: DigestItem[]): Map<number, DigestGroup[]> {
  const byUser = new Map<number, Map<string, DigestGroup>>();
  for (const item of items) {
    const groups = byUser.get(item.userId) ?? new Map<string, DigestGroup>();
    byUser.set(item.userId, groups);
    const key = String(item.consultationId);
    let group = groups.get(key);
    if (!group) {
      group = { consultationId: item.consultationId, title: item.detail.title ?? "", slug: item.detail.slug ?? null, kinds: [] };
      groups.set(key, group);
    }
    let bucket = group.kinds.find((k) => k.kind === item.kind);
    if (!bucket) {
      bucket = { kind: item.kind, items: [] };
      group.kinds.push(bucket);
    }
    bucket.items.push(item);
  }
  const result = new Map<number, DigestGroup[]>();
  for (const [userId, groups] of byUser) {
    const list = [...groups.values()];
    for (const g of list) g.kinds.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    result.set(userId, list);
  }
  return result;
}

/** Where a notification leads: the comment on its page, or the consultation. */
export function notificationPath(item: Pick<DigestItem, "commentId" | "detail">): string {
  const { slug, label, path } = item.detail;
  // A joint draft's own page (or an invitation's link): set by the code that made it, a path here.
  if (path && path.startsWith("/") && !path.startsWith("//")) return path;
  if (!slug) return "/notifications";
  if (item.commentId === null) return `/c/${slug}`;
  const page = label ? `/c/${slug}/p/${encodeURIComponent(label).replace(/%28/g, "(").replace(/%29/g, ")")}` : `/c/${slug}/comments`;
  return `${page}#comment-${item.commentId}`;
}

/** One line saying what happened, in the reader's language. */
export function notificationTitle(t: Translate, item: Pick<DigestItem, "kind" | "detail">): string {
  const d = item.detail;
  const who = d.by ?? t("comment.participant");
  const where = d.label ? t("notifications.onParagraph", { label: d.label }) : t("notifications.onDraft");
  const title = d.title ?? "";
  switch (item.kind) {
    case "reply":
      return t("notifications.reply", { who, where, title });
    case "new-comment":
      return t("notifications.newComment", { who, where, title });
    case "endorsement":
      return t("notifications.endorsement", { where, title });
    case "consultation-opened":
      return t("notifications.opened", { title });
    case "consultation-closing":
      return t("notifications.closing", { title });
    case "consultation-closed":
      return t("notifications.closed", { title });
    case "results-published":
      return t("notifications.results", { title });
    case "disposition":
      return t("notifications.disposition", { where, title, decision: t(`decision.${d.decision}` as Parameters<Translate>[0]) });
    case "announcement":
      return t("notifications.announcement", { title: d.subject ?? title });
    case "joint-invitation":
      return t("notifications.jointInvitation", { who, where, title });
    case "joint-submitted":
      return t("notifications.jointSubmitted", { where, title });
  }
}

/** The plain-text body of one notification: its line, the words concerned, the link. */
export function notificationText(t: Translate, item: DigestItem, origin: string): string {
  const d = item.detail;
  const parts = [notificationTitle(t, item)];
  if (d.excerpt) {
    const quoted = t("notifications.quote", { text: d.excerpt });
    parts.push(item.kind === "disposition" ? `${t("notifications.youSaid")} ${quoted}` : quoted);
  }
  if (item.kind === "announcement" && d.message) parts.push(`${d.title ?? ""}\n\n${d.message}`);
  if (item.kind === "disposition") {
    if (d.rationale) parts.push(`${t("notifications.rationale")} ${d.rationale}`);
    if (d.revisedText) parts.push(`${t("notifications.nowReads")}\n${d.revisedText}`);
  }
  parts.push(`${origin}${notificationPath(item)}`);
  return parts.join("\n\n");
}

/** A digest's plain text: per consultation, the count of each kind and its items. */
export function digestText(t: Translate, groups: DigestGroup[], origin: string): string {
  const sections: string[] = [];
  for (const group of groups) {
    const lines = [group.title.toUpperCase()];
    for (const { kind, items } of group.kinds) {
      lines.push(`\n${t(`notifications.kind.${kind}` as Parameters<Translate>[0], { count: items.length })}`);
      for (const item of items.slice(0, 10)) lines.push(`- ${notificationTitle(t, item)}${item.detail.excerpt ? `: ${t("notifications.quote", { text: item.detail.excerpt })}` : ""}\n  ${origin}${notificationPath(item)}`);
      if (items.length > 10) lines.push(`- ${t("notifications.andMore", { count: items.length - 10 })}`);
    }
    sections.push(lines.join("\n"));
  }
  return sections.join("\n\n");
}
