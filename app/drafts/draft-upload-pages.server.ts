/**
 * The secretariat's draft-upload pages (/admin/consultations/:slug/draft...): what each loader
 * returns and what each form does. Every entry point asks the permission function first.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { languages } from "../../db/enums";
import type { Consultation } from "../../db/schema";
import { can } from "../auth/permissions";
import { getActor, requirePermission } from "../auth/session.server";
import { pendingTokenParam, readUploadedFile } from "../http/uploaded-file.server";
import { translatableError } from "../i18n/error-message";
import { findOutlineProblems, type OutlineProblemKind } from "../import/outline-problems";
import { applyCorrection, CorrectionError, outlineCorrectionSchema, type CorrectionErrorReason, type OutlineCorrection } from "../import/outline-corrections";
import type { ImportedOutline } from "../import";
import { alignTranslation } from "./align-translation";
import {
  confirmPendingDraft,
  correctPendingDraft,
  currentText,
  discardPendingDraft,
  findPendingDraft,
  listPendingDrafts,
  MAX_DRAFT_BYTES,
  readDraftFile,
  resetCorrections,
  stagePendingDraft,
  undoLastCorrection,
  type DraftFileProblem,
  type PendingDraft,
} from "./draft-upload.server";
import { getConsultationBySlug, getOutline } from "./drafts.server";
import { TranslationError, versionLanguages } from "./translations.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,100}$/);

/** The consultation of the address, once the permission function allows uploading its text. */
export async function requireDraftUpload(request: Request, context: AppLoadContext, slug: string | undefined) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(context.db, parsed.data) : undefined;
  // A consultation the visitor may not even read is not found, so its existence does not leak.
  if (!consultation || !can(await getActor(request, context.db, context.config), { action: "consultation.read", consultation })) {
    throw data(translatableError("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }), { status: 404 });
  }
  const actor = await requirePermission(request, context.db, context.config, { action: "draft.upload", consultation });
  if (actor.kind !== "user") throw redirect("/sign-in");
  return { consultation, userId: actor.userId };
}

const draftPath = (slug: string) => `/admin/consultations/${slug}/draft`;
const consultationView = (c: Consultation) => ({ slug: c.slug, title: c.title, status: c.status });

/**
 * What is stored and what is under way for a consultation's text: the translations of its current
 * version and the user's own previews still in progress (so a new upload does not silently abandon one).
 */
export function draftUploadOverview(context: AppLoadContext, consultation: Consultation, userId: number) {
  const text = currentText(context.db, consultation.id);
  return {
    slug: consultation.slug,
    current: text ? { number: text.number, language: text.language } : null,
    translations: text ? versionLanguages(context.db, text.versionId).available.filter((l) => l !== text.language) : [],
    pending: listPendingDrafts(context.db, consultation.id, userId).map((p) => ({
      href: `${draftPath(consultation.slug)}/${p.id}`,
      fileName: p.fileName,
      translationLanguage: p.translationLanguage,
    })),
  };
}

export type DraftUploadOverviewData = ReturnType<typeof draftUploadOverview>;

/** The overview for the consultation's admin page, when the visitor may upload its text (null otherwise). */
export async function draftUploadOverviewFor(request: Request, context: AppLoadContext, slug: string | undefined) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(context.db, parsed.data) : undefined;
  if (!consultation) return null;
  const actor = await getActor(request, context.db, context.config);
  if (actor.kind !== "user" || !can(actor, { action: "draft.upload", consultation })) return null;
  return draftUploadOverview(context, consultation, actor.userId);
}

export function uploadPage(context: AppLoadContext, consultation: Consultation, userId: number) {
  const text = currentText(context.db, consultation.id);
  return {
    overview: draftUploadOverview(context, consultation, userId),
    consultation: consultationView(consultation),
    current: text ? { number: text.number, language: text.language } : null,
    /** The languages a translation of the current version can be uploaded in. */
    translationLanguages: text ? languages.filter((l) => l !== text.language) : [],
    maxMegabytes: MAX_DRAFT_BYTES / 1_000_000,
  };
}

/** "next" for the consultation's next version; a language for a translation of the current one. */
const uploadTargetSchema = z.union([z.literal("next"), z.enum(languages)]);

const refusedFile = (problem: DraftFileProblem, values: Record<string, string>, status = 400) =>
  data({ problems: [problem], total: 1, values }, { status });

