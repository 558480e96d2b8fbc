/**
 * The pages of joint submissions (decision 031): the list of one's joint drafts in a consultation
 * (and starting one), a joint draft (write, invite, sign, submit), and accepting an invitation.
 * Every loader and action asks `can()`; a joint draft the reader does not co-author answers 404,
 * like one that does not exist, so its existence is not revealed.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { fieldErrors } from "../accounts/profile-schema";
import { can } from "../auth/permissions";
import { rateLimits, retryAfterSeconds, writeChecks } from "../auth/rate-limit.server";
import { getSignedInUser, requireUser, type SignedInUser } from "../auth/session.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { paragraphPath } from "../drafts/outline";
import { translatableError } from "../i18n/error-message";
import { requestLocale } from "../i18n/locale.server";
import type { Consultation, Language } from "../../db/schema";
import {
  acceptInvitation,
  coAuthorsOf,
  consultationOfJoint,
  createInvitationLink,
  getJointDraft,
  invitationByToken,
  invitationsOf,
  inviteByEmail,
  inviteSchema,
  jointRef,
  linkSchema,
  myJointDrafts,
  removeCoAuthor,
  revokeInvitation,
  saveJointText,
  saveSchema,
  signatureState,
  signJointDraft,
  startJointDraft,
  startSchema,
  submitJointDraft,
  withdrawSignature,
  type JointDraft,
} from "./joint-drafts.server";
import { jointDocumentName } from "./joint-text";
import { commentsChanged } from "../comments/live-updates.server";

const COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"];

const formValues = (form: FormData) =>
  Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 20_000)]));

function readableConsultation(signedIn: SignedInUser | null, context: AppLoadContext, slug: string | undefined): Consultation {
  const consultation = slug ? getConsultationBySlug(context.db, slug) : undefined;
  if (!consultation || !can(signedIn?.actor ?? { kind: "anonymous" }, { action: "consultation.read", consultation })) {
    throw data(translatableError("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }), { status: 404 });
  }
  return consultation;
}

/** The paragraphs of the current version, by node id (label and text). */
function paragraphs(context: AppLoadContext, consultationId: number) {
  const version = currentVersion(context.db, consultationId);
  return new Map((version ? getOutline(context.db, version.id) : []).map((n) => [n.nodeId, n]));
}

// The list and starting one ---------------------------------------------------------------------

export async function jointListPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const consultation = readableConsultation(signedIn, context, slug);
  const nodes = paragraphs(context, consultation.id);
  const asked = new URL(request.url).searchParams.get("p");
  const node = asked ? [...nodes.values()].find((n) => n.label === asked && n.kind !== "heading") : undefined;
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    canStart: can(signedIn.actor, { action: "joint.start", consultation }),
    paragraph: node ? { label: node.label!, text: node.text } : null,
    drafts: myJointDrafts(context.db, signedIn.user.id, consultation.id).map((d) => ({
      id: d.id,
      stance: d.stance,
      state: d.state,
      label: d.nodeId ? (nodes.get(d.nodeId)?.label ?? null) : null,
      initiator: d.initiatorId === signedIn.user.id,
    })),
  };
}

export async function startJoint(request: Request, context: AppLoadContext, slug: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const consultation = readableConsultation(signedIn, context, slug);
  const values = formValues(await request.formData());
  if (!can(signedIn.actor, { action: "joint.start", consultation })) return data({ errors: { form: "joint.start.closed" }, values }, { status: 403 });
  const parsed = startSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const node = parsed.data.label === "" ? null : [...paragraphs(context, consultation.id).values()].find((n) => n.label === parsed.data.label && n.kind !== "heading");
  if (parsed.data.label !== "" && !node) throw data(translatableError("error.paragraphNotFound", { label: parsed.data.label.slice(0, 100) }), { status: 404 });
  const draft = startJointDraft(context.db, {
    consultation,
    initiator: signedIn.user,
    nodeId: node?.nodeId ?? null,
    paragraphText: node?.text ?? null,
    stance: parsed.data.stance,
    language: parsed.data.language,
  });
  return redirect(`/c/${consultation.slug}/joint/${draft.id}`);
}

// One joint draft -------------------------------------------------------------------------------

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The draft, if the reader co-authors it; 404 otherwise, exactly as for a draft that does not exist. */
async function openJoint(request: Request, context: AppLoadContext, slug: string | undefined, rawId: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const consultation = readableConsultation(signedIn, context, slug);
  const id = idSchema.safeParse(rawId);
  const draft = id.success ? getJointDraft(context.db, id.data) : undefined;
  const joint = draft ? jointRef(context.db, draft, signedIn.user.id) : null;
  if (!draft || !joint || draft.consultationId !== consultation.id || !can(signedIn.actor, { action: "joint.read", joint })) {
    throw data(translatableError("joint.notFound"), { status: 404 });
  }
  return { signedIn, consultation, draft, joint };
}

