import { useEffect, useRef, useState } from "react";
import { Form, Link, useActionData, useFetcher, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { ChannelLabel } from "~/channels/channel-label";
import { DiffText } from "~/components/diff-text";
import { ErrorSummary, Field, Options } from "~/components/form-field";
import { LocalTime, WithLocalTime, WithTwoZones } from "~/components/local-date";
import { wordDiff } from "~/drafts/word-diff";
import { useLocale, useT } from "~/i18n/i18n-context";
import { formatNumber } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/messages.en";
import { electoralGroups, languages, stances, unescoRegions } from "../../db/enums";
import { CommentLanguageField, useLanguageGuess } from "./comment-language-field";
import { commentParagraphs } from "./comment-text";
import { StanceFieldset } from "./stance-fieldset";
import type { ChosenPassage } from "./passage-text";
import type { StanceCounts, ThreadComment, ThreadFilters } from "./comments.server";

interface Section {
  threads: ThreadComment[];
  total: number;
  /** This page's place among the threads the filters keep (`matching` of them), and the cursors either side. */
  page: { offset: number; previous: string | null; next: string | null; matching: number };
  counts: StanceCounts;
  filters: ThreadFilters;
  groups: { id: number; name: string }[];
  signedIn: boolean;
  canComment: boolean;
  /** Signed in with an address not confirmed yet: the form says so and offers the link again. */
  unconfirmed?: boolean;
  open: boolean;
  closedAt: string | null;
  /** Why this reader cannot comment now (null: they can, or must sign in first). */
  refusal: Refusal | null;
  submissionId: string;
  /** The same for the reply forms, so that a reply never reuses a stored comment's id. */
  replySubmissionId: string;
  /** What the reader just published (the redirect after a stored comment or reply says so). */
  published: "comment" | "reply" | null;
  /** The latest published version: comments on an earlier one are marked with theirs. */
  currentVersion: number | null;
  /** Passage comments as marked in the text shown (null when it is a translation). */
  passages: { changed: number[]; firstPiece: Record<number, number> } | null;
  /** The consultation's slug, for the link to write a joint submission instead (optional: other pages' sections). */
  slug?: string;
}

interface Refusal {
  key: string;
  at: string | null;
  timeZone: string;
}

/** "Comments open on 1 September 2026, 09:00 CEST (…Central European Time)", or without a date. */
function RefusalMessage({ refusal }: { refusal: Refusal }) {
  const t = useT();
  if (refusal.at === null) return <>{t(refusal.key as MessageKey)}</>;
  return <WithTwoZones message={(date) => t(refusal.key as MessageKey, { date })} iso={refusal.at} timeZone={refusal.timeZone} />;
}

interface Result {
  refusal?: Refusal;
  /** A rate-limit refusal: when to try again. */
  wait?: { minutes: number };
  errors?: Record<string, string>;
  values?: Record<string, string>;
  replyTo?: string;
  editing?: string;
  flagging?: string;
}

interface FormIdentity {
  key: string;
  submissionId: string;
}

/**
 * The id a form is sent with, and its React key. Every reload of the page's data (a live update
 * when someone else comments) brings a fresh id; the form keeps its own until what it sent is
 * stored (the redirect says `published`), and only then starts afresh, empty, with the new one.
 */
function useFormIdentity(fresh: string, stored: boolean): FormIdentity {
  const location = useLocation();
  const key = stored ? location.key : "first";
  const held = useRef<FormIdentity>({ key, submissionId: fresh });
  if (held.current.key !== key) held.current = { key, submissionId: fresh };
  return held.current;
}

/**
 * A link to `#comment-N` whose comment is on another page of the list (old links, links from
 * other pages): with JavaScript, the page that holds it is asked for (`?comment=N`); without,
 * links made by Redraft carry `?comment=` themselves.
 */
function usePermalinkOnAnotherPage() {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
    if (!id || document.getElementById(`comment-${id}`)) return;
    const params = new URLSearchParams(location.search);
    if (params.get("comment") === id) return;
    for (const name of PLACING) params.delete(name);
    params.set("comment", id);
    navigate(`${location.pathname}?${params}${location.hash}`, { replace: true });
  }, [location, navigate]);
}

/** Whether the form with this intent (and, for a reply, this parent) is being sent now. */
function useSubmitting(intent: string, parentId?: number) {
  const navigation = useNavigation();
  const sent = navigation.state === "submitting" ? navigation.formData : undefined;
  return sent?.get("intent") === intent && (parentId === undefined || sent.get("parentId") === String(parentId));
}

