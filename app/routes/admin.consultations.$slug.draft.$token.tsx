import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { Field } from "~/components/form-field";
import { DraftUploadBreadcrumbs } from "~/drafts/draft-upload-breadcrumbs";
import { previewPage, requireDraftUpload, submitPreview, type PreviewNode } from "~/drafts/draft-upload-pages.server";
import { nodeKinds } from "~/import/outline-corrections";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? t("draftUpload.preview.title", { fileName: data.fileName }) : t("draftUpload.title")} · Redraft` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation, userId } = await requireDraftUpload(request, context, params.slug);
  return previewPage(context, consultation, userId, params.token);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireDraftUpload(request, context, params.slug);
  return submitPreview(request, context, consultation, userId, params.token);
}

interface ActionResult {
  error?: { key: string; index?: number; op?: string };
  values?: Record<string, string>;
}

export default function DraftPreviewPage() {
  const page = useLoaderData<typeof loader>();
  const { consultation, fileName, title, translationLanguage, versionNumber, corrections, nodes, places, alignment } = page;
  const result = (useActionData() ?? {}) as ActionResult;
  const t = useT();
  const language = translationLanguage ? t(`language.${translationLanguage}` as MessageKey) : null;
  const pageError = result.error && (result.error.index ?? -1) < 0 ? result.error.key : null;
  const [searchParams] = useSearchParams();
  const flagged = nodes.filter((n) => n.problems.length > 0);
  return (
    <div className="page page--wide">
      <DraftUploadBreadcrumbs consultation={consultation} upload />
      <h1>{t("draftUpload.preview.title", { fileName })}</h1>
      <p role="status">
        {language
          ? t("draftUpload.preview.translation", { language, number: versionNumber, count: nodes.length })
          : t("draftUpload.preview.version", { title, number: versionNumber, count: nodes.length })}
      </p>
      {searchParams.get("corrected") && !result.error ? (
        <p className="notice" role="status">
          {t("draftUpload.corrected")}
        </p>
      ) : null}
      {pageError ? (
        <p className="error-summary" role="alert">
          {t(pageError as MessageKey)}
        </p>
      ) : null}

      <section aria-labelledby="check-title">
        <h2 id="check-title">{t("draftUpload.check.title", { count: places })}</h2>
        {places === 0 ? (
          <p>{t("draftUpload.check.none")}</p>
        ) : (
          <ul>
            {flagged.map((n) => (
              <li key={n.index}>
                <a href={`#node-${n.index + 1}`}>{nodeName(t, n)}</a>: {n.problems.map((p) => t(`draftUpload.problem.${p.kind}` as MessageKey)).join(" ")}
              </li>
            ))}
            {alignment?.rows
              .filter((r) => r.translated === null)
              .map((r, i) => (
                <li key={`untranslated-${i}`}>
                  <a href="#alignment-title">{r.label ?? t(`kind.${r.kind}` as MessageKey)}</a>:{" "}
                  {t("draftUpload.check.untranslated", { language: t(`language.${alignment.original}` as MessageKey) })}
                </li>
              ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t("draftUpload.corrections.title")}</h2>
        <p>{t("draftUpload.corrections.count", { count: corrections })}</p>
        {page.correctionSteps.length > 0 ? (
          <ol>
            {page.correctionSteps.map((step, i) => {
              const word = (value: string | null) =>
                value === null ? t("draftUpload.correction.none") : step.op === "kind" ? t(`kind.${value}` as MessageKey) : value;
              return (
                <li key={i} dir="auto">
                  {t(`draftUpload.correction.${step.op}` as MessageKey, { node: step.node, from: word(step.from), to: word(step.to) })}
                </li>
              );
            })}
          </ol>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="revision" value={corrections} />
          <button type="submit" name="intent" value="undo" disabled={corrections === 0}>
            {t("draftUpload.corrections.undo")}
          </button>{" "}
          <button type="submit" name="intent" value="reset" disabled={corrections === 0}>
            {t("draftUpload.corrections.reset")}
          </button>
        </Form>
      </section>

      {alignment ? (
        <section aria-labelledby="alignment-title">
          <h2 id="alignment-title">{t("draftUpload.alignment.title")}</h2>
          <p>
            {t("draftUpload.alignment.summary", { missing: alignment.missing, unmatched: alignment.unmatched.length })}
            {alignment.unmatched.length > 0 ? ` ${alignment.unmatched.join(", ")}` : null}
          </p>
          <DataTable
            caption={t("draftUpload.alignment.caption", { number: alignment.versionNumber })}
            columns={[t("draftUpload.alignment.label"), t(`language.${alignment.original}` as MessageKey), language ?? ""]}
          >
            {alignment.rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label ?? t(`kind.${r.kind}` as MessageKey)}</th>
                <td dir="auto">{excerpt(r.original)}</td>
                <td dir="auto">{r.translated === null ? <strong>{t("draftUpload.alignment.missing")}</strong> : excerpt(r.translated)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="outline-title">
        <h2 id="outline-title">{t("draftUpload.outline.title", { count: nodes.length })}</h2>
        <ol className="draft-preview">
          {nodes.map((n) => (
            <li key={`${corrections}-${n.index}`} style={{ marginInlineStart: `${Math.min(n.level, 6) * 1.5}rem` }}>
              <PreviewNodeView node={n} revision={corrections} result={result.error?.index === n.index ? result : undefined} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="confirm-title" className="draft-preview__confirm">
        <h2 id="confirm-title">{t("draftUpload.confirm.title")}</h2>
        <p>{t("draftUpload.confirm.nothingYet")}</p>
        {page.public ? <p className="warning">{t("draftUpload.confirm.public", { number: versionNumber })}</p> : null}
        {alignment && alignment.missing > 0 ? (
          <p className="warning">
            {t("draftUpload.confirm.untranslated", { count: alignment.missing, language: t(`language.${alignment.original}` as MessageKey) })}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="revision" value={corrections} />
          {page.public ? (
            <p className="checkbox">
              <input type="checkbox" id="understood" name="understood" value="yes" required />{" "}
              <label htmlFor="understood">{t("draftUpload.confirm.understood")}</label>
            </p>
          ) : null}
          <button type="submit" name="intent" value="confirm">
            {language ? t("draftUpload.confirm.translation", { language, number: versionNumber }) : t("draftUpload.confirm.version", { number: versionNumber })}
          </button>{" "}
          <button type="submit" name="intent" value="cancel" className="link-button" formNoValidate>
            {t("draftUpload.discard")}
          </button>
        </Form>
        <p className="muted">{t("draftUpload.expires")}</p>
      </section>
    </div>
  );
}

/** Problems whose detail (a label, a count, the text found) means something to a reader; the others' detail is internal. */
const problemsWithDetail = new Set<string>(["duplicate-label", "numbering-gap", "long-paragraph", "short-paragraph", "page-furniture"]);

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

function nodeName(t: ReturnType<typeof useT>, n: PreviewNode) {
  const kind = t(`kind.${n.kind}` as MessageKey);
  return n.label === null ? t("draftUpload.node.unlabelled", { n: n.index + 1, kind }) : t("draftUpload.node", { n: n.index + 1, kind, label: n.label });
}

/** One node as read, what to check about it, and the corrections that can be made to it. */
function PreviewNodeView({ node, revision, result }: { node: PreviewNode; revision: number; result?: ActionResult }) {
  const t = useT();
  const n = node.index + 1;
  const id = `node-${n}`;
  const errorFor = (op: string) => (result?.error?.op === op ? result.error.key : undefined);
  const typed = (op: string, field: string, fallback: string) => (result?.error?.op === op ? (result.values?.[field] ?? fallback) : fallback);
  const hidden = (
    <>
      <input type="hidden" name="intent" value="correct" />
      <input type="hidden" name="index" value={node.index} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
  return (
    <article id={id} aria-labelledby={`${id}-title`} className={`draft-preview__node${node.problems.length > 0 ? " draft-preview__node--flagged" : ""}`}>
      <h3 id={`${id}-title`}>{nodeName(t, node)}</h3>
      <p className="muted">
        {node.parent === null ? t("draftUpload.node.top", { level: node.level }) : t("draftUpload.node.under", { level: node.level, parent: node.parent })}
      </p>
      <p className="draft-preview__text" dir="auto">
        {node.text}
      </p>
      {node.footnotes.length > 0 ? (
        <>
          <p className="muted">{t("consultation.footnotes")}</p>
          <ol className="draft-preview__footnotes">
            {node.footnotes.map((f, i) => (
              <li key={i} dir="auto">
                {f}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {node.problems.length > 0 ? (
        <ul className="draft-preview__problems">
          {node.problems.map((p, i) => (
            <li key={i}>
              {t(`draftUpload.problem.${p.kind}` as MessageKey)}
              {p.detail && problemsWithDetail.has(p.kind) ? <> {t(`draftUpload.problem.${p.kind}.detail` as MessageKey, { detail: p.detail })}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <details open={result !== undefined}>
        <summary>{t("draftUpload.correct", { n })}</summary>
        <Form method="post" className="form draft-preview__form">
          {hidden}
          <input type="hidden" name="op" value="kind" />
          <Field name="kind" id={`${id}-kind`} label={t("draftUpload.correct.kind")} error={errorFor("kind")}>
            <select defaultValue={typed("kind", "kind", node.kind)}>
              {nodeKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit">{t("draftUpload.correct.kind.submit")}</button>
        </Form>
        <Form method="post" className="form draft-preview__form">
          {hidden}
          <input type="hidden" name="op" value="label" />
          <Field name="label" id={`${id}-label`} label={t("draftUpload.correct.label")} hint={t("draftUpload.correct.label.hint")} error={errorFor("label")}>
            <input type="text" dir="ltr" defaultValue={typed("label", "label", node.label ?? "")} maxLength={40} autoComplete="off" />
          </Field>
          <button type="submit">{t("draftUpload.correct.label.submit")}</button>
        </Form>
        <Form method="post" className="form draft-preview__form">
          {hidden}
          <input type="hidden" name="op" value="split" />
          <Field name="at" id={`${id}-at`} label={t("draftUpload.correct.split.at")} hint={t("draftUpload.correct.split.hint")} error={errorFor("split")}>
            <input type="text" defaultValue={typed("split", "at", "")} maxLength={500} autoComplete="off" />
          </Field>
          <Field name="newLabel" id={`${id}-new-label`} label={t("draftUpload.correct.split.label")} optional>
            <input type="text" dir="ltr" defaultValue={typed("split", "newLabel", "")} maxLength={40} autoComplete="off" />
          </Field>
          <button type="submit">{t("draftUpload.correct.split.submit")}</button>
        </Form>
        <Form method="post" className="draft-preview__form">
          {hidden}
          {["join", "footnote", "delete"].map((op) => (errorFor(op) ? <p key={op} className="field__error" role="alert">{t(errorFor(op) as MessageKey)}</p> : null))}
          {node.index > 0 ? (
            <>
              <button type="submit" name="op" value="join">
                {t("draftUpload.correct.join")}
              </button>{" "}
              <button type="submit" name="op" value="footnote">
                {t("draftUpload.correct.footnote")}
              </button>{" "}
            </>
          ) : null}
          <button type="submit" name="op" value="delete" className="button--danger-outline">
            {t("draftUpload.correct.delete")}
          </button>
        </Form>
      </details>
    </article>
  );
}
