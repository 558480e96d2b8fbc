/**
 * The fixed vocabularies of the data model, without any database code, so that browser bundles can
 * use them (forms, filters) without pulling in the ORM.
 */
/**
 * The lifecycle of a consultation (docs/consultation-lifecycle.md). "scheduled" and "open" are
 * stored, but the state a reader sees is derived from them and the clock (app/consultations/
 * lifecycle.ts): a scheduled consultation is open from its opening instant, an open one closed from
 * its closing instant, whether or not the scheduler has written it down yet.
 */
export const consultationStatuses = ["draft", "scheduled", "open", "closed", "results-published"] as const;

/** What the audit log of a consultation records. */
export const consultationEventKinds = [
  "created",
  "edited",
  "scheduled",
  "unscheduled",
  "opened",
  "closed",
  "extended",
  "reopened",
  "results-published",
  "round-opened",
] as const;

export const nodeKinds = [
  "heading",
  "preambular",
  "operative",
  "paragraph",
  "subparagraph",
  "text",
] as const;

export const roles = ["participant", "moderator", "secretariat"] as const;

export const unescoRegions = [
  "africa",
  "arab-states",
  "asia-pacific",
  "europe-north-america",
  "latin-america-caribbean",
] as const;

export const electoralGroups = ["I", "II", "III", "IV", "V(a)", "V(b)"] as const;

export const genders = ["prefer-not-to-say", "woman", "man", "non-binary", "other"] as const;

export const ageBands = ["prefer-not-to-say", "under-18", "18-24", "25-34", "35-49", "50-64", "65-plus"] as const;

export const languages = ["en", "fr", "es", "ar", "zh", "ru"] as const;

export const stances = ["support", "concern", "amendment", "question", "remark"] as const;

/**
 * How a comment reached the consultation: typed online by its author, recorded by the secretariat
 * on behalf of a meeting (regional consultation, multi-stakeholder workshop, other meeting), or
 * bulk-imported from written submissions (letters, e-mails, a partner's spreadsheet).
 */
export const channels = [
  "online",
  "regional-consultation",
  "stakeholder-workshop",
  "other-meeting",
  "written-submission",
] as const;

/** The channels of a meeting recorded by the secretariat. */
export const meetingChannels = ["regional-consultation", "stakeholder-workshop", "other-meeting"] as const;

/**
 * What the expert group decided about a comment (or a campaign group of near-identical comments),
 * in the words standards bodies use when they resolve comments.
 */
export const decisions = ["accepted", "accepted-in-part", "noted", "not-accepted", "out-of-scope", "duplicate"] as const;

/** The ISO/IEC comment template's "type of comment": general, technical, editorial. */
export const commentTypes = ["general", "technical", "editorial"] as const;

export type ConsultationStatus = (typeof consultationStatuses)[number];
export type ConsultationEventKind = (typeof consultationEventKinds)[number];
export type NodeKind = (typeof nodeKinds)[number];
export type Role = (typeof roles)[number];
export type UnescoRegion = (typeof unescoRegions)[number];
export type ElectoralGroup = (typeof electoralGroups)[number];
export type Language = (typeof languages)[number];
export type Stance = (typeof stances)[number];
export type Channel = (typeof channels)[number];
export type Decision = (typeof decisions)[number];
export type CommentType = (typeof commentTypes)[number];
export type MeetingChannel = (typeof meetingChannels)[number];

/**
 * What a participant is told about (issue 16). Each belongs to one e-mail preference category
 * (app/notifications/preferences.ts), which the participant sets once for all its kinds.
 */
export const notificationKinds = [
  "reply",
  "new-comment",
  "endorsement",
  "consultation-opened",
  "consultation-closing",
  "consultation-closed",
  "results-published",
  "disposition",
  "announcement",
  "joint-invitation",
  "joint-submitted",
] as const;

/** The e-mail preference categories, one setting each on the account page. */
export const emailCategories = ["replies", "activity", "endorsements", "consultations", "dispositions", "announcements"] as const;

/** When a category's e-mail goes out: at once, in the daily or weekly digest, or not at all. */
export const emailModes = ["immediately", "daily", "weekly", "never"] as const;

/** A joint submission (issue 17): written together while a draft, frozen and published once submitted. */
export const jointDraftStates = ["drafting", "submitted", "withdrawn"] as const;
export type JointDraftState = (typeof jointDraftStates)[number];

/** An outbox row's delivery: waiting, claimed by a sender (with a lease), sent, or given up. */
export const outboxStatuses = ["pending", "sending", "sent", "failed"] as const;

export type NotificationKind = (typeof notificationKinds)[number];
export type EmailCategory = (typeof emailCategories)[number];
export type EmailMode = (typeof emailModes)[number];
export type OutboxStatus = (typeof outboxStatuses)[number];
