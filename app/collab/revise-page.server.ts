/** The working draft page: who may open it, what it shows without JavaScript, publishing. */
import { data, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { workingDraftName } from "../../realtime/protocol";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { workingDraftLabels } from "../drafts/relabel";
import { publishWorkingDraft, workingDraftBlocks } from "./working-drafts.server";
import { translatableError } from "../i18n/error-message";
import { requestTranslator } from "../i18n/locale.server";
import { readWorkingDraft } from "../drafts/working-draft";
import { revisePassages, withWorkingDraft } from "./passage-anchors.server";

const COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"];

async function openWorkingDraft(request: Request, context: AppLoadContext, slug: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const consultation = slug ? getConsultationBySlug(context.db, slug) : undefined;
  if (!consultation || !can(signedIn.actor, { action: "consultation.read", consultation })) {
    throw data(translatableError("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }), { status: 404 });
  }
  if (!can(signedIn.actor, { action: "draft.view", consultation })) {
    throw data(translatableError("error.forbidden.body"), { status: 403 });
  }
  return { signedIn, consultation };
}

export async function revisePage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { signedIn, consultation } = await openWorkingDraft(request, context, slug);
  const docName = workingDraftName(consultation.slug);
  const t = await requestTranslator(request, context);
  // The blocks and the passages from one load of the working draft (replaying its log is the
  // page's main cost when nobody has it open); without one yet, the published text and no passages.
  const loaded = withWorkingDraft(
    context.db,
    context.collab,
    consultation.slug,
    (doc) => ({ blocks: readWorkingDraft(doc), passages: revisePassages(context.db, consultation.id, doc, t("comment.participant")) }),
    { create: false },
  );
  const blocks = loaded?.blocks ?? workingDraftBlocks(context.db, consultation.slug) ?? [];
  const labels = workingDraftLabels(blocks);
  const { user, actor } = signedIn;
  const expert = actor.expertOf.has(consultation.id);
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    docName,
    writable: can(actor, { action: "draft.edit", consultation }),
    canPublish: can(actor, { action: "draft.publish", consultation }),
    user: {
      name: user.displayName,
      role: user.role === "participant" && expert ? "expert" : user.role,
      region: user.unescoRegion,
      color: COLOURS[user.id % COLOURS.length]!,
    },
    blocks: blocks.map((b, i) => ({ nodeId: b.nodeId, kind: b.kind, level: b.level, label: labels[i] ?? null, text: b.text })),
    passages: loaded?.passages ?? [],
  };
}

export async function publishRevision(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { signedIn, consultation } = await openWorkingDraft(request, context, slug);
  if (!can(signedIn.actor, { action: "draft.publish", consultation })) {
    throw data(translatableError("error.forbidden.body"), { status: 403 });
  }
  const live = context.collab?.documents.get(workingDraftName(consultation.slug))?.doc;
  const stored = publishWorkingDraft(context.db, consultation.slug, live);
  if (!stored) throw data(translatableError("error.nothingToPublish"), { status: 400 });
  return redirect(`/c/${consultation.slug}/changes?to=${stored.versionNumber}`);
}
