/**
 * The secretariat's pages for input from other channels (/c/:slug/input...): what each loader
 * returns and what each form does. Every entry point asks the permission function first.
 */
import { effectiveStatus } from "../consultations/lifecycle";
import { randomUUID } from "node:crypto";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Consultation } from "../../db/schema";
import { COUNTRIES } from "../accounts/countries";
import { fieldErrors } from "../accounts/profile-schema";
import { listStakeholderGroups } from "../accounts/users.server";
import { can } from "../auth/permissions";
import { getActor, requirePermission } from "../auth/session.server";
import { commentParagraphs } from "../comments/comment-text";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import {
  AlreadyImportedError,
  checkFile,
  discardPendingImport,
  findPendingImport,
  importLookups,
  importRows,
  stagePendingImport,
} from "./bulk-import.server";
import { MAX_IMPORT_BYTES, type ImportProblem } from "./import-rows";
import { createMeeting, getMeeting, listImportBatches, listMeetings, meetingComments, recordMeetingComment } from "./recorded-comments.server";
import { meetingSchema, recordedCommentSchema, resolveOrigin, type Origin } from "./recorded-input";
import { translatableError } from "../i18n/error-message";
import { commentsChanged } from "../comments/live-updates.server";
import { pendingTokenParam, readUploadedFile } from "../http/uploaded-file.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,100}$/);
const idParam = z.coerce.number().int().positive();

function notFound(key: "error.consultationNotFound" | "meeting.notFound" | "import.file.expired", slug = ""): never {
  throw data(translatableError(key, { slug }), { status: 404 });
}

/** The consultation of the address, once the permission function allows recording its input. */
export async function requireInputAccess(request: Request, context: AppLoadContext, slug: string | undefined) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(context.db, parsed.data) : undefined;
  // A consultation the visitor may not even read is not found, so its existence does not leak.
  if (!consultation || !can(await getActor(request, context.db, context.config), { action: "consultation.read", consultation })) {
    notFound("error.consultationNotFound", String(slug ?? "").slice(0, 100));
  }
  const actor = await requirePermission(request, context.db, context.config, { action: "input.record", consultation });
  if (actor.kind !== "user") throw redirect("/sign-in");
  return { consultation, userId: actor.userId };
}

const consultationView = (c: Consultation) => ({ slug: c.slug, title: c.title, status: effectiveStatus(c, new Date()) });

export function inputOverview(context: AppLoadContext, consultation: Consultation, searchParams: URLSearchParams) {
  const batches = listImportBatches(context.db, consultation.id);
  const imported = idParam.safeParse(searchParams.get("imported"));
  const justImported = imported.success ? batches.find((b) => b.id === imported.data) : undefined;
  return {
    consultation: consultationView(consultation),
    meetings: listMeetings(context.db, consultation.id).map((m) => ({
      id: m.id, title: m.title, channel: m.channel, location: m.location, region: m.region, heldOn: m.heldOn, comments: m.comments, people: m.people,
    })),
    batches: batches.map((b) => ({ id: b.id, fileName: b.fileName, rowCount: b.rowCount, importedOn: b.createdAt.toISOString().slice(0, 10) })),
    justImported: justImported ? { fileName: justImported.fileName, count: justImported.rowCount } : null,
  };
}

const formValues = (form: FormData) =>
  Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 20_000)]));

export async function submitMeeting(request: Request, context: AppLoadContext, consultation: Consultation, userId: number) {
  const values = formValues(await request.formData());
  const parsed = meetingSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const meeting = createMeeting(context.db, consultation.id, userId, parsed.data);
  return redirect(`/c/${consultation.slug}/input/meetings/${meeting.id}`);
}

function loadMeeting(context: AppLoadContext, consultation: Consultation, meetingId: string | undefined) {
  const id = idParam.safeParse(meetingId);
  const meeting = id.success ? getMeeting(context.db, consultation.id, id.data) : undefined;
  if (!meeting) notFound("meeting.notFound");
  return meeting;
}

/** The paragraphs of the current version one may comment on, by label. */
function commentableParagraphs(context: AppLoadContext, consultationId: number) {
  const version = currentVersion(context.db, consultationId);
  const nodes = version ? getOutline(context.db, version.id) : [];
  return { versionId: version?.id ?? null, paragraphs: nodes.filter((n) => n.label !== null && n.kind !== "heading") };
}

const excerpt = (text: string, length = 120) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function meetingPage(context: AppLoadContext, consultation: Consultation, meetingId: string | undefined) {
  const meeting = loadMeeting(context, consultation, meetingId);
  const { paragraphs } = commentableParagraphs(context, consultation.id);
  const labels = new Map(paragraphs.map((n) => [n.nodeId, n.label!]));
  return {
    consultation: consultationView(consultation),
    meeting: { id: meeting.id, title: meeting.title, channel: meeting.channel, location: meeting.location, region: meeting.region, heldOn: meeting.heldOn },
    paragraphs: paragraphs.map((n) => ({ label: n.label!, excerpt: excerpt(n.text, 60) })),
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
    countries: COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
    recorded: meetingComments(context.db, meeting.id).map(({ comment: c, group }) => ({
      id: c.id,
      label: c.nodeId === null ? null : (labels.get(c.nodeId) ?? null),
      stance: c.stance,
      author: c.authorName,
      group,
      people: c.peopleRepresented,
      excerpt: excerpt(commentParagraphs(c.body).map((p) => p.map((s) => s.text).join("")).join(" ")),
    })),
    submissionId: randomUUID(),
  };
}

