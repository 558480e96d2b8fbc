import { sql } from "drizzle-orm";
import {
  blob,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  ageBands,
  channels,
  commentTypes,
  consultationEventKinds,
  consultationStatuses,
  decisions,
  electoralGroups,
  emailCategories,
  emailModes,
  notificationKinds,
  outboxStatuses,
  genders,
  jointDraftStates,
  languages,
  meetingChannels,
  nodeKinds,
  roles,
  stances,
  unescoRegions,
} from "./enums";

export * from "./enums";



const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const consultations = sqliteTable(
  "consultations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The call to participate shown above the text. */
    callToParticipate: text("call_to_participate").notNull().default(""),
    /** The language title, description and call were written in: what a reader gets without theirs. */
    language: text("language", { enum: languages }).notNull().default("en"),
    /**
     * Title, description and call in other UI languages, JSON `{ "fr": { "title", "description",
     * "callToParticipate" } }` (app/consultations/consultation-texts.ts).
     */
    translations: text("translations").notNull().default("{}"),
    status: text("status", { enum: consultationStatuses }).notNull().default("draft"),
    /** Instants, in UTC; `timeZone` is only how they were entered and are shown besides the reader's. */
    opensAt: integer("opens_at", { mode: "timestamp_ms" }),
    closesAt: integer("closes_at", { mode: "timestamp_ms" }),
    /** IANA zone of the consultation ("Europe/Paris"). */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Stakeholder group ids who may comment, JSON array; empty: every registered participant. */
    commenterGroupIds: text("commenter_group_ids").notNull().default("[]"),
    /** The round under way: 1, then 2 once a second round opens on a newer version. */
    round: integer("round").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("consultations_slug_unique").on(t.slug),
    check("consultations_status_check", sql`${t.status} in ('draft', 'scheduled', 'open', 'closed', 'results-published')`),
  ],
);

/** Each round of a consultation: the version it asked comments on, and when it opened. */
export const consultationRounds = sqliteTable(
  "consultation_rounds",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    versionId: integer("version_id").references(() => documentVersions.id),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("consultation_rounds_unique").on(t.consultationId, t.number)],
);

/**
 * The audit log of a consultation's lifecycle: every change of state, schedule or settings, who
 * made it (null: the scheduler, at the stored instant) and when.
 */
export const consultationEvents = sqliteTable(
  "consultation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: consultationEventKinds }).notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Free detail, e.g. the new closing instant: JSON. */
    detail: text("detail").notNull().default("{}"),
    createdAt: createdAt(),
    /**
     * When the notifier told followers of this milestone (app/notifications/notifier.server.ts);
     * null while it waits. Events that are not milestones are written with it set.
     */
    notifiedAt: integer("notified_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("consultation_events_consultation_idx").on(t.consultationId, t.createdAt),
    index("consultation_events_waiting_idx").on(t.id).where(sql`notified_at is null`),
  ],
);

/** A text under consultation; its content lives in immutable versions. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id").references(() => consultations.id, {
      onDelete: "set null",
    }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("documents_slug_unique").on(t.slug),
    index("documents_consultation_idx").on(t.consultationId),
  ],
);

export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    sourceFormat: text("source_format", { enum: ["text", "markdown", "docx", "editor"] }).notNull(),
    sourceName: text("source_name"),
    /** The language the version was written in; translations of it live in node_translations. */
    language: text("language", { enum: languages }).notNull().default("en"),
    /** Null while the version is being assembled; once set the version and its nodes are frozen (triggers). */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_versions_number_unique").on(t.documentId, t.number)],
);

/**
 * A version's text in another language, node by node: imported per language and aligned with the
 * version's outline (by label, else by order), so a reader can switch language and every comment
 * stays on the same node.
 */
