import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

/** Back to the draft and to the consultation's input overview. */
export function InputBreadcrumbs({ consultation }: { consultation: { slug: string; title: string } }) {
  const t = useT();
  return (
    <p className="breadcrumbs">
      <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link> ·{" "}
      <Link to={`/c/${consultation.slug}/input`}>{t("input.title")}</Link>
    </p>
  );
}
