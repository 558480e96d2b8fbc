import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { anonymous, can } from "~/auth/permissions";
import { ConsultationStatus } from "~/components/consultation-status";
import { listVisibleConsultations } from "~/drafts/drafts.server";
import { getActor } from "~/auth/session.server";
import { requestLocale } from "~/i18n/locale.server";
import { localizedTexts } from "~/consultations/consultation-texts";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("home.title")} · ${t("app.name")}` }];
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (!can(anonymous, { action: "consultation.list" })) throw new Response("Forbidden", { status: 403 });
  // The secretariat and expert groups also see the consultations they prepare, marked as such.
  const actor = await getActor(request, context.db, context.config);
  const locale = await requestLocale(request, context);
  const consultations = listVisibleConsultations(context.db, actor).map((c) => {
    const texts = localizedTexts(c, locale);
    return {
      slug: c.slug,
      title: texts.title,
      description: texts.description,
      status: c.state,
      opensAt: c.opensAt?.toISOString() ?? null,
      closesAt: c.closesAt?.toISOString() ?? null,
      timeZone: c.timeZone,
      paragraphCount: c.paragraphCount,
    };
  });
  return { consultations };
}

export default function Home() {
  const { consultations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("home.title")}</h1>
      <p className="lede">{t("home.intro")}</p>
      {consultations.length === 0 ? (
        <p>{t("home.empty")}</p>
      ) : (
        <ul className="consultation-list">
          {consultations.map((c) => (
            <li key={c.slug} className="consultation-card">
              <h2 dir="auto">
                <Link to={`/c/${c.slug}`}>{c.title}</Link>
              </h2>
              <ConsultationStatus status={c.status} opensAt={c.opensAt} closesAt={c.closesAt} timeZone={c.timeZone} />
              <p dir="auto">{c.description}</p>
              <p className="muted">{t("home.paragraphCount", { count: c.paragraphCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