export const nodeTranslations = sqliteTable(
  "node_translations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => documentVersions.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    language: text("language", { enum: languages }).notNull(),
    text: text("text").notNull(),
    footnotes: text("footnotes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [uniqueIndex("node_translations_version_node_language_unique").on(t.versionId, t.nodeId, t.language)],
);

/**
 * One node of a version's outline. `nodeId` is the stable identity of a paragraph: a later version
 * reuses it when the paragraph carries over, so comments and decisions stay attached across versions.
 */
export const outlineNodes = sqliteTable(
  "outline_nodes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => documentVersions.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    kind: text("kind", { enum: nodeKinds }).notNull(),
    label: text("label"),
    parentNodeId: text("parent_node_id"),
    level: integer("level").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    /** JSON array of footnote texts cited by this node. */
    footnotes: text("footnotes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [
    uniqueIndex("outline_nodes_version_node_unique").on(t.versionId, t.nodeId),
    uniqueIndex("outline_nodes_version_label_unique").on(t.versionId, t.label),
    uniqueIndex("outline_nodes_version_position_unique").on(t.versionId, t.position),
    check(
      "outline_nodes_kind_check",
      sql`${t.kind} in ('heading', 'preambular', 'operative', 'paragraph', 'subparagraph', 'text')`,
    ),
  ],
);

/**
 * Co-editing: every update a writer sends is appended here before it is broadcast, so whatever
 * anyone has seen is on disk. Compaction folds old rows into `collab_snapshots`.
 */
export const collabUpdates = sqliteTable(
  "collab_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docName: text("doc_name").notNull(),
    /** Who sent it; null for updates the server made (the initial working draft). */
    authorId: text("author_id"),
    createdAt: createdAt(),
    update: blob("update", { mode: "buffer" }).notNull(),
  },
  (t) => [index("collab_updates_doc_idx").on(t.docName, t.id)],
);