const flagsSchema = z.object({
  saved: z.enum(["1"]).optional().catch(undefined),
  overwrote: z.enum(["1"]).optional().catch(undefined),
  invited: z.enum(["1"]).optional().catch(undefined),
});

export async function jointDraftPage(request: Request, context: AppLoadContext, slug: string | undefined, rawId: string | undefined) {
  const { signedIn, consultation, draft, joint } = await openJoint(request, context, slug, rawId);
  const { actor, user } = signedIn;
  const node = draft.nodeId ? paragraphs(context, consultation.id).get(draft.nodeId) : undefined;
  const signatures = signatureState(context.db, context.collab, draft);
  const manage = can(actor, { action: "joint.manage", consultation, joint });
  const flags = flagsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    draft: {
      id: draft.id,
      stance: draft.stance,
      state: draft.state,
      language: draft.language,
      revision: draft.revision,
      body: signatures.text.body,
      proposedText: signatures.text.proposedText,
      commentId: draft.commentId,
    },
    paragraph: node ? { label: node.label, text: node.text, path: node.label ? paragraphPath(consultation.slug, node.label) : null } : null,
    docName: jointDocumentName(draft.id),
    me: user.id,
    initiatorId: draft.initiatorId,
    can: {
      write: can(actor, { action: "joint.write", consultation, joint }),
      sign: can(actor, { action: "joint.sign", consultation, joint }),
      manage,
      submit: can(actor, { action: "joint.submit", consultation, joint }),
    },
    unconfirmed: !actor.emailConfirmed,
    coAuthors: coAuthorsOf(context.db, draft.id).map((c) => ({
      userId: c.userId,
      name: c.name,
      organisation: c.organisation,
      countryCode: c.countryCode,
      initiator: c.userId === draft.initiatorId,
      signed: signatures.valid.some((s) => s.userId === c.userId),
      signedEarlier: signatures.stale.some((s) => s.userId === c.userId),
    })),
    invitations: manage
      ? invitationsOf(context.db, draft.id).map((i) => ({ id: i.id, email: i.email, singleUse: i.singleUse, expiresAt: i.expiresAt.toISOString(), status: i.status }))
      : [],
    user: {
      name: user.displayName,
      color: COLOURS[user.id % COLOURS.length]!,
      role: "participant" as const,
      region: user.unescoRegion,
      organisation: user.organisation,
      country: user.countryCode,
    },
    flags,
  };
}

const intentSchema = z.enum(["save", "invite", "link", "revoke", "remove", "sign", "unsign", "submit"], { error: "error.invalidForm" });

