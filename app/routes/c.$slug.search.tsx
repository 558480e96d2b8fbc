import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HighlightedText } from "~/components/draft-node";
import { SearchForm } from "~/components/search-form";
import { nodeAnchor, paragraphPath } from "~/drafts/outline";
import { loadReadableDraft } from "~/drafts/reading.server";
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, searchNodes } from "~/drafts/search";
import { getActor } from "~/auth/session.server";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("search.title")} · ${data.consultation.title}` : t("app.name") }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { consultation, nodes } = loadReadableDraft(context.db, params.slug, await getActor(request, context.db, context.config));
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const tooShort = query.length < MIN_QUERY_LENGTH;
  const hits = tooShort ? [] : searchNodes(nodes, query);
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    query,
    tooShort,
    hits: hits.map((h) => ({
      nodeId: h.node.nodeId,
      label: h.node.label,
      kind: h.node.kind,
      anchor: nodeAnchor(h.node),
      segments: h.segments,
    })),
  };
}

export default function SearchPage() {
  const { consultation, query, tooShort, hits } = useLoaderData<typeof loader>();
  const t = useT();
  const slug = consultation.slug;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{t("search.backToDraft")}</Link>
      </p>
      <h1>{t("search.title")}</h1>
      <p className="muted">{consultation.title}</p>
      <SearchForm slug={slug} query={query} />
      <p role="status" className="search-summary">
        {tooShort ? t("search.tooShort", { min: MIN_QUERY_LENGTH }) : t("search.results", { count: hits.length, query })}
      </p>
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={hit.nodeId} className="search-result">
            <Link
              className="draft-node__label"
              to={hit.label !== null && hit.kind !== "heading" ? paragraphPath(slug, hit.label) : `/c/${slug}#${hit.anchor}`}
            >
              {hit.label ?? t(`kind.${hit.kind}`)}
            </Link>
            <p>
              <HighlightedText segments={hit.segments} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