export const collabSnapshots = sqliteTable("collab_snapshots", {
  docName: text("doc_name").primaryKey(),
  state: blob("state", { mode: "buffer" }).notNull(),
  /** Every update with an id up to this one is contained in `state`. */
  upToUpdateId: integer("up_to_update_id").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Which author each Yjs client id belongs to. Every character in a Yjs document carries its
 * client id, so this mapping keeps authorship traceable after the update log is compacted.
 */
export const collabClients = sqliteTable(
  "collab_clients",
  {
    docName: text("doc_name").notNull(),
    clientId: integer("client_id").notNull(),
    authorId: text("author_id").notNull(),
    firstSeenAt: createdAt(),
  },
  (t) => [uniqueIndex("collab_clients_doc_client_unique").on(t.docName, t.clientId)],
);


/** Stakeholder groups; the secretariat adds to the ten seeded ones. */
export const stakeholderGroups = sqliteTable(
  "stakeholder_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("stakeholder_groups_slug_unique").on(t.slug)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-cased on the way in; unique. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull().default("participant"),
    countryCode: text("country_code").notNull(),
    /** Derived from the country at registration and kept, so aggregation never recomputes it. */
    unescoRegion: text("unesco_region", { enum: unescoRegions }).notNull(),
    electoralGroup: text("electoral_group", { enum: electoralGroups }).notNull(),
    stakeholderGroupId: integer("stakeholder_group_id")
      .notNull()
      .references(() => stakeholderGroups.id),
    organisation: text("organisation"),
    respondsFor: text("responds_for", { enum: ["individual", "organisation"] }).notNull().default("individual"),
    gender: text("gender", { enum: genders }).notNull().default("prefer-not-to-say"),
    ageBand: text("age_band", { enum: ageBands }).notNull().default("prefer-not-to-say"),
    language: text("language", { enum: languages }).notNull().default("en"),
    /** Shown publicly as "Participant · group · country" instead of the name. */
    pseudonymous: integer("pseudonymous", { mode: "boolean" }).notNull().default(false),
    consentedAt: integer("consented_at", { mode: "timestamp_ms" }).notNull(),
    demo: integer("demo", { mode: "boolean" }).notNull().default(false),
    /**
     * When the person proved the address is theirs (the link of the confirmation e-mail, or the
     * secretariat by hand). Null: they read and prepare, but nothing they write is published or
     * counted (decision 028).
     */
    emailConfirmedAt: integer("email_confirmed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_role_idx").on(t.role),
    check("users_role_check", sql`${t.role} in ('participant', 'moderator', 'secretariat')`),
  ],
);

/** The expert group of a consultation; a lead may publish revisions. */
export const consultationExperts = sqliteTable(
  "consultation_experts",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lead: integer("lead", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("consultation_experts_unique").on(t.consultationId, t.userId)],
);

/** Sessions; the id is the SHA-256 of the cookie's token, so a stolen database opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    remember: integer("remember", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const passwordResets = sqliteTable("password_resets", {
  /** SHA-256 of the token sent by e-mail. */
  id: text("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/** A link sent to confirm an e-mail address: single use, expiring; only the newest one works. */
export const emailConfirmations = sqliteTable(
  "email_confirmations",
  {
    /** SHA-256 of the token sent by e-mail. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_confirmations_user_idx").on(t.userId)],
);

/**
 * Every e-mail the platform sends; delivered by the background sender only when SMTP_URL is set
 * (app/notifications/outbox-sender.server.ts, decision 028). The plain text is stored; the HTML is
 * rendered from it at sending time, in `language`.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    error: text("error"),
    /** The recipient's language, for the HTML part's direction and footer. */
    language: text("language", { enum: languages }).notNull().default("en"),
    /** For e-mail of a notification category: where one click unsubscribes (RFC 8058). */
    unsubscribeUrl: text("unsubscribe_url"),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this instant (backoff after a failure); null: at once. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    /** While `sending`: the claim holds until then; a sender that died leaves it to expire. */
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_to_idx").on(t.to)],
);

/** Who follows what: a whole consultation (node id "") or one paragraph (its stable node id). */
export const follows = sqliteTable(
  "follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("follows_unique").on(t.userId, t.consultationId, t.nodeId), index("follows_subject_idx").on(t.consultationId, t.nodeId)],
);

/**
 * What a participant is told, in the app (read or not) and by e-mail (`emailMode` fixed at
 * creation from their preference; `emailedAt` once it went into the outbox, alone or in a digest).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    consultationId: integer("consultation_id").references(() => consultations.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    /** Details to show (JSON): excerpt, paragraph label, decision, rationale, revised text… */
    detail: text("detail").notNull().default("{}"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    emailMode: text("email_mode", { enum: emailModes }).notNull().default("never"),
    emailedAt: integer("emailed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`),
    // Only "emailed_at is null" in the condition: SQLite uses a partial index only when the query
    // repeats its condition, and the notifier asks for one mode at a time.
    index("notifications_email_due_idx").on(t.emailMode, t.userId).where(sql`emailed_at is null`),
  ],
);

/** A participant's choice per e-mail category; without a row, the category's default. */
export const emailPreferences = sqliteTable(
  "email_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category", { enum: emailCategories }).notNull(),
    mode: text("mode", { enum: emailModes }).notNull(),
  },
  (t) => [uniqueIndex("email_preferences_unique").on(t.userId, t.category)],
);

/**
 * What the notifier has done once and must not repeat after a restart: "digest:daily" (when the
 * last daily digest went out), "closing:<consultation>:<closing instant>" (the three-day reminder).
 */
export const notifierMarks = sqliteTable("notifier_marks", {
  key: text("key").primaryKey(),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
});


/**
 * A meeting whose input the secretariat records on behalf of its participants: a regional
 * consultation, a multi-stakeholder workshop or another meeting.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: meetingChannels }).notNull(),
    title: text("title").notNull(),
    location: text("location"),
    /** The region the meeting gathered, when it gathered one. */
    region: text("region", { enum: unescoRegions }),
    /** Calendar date (YYYY-MM-DD) the meeting was held. */
    heldOn: text("held_on").notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_consultation_idx").on(t.consultationId)],
);