export async function jointDraftAction(request: Request, context: AppLoadContext, slug: string | undefined, rawId: string | undefined) {
  const { signedIn, consultation, draft, joint } = await openJoint(request, context, slug, rawId);
  const { actor, user } = signedIn;
  const form = await request.formData();
  const values = formValues(form);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  const here = `/c/${consultation.slug}/joint/${draft.id}`;
  const refuse = (key: string, status = 403) => data({ errors: { form: key }, values, intent: intent.data }, { status });
  // Invitations send e-mail to any address and submitting publishes: both count as contributions.
  const overLimit = async () => {
    const limited = await rateLimits(context).consumeAll(writeChecks(context, "contribution", user.id));
    if (limited.allowed) return null;
    return data(
      { errors: { form: "joint.tooMany" }, values, intent: intent.data },
      { status: 429, headers: { "Retry-After": String(retryAfterSeconds(limited.msBeforeNext)) } },
    );
  };
  const allowed = (action: "joint.write" | "joint.sign" | "joint.manage" | "joint.submit") => can(actor, { action, consultation, joint });
  switch (intent.data) {
    case "save": {
      if (!allowed("joint.write")) return refuse("joint.readOnly");
      const parsed = saveSchema.safeParse(values);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, intent: intent.data }, { status: 400 });
      const { overwrote } = saveJointText(context.db, context.collab, draft, user.id, parsed.data);
      return redirect(`${here}?saved=1${overwrote ? "&overwrote=1" : ""}`);
    }
    case "invite": {
      if (!allowed("joint.write")) return refuse("joint.readOnly");
      const parsed = inviteSchema.safeParse(values);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, intent: intent.data }, { status: 400 });
      const limited = await overLimit();
      if (limited) return limited;
      const node = draft.nodeId ? paragraphs(context, consultation.id).get(draft.nodeId) : undefined;
      const locale: Language = await requestLocale(request, context, signedIn);
      const outcome = inviteByEmail(context.db, {
        draft,
        consultation,
        inviter: user,
        email: parsed.data.email,
        label: node?.label ?? null,
        origin: context.config.publicOrigin,
        locale,
      });
      if (!outcome.ok) return refuse(outcome.error, 409);
      context.notifier?.wake();
      context.mailer?.wake();
      return redirect(`${here}?invited=1#co-authors-title`);
    }
    case "link": {
      if (!allowed("joint.manage")) return refuse("joint.initiatorOnly");
      const parsed = linkSchema.safeParse(values);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, intent: intent.data }, { status: 400 });
      const token = createInvitationLink(context.db, draft, user.id, parsed.data);
      if (!token) return refuse("joint.invite.tooMany", 409);
      // Shown once, here: only its hash is stored.
      return data({ link: `${context.config.publicOrigin}/joint/accept/${token}`, intent: intent.data });
    }
    case "revoke": {
      if (!allowed("joint.manage")) return refuse("joint.initiatorOnly");
      const id = z.string().regex(/^[0-9a-f]{64}$/).safeParse(form.get("invitationId"));
      if (!id.success || !revokeInvitation(context.db, draft.id, id.data)) throw data(translatableError("error.invalidForm"), { status: 400 });
      return redirect(`${here}#invitations-title`);
    }
    case "remove": {
      if (!allowed("joint.manage")) return refuse("joint.initiatorOnly");
      const id = idSchema.safeParse(form.get("userId"));
      if (!id.success || !removeCoAuthor(context.db, draft, id.data)) throw data(translatableError("error.invalidForm"), { status: 400 });
      context.collab?.reauthorizeMembers(jointDocumentName(draft.id));
      return redirect(`${here}#co-authors-title`);
    }
    case "sign": {
      if (!allowed("joint.sign")) return refuse(allowed("joint.write") ? "comment.confirmFirst" : "joint.readOnly");
      signJointDraft(context.db, context.collab, draft, user);
      return redirect(`${here}#signatures-title`);
    }
    case "unsign": {
      if (!allowed("joint.write")) return refuse("joint.readOnly");
      withdrawSignature(context.db, draft.id, user.id);
      return redirect(`${here}#signatures-title`);
    }
    case "submit": {
      if (!allowed("joint.submit")) return refuse(allowed("joint.manage") ? "comment.confirmFirst" : "joint.initiatorOnly");
      const limited = await overLimit();
      if (limited) return limited;
      const node = draft.nodeId ? paragraphs(context, consultation.id).get(draft.nodeId) : undefined;
      const outcome = submitJointDraft(context.db, context.collab, draft, user, consultation, node?.label ?? null);
      if (!outcome.ok) return refuse(outcome.error, 409);
      // Frozen: the co-authors' editors turn read-only now.
      context.collab?.reauthorizeMembers(jointDocumentName(draft.id));
      context.notifier?.wake();
      commentsChanged(context, consultation.id, { slug: consultation.slug, nodeId: draft.nodeId, kind: "comment" });
      const page = node?.label ? paragraphPath(consultation.slug, node.label) : `/c/${consultation.slug}/comments`;
      return redirect(`${page}?published=comment&comment=${outcome.comment.id}#comment-${outcome.comment.id}`);
    }
  }
}

// Accepting an invitation -----------------------------------------------------------------------

export async function acceptPage(request: Request, context: AppLoadContext, token: string | undefined) {
  const signedIn = await getSignedInUser(request, context.db, context.config);
  const found = token ? invitationByToken(context.db, token) : undefined;
  const here = new URL(request.url).pathname;
  if (!found) return { status: "invalid" as const, signedIn: signedIn !== null, here, consultation: null, label: null, already: false };
  const node = found.draft.nodeId ? paragraphs(context, found.consultation.id).get(found.draft.nodeId) : undefined;
  const already = signedIn !== null && jointRef(context.db, found.draft, signedIn.user.id).coAuthor;
  return {
    status: found.status,
    signedIn: signedIn !== null,
    here,
    consultation: { slug: found.consultation.slug, title: found.consultation.title },
    label: node?.label ?? null,
    already,
    jointDraftId: already ? found.draft.id : null,
  };
}

export async function acceptAction(request: Request, context: AppLoadContext, token: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const found = token ? invitationByToken(context.db, token) : undefined;
  const consultation = found ? consultationOfJoint(context.db, found.draft) : undefined;
  if (!found || !consultation) return data({ errors: { form: "joint.accept.invalid" } }, { status: 404 });
  if (!can(signedIn.actor, { action: "joint.start", consultation })) return data({ errors: { form: "joint.start.closed" } }, { status: 403 });
  const outcome = acceptInvitation(context.db, token!, signedIn.user.id);
  if (!outcome.ok) return data({ errors: { form: outcome.error } }, { status: 409 });
  return redirect(`/c/${consultation.slug}/joint/${outcome.jointDraftId}`);
}

export type { JointDraft };
