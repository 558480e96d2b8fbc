/**
 * The download route: who may have which file, with the analysis filters from the query string.
 * Public files (no e-mail addresses, pseudonymous authors as "Participant") go to the experts and
 * secretariat while the consultation runs and to everyone once it closes; the private variant with
 * names and e-mail addresses only to the secretariat.
 */
import { effectiveStatus } from "../consultations/lifecycle";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { eq } from "drizzle-orm";
import { stakeholderGroups, type Consultation } from "../../db/schema";
import { refreshCampaigns } from "../analysis/campaign-groups.server";
import { parseCommentFilters, type CommentFilters } from "../analysis/comment-filters";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session.server";
import { getConsultationBySlug, publishedVersions } from "../drafts/drafts.server";
import type { Translate } from "../i18n/translate";
import { compiledRowBatches, rowContext } from "../review/compiled-rows.server";
import { reportPdf } from "./pdf.server";
import { buildReport, type ReportDocument, type ReportHooks } from "./report";
import { QuotationPicker } from "./quotations";
import { reportHooks } from "./report-hooks.server";
import { revisionPair } from "./revision.server";
import { csvStream, openDataStream, xlsxStream } from "./streams.server";
import { Tally } from "./tally";
import { reportDocx, revisedDraftDocx } from "./word.server";
import "../i18n/catalogs.server";
import { requestLocale, requestTranslator } from "../i18n/locale.server";
import { createTranslator, locales, type Locale } from "../i18n/translate";

export const downloadFiles = ["comments.csv", "comments.xlsx", "open-data.json", "summary.docx", "summary.pdf", "revised-draft.docx"] as const;
const fileParam = z.enum(downloadFiles);

const TYPES: Record<(typeof downloadFiles)[number], string> = {
  "comments.csv": "text/csv; charset=utf-8",
  "comments.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "open-data.json": "application/json; charset=utf-8",
  "summary.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "summary.pdf": "application/pdf",
  "revised-draft.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Everything the summary report and the "what we heard" page show, from one pass over the rows. */
export function consultationSummary(
  db: Db,
  consultation: Pick<Consultation, "id" | "slug" | "title">,
  filters: CommentFilters,
  t: Translate,
  collab?: AppLoadContext["collab"],
) {
  const ctx = rowContext(db, consultation.id, t("comment.participant"));
  const tally = new Tally();
  const quotations = new QuotationPicker();
  for (const batch of compiledRowBatches(db, ctx, filters)) {
    for (const row of batch) {
      tally.add(row);
      quotations.add(row);
    }
  }
  const pair = revisionPair(db, consultation, collab);
  return { tally, pair, quotations };
}

/** The report's language: chosen at export (?lang=), else the page's. */
const reportLanguage = z.enum(locales);

/** The consultation report as a document, in the language asked for, under the export's filters. */
export function consultationReport(
  db: Db,
  consultation: Pick<Consultation, "id" | "slug" | "title" | "opensAt" | "closesAt">,
  filters: CommentFilters,
  locale: Locale,
  collab?: AppLoadContext["collab"],
  now = new Date(),
): ReportDocument {
  const t = createTranslator(locale);
  const { tally, pair, quotations } = consultationSummary(db, consultation, filters, t, collab);
  const hooks: ReportHooks = reportHooks(db, consultation.id, filters, t);
  const groupName = filters.group
    ? db.select({ name: stakeholderGroups.name }).from(stakeholderGroups).where(eq(stakeholderGroups.id, filters.group)).get()?.name
    : undefined;
  return buildReport(
    {
      title: consultation.title,
      version: pair?.base.number ?? null,
      locale,
      generatedAt: now,
      opensAt: consultation.opensAt ?? null,
      closesAt: consultation.closesAt ?? null,
      filters,
      groupName,
      tally,
      quotations,
      paragraphs: pair?.base.nodes ?? [],
      changes: pair?.comparison?.changes ?? null,
      hooks,
    },
    t,
  );
}

export async function download(request: Request, context: AppLoadContext, slug: string | undefined, file: string | undefined): Promise<Response> {
  const t = await requestTranslator(request, context);
  const db = context.db;
  const actor = await getActor(request, db, context.config);
  const consultation = slug ? getConsultationBySlug(db, slug) : undefined;
  if (!consultation || !can(actor, { action: "consultation.read", consultation })) {
    throw data({ message: t("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }) }, { status: 404 });
  }
  const which = fileParam.safeParse(file);
  if (!which.success) throw data({ message: t("export.notFound") }, { status: 404 });
  const url = new URL(request.url);
  const withPrivate = url.searchParams.get("private") === "1";
  const allowed = withPrivate
    ? can(actor, { action: "export.private" }) && (which.data === "comments.csv" || which.data === "comments.xlsx")
    : can(actor, { action: "export.public", consultation });
  if (!allowed && actor.kind === "anonymous") throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  if (!allowed) throw data({ message: t("error.forbidden.body") }, { status: 403 });

  const filters = parseCommentFilters(url.searchParams);
  // Files carry each comment's campaign: the grouping is brought up to date first, in steps
  // between other requests (pages show a stored grouping while it refreshes; a file must not).
  if (which.data !== "revised-draft.docx") await refreshCampaigns(db, consultation.id);
  const name = `${consultation.slug}-${withPrivate ? "private-" : ""}${which.data}`;
  const headers = {
    "Content-Type": TYPES[which.data],
    "Content-Disposition": `attachment; filename="${name}"`,
    // Personal data must not linger in shared caches.
    "Cache-Control": "private, no-store",
  };
  const ctx = () => rowContext(db, consultation.id, t("comment.participant"));
  switch (which.data) {
    case "comments.csv":
      return new Response(csvStream({ db, ctx: ctx(), filters, t, withPrivate, drained: context.drained }), { headers });
    case "comments.xlsx":
      return new Response(xlsxStream({ db, ctx: ctx(), filters, t, withPrivate, drained: context.drained }), { headers });
    case "open-data.json":
      return new Response(
        openDataStream(
          { db, ctx: ctx(), filters, drained: context.drained },
          {
            slug: consultation.slug,
            title: consultation.title,
            // The state now, by the clock: a consultation past its closing is "closed" in the file too.
            status: effectiveStatus(consultation, new Date()),
            closesAt: consultation.closesAt?.toISOString() ?? null,
            versions: publishedVersions(db, consultation.id).map((v) => ({ number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null })),
          },
        ),
        { headers },
      );
    case "summary.docx":
    case "summary.pdf": {
      const asked = reportLanguage.safeParse(url.searchParams.get("lang"));
      const locale = asked.success ? asked.data : await requestLocale(request, context);
      const report = consultationReport(db, consultation, filters, locale, context.collab);
      const named = { ...headers, "Content-Disposition": `attachment; filename="${consultation.slug}-${which.data.replace(".", `-${locale}.`)}"` };
      if (which.data === "summary.pdf") return new Response(await reportPdf(report), { headers: named });
      return new Response(await reportDocx(report), { headers: named });
    }
    case "revised-draft.docx": {
      const pair = revisionPair(db, consultation, context.collab);
      const changes = pair?.comparison?.changes ?? pair?.base.nodes.map((node) => ({ change: "unchanged" as const, node, previousLabel: node.label })) ?? [];
      const revision = pair?.revised?.number ? t("revised.version", { number: pair.revised.number }) : t("revised.working");
      const title = t("revised.title", { title: consultation.title, revision, from: pair?.base.number ?? 0 });
      return new Response(new Uint8Array(await revisedDraftDocx(title, changes)), { headers });
    }
  }
}