/** One bulk import of written comments from a CSV or XLSX file: all its rows, or none. */
export const importBatches = sqliteTable(
  "import_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file: the same file imported twice is refused the second time. */
    fileSha256: text("file_sha256").notNull(),
    rowCount: integer("row_count").notNull(),
    importedById: integer("imported_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("import_batches_file_unique").on(t.consultationId, t.fileSha256)],
);

/**
 * An uploaded file waiting for the secretariat to confirm its import after the preview. The file
 * itself is kept (not its parsed rows) so that confirming validates it again against the draft and
 * the stakeholder groups as they are then; rows expire after an hour (decision 008).
 */
export const pendingImports = sqliteTable(
  "pending_imports",
  {
    /** SHA-256 of the random token in the preview's address. */
    id: text("id").primaryKey(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    file: blob("file", { mode: "buffer" }).notNull(),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_imports_expiry_idx").on(t.expiresAt)],
);

/**
 * A draft (or a translation of the current version) uploaded in the browser and not yet confirmed:
 * the file, the outline the importer read from it, the secretariat's corrections in order and the
 * outline they produce. Kept server-side so the preview survives a reload; nothing of it reaches the
 * published versions until it is confirmed (decision 018).
 */
export const pendingDraftImports = sqliteTable(
  "pending_draft_imports",
  {
    /** SHA-256 of the random token in the preview's address. */
    id: text("id").primaryKey(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["text", "markdown", "docx"] }).notNull(),
    /** Null for the consultation's next version; a language for a translation of its current one. */
    translationLanguage: text("translation_language", { enum: languages }),
    file: blob("file", { mode: "buffer" }).notNull(),
    /** The importer's outline (JSON), what "start again from the file" returns to. */
    importedOutline: text("imported_outline", { mode: "json" }).notNull(),
    /** The corrections applied so far, in order (JSON); the last one is what "undo" takes back. */
    corrections: text("corrections", { mode: "json" }).notNull(),
    /** The importer's outline with every correction applied (JSON): what confirming stores. */
    correctedOutline: text("corrected_outline", { mode: "json" }).notNull(),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_draft_imports_expiry_idx").on(t.expiresAt)],
);

/**
 * Comments on a paragraph (node id) or on the draft as a whole (node id null), and replies. The
 * author's region, electoral group, stakeholder group and country are copied at the time of
 * writing: the record stays whole (and its aggregation stable) when an author later changes their
 * profile or deletes their account and chooses to leave the comments anonymised.
 */
export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    nodeId: text("node_id"),
    versionId: integer("version_id").references(() => documentVersions.id),
    parentId: integer("parent_id"),
    /** Null once the author deleted their account and kept the comment anonymised. */
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    authorPseudonymous: integer("author_pseudonymous", { mode: "boolean" }).notNull().default(false),
    /** Null for input recorded on behalf of a meeting or group that named no country. */
    authorCountryCode: text("author_country_code"),
    authorRegion: text("author_region", { enum: unescoRegions }).notNull(),
    authorElectoralGroup: text("author_electoral_group", { enum: electoralGroups }),
    /** Copied from the profile like the region; null for input recorded on someone's behalf. */
    authorGender: text("author_gender", { enum: genders }),
    authorAgeBand: text("author_age_band", { enum: ageBands }),
    authorStakeholderGroupId: integer("author_stakeholder_group_id")
      .notNull()
      .references(() => stakeholderGroups.id),
    stance: text("stance", { enum: stances }),
    /** The author's preferred language when writing, for the language filter. */
    language: text("language", { enum: languages }).notNull().default("en"),
    body: text("body").notNull(),
    proposedText: text("proposed_text"),
    /**
     * A passage comment: the words selected, and where they were (JSON, see
     * app/comments/passage-anchor.ts): offsets, the quote's context, and once the working draft
     * exists the Yjs relative positions that follow the words through edits.
     */
    passageQuote: text("passage_quote"),
    passageAnchor: text("passage_anchor"),
    channel: text("channel", { enum: channels }).notNull().default("online"),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    importBatchId: integer("import_batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    /** How many people the comment speaks for: 1 online, the attendance of a meeting's input. */
    peopleRepresented: integer("people_represented").notNull().default(1),
    /** The secretariat member who recorded input on someone's behalf. */
    recordedById: integer("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ["visible", "hidden", "removed"] }).notNull().default("visible"),
    /** Why the moderators hid it; shown to its author. */
    hiddenReason: text("hidden_reason"),
    /** One per form rendering: a form sent twice stores one comment. */
    submissionId: text("submission_id").notNull(),
    /** The consultation's round when the comment was made (app/consultations/rounds.server.ts). */
    round: integer("round").notNull().default(1),
    /** Set on the comment a joint submission published (issue 17); its co-signers are in joint_signatures. */
    jointDraftId: integer("joint_draft_id"),
    createdAt: createdAt(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("comments_submission_unique").on(t.submissionId),
    index("comments_node_idx").on(t.consultationId, t.nodeId),
    index("comments_author_idx").on(t.authorId),
    // Partial: a lookup of replies (parent_id = ?) still uses it, and SQLite is not tempted to read
    // every top-level comment through it for "parent_id is null" (decision 013).
    index("comments_parent_idx").on(t.parentId).where(sql`parent_id is not null`),
    index("comments_meeting_idx").on(t.meetingId),
    // The analysis indexes (decision 013): partial (only what the figures count: visible top-level
    // comments) and covering (every filter column inside), each ordered for one GROUP BY so SQLite
    // walks it without sorting: paragraph × stance × region (also the draft page's counts per
    // paragraph and stance), paragraph × stance × stakeholder group, participation by author,
    // comments per day (also the drill-down lists, oldest first).
    index("comments_analysis_region_idx")
      .on(t.consultationId, t.nodeId, t.stance, t.authorRegion, t.authorElectoralGroup, t.authorStakeholderGroupId, t.channel, t.language, t.createdAt)
      .where(sql`parent_id is null and status = 'visible'`),
    index("comments_analysis_group_idx")
      .on(t.consultationId, t.nodeId, t.stance, t.authorStakeholderGroupId, t.authorRegion, t.authorElectoralGroup, t.channel, t.language, t.createdAt)
      .where(sql`parent_id is null and status = 'visible'`),
    index("comments_analysis_author_idx")
      .on(
        t.consultationId, t.authorId, t.authorRegion, t.authorElectoralGroup, t.authorStakeholderGroupId, t.authorGender, t.authorAgeBand,
        t.channel, t.language, t.peopleRepresented, t.stance, t.createdAt,
      )
      .where(sql`parent_id is null and status = 'visible'`),
    index("comments_analysis_day_idx")
      .on(t.consultationId, sql`created_at / 86400000`, t.createdAt, t.authorRegion, t.authorElectoralGroup, t.authorStakeholderGroupId, t.stance, t.channel, t.language)
      .where(sql`parent_id is null and status = 'visible'`),
  ],
);

/**
 * A joint submission (issue 17, decision 031): a coalition writes one comment together, live, on a
 * paragraph (node_id) or on the draft as a whole (node_id null). Private to its co-authors until
 * submitted; then frozen and published as the comment `comment_id`. The live text is the Yjs
 * document `joint/<id>` (collab_updates); `body`/`proposed_text` hold the last plain-form save and,
 * once submitted, the frozen text. `revision` counts plain-form saves, so a save made over someone
 * else's warns instead of silently winning.
 */
export const jointDrafts = sqliteTable(
  "joint_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    nodeId: text("node_id"),
    initiatorId: integer("initiator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stance: text("stance", { enum: stances }).notNull(),
    language: text("language", { enum: languages }).notNull().default("en"),
    body: text("body").notNull().default(""),
    proposedText: text("proposed_text"),
    state: text("state", { enum: jointDraftStates }).notNull().default("drafting"),
    revision: integer("revision").notNull().default(0),
    savedById: integer("saved_by_id").references(() => users.id, { onDelete: "set null" }),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "set null" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("joint_drafts_consultation_idx").on(t.consultationId, t.state),
    uniqueIndex("joint_drafts_comment_unique").on(t.commentId),
  ],
);

/** Who may write a joint draft: the initiator and the co-authors they let in. Removal keeps the row. */
export const jointCoAuthors = sqliteTable(
  "joint_co_authors",
  {
    jointDraftId: integer("joint_draft_id")
      .notNull()
      .references(() => jointDrafts.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: createdAt(),
    removedAt: integer("removed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("joint_co_authors_unique").on(t.jointDraftId, t.userId),
    index("joint_co_authors_user_idx").on(t.userId),
  ],
);

/**
 * An invitation to co-author: to one e-mail address, or a link the initiator shares. Stored as the
 * SHA-256 of the token; single use or good until it expires; revocable.
 */
export const jointInvitations = sqliteTable(
  "joint_invitations",
  {
    id: text("id").primaryKey(),
    jointDraftId: integer("joint_draft_id")
      .notNull()
      .references(() => jointDrafts.id, { onDelete: "cascade" }),
    /** Null for a shared link. */
    email: text("email"),
    singleUse: integer("single_use", { mode: "boolean" }).notNull().default(true),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("joint_invitations_draft_idx").on(t.jointDraftId)],
);

/**
 * A co-author's signature, with who they were when they signed (copied from the profile like a
 * comment's author columns, so the analysis counts co-signers by region and group without
 * recomputing). Only signers are listed on the published comment.
 */
export const jointSignatures = sqliteTable(
  "joint_signatures",
  {
    jointDraftId: integer("joint_draft_id")
      .notNull()
      .references(() => jointDrafts.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    pseudonymous: integer("pseudonymous", { mode: "boolean" }).notNull().default(false),
    organisation: text("organisation"),
    countryCode: text("country_code").notNull(),
    region: text("region", { enum: unescoRegions }).notNull(),
    electoralGroup: text("electoral_group", { enum: electoralGroups }),
    stakeholderGroupId: integer("stakeholder_group_id")
      .notNull()
      .references(() => stakeholderGroups.id),
    /**
     * SHA-256 of the text as it stood when they signed (decision 031): a signature under other
     * words than the current ones is not counted, and asks its signer to sign again.
     */
    textHash: text("text_hash").notNull().default(""),
    signedAt: createdAt(),
  },
  (t) => [uniqueIndex("joint_signatures_unique").on(t.jointDraftId, t.userId)],
);

export const endorsements = sqliteTable(
  "endorsements",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("endorsements_unique").on(t.commentId, t.userId)],
);

/** A reader's report of a comment, until a moderator decides on it. */
export const flags = sqliteTable(
  "flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("flags_comment_user_unique").on(t.commentId, t.userId), index("flags_open_idx").on(t.resolvedAt)],
);

/** Every moderation decision: who, when, what, why. Read by the secretariat. */
export const moderationLog = sqliteTable("moderation_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  commentId: integer("comment_id").references(() => comments.id, { onDelete: "set null" }),
  actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
  actorName: text("actor_name").notNull(),
  action: text("action", { enum: ["hide", "restore", "dismiss"] }).notNull(),
  reason: text("reason").notNull(),
  createdAt: createdAt(),
});

/**
 * Campaign membership (decision 016): the near-identical comments `app/analysis/campaigns.ts`
 * grouped, one row per member. A campaign is named by its representative, its first comment (the
 * lowest id), so `campaign_id = comment_id` on the representative's row; "campaigns collapsed"
 * counts leave out every other member. Recomputed when `campaign_runs` no longer matches the
 * consultation's counted comments.
 */
export const campaignMembers = sqliteTable(
  "campaign_members",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id").notNull(),
  },
  (t) => [
    index("campaign_members_campaign_idx").on(t.consultationId, t.campaignId),
    // The members a collapsed count leaves out: `id not in (select comment_id … where campaign_id <>
    // comment_id)` reads this index as it is instead of building a temporary one per query.
    index("campaign_members_followers_idx").on(t.commentId).where(sql`campaign_id <> comment_id`),
  ],
);

/** What the campaign membership of a consultation was computed from: its counted comments then. */
export const campaignRuns = sqliteTable("campaign_runs", {
  consultationId: integer("consultation_id")
    .primaryKey()
    .references(() => consultations.id, { onDelete: "cascade" }),
  commentCount: integer("comment_count").notNull(),
  maxCommentId: integer("max_comment_id").notNull(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * The expert group's current decision on one comment, or on a campaign group (near-identical
 * comments, keyed by the grouping's key) as a whole. Updated in place; every write is also
 * appended to `disposition_history`, so who changed a decision and when stays on record.
 */
export const dispositions = sqliteTable(
  "dispositions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    groupKey: text("group_key"),
    decision: text("decision", { enum: decisions }).notNull(),
    rationale: text("rationale").notNull().default(""),
    /** JSON array of node ids in the next version that carry the decision (stable across versions). */
    targetNodeIds: text("target_node_ids", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedByName: text("decided_by_name").notNull(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("dispositions_comment_unique").on(t.commentId),
    uniqueIndex("dispositions_group_unique").on(t.consultationId, t.groupKey),
    index("dispositions_consultation_idx").on(t.consultationId),
    check("dispositions_subject_check", sql`(${t.commentId} is null) <> (${t.groupKey} is null)`),
    check(
      "dispositions_decision_check",
      sql`${t.decision} in ('accepted', 'accepted-in-part', 'noted', 'not-accepted', 'out-of-scope', 'duplicate')`,
    ),
  ],
);

export const dispositionHistory = sqliteTable(
  "disposition_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    groupKey: text("group_key"),
    decision: text("decision", { enum: decisions }).notNull(),
    rationale: text("rationale").notNull(),
    targetNodeIds: text("target_node_ids", { mode: "json" }).$type<string[]>().notNull(),
    decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedByName: text("decided_by_name").notNull(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("disposition_history_comment_idx").on(t.commentId)],
);

/**
 * The expert group's working record of a comment: who of them deals with it, and its type in the
 * ISO/IEC template when an expert set one (otherwise a default is derived, see comment-type.ts).
 */
export const commentReviews = sqliteTable(
  "comment_reviews",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    assigneeId: integer("assignee_id").references(() => users.id, { onDelete: "set null" }),
    commentType: text("comment_type", { enum: commentTypes }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("comment_reviews_assignee_idx").on(t.consultationId, t.assigneeId)],
);

export type Disposition = typeof dispositions.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
export type User = typeof users.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type OutlineNodeRow = typeof outlineNodes.$inferSelect;
export type PendingDraftImport = typeof pendingDraftImports.$inferSelect;
export type ConsultationEvent = typeof consultationEvents.$inferSelect;

/**
 * Address ranges the secretariat allows for a meeting (decision 027): addresses in an active one
 * are exempt from per-address rate limits (per-account limits still apply). Rows are kept after
 * expiry or revocation as the record of who allowed what, when.
 */
export const addressAllowances = sqliteTable(
  "address_allowances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Normalised CIDR (app/auth/address-ranges.ts): "196.201.214.0/24", "2001:db8:12::/48". */
    range: text("range").notNull(),
    label: text("label").notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedById: integer("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    revokedByName: text("revoked_by_name"),
  },
  (t) => [index("address_allowances_expires_idx").on(t.expiresAt)],
);
export type AddressAllowance = typeof addressAllowances.$inferSelect;

/**
 * A number per consultation that moves with every write changing what its pages show, so a cached
 * page is known current by reading one row (app/http/page-cache.server.ts, decision 025). Kept by
 * triggers in the migration page-revision-triggers, inside the writing transaction, whichever
 * connection writes (the server, a command-line import). Row 0 moves with writes that change every
 * consultation's pages: participants' public names and stakeholder groups.
 */
export const pageRevisions = sqliteTable("page_revisions", {
  consultationId: integer("consultation_id").primaryKey(),
  revision: integer("revision").notNull().default(0),
});