/** The words a passage comment is about, linked to their highlight, or said to be gone. */
function PassageQuote({ commentId, quote, passages }: { commentId: number; quote: string; passages: Section["passages"] }) {
  const t = useT();
  const changed = passages?.changed.includes(commentId) ?? false;
  const at = passages?.firstPiece[commentId];
  return (
    <p className={`comment__passage${changed ? " comment__passage--changed" : ""}`}>
      <span className="comment__passage-label">{changed ? t("passage.changed") : t("passage.onWords")}</span>{" "}
      <q dir="auto">{quote}</q>
      {at !== undefined ? (
        <>
          {" "}
          <a href={`#passage-${at}`}>{t("passage.showInText")}</a>
        </>
      ) : null}
    </p>
  );
}

/** The passage a refused form was sent with, so that the reader does not lose it. */
function passageFromValues(values: Record<string, string>, text: string): ChosenPassage | null {
  const start = Number(values.passageStart);
  const end = Number(values.passageEnd);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) return null;
  return { start, end, quote: text.slice(start, end).trim() };
}

/** The chosen passage inside the comment form: its words, the offsets sent, and a way back to the whole paragraph. */
function ChosenPassageField({ passage, error, onClear }: { passage: ChosenPassage | null; error?: string; onClear?: () => void }) {
  const t = useT();
  if (!passage) return null;
  return (
    <div className={`field comment-form__passage${error ? " field--invalid" : ""}`} id="field-passage">
      <p>
        {t("passage.commentingOn")} <q dir="auto">{passage.quote}</q>
      </p>
      <input type="hidden" name="passageStart" value={passage.start} />
      <input type="hidden" name="passageEnd" value={passage.end} />
      {error ? <p className="field__error">{t(error as MessageKey)}</p> : null}
      {onClear ? (
        <button type="button" className="link-button" onClick={onClear}>
          {t("passage.wholeParagraph")}
        </button>
      ) : null}
    </div>
  );
}

