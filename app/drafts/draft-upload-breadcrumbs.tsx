import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

/** Back to the secretariat's pages, the consultation's text and (from a preview) the upload page. */
export function DraftUploadBreadcrumbs({ consultation, upload }: { consultation: { slug: string; title: string }; upload?: boolean }) {
  const t = useT();
  return (
    <p className="breadcrumbs">
      <Link to="/admin">{t("admin.title")}</Link> · <Link to={`/c/${consultation.slug}`} dir="auto">{consultation.title}</Link>
      {upload ? (
        <>
          {" "}
          · <Link to={`/admin/consultations/${consultation.slug}/draft`}>{t("draftUpload.title")}</Link>
        </>
      ) : null}
    </p>
  );
}