export async function submitRecordedComment(request: Request, context: AppLoadContext, consultation: Consultation, userId: number, meetingId: string | undefined) {
  const meeting = loadMeeting(context, consultation, meetingId);
  const values = formValues(await request.formData());
  const parsed = recordedCommentSchema.safeParse(values);
  const { versionId, paragraphs } = commentableParagraphs(context, consultation.id);
  const node = parsed.success && parsed.data.paragraph !== "" ? paragraphs.find((n) => n.label === parsed.data.paragraph) : undefined;
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  if (parsed.data.paragraph !== "" && !node) return data({ errors: { paragraph: "recorded.paragraph.unknown" }, values }, { status: 400 });
  const input = parsed.data;
  const origin = resolveOrigin(input.countryCode, input.region) as Origin;
  const comment = recordMeetingComment(context.db, meeting, userId, {
    ...origin,
    nodeId: node?.nodeId ?? null,
    versionId,
    stance: input.stance,
    body: input.body,
    proposedText: input.proposedText,
    authorName: input.authorName,
    stakeholderGroupId: input.stakeholderGroupId,
    peopleRepresented: input.peopleRepresented,
    language: input.language,
    submissionId: input.submissionId,
  });
  commentsChanged(context, consultation.id, { slug: consultation.slug, nodeId: comment.nodeId, kind: "comment" });
  return redirect(`/c/${consultation.slug}/input/meetings/${meeting.id}?recorded=${comment.id}#recorded-title`);
}

/** At most this many problems are listed; the count says how many more there were. */
const LISTED_PROBLEMS = 200;
function problemList(problems: ImportProblem[]) {
  // Keys and values, translated by the page in the reader's language.
  return { problems: problems.slice(0, LISTED_PROBLEMS), total: problems.length };
}
const refused = (problems: ImportProblem[], status = 400) => data(problemList(problems), { status });

export async function submitUpload(request: Request, context: AppLoadContext, consultation: Consultation, userId: number) {
  const upload = await readUploadedFile(request, { maxBytes: MAX_IMPORT_BYTES });
  if (!upload.ok && upload.problem === "tooLarge") return refused([{ key: "import.file.tooLarge", values: { max: MAX_IMPORT_BYTES / 1_000_000 } }], 413);
  if (!upload.ok) return data({ errors: { file: "import.file.required" } }, { status: 400 });
  const { fileName, bytes } = upload;
  const checked = await checkFile(context.db, consultation.id, fileName, bytes);
  if (!checked.ok) return refused(checked.problems);
  const token = stagePendingImport(context.db, { consultationId: consultation.id, fileName, bytes, uploadedById: userId });
  return redirect(`/c/${consultation.slug}/input/import/${token}`);
}

async function loadPending(context: AppLoadContext, consultation: Consultation, token: string | undefined) {
  const parsed = pendingTokenParam.safeParse(token);
  const pending = parsed.success ? findPendingImport(context.db, consultation.id, parsed.data) : undefined;
  if (!pending) notFound("import.file.expired");
  // Checked again: the draft or the stakeholder groups may have changed since the upload.
  return { pending, token: parsed.data!, checked: await checkFile(context.db, consultation.id, pending.fileName, pending.file) };
}

/** Rows shown in the preview; the summary counts all of them. */
const PREVIEWED_ROWS = 500;

export async function previewPage(context: AppLoadContext, consultation: Consultation, token: string | undefined) {
  const { pending, checked } = await loadPending(context, consultation, token);
  return {
    consultation: consultationView(consultation),
    fileName: pending.fileName,
    refused: checked.ok ? null : problemList(checked.problems),
    total: checked.ok ? checked.rows.length : 0,
    people: checked.ok ? checked.rows.reduce((sum, r) => sum + r.peopleRepresented, 0) : 0,
    rows: checked.ok
      ? checked.rows.slice(0, PREVIEWED_ROWS).map((r) => ({ row: r.row, label: r.label, stance: r.stance, author: r.authorName, excerpt: excerpt(r.body) }))
      : [],
  };
}

export async function submitPreview(request: Request, context: AppLoadContext, consultation: Consultation, userId: number, token: string | undefined) {
  const form = await request.formData();
  const { pending, token: valid, checked } = await loadPending(context, consultation, token);
  if (form.get("intent") === "cancel") {
    discardPendingImport(context.db, valid);
    return redirect(`/c/${consultation.slug}/input`);
  }
  if (!checked.ok) return refused(checked.problems);
  try {
    const batch = importRows(context.db, {
      consultationId: consultation.id,
      versionId: importLookups(context.db, consultation.id).versionId,
      fileName: pending.fileName,
      fileSha256: checked.fileSha256,
      rows: checked.rows,
      importedById: userId,
      pendingToken: valid,
    });
    commentsChanged(context, consultation.id, { slug: consultation.slug, nodeId: null, kind: "comment" });
    return redirect(`/c/${consultation.slug}/input?imported=${batch.id}`);
  } catch (error) {
    // Confirmed twice (two tabs): the second finds the file imported and nothing was written.
    if (error instanceof AlreadyImportedError) return refused([{ key: "import.file.alreadyImported", values: { fileName: pending.fileName, date: new Date().toISOString().slice(0, 10) } }], 409);
    throw error;
  }
}