export async function submitDraftUpload(request: Request, context: AppLoadContext, consultation: Consultation, userId: number) {
  const upload = await readUploadedFile(request, { maxBytes: MAX_DRAFT_BYTES });
  const values = { target: upload.fields.target ?? "next" };
  if (!upload.ok) {
    if (upload.problem === "tooLarge") return refusedFile({ key: "draftUpload.file.tooLarge", values: { max: MAX_DRAFT_BYTES / 1_000_000 } }, values, 413);
    if (upload.problem === "empty") return refusedFile({ key: "draftUpload.file.empty", values: { fileName: upload.fileName ?? "" } }, values);
    return data({ errors: { file: "draftUpload.file.required" }, values }, { status: 400 });
  }
  const target = uploadTargetSchema.safeParse(values.target);
  const text = currentText(context.db, consultation.id);
  if (!target.success || (target.data !== "next" && (!text || text.language === target.data))) {
    return data({ errors: { target: "draftUpload.target.invalid" }, values }, { status: 400 });
  }
  const read = await readDraftFile(upload.fileName, upload.bytes);
  if (!read.ok) return refusedFile(read.problem, values);
  const token = stagePendingDraft(context.db, {
    consultationId: consultation.id,
    fileName: upload.fileName,
    format: read.format,
    translationLanguage: target.data === "next" ? null : target.data,
    bytes: upload.bytes,
    outline: read.outline,
    uploadedById: userId,
  });
  return redirect(`${draftPath(consultation.slug)}/${token}`);
}

function loadPending(context: AppLoadContext, consultation: Consultation, userId: number, token: string | undefined): PendingDraft {
  const parsed = pendingTokenParam.safeParse(token);
  const pending = parsed.success ? findPendingDraft(context.db, consultation.id, userId, parsed.data) : undefined;
  if (!pending) throw data(translatableError("draftUpload.expired"), { status: 404 });
  return pending;
}

/** How a preview node is shown: the outline node, its place and what to check about it. */
export interface PreviewNode {
  index: number;
  kind: string;
  label: string | null;
  parent: string | null;
  level: number;
  text: string;
  footnotes: string[];
  problems: { kind: OutlineProblemKind; detail: string | null }[];
}

/** Alignment rows of a translation: each node of the current version beside its translated text. */
function alignmentView(context: AppLoadContext, consultation: Consultation, pending: PendingDraft) {
  const text = currentText(context.db, consultation.id);
  if (!pending.translationLanguage || !text) return null;
  const version = getOutline(context.db, text.versionId);
  const { aligned, missing, unmatched } = alignTranslation(version, pending.outline.nodes);
  const byNode = new Map(aligned.map((a) => [a.nodeId, a.text]));
  return {
    versionNumber: text.number,
    original: text.language,
    rows: version.map((n) => ({ label: n.label, kind: n.kind, original: n.text, translated: byNode.get(n.nodeId) ?? null })),
    missing: missing.length,
    unmatched,
  };
}

/** One correction as the preview lists it: what it did, to which node (numbered as it was then). */
export interface CorrectionStep {
  op: OutlineCorrection["op"];
  node: number;
  from: string | null;
  to: string | null;
}

/** The corrections in the order made, each told against the outline as it was just before it. */
export function describeCorrections(imported: ImportedOutline, corrections: readonly OutlineCorrection[]): CorrectionStep[] {
  let outline = imported;
  return corrections.map((c) => {
    const before = outline.nodes[c.index];
    const step: CorrectionStep = { op: c.op, node: c.index + 1, from: null, to: null };
    if (c.op === "label") Object.assign(step, { from: before?.label ?? null, to: c.label || null });
    if (c.op === "kind") Object.assign(step, { from: before?.kind ?? null, to: c.kind });
    if (c.op === "split") Object.assign(step, { to: c.at });
    outline = applyCorrection(outline, c);
    return step;
  });
}

export function previewPage(context: AppLoadContext, consultation: Consultation, userId: number, token: string | undefined) {
  const pending = loadPending(context, consultation, userId, token);
  const problems = findOutlineProblems(pending.outline);
  const nodes: PreviewNode[] = pending.outline.nodes.map((n, index) => ({
    index,
    kind: n.kind,
    label: n.label,
    parent: n.parent,
    level: n.level,
    text: n.text,
    footnotes: n.footnotes,
    problems: problems.filter((p) => p.nodeIndex === index).map((p) => ({ kind: p.kind, detail: p.detail ?? null })),
  }));
  const text = currentText(context.db, consultation.id);
  const alignment = alignmentView(context, consultation, pending);
  return {
    consultation: consultationView(consultation),
    fileName: pending.fileName,
    title: pending.outline.title,
    translationLanguage: pending.translationLanguage,
    /** The number the confirmed text gets (a new version), or translates (the current one). */
    versionNumber: pending.translationLanguage ? (text?.number ?? 0) : (text?.number ?? 0) + 1,
    /** Readers will see the change at once: confirming must be deliberate. */
    public: consultation.status !== "draft",
    corrections: pending.corrections.length,
    correctionSteps: describeCorrections(pending.imported, pending.corrections),
    nodes,
    // A node of the original with no translation is a place to check too: readers would get it in the original language.
    places: new Set(problems.map((p) => p.nodeIndex)).size + (alignment?.missing ?? 0),
    alignment,
    expiresAt: pending.expiresAt.toISOString(),
  };
}

