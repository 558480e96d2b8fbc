import { useT } from "../i18n/i18n-context";
import { WithLocalTime } from "./local-date";

interface Props {
  status: "draft" | "open" | "closed";
  opensAt: string | null;
  closesAt: string | null;
}

/** Status badge and the date that matters for it. */
export function ConsultationStatus({ status, opensAt, closesAt }: Props) {
  const t = useT();
  // Closing times are moments: the reader sees them in their own time zone.
  let when: React.ReactNode;
  if (status === "closed" && closesAt) when = <WithLocalTime message={(date) => t("consultation.closedOn", { date })} iso={closesAt} withTime />;
  else if (status === "draft" && opensAt) when = <WithLocalTime message={(date) => t("consultation.opensOn", { date })} iso={opensAt} withTime />;
  else if (closesAt) when = <WithLocalTime message={(date) => t("consultation.closesOn", { date })} iso={closesAt} withTime />;
  else when = t("consultation.noDeadline");
  return (
    <p className="status-line">
      <span className={`status status--${status}`}>{t(`status.${status}`)}</span>
      <span className="status-line__date">{when}</span>
    </p>
  );
}
