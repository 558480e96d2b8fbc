import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("privacy.title")} · Redraft` }];

const SECTIONS = [
  ["privacy.storedTitle", "privacy.stored"],
  ["privacy.publicTitle", "privacy.public"],
  ["privacy.howLongTitle", "privacy.howLong"],
  ["privacy.rightsTitle", "privacy.rights"],
] as const;

export default function PrivacyPage() {
  const t = useT();
  return (
    <div className="page prose">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {SECTIONS.map(([title, body]) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title}>{t(title)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
    </div>
  );
}