const correctionFormSchema = z.object({
  op: z.string(),
  index: z.coerce.number().int().min(0),
  revision: z.coerce.number().int().min(0),
});

type CorrectionFailure = CorrectionErrorReason | "invalid" | "stale" | "label-invalid";
const correctionMessage: Record<CorrectionFailure, string> = {
  "no-such-node": "draftUpload.correct.error.stale",
  stale: "draftUpload.correct.error.stale",
  "no-previous-node": "draftUpload.correct.error.noPrevious",
  "label-taken": "draftUpload.correct.error.labelTaken",
  "split-not-found": "draftUpload.correct.error.splitNotFound",
  unchanged: "draftUpload.correct.error.unchanged",
  invalid: "draftUpload.correct.error.invalid",
  "label-invalid": "draftUpload.correct.error.label",
};

export async function submitPreview(request: Request, context: AppLoadContext, consultation: Consultation, userId: number, token: string | undefined) {
  const form = await request.formData();
  const pending = loadPending(context, consultation, userId, token);
  const here = `${draftPath(consultation.slug)}/${pending.token}`;
  const intent = form.get("intent");
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 1000)]));
  const revision = Number(values.revision);
  // A form shown before another correction (another tab, the back button) points at nodes that
  // may have moved: it is refused rather than applied to the wrong node.
  const stale = intent !== "cancel" && revision !== pending.corrections.length;

  switch (intent) {
    case "cancel":
      discardPendingDraft(context.db, pending.token);
      return redirect(`${draftPath(consultation.slug)}?discarded=1`);
    case "undo":
      if (!stale && pending.corrections.length > 0) undoLastCorrection(context.db, pending);
      return redirect(here);
    case "reset":
      if (!stale) resetCorrections(context.db, pending);
      return redirect(here);
    case "confirm": {
      if (stale) return data({ error: { key: "draftUpload.correct.error.stale" } }, { status: 409 });
      if (consultation.status !== "draft" && values.understood !== "yes") {
        return data({ error: { key: "draftUpload.confirm.understood.required" } }, { status: 400 });
      }
      try {
        const stored = confirmPendingDraft(context.db, consultation.slug, pending);
        const query =
          stored.kind === "version"
            ? `version=${stored.versionNumber}`
            : `translation=${stored.language}&version=${stored.versionNumber}&aligned=${stored.aligned}`;
        // Next step after a text is stored: the consultation's admin page, where its opening is scheduled.
        return redirect(`/admin/consultations/${consultation.slug}?${query}`);
      } catch (error) {
        if (error instanceof TranslationError) return data({ error: { key: "draftUpload.translation.noMatch" } }, { status: 400 });
        throw error;
      }
    }
    case "correct": {
      const base = correctionFormSchema.safeParse(values);
      const index = base.success ? base.data.index : -1;
      const fail = (reason: CorrectionFailure) =>
        data({ error: { key: correctionMessage[reason], index, op: values.op ?? "" }, values }, { status: reason === "stale" ? 409 : 400 });
      if (!base.success) return fail("invalid");
      if (stale) return fail("stale");
      const correction = outlineCorrectionSchema.safeParse({
        op: values.op,
        index,
        kind: values.kind,
        label: values.op === "split" ? (values.newLabel ?? "") : values.label,
        at: values.at,
      });
      if (!correction.success) {
        const wrong = new Set(correction.error.issues.map((i) => String(i.path[0])));
        return fail(wrong.has("label") ? "label-invalid" : wrong.has("at") ? "split-not-found" : "invalid");
      }
      try {
        correctPendingDraft(context.db, pending, correction.data);
      } catch (error) {
        if (error instanceof CorrectionError) return fail(error.reason);
        throw error;
      }
      // Back to where the secretariat was working; the node before a joined or removed one.
      const anchor = ["join", "footnote", "delete"].includes(correction.data.op) ? Math.max(0, index - 1) : index;
      return redirect(`${here}?corrected=${correction.data.op}#node-${anchor + 1}`);
    }
    default:
      return data({ error: { key: "draftUpload.correct.error.invalid" } }, { status: 400 });
  }
}