/** Plain text, paragraphs and safe links only; React escapes the rest. */
function CommentBody({ text, language }: { text: string; language: string }) {
  return (
    <div lang={language} className="comment__body">
      {commentParagraphs(text).map((segments, i) => (
        <p key={i} dir="auto">
          {segments.map((s, j) =>
            s.type === "link" ? (
              <a key={j} href={s.href} rel="nofollow ugc noopener" target="_blank">
                {s.text}
              </a>
            ) : (
              <span key={j}>{s.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function CommentItem({
  comment,
  paragraphText,
  section,
  reply,
  replyForm,
}: {
  comment: ThreadComment;
  paragraphText: string;
  section: Section;
  reply?: boolean;
  replyForm: FormIdentity;
}) {
  const t = useT();
  const result = (useActionData() ?? {}) as Result;
  // The report's answer is a redirect to this comment with ?flagged=1: say it was received.
  const query = new URLSearchParams(useLocation().search);
  const justFlagged = query.get("flagged") === "1" && query.get("comment") === String(comment.id);
  const replyErrors = result.replyTo === String(comment.id) ? (result.errors ?? {}) : {};
  const replyLanguage = useLanguageGuess(result.replyTo === String(comment.id) ? result.values?.language : undefined);
  const replySubmissionId = (result.replyTo === String(comment.id) ? result.values?.submissionId : undefined) ?? replyForm.submissionId;
  const replySubmitting = useSubmitting("reply", comment.id);
  return (
    // Focusable from script: "Show more" moves focus to the first comment it brought.
    <li id={`comment-${comment.id}`} className={`comment comment--${comment.stance ?? "reply"}`} tabIndex={-1}>
      <article aria-labelledby={`comment-${comment.id}-author`}>
        <header className="comment__head">
          <span id={`comment-${comment.id}-author`} className="comment__author">
            {comment.author}
          </span>
          {comment.stance ? <span className={`stance stance--${comment.stance}`}>{t(`stance.${comment.stance}` as MessageKey)}</span> : null}
          <span className="comment__language" lang={comment.language}>
            {t(`language.${comment.language}`)}
          </span>
          <LocalTime iso={comment.createdAt} />
          {comment.version !== null && section.currentVersion !== null && comment.version < section.currentVersion ? (
            <span className="comment__version">{t("comment.onVersion", { number: comment.version })}</span>
          ) : null}
        </header>
        <ChannelLabel channel={comment.channel} meeting={comment.meeting} peopleRepresented={comment.peopleRepresented} />
        {comment.cosigners ? <Cosigners commentId={comment.id} cosigners={comment.cosigners} /> : null}
        {comment.status === "removed" ? (
          <p className="muted">{t("comment.removedByAuthor")}</p>
        ) : comment.status === "hidden" ? (
          <>
            <p className="muted">{t("comment.hidden")}</p>
            {comment.hiddenReason ? <p className="notice">{t("comment.hiddenBecause", { reason: comment.hiddenReason })}</p> : null}
          </>
        ) : (
          <>
            {comment.passage ? <PassageQuote commentId={comment.id} quote={comment.passage.anchor.exact} passages={section.passages} /> : null}
            <CommentBody text={comment.body} language={comment.language} />
            {comment.proposedText ? (
              <div className="comment__amendment">
                <p className="comment__amendment-title">{t("comment.amendmentDiff")}</p>
                <p>
                  <DiffText parts={wordDiff(paragraphText, comment.proposedText)} />
                </p>
              </div>
            ) : null}
          </>
        )}
        <footer className="comment__actions">
          {comment.edited ? <span>{t("comment.edited")}</span> : null}
          <span>{t("comment.endorsements", { count: comment.endorsements })}</span>
          {section.canComment && !comment.mine && comment.status === "visible" ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="endorse" />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="link-button" aria-pressed={comment.endorsedByMe}>
                {comment.endorsedByMe ? t("comment.endorsed") : t("comment.endorse")}
              </button>
            </Form>
          ) : null}
        </footer>
        {comment.editable ? (
          <details className="comment__edit" open={result.editing === String(comment.id)}>
            <summary>{t("comment.edit")}</summary>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="commentId" value={comment.id} />
              <Field name="body" id={`edit-${comment.id}`} label={t("comment.body")} error={result.editing === String(comment.id) ? result.errors?.body : undefined}>
                <textarea rows={4} maxLength={10_000} defaultValue={comment.body} />
              </Field>
              {comment.proposedText !== null ? (
                <Field name="proposedText" id={`edit-proposed-${comment.id}`} label={t("comment.proposedText")}>
                  <textarea rows={4} maxLength={10_000} defaultValue={comment.proposedText} />
                </Field>
              ) : null}
              <button type="submit">{t("form.save")}</button>
            </Form>
          </details>
        ) : null}
        {comment.mine && comment.status === "visible" ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="link-button">
              {t("comment.delete")}
            </button>
          </Form>
        ) : null}
        {justFlagged ? (
          <p role="status" className="comment__notice">
            {t("comment.flagSent")}
          </p>
        ) : (section.canComment || result.flagging === String(comment.id)) && !comment.mine && comment.status === "visible" ? (
          <details className="comment__flag" open={result.flagging === String(comment.id)}>
            <summary>{t("comment.flag")}</summary>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="flag" />
              <input type="hidden" name="commentId" value={comment.id} />
              <Field name="reason" id={`flag-${comment.id}`} label={t("comment.flagReason")} error={result.flagging === String(comment.id) ? result.errors?.reason : undefined}>
                <input type="text" maxLength={500} />
              </Field>
              <button type="submit">{t("comment.flagSubmit")}</button>
            </Form>
          </details>
        ) : null}
        {comment.replies.length > 0 ? (
          <ol className="comment__replies" aria-label={t("comment.replies")}>
            {comment.replies.map((r) => (
              <CommentItem key={r.id} comment={r} paragraphText={paragraphText} section={section} reply replyForm={replyForm} />
            ))}
          </ol>
        ) : null}
        {/* Also after a refused reply, so what was typed is not lost. */}
        {(section.canComment || result.replyTo === String(comment.id)) && !reply && comment.status === "visible" ? (
          // Keyed by the submission: once a reply is stored the box closes, empty, with a new id;
          // a refused one keeps its id, its text and stays open.
          <details key={replyForm.key} className="comment__reply" open={result.replyTo === String(comment.id)}>
            <summary>{t("comment.reply")}</summary>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="reply" />
              <input type="hidden" name="parentId" value={comment.id} />
              <input type="hidden" name="submissionId" value={replySubmissionId} />
              <Field name="body" id={`reply-${comment.id}`} label={t("comment.replyTo", { author: comment.author })} error={replyErrors.body}>
                <textarea
                  rows={3}
                  maxLength={10_000}
                  defaultValue={result.replyTo === String(comment.id) ? result.values?.body : undefined}
                  onChange={replyLanguage.onText}
                />
              </Field>
              <CommentLanguageField id={`reply-language-${comment.id}`} guess={replyLanguage} />
              <button type="submit" disabled={replySubmitting}>
                {t("comment.replySubmit")}
              </button>
            </Form>
          </details>
        ) : null}
      </article>
    </li>
  );
}

/** Comments per stance, as numbers and as a bar. */
export function StanceSummary({ counts, compact }: { counts: StanceCounts; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (counts.total === 0) return null;
  const parts = stances.filter((s) => counts[s] > 0);
  const label = new Intl.ListFormat(locale, { type: "unit" }).format(parts.map((s) => `${t(`stance.${s}`)}: ${formatNumber(counts[s], locale)}`));
  return (
    <div className={`stance-summary${compact ? " stance-summary--compact" : ""}`}>
      <div className="stance-bar" role="img" aria-label={label}>
        {parts.map((s) => (
          <span key={s} className={`stance-bar__part stance-bar__part--${s}`} style={{ flexGrow: counts[s] }} />
        ))}
      </div>
      {compact ? null : (
        <ul className="stance-counts">
          {parts.map((s) => (
            <li key={s}>
              <span className={`stance stance--${s}`}>{t(`stance.${s}`)}</span> {formatNumber(counts[s], locale)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Query parameters that place a page or answer a form: the pager's links drop them and set their own. */
const PLACING = ["after", "before", "comment", "published", "flagged"];

/** The list's address with this page's cursor, keeping the reader's filters and sort. */
function pageSearch(search: string, key: "after" | "before" | null, cursor: string | null): string {
  const params = new URLSearchParams(search);
  for (const name of PLACING) params.delete(name);
  if (key && cursor) params.set(key, cursor);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * One page of threads and the way to the others. Without JavaScript "more" and "previous" are
 * plain links (keyset cursors, decision 026); with it "Show more" appends the next page in place
 * (a fetcher) and moves focus to the first comment it brought, so a keyboard user carries on
 * reading where the new comments start.
 */
function CommentPages({ section, paragraphText, replyForm }: { section: Section; paragraphText: string; replyForm: FormIdentity }) {
  const t = useT();
  const location = useLocation();
  const fetcher = useFetcher<{ comments: Section | null }>();
  // Pages appended here, for the list at this address (another filter or page starts afresh).
  const here = location.pathname + location.search;
  const [more, setMore] = useState<{ at: string; threads: ThreadComment[]; next: string | null }>({ at: here, threads: [], next: null });
  const focusOn = useRef<number | null>(null);
  const appended = more.at === here ? more : { at: here, threads: [], next: null };
  useEffect(() => {
    const loaded = fetcher.data?.comments;
    if (fetcher.state !== "idle" || !loaded) return;
    setMore((m) => {
      const kept = m.at === here ? m.threads : [];
      const seen = new Set([...section.threads, ...kept].map((c) => c.id));
      const fresh = loaded.threads.filter((c) => !seen.has(c.id));
      focusOn.current = fresh[0]?.id ?? null;
      return { at: here, threads: [...kept, ...fresh], next: loaded.page.next };
    });
    // Only once per load: the fetcher keeps its data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state]);
  useEffect(() => {
    if (focusOn.current === null) return;
    document.getElementById(`comment-${focusOn.current}`)?.focus();
    focusOn.current = null;
  }, [more]);
  // A live reload of page 1 may now hold a thread that was appended: shown once.
  const first = new Set(section.threads.map((c) => c.id));
  const threads = [...section.threads, ...appended.threads.filter((c) => !first.has(c.id))];
  const next = appended.threads.length > 0 ? appended.next : section.page.next;
  const { offset, matching } = section.page;
  const loading = fetcher.state !== "idle";
  const showMore = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (!next) return;
    event.preventDefault();
    fetcher.load(`${location.pathname}${pageSearch(location.search, "after", next)}`);
  };
  return (
    <>
      {/* Of all the comments, how many the filters keep. */}
      {matching !== section.total ? <p>{t("comment.shown", { shown: matching, total: section.total })}</p> : null}
      {matching > threads.length || offset > 0 ? (
        <p id="comment-page">{t("comment.range", { from: threads.length === 0 ? 0 : offset + 1, to: offset + threads.length, total: matching })}</p>
      ) : null}
      {threads.length > 0 ? (
        <ol className="comment-list" aria-busy={loading}>
          {threads.map((c) => (
            <CommentItem key={c.id} comment={c} paragraphText={paragraphText} section={section} replyForm={replyForm} />
          ))}
        </ol>
      ) : null}
      {next || offset > 0 ? (
        <nav className="comment-pager" aria-label={t("comment.pages")}>
          {offset > 0 ? (
            <>
              <Link to={`${pageSearch(location.search, null, null)}#comments-title`}>{t("comment.firstPage")}</Link>{" "}
              {section.page.previous ? (
                <Link to={`${pageSearch(location.search, "before", section.page.previous)}#comment-page`}>{t("comment.previousPage")}</Link>
              ) : null}{" "}
            </>
          ) : null}
          {next ? (
            <Link to={`${pageSearch(location.search, "after", next)}#comment-page`} onClick={showMore} aria-disabled={loading || undefined}>
              {loading ? t("comment.loadingMore") : t("comment.more")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export function CommentSection({
  section,
  label,
  paragraphText,
  returnTo,
  passage = null,
  onClearPassage,
}: {
  section: Section;
  /** The paragraph's label; null for comments on the draft as a whole. */
  label: string | null;
  paragraphText: string;
  returnTo: string;
  /** The words chosen in the text for this comment (with scripts), if any. */
  passage?: ChosenPassage | null;
  onClearPassage?: () => void;
}) {
  const t = useT();
  const result = (useActionData() ?? {}) as Result;
  const elsewhere = result.replyTo || result.editing || result.flagging;
  const errors = elsewhere ? {} : (result.errors ?? {});
  const values = elsewhere ? {} : (result.values ?? {});
  const { form: formError, ...fieldErrors } = errors;
  // "comment.tooMany" says when to try again; a reply, edit or report refused so keeps its own text.
  const formMessage = (key: string) => t(key as MessageKey, key === "comment.tooMany" ? { minutes: result.wait?.minutes ?? 1 } : undefined);
  const commentLanguage = useLanguageGuess(values.language);
  // A refused form keeps the id it was sent with (sending it again cannot store it twice).
  const commentForm = useFormIdentity(section.submissionId, section.published === "comment");
  const replyForm = useFormIdentity(section.replySubmissionId, section.published === "reply");
  const submissionId = values.submissionId ?? commentForm.submissionId;
  const submitting = useSubmitting("comment");
  usePermalinkOnAnotherPage();
  // Once someone has started writing, the form stays even if the consultation closes meanwhile
  // (a live update): the notice says so, and nothing typed is lost.
  const [started, setStarted] = useState(false);
  const onBody = (event: React.ChangeEvent<HTMLTextAreaElement>) => {
    setStarted(true);
    commentLanguage.onText(event);
  };
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t("comment.section")}</h2>
      <p role="status">{t("comment.count", { count: section.total })}</p>
      {section.total > 0 ? (
        <>
          <StanceSummary counts={section.counts} />
          <Form method="get" className="filters" aria-label={t("comment.filters")}>
            {(
              [
                ["stance", t("comment.stance"), section.filters.stance, stances.map((s) => ({ value: s, label: t(`stance.${s}`) }))],
                ["region", t("account.region"), section.filters.region, unescoRegions.map((r) => ({ value: r, label: t(`region.${r}`) }))],
                ["electoral", t("account.electoralGroup"), section.filters.electoral, electoralGroups.map((g) => ({ value: g, label: t(`group.${g}`) }))],
                ["group", t("field.stakeholderGroup"), section.filters.group, section.groups.map((g) => ({ value: g.id, label: g.name }))],
                ["language", t("field.language"), section.filters.language, languages.map((l) => ({ value: l, label: t(`language.${l}`) }))],
              ] as const
            ).map(([name, label, value, options]) => (
              <div className="field" key={name}>
                <label htmlFor={`comments-${name}`}>{label}</label>
                <select id={`comments-${name}`} name={name} defaultValue={value ?? ""}>
                  <Options empty={t("admin.any")} options={options} />
                </select>
              </div>
            ))}
            <div className="field">
              <label htmlFor="comments-sort">{t("comment.sort")}</label>
              <select id="comments-sort" name="sort" defaultValue={section.filters.sort}>
                <Options options={(["oldest", "newest", "endorsed"] as const).map((s) => ({ value: s, label: t(`comment.sort.${s}`) }))} />
              </select>
            </div>
            <div className="field">
              <button type="submit">{t("admin.filter")}</button>
            </div>
          </Form>
        </>
      ) : null}
      <CommentPages section={section} paragraphText={paragraphText} replyForm={replyForm} />

      {section.published && !result.errors ? (
        <p className="notice" role="status">
          {t(section.published === "reply" ? "comment.replyPublished" : "comment.published")}
        </p>
      ) : null}
      {result.refusal && elsewhere ? (
        <p className="error-summary" role="alert">
          <RefusalMessage refusal={result.refusal} />
        </p>
      ) : elsewhere && result.errors?.form ? (
        <p className="error-summary" role="alert">
          {formMessage(result.errors.form)}
        </p>
      ) : null}
      {section.canComment || (result.refusal && !elsewhere) || (started && section.signedIn) ? (
        <Form key={commentForm.key} id="add-comment" method="post" className="form comment-form" noValidate aria-labelledby="comment-form-title">
          <h3 id="comment-form-title">{label === null ? t("comment.addOnDraft") : t("comment.add", { label })}</h3>
          {!section.canComment && section.refusal && !result.refusal ? (
            <p className="notice" role="status">
              <RefusalMessage refusal={section.refusal} />
            </p>
          ) : null}
          {result.refusal && !elsewhere ? (
            // Refused on submit (the consultation closed meanwhile): the text stays to copy.
            <p className="error-summary" role="alert">
              <RefusalMessage refusal={result.refusal} />
            </p>
          ) : formError ? (
            <p className="error-summary" role="alert">
              {formMessage(formError)}
            </p>
          ) : (
            <ErrorSummary errors={fieldErrors} />
          )}
          {section.unconfirmed && !formError ? (
            <p className="notice" role="status">
              {t("comment.confirmNotice")}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="submissionId" value={submissionId} />
          <ChosenPassageField passage={passage ?? passageFromValues(values, paragraphText)} error={fieldErrors.passage} onClear={onClearPassage} />
          <StanceFieldset legend={t("comment.stance")} value={values.stance} error={fieldErrors.stance} />
          <Field name="body" label={t("comment.body")} hint={t("comment.body.hint")} error={fieldErrors.body}>
            <textarea rows={6} maxLength={10_000} defaultValue={values.body} onChange={onBody} />
          </Field>
          <CommentLanguageField guess={commentLanguage} />
          <Field name="proposedText" label={t("comment.proposedText")} hint={t("comment.proposedText.hint")} error={fieldErrors.proposedText} optional>
            <textarea rows={6} maxLength={10_000} defaultValue={values.proposedText ?? paragraphText} />
          </Field>
          <button type="submit" disabled={submitting}>
            {t("comment.submit")}
          </button>
          {section.unconfirmed ? (
            <>
              {" "}
              <button type="submit" name="resendConfirmation" value="1">
                {t("confirm.resend")}
              </button>
            </>
          ) : null}
          {section.canComment && section.slug ? (
            <p className="comment-form__joint">
              <Link to={`/c/${section.slug}/joint${label === null ? "" : `?p=${encodeURIComponent(label)}`}`}>{t("joint.writeJoint")}</Link>
            </p>
          ) : null}
        </Form>
      ) : section.refusal ? (
        <p className="notice" id="add-comment">
          <RefusalMessage refusal={section.refusal} />
        </p>
      ) : !section.signedIn ? (
        <p id="add-comment">
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(returnTo)}`}>{t("comment.signInToComment")}</Link>{" "}
          <Link to={`/register?redirectTo=${encodeURIComponent(returnTo)}`}>{t("comment.orRegister")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** A joint submission's signers, under its author line (issue 17): who stands behind the words. */
function Cosigners({ commentId, cosigners }: { commentId: number; cosigners: { name: string; organisation: string | null; country: string }[] }) {
  const t = useT();
  return (
    <div className="comment__cosigners">
      <p id={`comment-${commentId}-cosigners`}>{t("joint.onBehalf", { count: cosigners.length })}</p>
      <ul aria-labelledby={`comment-${commentId}-cosigners`}>
        {cosigners.map((s, i) => (
          <li key={i}>{[s.name, s.organisation, s.country].filter(Boolean).join(" · ")}</li>
        ))}
      </ul>
    </div>
  );
}
