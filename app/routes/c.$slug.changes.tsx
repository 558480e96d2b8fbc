import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DiffText } from "~/components/diff-text";
import { ParagraphText } from "~/components/draft-node";
import { headingTitle, paragraphPath, type DraftNode } from "~/drafts/outline";
import { loadVersionChanges } from "~/drafts/versions.server";
import { getActor } from "~/auth/session.server";
import { requestTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import type { ChangeReason } from "~/review/changelog.server";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("changes.title")} · ${data.consultation.title}` : t("app.name") }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const actor = await getActor(request, context.db, context.config);
  const t = await requestTranslator(request, context);
  return loadVersionChanges(context.db, params.slug, new URL(request.url).searchParams, actor, t("comment.participant"));
}

function ChangeReasons({ reasons }: { reasons: ChangeReason[] | undefined }) {
  const t = useT();
  if (!reasons || reasons.length === 0) return null;
  return (
    <section className="change__reasons" aria-label={t("changes.ledBy")}>
      <p className="change__side-title">{t("changes.ledBy")}</p>
      <ul>
        {reasons.map((r) => (
          <li key={r.commentId}>
            <p>
              {t("changes.ledByComment", {
                author: r.author,
                region: t(`region.${r.region}` as MessageKey),
                group: r.stakeholderGroup,
                version: r.version ?? 0,
                decision: t(`decision.${r.decision}` as MessageKey),
              })}
            </p>
            <blockquote>{r.body}</blockquote>
            {r.rationale ? <p className="muted">{r.rationale}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NodeName({ node, slug }: { node: Pick<DraftNode, "label" | "kind" | "text">; slug: string }) {
  const t = useT();
  if (node.kind === "heading") return <strong>{headingTitle(node)}</strong>;
  if (node.label === null) return <span className="muted">{t(`kind.${node.kind}`)}</span>;
  return (
    <Link className="draft-node__label" to={paragraphPath(slug, node.label)}>
      {node.label}
    </Link>
  );
}

export default function VersionChangesPage() {
  const { consultation, versions, view, to, from, comparison, reasons, error } = useLoaderData<typeof loader>();
  const t = useT();
  const slug = consultation.slug;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("changes.title")}</h1>
      {error ? <p role="alert">{t("changes.noSuchVersion", { number: error.missingVersion })}</p> : null}
      {!error && comparison === null ? <p>{t("changes.onlyOne")}</p> : null}
      {versions.length > 1 ? (
        <Form method="get" className="changes-form">
          <label>
            {t("changes.versions")}{" "}
            <select name="to" defaultValue={to ?? undefined}>
              {versions.slice(1).map((v) => (
                <option key={v.number} value={v.number}>
                  {t("changes.between", { to: v.number, from: v.number - 1 })}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t("changes.view")}</legend>
            <label>
              <input type="radio" name="view" value="inline" defaultChecked={view === "inline"} /> {t("changes.inline")}
            </label>
            <label>
              <input type="radio" name="view" value="side" defaultChecked={view === "side"} /> {t("changes.side")}
            </label>
          </fieldset>
          <button type="submit">{t("changes.apply")}</button>
        </Form>
      ) : null}
      {comparison ? (
        <>
          <h2>{t("changes.between", { to: to ?? 0, from: from ?? 0 })}</h2>
          <p role="status">{t("changes.summary", comparison.counts)}</p>
          <ol className={`changes changes--${view}`}>
            {comparison.changes.map((c, i) => {
              if (c.change === "unchanged") {
                return (
                  <li key={i} className="change change--unchanged">
                    <NodeName node={c.node} slug={slug} />
                    {c.previousLabel !== c.node.label && c.previousLabel ? (
                      <span className="muted"> ({t("changes.renumbered", { label: c.previousLabel })})</span>
                    ) : null}
                  </li>
                );
              }
              if (c.change === "added") {
                return (
                  <li key={i} className="change change--added">
                    <p className="change__head">
                      <NodeName node={c.node} slug={slug} /> <span className="change__tag">{t("changes.added")}</span>
                    </p>
                    <ins>
                      <ParagraphText text={c.node.text} />
                    </ins>
                    <ChangeReasons reasons={reasons[c.node.nodeId]} />
                  </li>
                );
              }
              if (c.change === "removed") {
                return (
                  <li key={i} className="change change--removed">
                    <p className="change__head">
                      <span className="draft-node__label">{c.previous.label ?? t(`kind.${c.previous.kind}`)}</span>{" "}
                      <span className="change__tag">{t("changes.removed")}</span>
                    </p>
                    <del>
                      <ParagraphText text={c.previous.text} />
                    </del>
                  </li>
                );
              }
              return (
                <li key={i} className="change change--changed">
                  <p className="change__head">
                    <NodeName node={c.node} slug={slug} />
                    {c.previous.label !== c.node.label && c.previous.label ? (
                      <span className="muted"> ({t("changes.renumbered", { label: c.previous.label })})</span>
                    ) : null}{" "}
                    <span className="change__tag">{t("changes.changed")}</span>
                  </p>
                  {view === "side" ? (
                    <div className="change__sides">
                      <div>
                        <p className="change__side-title">{t("changes.before", { number: from ?? 0 })}</p>
                        <p>
                          <DiffText parts={c.parts} show="before" />
                        </p>
                      </div>
                      <div>
                        <p className="change__side-title">{t("changes.after", { number: to ?? 0 })}</p>
                        <p>
                          <DiffText parts={c.parts} show="after" />
                        </p>
                      </div>
                    </div>
                  ) : (
                    <p>
                      <DiffText parts={c.parts} />
                    </p>
                  )}
                  <ChangeReasons reasons={reasons[c.node.nodeId]} />
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </div>
  );
}
